// Every channel, fed arbitrary payloads by fast-check as the coordinator (who may call the most):
// the dispatcher never throws, answers each invalid call with a coded French refusal, changes nothing
// in the database, and records every refusal in the audit trail. A payload the contract accepts is
// not an invalid call: it is skipped (the role sweeps and domain tests cover valid calls).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openEncryptedDatabase } from '../../db/connection';
import { ERROR_MESSAGES } from '../../electron/errors';
import { contract } from '../../electron/ipc/contract';
import { schemaOf } from '../../electron/ipc/contract/shared';
import type { Db } from '../../db/connection';
import { CHANNEL_NAMES } from '../../electron/shared/channels';
import { systemClock, today } from '../../electron/shared/dates';
import { COORDINATOR } from '../fixtures/people';
import { clientFor, ok } from '../helpers/ipc';
import { initializedVault } from '../helpers/vault';

const RUNS = Number(process.env.CLSM_FUZZ_RUNS ?? 1000);

/** Everything but the trail, hashed: the trail is the one table a refusal may (and must) write to. */
function fingerprint(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'audit_events' ORDER BY name`)
    .pluck()
    .all() as string[];
  for (const table of tables) hash.update(table).update(JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all()));
  return hash.digest('hex');
}

/** Arbitrary values, and objects made of the channel's own field names with arbitrary values. */
function payloads(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const value = fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true });
  const nearly = keys.length > 0 ? [fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length + 1 })] : [];
  return fc.oneof(value, fc.string(), fc.constant(undefined), ...nearly);
}

describe('IPC fuzzing', () => {
  it(`refuses ${RUNS} arbitrary payloads per channel without crashing, changing anything, or leaving a refusal unrecorded`, async () => {
    // Durability is not under test: each refusal commits an audit event, so the fuzz database skips fsync.
    const { vault } = await initializedVault({
      openDatabase: (path, key, options) => {
        const db = openEncryptedDatabase(path, key, options);
        db.pragma('synchronous = OFF');
        return db;
      },
    });
    const { ipc, api } = clientFor(vault);
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    await ok(api.recovery.confirmStored({}));
    const db = () => vault.database();
    const facts = { today: today(systemClock) };
    const knownCodes = new Set(Object.keys(ERROR_MESSAGES));

    for (const channel of CHANNEL_NAMES) {
      const schema = schemaOf(contract[channel].input, facts);
      const before = fingerprint(db());
      const eventsBefore = db().prepare('SELECT max(id) FROM audit_events').pluck().get() as number;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(payloads(schema), async (payload) => {
          fc.pre(!schema.safeParse(payload).success);
          const result = await ipc.dispatch(channel, payload, { trustedSender: true });
          expect(result.ok, channel).toBe(false);
          if (result.ok) return;
          expect(knownCodes.has(result.error.code), `${channel}: ${result.error.code}`).toBe(true);
          expect(result.error.message).toMatch(/^[A-ZÀ-Ü«]/);
          expect(JSON.stringify(result.error)).not.toMatch(/at \w+ \(|\.ts:\d+/); // no stack
          refused += 1;
        }),
        { numRuns: RUNS, seed: 20261123 },
      );
      expect(vault.session, `${channel} ended the session`).not.toBeNull();
      expect(fingerprint(db()), `${channel} changed the database`).toBe(before);
      const recorded = db()
        .prepare(`SELECT action, outcome, count(*) AS n FROM audit_events WHERE id > ? GROUP BY action, outcome`)
        .all(eventsBefore);
      expect(recorded, channel).toEqual(refused > 0 ? [{ action: channel, outcome: 'refused', n: refused }] : []);
      expect(refused, `${channel}: too few invalid payloads`).toBeGreaterThan(RUNS / 2);
    }
  }, 600_000);

  it('refuses every channel from an outsider, under no user, before reading the payload', async () => {
    const { vault } = await initializedVault();
    const { ipc, api } = clientFor(vault);
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    const before = fingerprint(vault.database());
    for (const channel of CHANNEL_NAMES) {
      expect(await ipc.dispatch(channel, { actorPassword: COORDINATOR.password }, { trustedSender: false })).toMatchObject({
        ok: false,
        error: { code: 'UNTRUSTED_SENDER' },
      });
    }
    expect(vault.session).not.toBeNull();
    expect(fingerprint(vault.database())).toBe(before);
    const refusals = vault
      .database()
      .prepare(`SELECT action, user_id AS userId FROM audit_events WHERE detail = 'code=UNTRUSTED_SENDER' ORDER BY id`)
      .all();
    expect(refusals).toEqual(CHANNEL_NAMES.map((action) => ({ action, userId: null })));
  });
});
