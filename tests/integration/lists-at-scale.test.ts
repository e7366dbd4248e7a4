// Issue 28: lists paged and searched in SQL behave as the lists did when they filtered in code —
// paging boundaries, accent-free search, the order of a page — and the journal's keyset and capped
// count, the board's sections and the dashboard's counts hold on more rows than a page shows.
import { describe, expect, it } from 'vitest';
import { appendAudit, JOURNAL_COUNT_CAP } from '../../electron/services/audit/trail';
import { referralOf, SYLVIE } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { situationsSession } from '../helpers/situations';
import { meetingOn, meetingsSession } from '../helpers/meetings';
import { manualClock } from '../helpers/vault';

const PEOPLE = [
  { firstName: 'Hélène', lastName: 'Lévêque' },
  { firstName: 'Noël', lastName: 'Hœrner' },
  { firstName: 'Zoé', lastName: 'Françoise-Muller' },
  { firstName: 'Éric', lastName: 'Schmitt' },
  { firstName: 'Gaëlle', lastName: 'Weber' },
];

async function fiveSituations() {
  const clock = manualClock(new Date('2026-03-20T09:00:00Z'));
  const session = await situationsSession({ now: clock.now });
  const saved = [];
  for (const [i, person] of PEOPLE.entries())
    saved.push(
      await ok(
        session.api.situations.saveReferral(
          referralOf(session.referrer.id, {
            // Two referrals the same day: the page orders them by code within the day.
            receivedOn: `2026-03-0${Math.min(i + 1, 4)}`,
            identity: { ...SYLVIE, ...person, birthYear: 1971 + i },
            acknowledgeDuplicates: true,
          }),
        ),
      ),
    );
  return { ...session, clock, saved };
}

describe('the situations list, paged in SQL', () => {
  it('pages newest first without a gap or a repeat, with the total of every match', async () => {
    const { api, saved } = await fiveSituations();
    const codes = async (offset: number) => (await ok(api.situations.page({ limit: 2, offset }))).items.map((s) => s.code);
    expect(await ok(api.situations.page({ limit: 2, offset: 0 }))).toMatchObject({ total: 5 });
    const walked = [...(await codes(0)), ...(await codes(2)), ...(await codes(4))];
    expect(walked).toEqual(['S-2026-005', 'S-2026-004', 'S-2026-003', 'S-2026-002', 'S-2026-001']);
    expect(await codes(5)).toEqual([]);
    expect(new Set(saved.map((s) => s.code))).toEqual(new Set(walked));
    const registry = await ok(api.situations.registry({ limit: 3, offset: 3 }));
    expect(registry).toMatchObject({ total: 5, items: [{ code: 'S-2026-002' }, { code: 'S-2026-001' }] });
  });

  it('finds a person whatever the accents, case and ligatures typed; the registry searches codes only', async () => {
    const { api } = await fiveSituations();
    const found = async (search: string) => (await ok(api.situations.page({ search }))).items.map((s) => s.code);
    expect(await found('helene')).toEqual(['S-2026-001']);
    expect(await found('LEVEQUE')).toEqual(['S-2026-001']);
    expect(await found('hoerner')).toEqual(['S-2026-002']);
    expect(await found('Hœrner')).toEqual(['S-2026-002']);
    expect(await found('francoise muller')).toEqual(['S-2026-003']);
    expect(await found('100% _')).toEqual([]);
    expect(await ok(api.situations.registry({ search: 'helene' }))).toMatchObject({ total: 0, items: [] });
    // A corrected name is found under its new spelling only.
    const [first] = (await ok(api.situations.page({ search: 'helene' }))).items;
    const detail = await ok(api.situations.get({ id: first!.id }));
    await ok(
      api.situations.saveReferral({
        ...referralOf(detail.referringMemberId, { receivedOn: detail.receivedOn, identity: { ...detail.identity!, lastName: 'Mayer' } }),
        id: detail.id,
        acknowledgeDuplicates: true,
      }),
    );
    expect(await found('leveque')).toEqual([]);
    expect(await found('helene mayer')).toEqual(['S-2026-001']);
  });

  it('searches codes by their beginning and by their digits, for every role that lists them', async () => {
    const { api } = await fiveSituations();
    const byCode = async (search: string) => (await ok(api.situations.registry({ search }))).items.map((s) => s.code);
    expect(await byCode('S-2026-00')).toHaveLength(5);
    expect(await byCode('s-2026-004')).toEqual(['S-2026-004']);
    expect(await byCode('s 2026 003')).toEqual(['S-2026-003']);
    expect(await byCode('2026-002')).toEqual(['S-2026-002']);
    expect(await byCode('S-2025')).toEqual([]);
    expect(await ok(api.situations.page({ search: 's-2026-005', state: 'received' }))).toMatchObject({ total: 1 });
    expect(await ok(api.situations.page({ search: 's-2026-005', state: 'closed' }))).toMatchObject({ total: 0 });
  });
});

