// The demo year's other half: the cross-training (workshops and placements, their participants,
// anonymous questionnaires, attestations), the CLSM's other meetings recorded as held and its common
// tools (its comité de pilotage and plenary: demo-clsm.ts), and at the end
// the annual report of 2026 in PDF, Word and CSV. Run after the commission's year, on a clock set
// to mid-December 2026, through the same channels as the app.
import type { ClsmApi } from '../ipc/api';
import type { DocumentFile, Result } from '../ipc/contract';
import type { ClsmMeetingKind, ToolKind } from '../shared/training-vocabulary';
import { DEFAULT_KNOWLEDGE_TYPOLOGIES } from '../shared/training-vocabulary';
import type { Sector } from '../shared/vocabulary';

type Write = (
  call: Promise<Result<DocumentFile>>,
  kind: 'attestation_formation' | 'questionnaire_formation' | 'bilan_annuel',
) => Promise<void>;
type Must = <T>(call: Promise<Result<T>>) => Promise<T>;

interface DemoWorkshop {
  theme: string;
  on: string;
  trainer: string;
  status: 'held' | 'planned' | 'cancelled';
  members: string[];
  outsiders: { name: string; structureName: string; sector: Sector }[];
}

const WORKSHOPS: DemoWorkshop[] = [
  {
    theme: 'Connaître les acteurs de la santé mentale du territoire messin',
    on: '2026-02-19',
    trainer: 'Coordination du CLSM et CMP de Metz-Queuleu',
    status: 'held',
    members: ['infQueuleu', 'mht1', 'mht2', 'vivest1', 'ccasMetz1', 'ccasMetz2', 'ccasMontigny1', 'udaf1', 'cms1', 'unafam1', 'gem1'],
    outsiders: [{ name: 'Lucie Adam', structureName: 'Mission locale de Metz', sector: 'autre' }],
  },
  {
    theme: 'Habiter son logement malgré les troubles psychiques',
    on: '2026-05-21',
    trainer: 'Metz Habitat Territoire et UNAFAM Moselle',
    status: 'held',
    members: ['mht1', 'vivest1', 'vivest2', 'ccasMontigny2', 'cms2', 'udaf2', 'atm1', 'psyMontigny', 'gem2'],
    outsiders: [
      { name: 'Rémi Thouvenin', structureName: 'Centre d’hébergement Le Relais', sector: 'autre' },
      { name: 'Agnès Colin', structureName: 'Service d’aide à domicile de Woippy', sector: 'autre' },
    ],
  },
  {
    theme: 'Mesures de protection juridique : qui fait quoi ?',
    on: '2026-09-24',
    trainer: 'UDAF de la Moselle',
    status: 'held',
    members: ['ccasMetz1', 'ccasMetz2', 'cms1', 'cms2', 'infMontigny', 'mg2', 'mht2', 'ddets1'],
    outsiders: [],
  },
  {
    theme: 'Repérer et accompagner une situation de crise',
    on: '2026-11-26',
    trainer: 'CMP de Montigny-lès-Metz',
    status: 'cancelled',
    members: [],
    outsiders: [],
  },
  { theme: 'Santé mentale et précarité', on: '2026-12-17', trainer: 'DDETS de la Moselle', status: 'planned', members: [], outsiders: [] },
];

const PLACEMENTS = [
  {
    theme: 'Une semaine au CMP',
    from: '2026-04-13',
    to: '2026-04-17',
    host: 'cmpQueuleu',
    guest: 'vivest1',
    hours: 35,
    status: 'held' as const,
  },
  {
    theme: 'Le quotidien d’un bailleur social',
    from: '2026-06-22',
    to: '2026-06-24',
    host: 'mht',
    guest: 'infQueuleu',
    hours: 21,
    status: 'held' as const,
  },
  {
    theme: 'Le mandat de protection au quotidien',
    from: '2026-11-16',
    to: '2026-11-18',
    host: 'udaf',
    guest: 'ccasMetz1',
    hours: 21,
    status: 'planned' as const,
  },
];

const CLSM_MEETINGS: { kind: ClsmMeetingKind; on: string; subject: string; structures: string[]; status?: 'planned' | 'cancelled' }[] = [
  {
    kind: 'comite_technique',
    on: '2026-01-08',
    subject: 'Lancement de la commission',
    structures: ['cmpQueuleu', 'mht', 'ccasMetz', 'udaf', 'unafam'],
  },
  { kind: 'groupe_projet', on: '2026-02-05', subject: 'Fiche de saisine', structures: ['cmpQueuleu', 'ccasMetz', 'cms'] },
  { kind: 'groupe_projet', on: '2026-04-09', subject: 'Guide des ressources', structures: ['cmpMontigny', 'vivest', 'gem', 'ddets'] },
  {
    kind: 'comite_technique',
    on: '2026-06-30',
    subject: 'Bilan du premier semestre',
    structures: ['cmpQueuleu', 'mht', 'vivest', 'ccasMetz', 'udaf', 'atm'],
  },
  {
    kind: 'assemblee_pleniere',
    on: '2026-10-01',
    subject: 'Assemblée plénière du CLSM',
    structures: [
      'cmpQueuleu',
      'cmpMontigny',
      'mht',
      'vivest',
      'ccasMetz',
      'ccasMontigny',
      'udaf',
      'atm',
      'cms',
      'mg',
      'ddets',
      'unafam',
      'gem',
    ],
  },
  {
    kind: 'comite_technique',
    on: '2026-11-05',
    subject: 'Préparation du bilan annuel',
    structures: ['cmpQueuleu', 'mht', 'ccasMetz', 'udaf'],
  },
  { kind: 'comite_pilotage', on: '2027-06-15', subject: 'Point d’étape 2027', structures: [], status: 'planned' },
];

