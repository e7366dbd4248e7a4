// The demo year's CLSM bodies: the action plan of twelve actions over the three axes, a comité de
// pilotage in January that adopts it and an assemblée plénière in November that reviews it, each
// with its invitations (the directory, an élue, a person with lived experience…), convocations
// printed and drafted by e-mail, its sign-in sheet, attendance and minutes signed by the
// coordination; the actions' states at the end of the year. Through the same channels as the app.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClsmApi } from '../ipc/api';
import type { ClsmMeetingDetail, DocumentFile, Result } from '../ipc/contract';
import type { GuestCategory, PlanStatus } from '../shared/clsm-vocabulary';
import type { Day } from '../shared/dates';
import type { Civility } from '../shared/french';
import type { DocumentKind, Ids } from './demo-session';
import { must } from './demo-session';

type Write = (call: Promise<Result<DocumentFile>>, kind: DocumentKind) => Promise<void>;
type ListDraft = (path: string, kind: DocumentKind, situations: string[]) => void;
interface Clock {
  to(day: Day, hourUtc?: number): void;
}

interface DemoAction {
  axis: 0 | 1 | 2;
  title: string;
  pilot: string | null;
  startsOn: Day;
  dueOn: Day;
  /** The state at the plenary (November), then at the end of the year. */
  autumn: { status: PlanStatus; on?: Day };
  december: { status: PlanStatus; on?: Day };
}

const ACTIONS: DemoAction[] = [
  {
    axis: 0,
    title: 'Semaines d’information sur la santé mentale 2026',
    pilot: 'ccasMetz',
    startsOn: '2026-01-05',
    dueOn: '2026-03-31',
    autumn: { status: 'done', on: '2026-03-28' },
    december: { status: 'done', on: '2026-03-28' },
  },
  {
    axis: 0,
    title: 'Forum ouvert « Santé mentale et citoyenneté »',
    pilot: 'gem',
    startsOn: '2026-04-01',
    dueOn: '2026-10-15',
    autumn: { status: 'done', on: '2026-10-15' },
    december: { status: 'done', on: '2026-10-15' },
  },
  {
    axis: 0,
    title: 'Répertoire des structures culturelles accueillantes',
    pilot: null,
    startsOn: '2026-03-01',
    dueOn: '2026-12-31',
    autumn: { status: 'in_progress' },
    december: { status: 'in_progress' },
  },
  {
    axis: 0,
    title: 'Sensibilisation des acteurs de l’emploi et de la formation',
    pilot: 'ddets',
    startsOn: '2026-09-01',
    dueOn: '2027-06-30',
    autumn: { status: 'planned' },
    december: { status: 'in_progress' },
  },
  {
    axis: 1,
    title: 'Commission de réflexion et d’aide : premier bilan',
    pilot: 'cmpQueuleu',
    startsOn: '2026-01-15',
    dueOn: '2026-12-31',
    autumn: { status: 'in_progress' },
    december: { status: 'done', on: '2026-12-15' },
  },
  {
    axis: 1,
    title: 'Procédure de soutien aux locataires entre bailleurs et CMP',
    pilot: 'mht',
    startsOn: '2026-02-01',
    dueOn: '2026-06-30',
    autumn: { status: 'done', on: '2026-06-25' },
    december: { status: 'done', on: '2026-06-25' },
  },
  {
    axis: 1,
    title: 'Premiers secours en santé mentale : deux sessions',
    pilot: 'cms',
    startsOn: '2026-03-01',
    dueOn: '2026-11-30',
    autumn: { status: 'abandoned', on: '2026-09-30' },
    december: { status: 'abandoned', on: '2026-09-30' },
  },
  {
    axis: 1,
    title: 'Accès aux soins des personnes en grande précarité',
    pilot: 'ccasMontigny',
    startsOn: '2026-05-01',
    dueOn: '2027-03-31',
    autumn: { status: 'in_progress' },
    december: { status: 'in_progress' },
  },
  {
    axis: 2,
    title: 'Mise à jour du guide santé mentale',
    pilot: null,
    startsOn: '2026-02-01',
    dueOn: '2026-05-31',
    autumn: { status: 'done', on: '2026-05-28' },
    december: { status: 'done', on: '2026-05-28' },
  },
  {
    axis: 2,
    title: 'Lettre d’information du CLSM (six numéros)',
    pilot: null,
    startsOn: '2026-01-01',
    dueOn: '2026-12-31',
    autumn: { status: 'in_progress' },
    december: { status: 'done', on: '2026-12-10' },
  },
  {
    axis: 2,
    title: 'Annuaire interactif des ressources',
    pilot: 'cmpMontigny',
    startsOn: '2026-04-01',
    dueOn: '2026-09-30',
    autumn: { status: 'done', on: '2026-09-30' },
    december: { status: 'done', on: '2026-09-30' },
  },
  {
    axis: 2,
    title: 'Formation croisée des professionnels',
    pilot: null,
    startsOn: '2026-02-01',
    dueOn: '2026-12-15',
    autumn: { status: 'in_progress' },
    december: { status: 'in_progress' },
  },
];

