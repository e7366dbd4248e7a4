// `npm run cli -- demo --data DIR --out OUTDIR --password-stdin`: a realistic fictitious year of the
// commission, built through the same dispatcher, gates and services as the app, on a clock that
// walks through 2026: the directory and the charter, referrals and consents, three meetings with
// their documents, sessions (G5 exits included), signed minutes and an addendum, extracts, letters,
// attestations; the CLSM's comité de pilotage and plenary with its action plan (demo-clsm.ts); then a
// year of cross-training and the 2026 annual report (demo-training.ts). Every
// document the app produces is written to OUTDIR with a manifest naming, for each file, the
// situations whose person it may name.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildApi, ClsmApi } from '../ipc/api';
import { createDispatcher } from '../ipc/dispatcher';
import { handlers } from '../ipc/handlers';
import type { DocumentFile, Result } from '../ipc/contract';
import { Vault } from '../services/vault';
import { fileSlug } from '../services/common/documents';
import { emptyLetterhead } from '../pdf/letterhead';
import { recoverySheetPdf } from '../pdf/recovery-sheet';
import { RECOVERY_SHEET_NAME } from '../services/recovery/recovery';
import { CHANNEL_NAMES } from '../shared/channels';
import { addDays, Day } from '../shared/dates';
import { CATEGORY_CODES } from '../shared/vocabulary';
import { DEMO_MEETINGS, DEMO_MEMBERS, DEMO_SITUATIONS, DEMO_STRUCTURES, DemoSituation } from './demo-data';
import { DocumentKind, examine, Ids, MeetingRun, must } from './demo-session';
import { closePlanOfTheYear, copilOfTheYear, plenaryOfTheYear } from './demo-clsm';
import { trainingOfTheYear } from './demo-training';

export type { DocumentKind } from './demo-session';

export interface DemoManifest {
  persons: { name: string; situation: string }[];
  documents: { file: string; kind: DocumentKind; situations: string[] }[];
}

export const DEMO_ESTABLISHMENT = 'Centre hospitalier de Jury — CLSM de Metz Métropole';
export const DEMO_COORDINATOR = { login: 'f.hoerner', displayName: 'Françoise Hœrner' };

