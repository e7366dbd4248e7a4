// Backup folders are named in Paris time as the screen shows it, with the offset that makes the
// name exact across the autumn change; names given in UTC by earlier versions are still read.
import { describe, expect, it } from 'vitest';
import { backupMoment, finalName } from '../../electron/services/backup/layout';
import { fileMoment, parseFileMoment } from '../../electron/shared/dates';

describe('backup folder names', () => {
  it('are Paris wall-clock time, in winter and in summer', () => {
    expect(finalName(new Date('2026-11-23T10:15:00Z'))).toBe('clsm-sauvegarde-2026-11-23_11h15m00_+0100');
    expect(finalName(new Date('2026-07-01T16:37:55Z'))).toBe('clsm-sauvegarde-2026-07-01_18h37m55_+0200');
  });

  it('read back to the exact moment, even in the hour the autumn change repeats', () => {
    const first = new Date('2026-10-25T00:30:00Z'); // 02:30 summer time
    const second = new Date('2026-10-25T01:30:00Z'); // 02:30 winter time
    expect(fileMoment(first)).toBe('2026-10-25_02h30m00_+0200');
    expect(fileMoment(second)).toBe('2026-10-25_02h30m00_+0100');
    expect(parseFileMoment(fileMoment(first))).toBe(first.toISOString());
    expect(parseFileMoment(fileMoment(second))).toBe(second.toISOString());
    expect(parseFileMoment('2026-10-25_02h30m00')).toBeNull();
  });

  it('still lists the backups an earlier version named in UTC', () => {
    expect(backupMoment('clsm-sauvegarde-2026-11-23T101500Z')).toBe('2026-11-23T10:15:00.000Z');
    expect(backupMoment('clsm-sauvegarde-2026-11-23_11h15m00_+0100')).toBe('2026-11-23T10:15:00.000Z');
    expect(backupMoment('.clsm-en-cours-abc')).toBeNull();
  });
});