const GUESTS: {
  key: string;
  civility: Civility;
  firstName: string;
  lastName: string;
  organisation: string;
  role: string;
  category: GuestCategory;
  email: string;
}[] = [
  {
    key: 'elue',
    civility: 'madame',
    firstName: 'Claire',
    lastName: 'Vogel',
    organisation: 'Ville de Metz',
    role: 'Adjointe au maire chargée de la santé',
    category: 'elu',
    email: 'c.vogel@mairie.example',
  },
  {
    key: 'metropole',
    civility: 'monsieur',
    firstName: 'Bernard',
    lastName: 'Schaeffer',
    organisation: 'Metz Métropole',
    role: 'Vice-président chargé de la cohésion sociale',
    category: 'elu',
    email: 'b.schaeffer@metzmetropole.example',
  },
  {
    key: 'gem',
    civility: 'monsieur',
    firstName: 'Étienne',
    lastName: 'Hœrdt',
    organisation: 'GEM La Passerelle',
    role: 'Adhérent',
    category: 'personne_concernee',
    email: '',
  },
  {
    key: 'ars',
    civility: 'madame',
    firstName: 'Lucie',
    lastName: 'Adam',
    organisation: 'ARS Grand Est, délégation territoriale de la Moselle',
    role: 'Chargée de mission santé mentale',
    category: 'institution',
    email: 'l.adam@ars.example',
  },
  {
    key: 'citoyenne',
    civility: 'madame',
    firstName: 'Martine',
    lastName: 'Lallemand',
    organisation: '',
    role: 'Habitante de Borny',
    category: 'citoyen',
    email: '',
  },
];

interface DemoBody {
  kind: 'comite_pilotage' | 'assemblee_pleniere';
  convenedOn: Day;
  heldOn: Day;
  place: string;
  subject: string;
  nextMeeting: string;
  documents: string[];
  points: { title: string; presenter: string; text: string }[];
  structures: string[];
  members: string[];
  guests: string[];
  /** Invitees who excused themselves, and the structures represented by someone else. */
  excused: string[];
  represented: Record<string, string>;
  intro: string;
  opening: string;
  discussed: string;
  closing: string;
  review: 'decided' | 'reviewed';
}

const COPIL: DemoBody = {
  kind: 'comite_pilotage',
  convenedOn: '2026-01-21',
  heldOn: '2026-01-29',
  place: 'Hôtel de Ville de Metz, salon de Guise',
  subject: 'Lancement de la commission et plan d’action 2026',
  nextMeeting: 'Assemblée plénière en novembre (date à confirmer).',
  documents: ['Diaporama du comité de pilotage', 'Plan d’action 2026 du CLSM'],
  points: [
    {
      title: 'Animation du CLSM',
      presenter: 'Françoise Hœrner, coordinatrice',
      text: '# La coordination\nLe CLSM entame sa dixième année de mise en œuvre. La convention constitutive précise son organisation.\n\n## La communication réalisée\n- six lettres d’information envoyées à environ quatre cents contacts ;\n- le site internet, mis à jour chaque mois.\n\n# La dynamique du réseau\n56 partenaires sont impliqués dans au moins un projet, dans six secteurs.',
    },
    {
      title: 'Plan d’action 2026',
      presenter: 'Françoise Hœrner, coordinatrice',
      text: 'Le comité adopte le plan d’action 2026 : douze actions réparties sur les trois axes du CLSM (inclusion dans la cité, amélioration des parcours, coordination entre les acteurs), chacune avec sa structure pilote et son échéance.',
    },
    {
      title: 'Mise en place de la commission de réflexion et d’aide',
      presenter: 'Stéphane Kessler-Lentz, CMP de Metz-Queuleu',
      text: '# Le cadre\nLa commission examine, avec le consentement des personnes, des situations complexes qui échappent au droit commun.\n\n# Le calendrier\nTrois séances sont prévues en 2026 : mars, juin et octobre.',
    },
  ],
  structures: ['ddets', 'mht', 'udaf'],
  members: ['animateur', 'ccasMetz1', 'unafam1'],
  guests: ['elue', 'metropole', 'ars', 'gem'],
  excused: ['metropole'],
  represented: { udaf: 'Nadia Ferhat' },
  intro: 'Cette synthèse suit les points abordés lors du comité de pilotage. Le diaporama présenté en séance est joint.',
  opening:
    'Après un tour de table, Claire Vogel ouvre la séance. Elle remercie les partenaires de leur implication et rappelle l’attachement de la Ville de Metz au CLSM.',
  discussed:
    '# Sensibilisation en santé mentale\nLa DDETS propose que la sensibilisation s’organise de manière croisée, pour que les professionnels de santé découvrent aussi le secteur social.\n\n# Participation des personnes concernées\nLe représentant du GEM demande que les personnes concernées soient associées aux groupes projet : la coordination les y invitera.',
  closing: 'Claire Vogel remercie les participants et lève la séance à 16 h 30.',
  review: 'decided',
};

