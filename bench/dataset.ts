// The bench's data sets: `years` of a commission ten times busier than the demo year, built through
// the dispatcher, gates and services as the app builds them (the directory, referrals, consents,
// meetings in session, actions and their reviews), on a clock that walks through the years. Only the
// bulk of the audit trail (page views and reads of ten years) is appended straight through the audit
// service, as the issue allows: a million dispatcher calls would take the bench an hour.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApi, type ClsmApi } from '../electron/ipc/api';
import { createDispatcher } from '../electron/ipc/dispatcher';
import { handlers } from '../electron/ipc/handlers';
import { must } from '../electron/cli/demo-session';
import { appendAudit } from '../electron/services/audit/trail';
import { Vault } from '../electron/services/vault';
import { CHANNEL_NAMES } from '../electron/shared/channels';
import { addDays, type Day } from '../electron/shared/dates';
import { CATEGORY_CODES, SECTOR_CODES, type Category } from '../electron/shared/vocabulary';
import { AGE_BAND_CODES, DEFAULT_TYPOLOGIES, METZ_COMMUNES } from '../electron/shared/situation-vocabulary';

export const BENCH_PASSWORD = 'banc-d-essai-Metz-2026';
export const BENCH_LOGIN = 'coordination';

export interface Scale {
  name: '1y' | '10y';
  years: number;
}

export const SCALES: Scale[] = [
  { name: '1y', years: 1 },
  { name: '10y', years: 10 },
];

const PER_YEAR = { structures: 10, members: 100, meetings: 40, itemsPerMeeting: 10, auditEvents: 100_000 };
const LAST_YEAR = 2026;

const FIRST_NAMES = ['Camille', 'Élodie', 'Noémie', 'Léa', 'Théo', 'Loïc', 'Gaëlle', 'Jérôme', 'Hélène', 'Benoît', 'Zoé', 'Anaïs'];
const LAST_NAMES = ['Schmitt', 'Weber', 'Lévêque', 'Muller', 'Bécker', 'Thiébaut', 'Hœrner', 'Klein', 'François', 'Gérard', 'Mayer'];
const KINDS = ['Association', 'Service', 'Antenne', 'Centre', 'Foyer'];

/** Fictitious names that cycle without repeating pairs too soon (≈ 130 distinct). */
const nameOf = (i: number) => ({
  firstName: FIRST_NAMES[i % FIRST_NAMES.length]!,
  lastName: `${LAST_NAMES[(i * 7) % LAST_NAMES.length]!}-${i}`,
});

export function datasetDir(root: string, scale: Scale): string {
  return join(root, scale.name);
}

/** The data folder of `scale`, built once and kept under the cache folder (git ignores it). */
export async function ensureDataset(root: string, scale: Scale, log: (line: string) => void): Promise<string> {
  const dir = datasetDir(root, scale);
  if (existsSync(join(dir, 'complete.json'))) return join(dir, 'data');
  rmSync(dir, { recursive: true, force: true });
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const started = Date.now();
  await buildDataset(join(building, 'data'), scale, log);
  writeFileSync(join(building, 'complete.json'), JSON.stringify({ scale, ms: Date.now() - started }));
  renameSync(building, dir);
  return join(dir, 'data');
}

export function datasetInfo(root: string, scale: Scale): { ms: number } {
  return JSON.parse(readFileSync(join(datasetDir(root, scale), 'complete.json'), 'utf8')) as { ms: number };
}