describe('the directory, paged in SQL', () => {
  it('finds members by name, function, address or structure, accents folded, and pages them by name', async () => {
    const { api, signed } = await fiveSituations();
    for (const [i, person] of PEOPLE.entries())
      await ok(
        api.partners.saveMember({
          structureId: signed.id,
          ...person,
          civility: 'madame',
          function: i === 0 ? 'Conseillère en économie sociale et familiale' : 'Assistante sociale',
          category: 'travailleur_social',
          email: '',
          phone: '',
          membership: 'permanent',
        }),
      );
    const names = async (search: string) => (await ok(api.partners.pageMembers({ search }))).items.map((m) => m.lastName);
    expect(await names('hoerner')).toEqual(['Hœrner']);
    expect(await names('economie')).toEqual(['Lévêque']);
    expect(await names('woippy')).toHaveLength(6);
    const page = await ok(api.partners.pageMembers({ limit: 2, offset: 2 }));
    // Seven members: the five above, the referrer and the CCAS de Metz's (Roth), by last name.
    expect(page.total).toBe(7);
    expect(page.items.map((m) => m.lastName)).toEqual(['Klein', 'Lévêque']);
    expect(await ok(api.partners.pageMembers({ charter: 'signed' }))).toMatchObject({ total: 0 });
    expect(await ok(api.partners.pageMembers({ charter: 'unsigned' }))).toMatchObject({ total: 7 });
    expect(await ok(api.partners.pageStructures({ search: 'hotel de ville' }))).toMatchObject({ total: 1 });
    expect(await ok(api.partners.pageStructures({ search: 'presidente' }))).toMatchObject({ total: 1 });
  });
});

describe('the journal', () => {
  it('walks by keyset without a gap, filters a domain or one action, and stops counting at the cap', async () => {
    const { api, vault, clock } = await fiveSituations();
    const db = vault.database();
    const userId = vault.session!.userId;
    db.transaction(() => {
      for (let i = 0; i < JOURNAL_COUNT_CAP + 5; i++)
        appendAudit(db, { userId, action: 'situations.view', objectType: 'situation', objectId: 1, outcome: 'success' }, clock.now());
    })();
    const first = await ok(api.audit.list({ limit: 50 }));
    expect(first).toMatchObject({ total: JOURNAL_COUNT_CAP, capped: true, hasMore: true });
    const second = await ok(api.audit.list({ limit: 50, before: first.events.at(-1)!.id }));
    expect(second.events[0]!.id).toBe(first.events.at(-1)!.id - 1);
    expect(second.events).toHaveLength(50);

    const referrals = await ok(api.audit.list({ action: 'situations.refer', limit: 3 }));
    expect(referrals).toMatchObject({ total: 5, capped: false, hasMore: true });
    const rest = await ok(api.audit.list({ action: 'situations.refer', limit: 3, before: referrals.events.at(-1)!.id }));
    expect(rest).toMatchObject({ hasMore: false });
    expect([...referrals.events, ...rest.events].map((e) => e.action)).toEqual(Array(5).fill('situations.refer'));
    const partners = await ok(api.audit.list({ action: 'partners', limit: 50 }));
    expect(partners.events.length).toBeGreaterThan(0);
    expect(partners.events.every((e) => e.action.startsWith('partners.'))).toBe(true);
    expect(await ok(api.audit.list({ action: 'partner', limit: 50 }))).toMatchObject({ total: 0 });
    const failures = await ok(api.audit.list({ outcome: 'failure', limit: 50 }));
    expect(failures.events.every((e) => e.outcome === 'failure')).toBe(true);
  });
});

describe('the dashboard and the board at scale', () => {
  it('names the first twenty situations of a list and counts them all', async () => {
    const { api, referrer } = await fiveSituations();
    for (let i = 0; i < 20; i++)
      await ok(
        api.situations.saveReferral(
          referralOf(referrer.id, { identity: { ...SYLVIE, lastName: `Weber-${i}`, birthYear: 1972 }, acknowledgeDuplicates: true }),
        ),
      );
    const board = await ok(api.situations.dashboard({}));
    expect(board.awaitingEligibility).toHaveLength(20);
    expect(board.counts).toEqual({ awaitingEligibility: 25, awaitingConsent: 0, reconfirmationDue: 0 });
    // Newest referral first: the five of early March were received after the twenty of 2 March.
    expect(board.awaitingEligibility[0]!.code).toBe('S-2026-005');
  });

  it('writes one trail event per consultation of the board, whatever the sections and pages read', async () => {
    const { api } = await fiveSituations();
    for (const section of ['overdue', 'due_soon', 'open', 'reviewed'] as const) await ok(api.actions.page({ section, offset: 0 }));
    await ok(api.actions.board({}));
    expect(await ok(api.audit.list({ action: 'actions.board' }))).toMatchObject({ total: 1 });
  });
});