const PLENARY: DemoBody = {
  kind: 'assemblee_pleniere',
  convenedOn: '2026-10-29',
  heldOn: '2026-11-19',
  place: 'Cloître des Récollets, Metz',
  subject: 'Bilan d’étape et forum ouvert',
  nextMeeting: 'Comité de pilotage en février 2027 (date à convenir).',
  documents: ['Diaporama de l’assemblée plénière', 'Synthèse du forum ouvert'],
  points: [
    {
      title: 'Bilan et perspectives des actions',
      presenter: 'Les structures pilotes',
      text: '# Logement et santé mentale\nLa procédure de soutien aux locataires entre les bailleurs et les CMP est en place depuis juin.\n\n# Coordination\nLe guide santé mentale a été mis à jour et l’annuaire interactif est en ligne.\n\n## Ce qui reste à faire\n- le répertoire des structures culturelles ;\n- l’accès aux soins des personnes en grande précarité.',
    },
    {
      title: 'Restitution du forum ouvert',
      presenter: 'GEM La Passerelle',
      text: 'Le forum ouvert a réuni une soixantaine de participants.\n\n| Thématiques | Pistes retenues |\n| --- | --- |\n| Jeunes et santé mentale | Développer un partenariat avec les missions locales. |\n| Emploi et formation | Sensibiliser les organismes de formation à l’accueil. |\n| Culture et loisirs | Créer un répertoire des structures accueillantes. |',
    },
  ],
  structures: ['cmpMontigny', 'vivest', 'ccasMontigny', 'atm', 'cms', 'mg', 'gem'],
  members: ['animateur', 'mht1', 'ccasMetz1', 'udaf1', 'unafam1'],
  guests: ['elue', 'metropole', 'gem', 'citoyenne'],
  excused: ['mg'],
  represented: { atm: 'Pierre Colin' },
  intro: '',
  opening:
    'Après un tour de table, la coordination rappelle le rôle de l’assemblée plénière, espace de concertation de tous les partenaires du territoire.',
  discussed:
    '# Premiers secours en santé mentale\nFaute de formateurs certifiés proches de Metz, les deux sessions prévues sont abandonnées pour 2026 ; la question reviendra au comité de pilotage.',
  closing: 'La coordination remercie les participants et clôt l’assemblée plénière.',
  review: 'reviewed',
};