function walkingClock(start: Date) {
  let current = start;
  return {
    now: () => new Date(current.getTime()),
    to(day: Day, hourUtc = 9) {
      const next = new Date(`${day}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
      if (next > current) current = next;
    },
  };
}

async function buildDataset(dataDir: string, scale: Scale, log: (line: string) => void): Promise<void> {
  const firstYear = LAST_YEAR - scale.years + 1;
  const clock = walkingClock(new Date(`${firstYear}-01-02T09:00:00Z`));
  const vault = new Vault({ dataDir, now: clock.now });
  await vault.initialize({
    establishmentName: 'CH de Jury — CLSM de Metz Métropole',
    login: BENCH_LOGIN,
    displayName: 'Coordination',
    password: BENCH_PASSWORD,
  });
  const ipc = createDispatcher({ vault, handlers, now: clock.now });
  const api: ClsmApi = buildApi(CHANNEL_NAMES, (channel, payload) => ipc.dispatch(channel, payload, { trustedSender: true }));
  try {
    await must(api.session.unlock({ login: BENCH_LOGIN, password: BENCH_PASSWORD }));
    const [draft] = await must(api.charter.list({}));
    await must(api.charter.adopt({ versionId: draft!.id, adoptedOn: `${firstYear}-01-02` }));
    const directory: Directory = { structures: [], members: [], charterId: draft!.id };
    let situationIndex = 0;
    for (let y = 0; y < scale.years; y++) {
      const year = firstYear + y;
      clock.to(`${year}-01-03`);
      await growDirectory(api, directory, year);
      for (let m = 0; m < PER_YEAR.meetings; m++) {
        const heldOn = addDays(`${year}-01-20`, m * 8);
        situationIndex = await meeting(api, clock, directory, heldOn, situationIndex);
        bulkTrail(vault, clock.now(), PER_YEAR.auditEvents / PER_YEAR.meetings);
      }
      log(`  ${scale.name} : année ${year} construite (${situationIndex} situations)`);
    }
  } finally {
    vault.lock('shutdown');
  }
}

interface Directory {
  structures: number[];
  members: { id: number; category: Category }[];
  charterId: number;
}

async function growDirectory(api: ClsmApi, directory: Directory, year: number): Promise<void> {
  const base = directory.structures.length;
  for (let s = 0; s < PER_YEAR.structures; s++) {
    const n = base + s;
    const commune = METZ_COMMUNES[n % METZ_COMMUNES.length]!;
    const saved = await must(
      api.partners.saveStructure({
        name: `${KINDS[n % KINDS.length]!} ${n + 1} de ${commune}`,
        sector: SECTOR_CODES[n % SECTOR_CODES.length]!,
        address: `${n + 1} rue de la République, ${commune}`,
        conventionSignedOn: `${year}-01-03`,
        conventionSignatory: 'La direction',
      }),
    );
    directory.structures.push(saved.id);
  }
  const first = directory.members.length;
  for (let i = 0; i < PER_YEAR.members; i++) {
    const n = first + i;
    const category = CATEGORY_CODES[n % CATEGORY_CODES.length]!;
    const saved = await must(
      api.partners.saveMember({
        structureId: directory.structures[base + (i % PER_YEAR.structures)]!,
        ...nameOf(n),
        function: 'Référent',
        category,
        email: `membre${n}@structure.example`,
        phone: '',
        membership: 'permanent',
      }),
    );
    await must(api.charter.recordSignature({ memberId: saved.id, versionId: directory.charterId, signedOn: `${year}-01-03` }));
    directory.members.push({ id: saved.id, category });
  }
}

/** Ten referrals taken to one meeting: consented, examined, concluded; most leave an action. */
async function meeting(
  api: ClsmApi,
  clock: ReturnType<typeof walkingClock>,
  directory: Directory,
  heldOn: Day,
  from: number,
): Promise<number> {
  const recent = directory.members.slice(-PER_YEAR.members);
  const receivedOn = addDays(heldOn, -30);
  clock.to(receivedOn);
  const situations: { id: number; referrer: number }[] = [];
  for (let k = 0; k < PER_YEAR.itemsPerMeeting; k++) {
    const n = from + k;
    const referrer = recent[n % recent.length]!.id;
    const band = AGE_BAND_CODES[n % 5]!;
    const year = Number(receivedOn.slice(0, 4));
    const saved = await must(
      api.situations.saveReferral({
        receivedOn,
        referringMemberId: referrer,
        ageBand: band,
        commune: METZ_COMMUNES[n % METZ_COMMUNES.length]!,
        communeOutside: false,
        partnersInvolved: 'Bailleur, CMP, CCAS.',
        alreadyTried: 'Accompagnement habituel de la structure.',
        question: 'Comment coordonner les interventions autour du maintien dans le logement ?',
        typology: [DEFAULT_TYPOLOGIES[n % DEFAULT_TYPOLOGIES.length]!],
        identity: { ...nameOf(n + 5000), birthYear: year - [20, 30, 40, 50, 60][n % 5]!, address: `${n} rue Serpenoise, Metz`, phone: '' },
        acknowledgeDuplicates: true,
      }),
    );
    await must(
      api.situations.decideEligibility({
        id: saved.id,
        answers: { adult: true, routesTried: true, complexity: true, notEmergency: true },
        decision: 'eligible',
        decidedOn: receivedOn,
        rejectionReason: '',
      }),
    );
    await must(api.situations.advance({ id: saved.id, to: 'awaiting_consent' }));
    await must(
      api.consents.record({
        situationId: saved.id,
        collectedOn: receivedOn,
        collectedByMemberId: referrer,
        mode: 'written',
        witness: '',
        information: { dataCategories: true, professionals: true, supports: true, security: true },
        allowedCategories: [...CATEGORY_CODES],
        excludedStructureIds: [],
        identitySharing: 'full',
        legalProtection: 'none',
        representative: '',
        representativeAgreement: false,
        attendance: 'attend',
        attendanceRepresentative: '',
      }),
    );
    await must(api.situations.advance({ id: saved.id, to: 'ready' }));
    situations.push({ id: saved.id, referrer });
  }
  clock.to(addDays(heldOn, -14));
  const animateur = recent[0]!.id;
  const saved = await must(
    api.meetings.save({ heldOn, startsAt: '14:00', endsAt: '17:00', place: 'CH de Jury, salle du conseil', animateurMemberId: animateur }),
  );
  const items: number[] = [];
  for (const s of situations) {
    const item = await must(
      api.meetings.addItem({
        meetingId: saved.id,
        situationId: s.id,
        presenterMemberId: s.referrer,
        neutralQuestion: 'Quelle coordination ?',
        inviteeIds: [],
      }),
    );
    items.push(item.id);
  }
  const convened = [...new Set([animateur, ...situations.map((s) => s.referrer)])];
  await must(api.meetings.convene({ meetingId: saved.id, memberIds: convened }));
  clock.to(heldOn, 13);
  for (const memberId of convened)
    await must(
      api.meetings.attendance({
        meetingId: saved.id,
        memberId,
        status: 'present',
        substituteMemberId: null,
        arrivalItemId: null,
        departureItemId: null,
      }),
    );
  for (const [k, itemId] of items.entries()) {
    const n = from + k;
    await must(api.meetings.openItem({ itemId }));
    await must(
      api.meetings.deliberate({
        itemId,
        synthesis: 'Situation complexe ; plusieurs services interviennent sans coordination.',
        hypotheses: 'Un isolement ancien, aggravé par une perte d’emploi.',
        responseTypology: ['Coordination des intervenants'],
        proposals: 'Visite conjointe avec le bailleur ; rendez-vous au CMP.',
        personPresence: 'absent',
      }),
    );
    const closes = n % 4 === 0;
    if (!closes)
      await must(
        api.actions.add({
          itemId,
          what: 'Organiser une visite conjointe',
          owner: { kind: 'member', id: situations[k]!.referrer },
          dueOn: addDays(heldOn, 21),
        }),
      );
    await must(
      api.meetings.concludeItem({
        itemId,
        outcome: closes ? 'closed' : 'follow_up',
        reexamineOn: null,
        closureReason: closes ? 'common_law' : null,
        closureNote: '',
      }),
    );
  }
  await must(api.meetings.markHeld({ meetingId: saved.id }));
  clock.to(addDays(heldOn, 2));
  for (const itemId of items) await must(api.actions.returnToPerson({ itemId, returnedOn: addDays(heldOn, 2), agreement: 'agreed' }));
  return from + situations.length;
}

const BULK_ACTIONS = ['situations.view', 'meetings.view', 'situations.registry', 'partners.pageMembers'] as const;

/** The reads between two meetings (views, lists), appended through the audit service with their chain. */
function bulkTrail(vault: Vault, at: Date, count: number): void {
  const db = vault.database();
  const userId = vault.session!.userId;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const action = BULK_ACTIONS[i % BULK_ACTIONS.length]!;
      appendAudit(
        db,
        {
          userId,
          action,
          objectType: action === 'situations.view' ? 'situation' : action === 'meetings.view' ? 'meeting' : null,
          objectId: action.endsWith('.view') ? String(1 + (i % 400)) : null,
          outcome: i % 97 === 0 ? 'failure' : 'success',
          detail: i % 97 === 0 ? 'code=FORBIDDEN' : null,
        },
        new Date(at.getTime() + i * 1000),
      );
    }
  })();
}