/** A clock set to a day of the demo year (10:00 in Paris), moved forward only. */
function demoClock() {
  let current = new Date('2026-01-20T09:00:00Z');
  return {
    now: () => new Date(current.getTime()),
    to(day: Day, hourUtc = 9) {
      const next = new Date(`${day}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
      if (next > current) current = next;
    },
  };
}

export async function buildDemoYear(options: { dataDir: string; outDir: string; password: string }): Promise<{
  manifest: DemoManifest;
  recoveryKey: string;
}> {
  const clock = demoClock();
  const vault = new Vault({ dataDir: options.dataDir, now: clock.now });
  const { recoveryKey } = await vault.initialize({
    establishmentName: DEMO_ESTABLISHMENT,
    ...DEMO_COORDINATOR,
    password: options.password,
  });
  const ipc = createDispatcher({ vault, handlers, now: clock.now });
  const api: ClsmApi = buildApi(CHANNEL_NAMES, (channel, payload) => ipc.dispatch(channel, payload, { trustedSender: true }));
  const manifest: DemoManifest = { persons: [], documents: [] };
  const write = async (call: Promise<Result<DocumentFile>>, kind: DocumentKind, situations: string[] = []) => {
    const file = await must(call);
    const path = join(options.outDir, file.fileName);
    if (existsSync(path)) throw new Error('demo: two documents with one file name');
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    manifest.documents.push({ file: file.fileName, kind, situations });
  };
  const listDraft = (path: string, kind: DocumentKind, situations: string[]) => {
    manifest.documents.push({ file: relative(options.outDir, path).split(sep).join('/'), kind, situations });
  };
  try {
    await must(api.session.unlock({ login: DEMO_COORDINATOR.login, password: options.password }));
    await must(api.users.updateProfile({ displayName: DEMO_COORDINATOR.displayName, civility: 'madame' }));
    // The recovery sheet the set-up hands out, drawn as the set-up draws it.
    const sheet = await recoverySheetPdf({
      letterhead: emptyLetterhead(DEMO_ESTABLISHMENT),
      recoveryKey,
      coordinatorLogin: DEMO_COORDINATOR.login,
      createdAt: clock.now(),
    });
    writeFileSync(join(options.outDir, RECOVERY_SHEET_NAME), sheet);
    manifest.documents.push({ file: RECOVERY_SHEET_NAME, kind: 'fiche_recuperation', situations: [] });
    const ids = await directory(api);
    // E-mail drafts go to OUTDIR/courriels, as a coordinator's own folder would.
    const drafts = join(options.outDir, 'courriels');
    mkdirSync(drafts);
    await must(api.settings.updateMailFolder({ folder: drafts }));
    await write(api.situations.referralForm({}), 'fiche_saisine_vierge');
    await must(
      api.signing.create({
        memberId: null,
        commonName: DEMO_COORDINATOR.displayName,
        organization: DEMO_ESTABLISHMENT,
        password: options.password,
        passwordConfirmation: options.password,
      }),
    );
    const animateur = ids.members.get('animateur')!;
    await must(
      api.signing.create({
        memberId: animateur,
        commonName: 'Stéphane Kessler-Lentz',
        organization: 'CMP de Metz-Queuleu',
        password: options.password,
        passwordConfirmation: options.password,
      }),
    );
    // The CLSM's bodies: the plan adopted in January, the plenary in November (demo-clsm.ts).
    const bodies = { password: options.password, write, listDraft, draftsFolder: drafts };
    const plan = await copilOfTheYear(api, clock, ids, bodies);
    for (const [index, heldOn] of DEMO_MEETINGS.entries()) {
      await meetingOfTheYear(api, clock, ids, { number: index + 1, heldOn, password: options.password, write, listDraft });
    }
    await plenaryOfTheYear(api, clock, ids, plan, bodies);
    clock.to('2026-12-18');
    // The plan's states at the end of the year, before the annual report counts them.
    await closePlanOfTheYear(api, ids, plan);
    await trainingOfTheYear(api, must, ids, write);
    // The charter as adopted, a member's commitment to sign, and one person's access report (GDPR art. 15).
    const [charter] = await must(api.charter.list({}));
    await write(api.charter.pdf({ versionId: charter!.id }), 'charte');
    await write(api.charter.commitmentPdf({ memberId: animateur }), 'acte_engagement');
    const [first] = [...ids.situations.values()];
    await write(api.retention.accessReport({ situationId: first!.id }), 'rapport_acces', [first!.code]);
    for (const s of DEMO_SITUATIONS) {
      const known = ids.situations.get(s);
      if (known) manifest.persons.push({ name: `${s.firstName} ${s.lastName.toUpperCase()}`, situation: known.code });
    }
    writeFileSync(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return { manifest, recoveryKey };
  } finally {
    vault.lock('shutdown');
  }
}

/** The structures (convention signed), 25 members, the charter adopted and signed by every member. */
async function directory(api: ClsmApi): Promise<Ids> {
  await must(
    api.settings.update({
      ...(await must(api.settings.get({}))),
      coordinationContact: 'Coordination du CLSM, 03 87 56 00 00, du lundi au vendredi de 9 h à 17 h',
      dpoContact: 'Délégué à la protection des données, 1 rue du Parc, 57000 Metz — dpo@etablissement.example',
    }),
  );
  // The letterhead every document of the year opens with (Administration › Documents).
  await must(
    api.settings.updateLetterhead({
      service: 'Coordination du Conseil local de santé mentale',
      address: '1 rue Jean-Burger\nBP 75088\n57070 Metz Cedex 3',
      phone: '03 87 56 00 00',
      email: 'coordination.clsm@etablissement.example',
      city: 'Metz',
    }),
  );
  const structures = new Map<string, number>();
  for (const s of DEMO_STRUCTURES) {
    const saved = await must(
      api.partners.saveStructure({
        name: s.name,
        sector: s.sector,
        address: s.address,
        conventionSignedOn: '2026-01-12',
        conventionSignatory: 'La direction',
      }),
    );
    structures.set(s.key, saved.id);
  }
  const members = new Map<string, number>();
  for (const m of DEMO_MEMBERS) {
    const saved = await must(
      api.partners.saveMember({
        structureId: structures.get(m.structure)!,
        firstName: m.firstName,
        lastName: m.lastName,
        function: m.function,
        category: m.category,
        // Most professionals have an address; the associations' volunteers are reached by post.
        email: WITHOUT_EMAIL.has(m.key) ? '' : `${fileSlug(m.firstName)}.${fileSlug(m.lastName)}@${fileSlug(m.structure)}.example`,
        phone: '',
        membership: 'permanent',
      }),
    );
    members.set(m.key, saved.id);
  }
  const [draft] = await must(api.charter.list({}));
  await must(api.charter.adopt({ versionId: draft!.id, adoptedOn: '2026-01-15' }));
  for (const id of members.values())
    await must(api.charter.recordSignature({ memberId: id, versionId: draft!.id, signedOn: '2026-01-19' }));
  return { structures, members, situations: new Map() };
}

const WITHOUT_EMAIL = new Set(['gem1', 'unafam1']);

/** Members convened to every meeting, besides the referrers of its items. */
const CONVENED = [
  'animateur',
  'mht1',
  'vivest1',
  'ccasMetz1',
  'ccasMontigny1',
  'udaf1',
  'cms1',
  'mg1',
  'unafam1',
  'gem1',
  'ddets1',
  'atm1',
  'psyMontigny',
];

async function referSituations(api: ClsmApi, clock: ReturnType<typeof demoClock>, ids: Ids, run: MeetingRun, write: MeetingRun['write']) {
  const receivedOn = addDays(run.heldOn, -40);
  clock.to(receivedOn);
  // The meeting's new situations; with the last meeting, those that stay short of it.
  const batch = DEMO_SITUATIONS.filter((s) => s.meeting === run.number || (run.number === DEMO_MEETINGS.length && s.meeting === 0));
  for (const s of batch) {
    const saved = await must(
      api.situations.saveReferral({
        receivedOn,
        referringMemberId: ids.members.get(s.referrer)!,
        ageBand: s.ageBand,
        commune: s.commune,
        communeOutside: false,
        partnersInvolved: 'Voir la fiche de saisine.',
        alreadyTried: 'Accompagnement habituel de la structure, sans amélioration durable.',
        question: s.question,
        typology: s.typology,
        identity: { firstName: s.firstName, lastName: s.lastName, birthYear: s.birthYear, address: s.address, phone: '' },
        acknowledgeDuplicates: false,
      }),
    );
    ids.situations.set(s, { id: saved.id, code: saved.code });
    const rejected = s.path === 'rejected';
    await must(
      api.situations.decideEligibility({
        id: saved.id,
        answers: { adult: true, routesTried: true, complexity: !rejected, notEmergency: !rejected },
        decision: rejected ? 'rejected' : 'eligible',
        decidedOn: receivedOn,
        rejectionReason: rejected ? 'Situation d’urgence : orientée vers le 115 et les urgences psychiatriques.' : '',
      }),
    );
    if (rejected) continue;
    await write(api.situations.informationNote({ id: saved.id, withRepresentative: false }), 'information_consentement', [saved.code]);
    await write(
      api.situations.consentForm({ id: saved.id, withRepresentative: s.legalProtection !== 'none' }),
      'information_consentement',
      [saved.code],
    );
    await must(api.situations.advance({ id: saved.id, to: 'awaiting_consent' }));
  }
  const collectedOn = addDays(run.heldOn, -30);
  clock.to(collectedOn);
  for (const s of batch.filter((x) => x.path !== 'rejected' && x.path !== 'awaiting_consent')) {
    const { id, code } = ids.situations.get(s)!;
    await must(
      api.consents.record({
        situationId: id,
        collectedOn,
        collectedByMemberId: ids.members.get(s.referrer)!,
        mode: 'written',
        witness: '',
        information: { dataCategories: true, professionals: true, supports: true, security: true },
        allowedCategories: [...CATEGORY_CODES],
        excludedStructureIds: s.excluded.map((k) => ids.structures.get(k)!),
        identitySharing: s.identitySharing,
        legalProtection: s.legalProtection,
        representative: s.representative,
        representativeAgreement: s.legalProtection !== 'none',
        attendance: 'attend',
        attendanceRepresentative: '',
      }),
    );
    await must(api.situations.advance({ id, to: 'ready' }));
    await write(api.situations.referralForm({ id }), 'fiche_saisine', [code]);
  }
}

async function meetingOfTheYear(api: ClsmApi, clock: ReturnType<typeof demoClock>, ids: Ids, run: MeetingRun) {
  const { write } = run;
  await referSituations(api, clock, ids, run, write);
  clock.to(addDays(run.heldOn, -14));
  const meeting = await must(
    api.meetings.save({
      heldOn: run.heldOn,
      startsAt: '14:00',
      endsAt: '17:00',
      place: 'CH de Jury, salle du conseil',
      animateurMemberId: ids.members.get('animateur')!,
    }),
  );
  // New situations of this meeting, then those carried over (postponed, or to re-examine).
  const onAgenda = DEMO_SITUATIONS.filter(
    (s) => s.meeting === run.number || (s.meeting === run.number - 1 && (s.path === 'reexamined' || s.path === 'postponed_then_examined')),
  );
  const items = new Map<DemoSituation, number>();
  for (const s of onAgenda) {
    const item = await must(
      api.meetings.addItem({
        meetingId: meeting.id,
        situationId: ids.situations.get(s)!.id,
        presenterMemberId: ids.members.get(s.referrer)!,
        neutralQuestion: s.question,
        inviteeIds: [],
      }),
    );
    items.set(s, item.id);
  }
  const convened = [...new Set([...CONVENED, ...onAgenda.map((s) => s.referrer)])].map((k) => ids.members.get(k)!);
  await must(api.meetings.convene({ meetingId: meeting.id, memberIds: convened }));
  await write(api.meetings.convocations({ meetingId: meeting.id }), 'convocation');
  await write(api.meetings.convocation({ meetingId: meeting.id, memberId: ids.members.get('animateur')! }), 'convocation');
  await write(api.meetings.agenda({ meetingId: meeting.id }), 'ordre_du_jour');
  await write(api.meetings.signInSheet({ meetingId: meeting.id }), 'emargement');
  if (run.number === 1) {
    await write(api.meetings.calendar({ meetingId: meeting.id }), 'calendrier');
    // The same convocations as e-mail drafts, one per member with an address.
    const drafts = await must(api.meetings.mailConvocations({ meetingId: meeting.id }));
    for (const file of readdirSync(drafts.folder)) run.listDraft(join(drafts.folder, file), 'courriel_convocation', []);
  }

  // — The session —
  clock.to(run.heldOn, 13);
  const away: Record<number, { key: string; status: 'excused' | 'represented' | 'absent'; substitute?: string }> = {
    1: { key: 'ddets1', status: 'excused' },
    2: { key: 'udaf1', status: 'represented', substitute: 'udaf2' },
    3: { key: 'gem1', status: 'absent' },
  };
  for (const memberId of convened) {
    const other = away[run.number]!;
    const isAway = ids.members.get(other.key) === memberId;
    await must(
      api.meetings.attendance({
        meetingId: meeting.id,
        memberId,
        status: isAway ? other.status : 'present',
        substituteMemberId: isAway && other.substitute ? ids.members.get(other.substitute)! : null,
        arrivalItemId: null,
        departureItemId: null,
      }),
    );
  }
  for (const [s, itemId] of items) await examine(api, ids, run, s, itemId);
  await must(api.meetings.markHeld({ meetingId: meeting.id }));

  // — Minutes signed by the coordinator and the animateur, then what is drawn from them —
  clock.to(addDays(run.heldOn, 3));
  const status = await must(api.minutes.sign({ meetingId: meeting.id, password: run.password, animateurPassword: run.password }));
  await write(api.minutes.document({ documentId: status.documents[0]!.id }), 'compte_rendu');
  for (const r of status.recipients) {
    const named = r.extract.filter((e) => e.named).map((e) => e.code);
    await write(api.minutes.extract({ meetingId: meeting.id, memberId: r.memberId }), 'extrait', named);
    if (r.participated) await write(api.minutes.attestation({ meetingId: meeting.id, memberId: r.memberId }), 'attestation_participation');
  }
  await write(api.minutes.attestations({ meetingId: meeting.id }), 'attestation_participation');
  if (run.number === 1) {
    // One extract sent encrypted: its password is given by telephone, so the demo keeps it nowhere.
    const r = status.recipients.find((x) => x.refusedReasons.length === 0 && x.extract.some((e) => e.named))!;
    const draft = await must(api.minutes.mailExtract({ meetingId: meeting.id, memberId: r.memberId }));
    run.listDraft(
      draft.file,
      'courriel_extrait',
      r.extract.filter((e) => e.named).map((e) => e.code),
    );
  }
  const examined = [...items].filter(([s]) => !(s.path === 'postponed_then_examined' && s.meeting === run.number));
  for (const [s, itemId] of examined) await write(api.minutes.letter({ itemId }), 'courrier_personne', [ids.situations.get(s)!.code]);

  // — After the meeting: the answers of the people, a withdrawal, a correction —
  clock.to(addDays(run.heldOn, 10));
  for (const [s, itemId] of examined) {
    await must(api.actions.returnToPerson({ itemId, returnedOn: addDays(run.heldOn, 9), agreement: 'agreed' }));
    // Not every action goes as planned: one could not be carried out, another was not done by its owner.
    const open = (await must(api.actions.board({ situationId: ids.situations.get(s)!.id }))).filter(
      (a) => a.itemId === itemId && a.outcome === null && s.path === 'examined_follow_up',
    );
    const index = DEMO_SITUATIONS.indexOf(s);
    for (const a of open.filter(() => index % 3 !== 0))
      await must(
        api.actions.review({
          actionId: a.id,
          outcome: index % 3 === 1 ? 'not_possible' : 'not_done',
          reviewedOn: addDays(run.heldOn, 10),
          note:
            index % 3 === 1 ? 'La situation a changé : relogement en urgence par le SIAO.' : 'Relancé ; pas de disponibilité avant l’été.',
        }),
      );
  }
  if (run.number === 1) {
    const withdrawn = DEMO_SITUATIONS.find((s) => s.path === 'withdrawn_after')!;
    await must(
      api.consents.withdraw({
        situationId: ids.situations.get(withdrawn)!.id,
        withdrawnOn: addDays(run.heldOn, 10),
        note: 'Par téléphone, auprès du CMS.',
      }),
    );
    // The withdrawal ends what was under way: its actions are closed as no longer possible.
    const stopped = await must(api.actions.board({ situationId: ids.situations.get(withdrawn)!.id }));
    for (const a of stopped.filter((x) => x.outcome === null))
      await must(
        api.actions.review({
          actionId: a.id,
          outcome: 'not_possible',
          reviewedOn: addDays(run.heldOn, 10),
          note: 'Consentement retiré par la personne.',
        }),
      );
  }
  if (run.number === 2) {
    const first = [...items.keys()].find((s) => s.meeting === 2 && s.path === 'examined_follow_up')!;
    const signed = await must(
      api.minutes.addendum({
        meetingId: meeting.id,
        text: `Situation ${ids.situations.get(first)!.code} : la visite conjointe aura lieu avant la fin du mois, et non sous quinze jours comme indiqué.`,
        password: run.password,
        animateurPassword: null,
      }),
    );
    await write(api.minutes.document({ documentId: signed.documents[1]!.id }), 'compte_rendu');
  }
}

/** The CLI's checks before building: a new data folder, an output folder that is empty. */
export function assertDemoFolders(dataDir: string, outDir: string): string | null {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    return `Le dossier de données « ${dataDir} » n’est pas vide : la démonstration se crée dans un dossier neuf.`;
  if (existsSync(outDir) && readdirSync(outDir).length > 0) return `Le dossier de sortie « ${outDir} » n’est pas vide.`;
  mkdirSync(outDir, { recursive: true });
  return null;
}