async function holdBody(
  api: ClsmApi,
  clock: Clock,
  ids: Ids,
  guests: Map<string, number>,
  body: DemoBody,
  options: { password: string; write: Write; listDraft: ListDraft; draftsFolder: string; actions: number[] },
): Promise<ClsmMeetingDetail> {
  clock.to(body.convenedOn);
  const planned = await must(
    api.clsm.saveMeeting({
      kind: body.kind,
      heldOn: body.heldOn,
      startsAt: '14:00',
      endsAt: '16:30',
      place: body.place,
      status: 'planned',
      subject: body.subject,
      nextMeeting: body.nextMeeting,
      attachedDocuments: body.documents,
    }),
  );
  const id = planned.id;
  await must(api.clsm.savePoints({ meetingId: id, points: body.points.map((p) => ({ title: p.title, presenter: p.presenter })) }));
  await must(
    api.clsm.invite({
      meetingId: id,
      structureIds: body.structures.map((k) => ids.structures.get(k)!),
      memberIds: body.members.map((k) => ids.members.get(k)!),
      guestIds: body.guests.map((k) => guests.get(k)!),
    }),
  );
  await options.write(api.clsm.convocations({ meetingId: id }), 'convocation_instance');
  await options.write(api.clsm.calendar({ meetingId: id }), 'calendrier');
  const drafts = await must(api.clsm.mailConvocations({ meetingId: id }));
  for (const file of readdirSync(drafts.folder).sort()) options.listDraft(join(drafts.folder, file), 'courriel_convocation_instance', []);
  await options.write(api.clsm.signInSheet({ meetingId: id }), 'emargement_instance');

  clock.to(body.heldOn, 16);
  let detail = await must(api.clsm.meeting({ id }));
  const keyOf = (i: ClsmMeetingDetail['invitations'][number]) =>
    i.structureId !== null
      ? [...ids.structures].find(([, v]) => v === i.structureId)?.[0]
      : i.memberId !== null
        ? [...ids.members].find(([, v]) => v === i.memberId)?.[0]
        : [...guests].find(([, v]) => v === i.guestId)?.[0];
  for (const invitation of detail.invitations) {
    const key = keyOf(invitation)!;
    if (body.excused.includes(key)) await must(api.clsm.attendance({ invitationId: invitation.id, attendance: 'excused' }));
    else if (body.represented[key])
      await must(api.clsm.attendance({ invitationId: invitation.id, attendance: 'represented', representedBy: body.represented[key] }));
  }
  await must(api.clsm.allPresent({ meetingId: id }));
  detail = await must(api.clsm.meeting({ id }));
  await must(
    api.clsm.saveMeeting({
      id,
      kind: body.kind,
      heldOn: body.heldOn,
      startsAt: '14:00',
      endsAt: '16:30',
      place: body.place,
      status: 'held',
      subject: body.subject,
      nextMeeting: body.nextMeeting,
      attachedDocuments: body.documents,
    }),
  );
  for (const part of ['intro', 'opening', 'discussed', 'closing'] as const)
    if (body[part]) await must(api.clsm.saveMinutes({ meetingId: id, part, text: body[part] }));
  for (const [index, point] of detail.points.entries())
    await must(api.clsm.saveMinutes({ meetingId: id, part: 'point', pointId: point.id, text: body.points[index]!.text }));
  await must(api.clsm.saveReviews({ meetingId: id, reviews: options.actions.map((actionId) => ({ actionId, role: body.review })) }));
  clock.to(body.heldOn, 17);
  const signed = await must(api.clsm.signMinutes({ meetingId: id, password: options.password }));
  await options.write(api.clsm.minutesDocument({ documentId: signed.signedDocuments[0]!.id }), 'compte_rendu_instance');
  return signed;
}

async function setStates(api: ClsmApi, ids: Ids, planIds: number[], axes: number[], moment: 'autumn' | 'december'): Promise<void> {
  for (const [index, a] of ACTIONS.entries()) {
    const state = a[moment];
    await must(
      api.clsm.saveAction({
        id: planIds[index]!,
        axisId: axes[a.axis]!,
        title: a.title,
        description: '',
        pilotStructureId: a.pilot ? ids.structures.get(a.pilot)! : null,
        startsOn: a.startsOn,
        dueOn: a.dueOn,
        status: state.status,
        finishedOn: state.on ?? null,
      }),
    );
  }
}

/** The plan and the January comité de pilotage: run right after the directory is set up. */
export async function copilOfTheYear(
  api: ClsmApi,
  clock: Clock,
  ids: Ids,
  options: { password: string; write: Write; listDraft: ListDraft; draftsFolder: string },
): Promise<{ guests: Map<string, number>; planIds: number[]; axes: number[] }> {
  const guests = new Map<string, number>();
  for (const g of GUESTS) {
    const { key, ...fields } = g;
    guests.set(key, (await must(api.clsm.saveGuest(fields))).id);
  }
  const axes = (await must(api.clsm.plan({}))).axes.map((a) => a.id);
  const planIds: number[] = [];
  for (const a of ACTIONS) {
    const plan = await must(
      api.clsm.saveAction({
        axisId: axes[a.axis]!,
        title: a.title,
        description: '',
        pilotStructureId: a.pilot ? ids.structures.get(a.pilot)! : null,
        startsOn: a.startsOn,
        dueOn: a.dueOn,
        status: 'planned',
      }),
    );
    planIds.push(plan.actions.find((x) => x.title === a.title)!.id);
  }
  await holdBody(api, clock, ids, guests, COPIL, { ...options, actions: planIds });
  return { guests, planIds, axes };
}

/** The November plenary, which reviews the actions under way; then the plan's states at the end of the year. */
export async function plenaryOfTheYear(
  api: ClsmApi,
  clock: Clock,
  ids: Ids,
  year: { guests: Map<string, number>; planIds: number[]; axes: number[] },
  options: { password: string; write: Write; listDraft: ListDraft; draftsFolder: string },
): Promise<void> {
  clock.to('2026-10-28');
  await setStates(api, ids, year.planIds, year.axes, 'autumn');
  const reviewed = year.planIds.filter((_, index) => ACTIONS[index]!.autumn.status !== 'planned');
  await holdBody(api, clock, ids, year.guests, PLENARY, { ...options, actions: reviewed });
}

export async function closePlanOfTheYear(api: ClsmApi, ids: Ids, year: { planIds: number[]; axes: number[] }): Promise<void> {
  await setStates(api, ids, year.planIds, year.axes, 'december');
}