const TOOLS: { kind: ToolKind; title: string; on: string }[] = [
  { kind: 'fiche', title: 'Fiche de saisine de la Commission', on: '2026-01-22' },
  { kind: 'guide', title: 'Guide des ressources en santé mentale de Metz Métropole', on: '2026-05-28' },
  { kind: 'procedure', title: 'Procédure d’orientation en situation de crise', on: '2026-09-30' },
  { kind: 'fiche', title: 'Fiche réflexe « trouble de voisinage »', on: '2026-11-12' },
];

const SECTOR_CYCLE: (Sector | null)[] = [
  'bailleur_social',
  'ccas',
  null,
  'cmp',
  'mandataire_judiciaire',
  'association_usagers_aidants',
  'ccas',
  'autre',
];

/** Questionnaire answers spread deterministically: most satisfied, a few not, varied knowledge. */
function answers(sessionId: number, count: number, seed: number) {
  const knowledge = DEFAULT_KNOWLEDGE_TYPOLOGIES;
  return Array.from({ length: count }, (_, i) => {
    const k = (i + seed) % knowledge.length;
    return {
      sessionId,
      sector: SECTOR_CYCLE[(i + seed) % SECTOR_CYCLE.length]!,
      satisfaction: [5, 4, 4, 5, 3, 4, 2, 5][(i + seed) % 8]!,
      knowledge: i % 5 === 4 ? [] : [knowledge[k]!, ...(i % 2 === 0 ? [knowledge[(k + 2) % knowledge.length]!] : [])],
      coordinationImproved: i % 4 === 3 ? false : i % 7 === 6 ? null : true,
      collaborationsDeveloped: i % 3 === 2 ? false : true,
      comment: i === 0 ? 'Très utile pour connaître les interlocuteurs.' : '',
    };
  });
}

export async function trainingOfTheYear(
  api: ClsmApi,
  must: Must,
  ids: { structures: Map<string, number>; members: Map<string, number> },
  write: Write,
): Promise<void> {
  for (const [index, w] of WORKSHOPS.entries()) {
    const session = await must(
      api.training.save({
        kind: 'workshop',
        theme: w.theme,
        startsOn: w.on,
        endsOn: w.on,
        place: 'Salle du CLSM, Hôtel de Ville de Metz',
        trainer: w.trainer,
        hostStructureId: null,
        durationHours: 4,
        status: w.status,
      }),
    );
    for (const key of w.members)
      await must(api.training.addParticipant({ source: 'member', sessionId: session.id, memberId: ids.members.get(key)! }));
    for (const o of w.outsiders) await must(api.training.addParticipant({ source: 'external', sessionId: session.id, ...o }));
    if (w.status !== 'held') continue;
    if (index === 0) await write(api.training.questionnaire({ sessionId: session.id }), 'questionnaire_formation');
    for (const a of answers(session.id, w.members.length + w.outsiders.length - 2, index)) await must(api.training.recordQuestionnaire(a));
    await write(api.training.attestations({ sessionId: session.id }), 'attestation_formation');
    if (index === 0) {
      const detail = await must(api.training.get({ id: session.id }));
      for (const p of detail.participants.slice(0, 2))
        await write(api.training.attestation({ participantId: p.id }), 'attestation_formation');
    }
  }
  for (const [index, p] of PLACEMENTS.entries()) {
    const session = await must(
      api.training.save({
        kind: 'placement',
        theme: p.theme,
        startsOn: p.from,
        endsOn: p.to,
        place: '',
        trainer: '',
        hostStructureId: ids.structures.get(p.host)!,
        durationHours: p.hours,
        status: p.status,
      }),
    );
    const detail = await must(
      api.training.addParticipant({ source: 'member', sessionId: session.id, memberId: ids.members.get(p.guest)! }),
    );
    if (p.status !== 'held') continue;
    for (const a of answers(session.id, 1, index + 3)) await must(api.training.recordQuestionnaire(a));
    await write(api.training.attestation({ participantId: detail.participants[0]!.id }), 'attestation_formation');
  }
  for (const m of CLSM_MEETINGS) {
    const meeting = await must(
      api.clsm.saveMeeting({
        kind: m.kind,
        heldOn: m.on,
        startsAt: '14:00',
        endsAt: '16:30',
        place: 'Salle du CLSM, Hôtel de Ville de Metz',
        status: m.status ?? 'held',
        subject: m.subject,
      }),
    );
    if (m.status === 'cancelled' || m.structures.length === 0) continue;
    await must(api.clsm.invite({ meetingId: meeting.id, structureIds: m.structures.map((key) => ids.structures.get(key)!) }));
    if (m.status !== 'planned') await must(api.clsm.allPresent({ meetingId: meeting.id }));
  }
  for (const t of TOOLS) await must(api.clsm.saveTool({ kind: t.kind, title: t.title, producedOn: t.on }));
  const year = { from: '2026-01-01', to: '2026-12-31' };
  for (const format of ['pdf', 'docx', 'csv'] as const) await write(api.evaluation.export({ period: year, format }), 'bilan_annuel');
}