describe('the meetings, paged', () => {
  it('come newest first, fifty at a time, with their total', async () => {
    const { api, psychiatrist } = await meetingsSession({ now: manualClock(new Date('2026-03-20T09:00:00Z')).now });
    for (const day of ['2026-04-02', '2026-06-04', '2026-05-07']) await ok(api.meetings.save(meetingOn(day, psychiatrist.id)));
    const first = await ok(api.meetings.page({ limit: 2, offset: 0 }));
    expect(first.total).toBe(3);
    expect(first.items.map((m) => m.heldOn)).toEqual(['2026-06-04', '2026-05-07']);
    expect((await ok(api.meetings.page({ limit: 2, offset: 2 }))).items.map((m) => m.heldOn)).toEqual(['2026-04-02']);
  });
});

describe('the member picker', () => {
  it('offers members as one types, twenty at most, and names the chosen ones', async () => {
    const { api, signed, referrer, outsider } = await fiveSituations();
    for (let i = 0; i < 25; i++)
      await ok(
        api.partners.saveMember({
          structureId: signed.id,
          firstName: 'Zoé',
          lastName: `Schaeffer-${String(i).padStart(2, '0')}`,
          civility: 'madame',
          function: 'Assistante sociale',
          category: 'travailleur_social',
          email: '',
          phone: '',
          membership: 'permanent',
        }),
      );
    expect(await ok(api.partners.memberChoices({ search: 'schaeffer' }))).toHaveLength(20);
    expect(await ok(api.partners.memberChoices({ search: 'schaeffer', limit: 50 }))).toHaveLength(25);
    const [klein] = await ok(api.partners.memberChoices({ search: 'KLEIN' }));
    expect(klein).toEqual({
      id: referrer.id,
      displayName: 'Anne Klein',
      structureId: signed.id,
      structureName: 'CCAS de Woippy',
      function: referrer.function,
      membership: 'permanent',
      active: true,
      charterSigned: false,
    });
    expect((await ok(api.partners.memberChoices({ search: 'helene roth' }))).map((m) => m.id)).toEqual([outsider.id]);
    // A form names the member already chosen, even one deactivated since.
    await ok(api.partners.setMemberActive({ id: outsider.id, active: false }));
    expect(await ok(api.partners.memberChoices({ search: 'roth' }))).toEqual([]);
    expect((await ok(api.partners.memberChoices({ ids: [outsider.id, referrer.id] }))).map((m) => [m.id, m.active])).toEqual([
      [referrer.id, true],
      [outsider.id, false],
    ]);
  });

  it('serves the convocation: the permanent members who signed, leaving out those already convened', async () => {
    const { api, signed, referrer } = await fiveSituations();
    const guest = await ok(
      api.partners.saveMember({
        structureId: signed.id,
        firstName: 'Hugo',
        lastName: 'Muller',
        civility: 'monsieur',
        function: 'Chargé de gestion locative',
        category: 'personnel_bailleur',
        email: '',
        phone: '',
        membership: 'invited',
      }),
    );
    const [version] = await ok(api.charter.list({}));
    if (version?.status === 'draft') await ok(api.charter.adopt({ versionId: version.id, adoptedOn: '2026-01-05' }));
    const current = (await ok(api.charter.list({}))).find((v) => v.status === 'current')!;
    for (const memberId of [referrer.id, guest.id])
      await ok(api.charter.recordSignature({ memberId, versionId: current.id, signedOn: '2026-01-06' }));
    const ids = async (input: Parameters<typeof api.partners.memberChoices>[0]) =>
      (await ok(api.partners.memberChoices(input))).map((m) => m.id);
    const permanentSigned = await ids({ membership: 'permanent', charter: 'signed', limit: 200 });
    expect(permanentSigned).toContain(referrer.id);
    expect(permanentSigned).not.toContain(guest.id);
    expect(await ids({ membership: 'invited', search: 'muller' })).toEqual([guest.id]);
    expect(await ids({ charter: 'unsigned', search: 'klein' })).toEqual([]);
    expect(await ids({ charter: 'signed', search: 'klein', excludeIds: [referrer.id] })).toEqual([]);
    expect(await ids({ search: 'klein' })).toEqual([referrer.id]);
    expect((await ok(api.partners.memberChoices({ search: 'klein' })))[0]).toMatchObject({ membership: 'permanent', charterSigned: true });
  });
});
