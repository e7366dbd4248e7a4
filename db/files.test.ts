import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../tests/helpers/vault';
import { writeFileAtomic } from './files';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, openSync: vi.fn(actual.openSync), fsyncSync: vi.fn(actual.fsyncSync) };
});

describe('writeFileAtomic', () => {
  it('replaces the file whole, leaves no temporary file, and flushes the folder after the rename', () => {
    const dir = tempDir();
    const path = join(dir, 'clsm.keyring.json');
    writeFileAtomic(path, 'ancien');
    vi.mocked(fs.openSync).mockClear();
    vi.mocked(fs.fsyncSync).mockClear();
    writeFileAtomic(path, 'nouveau');
    expect(fs.readFileSync(path, 'utf8')).toBe('nouveau');
    expect(fs.readdirSync(dir)).toEqual(['clsm.keyring.json']);
    const opened = vi
      .mocked(fs.openSync)
      .mock.calls.map((call, index) => ({ path: call[0], fd: vi.mocked(fs.openSync).mock.results[index]?.value as number }));
    const folder = opened.find((o) => o.path === dir);
    expect(folder, 'the folder is opened to be flushed').toBeDefined();
    const synced = vi.mocked(fs.fsyncSync).mock.calls.map((call) => call[0]);
    expect(synced).toHaveLength(2);
    expect(synced[1]).toBe(folder!.fd);
  });
});
