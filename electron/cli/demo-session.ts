/**
 * One item of the demo year in session: G5 exits, deliberation, actions and conclusion, as a
 * commission does it. Split from demo.ts, which builds the year around it.
 */
import { AppError } from '../errors';
import type { ClsmApi } from '../ipc/api';
import type { DocumentFile, Result } from '../ipc/contract';
import { addDays, Day } from '../shared/dates';
import { DEMO_MEETINGS, DEMO_SITUATIONS, DemoSituation } from './demo-data';

export type DocumentKind =
  | 'convocation'
  | 'ordre_du_jour'
  | 'emargement'
  | 'compte_rendu'
  | 'extrait'
  | 'attestation_participation'
  | 'courrier_personne'
  | 'information_consentement'
  | 'fiche_saisine'
  | 'attestation_formation'
  | 'questionnaire_formation'
  | 'bilan_annuel'
  | 'charte'
  | 'acte_engagement'
  | 'fiche_saisine_vierge'
  | 'rapport_acces'
  | 'calendrier'
  | 'fiche_recuperation'
  | 'courriel_convocation'
  | 'courriel_extrait'
  | 'convocation_instance'
  | 'emargement_instance'
  | 'compte_rendu_instance'
  | 'courriel_convocation_instance';

export async function must<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new AppError(result.error.code, { message: result.error.message });
  return result.value;
}

export interface Ids {
  structures: Map<string, number>;
  members: Map<string, number>;
  situations: Map<DemoSituation, { id: number; code: string }>;
}

export interface MeetingRun {
  number: number;
  heldOn: Day;
  password: string;
  write: (call: Promise<Result<DocumentFile>>, kind: DocumentKind, situations?: string[]) => Promise<void>;
  /** Lists a file the app wrote itself (an e-mail draft in the drafts folder, under OUTDIR). */
  listDraft: (path: string, kind: DocumentKind, situations: string[]) => void;
}

/** Working hypotheses as a commission writes them: what might explain the impasse. */
const HYPOTHESES = [
  'Un isolement ancien, aggravé par la perte d’emploi ; une méfiance envers les services après une hospitalisation sous contrainte.',
  'Des démarches engagées par plusieurs services sans coordination ; la personne ne sait plus à qui s’adresser.',
  'Une souffrance psychique non reconnue par la personne, qui refuse le mot « psychiatrie » mais accepte de parler de sommeil.',
];

/** The actions the commission decides, for professionals: the letter gives each in words for the person. */
const ACTIONS = [
  'Accompagner la personne au CMP pour un premier rendez-vous',
  'Constituer le dossier FSL avec la personne',
  'Organiser une visite à domicile conjointe avec le bailleur',
  'Proposer à la personne une mesure d’accompagnement social personnalisé',
];

const PRESENCES = ['attended', 'represented', 'absent'] as const;

/** One item in session: G5 exits as the gate names them, then opened, deliberated and concluded. */
export async function examine(api: ClsmApi, ids: Ids, run: MeetingRun, s: DemoSituation, itemId: number) {
  if (s.path === 'postponed_then_examined' && s.meeting === run.number) {
    await must(api.meetings.postponeItem({ itemId }));
    return;
  }
  const session = await must(api.meetings.item({ itemId }));
  const leaving = session.scopeReasons.flatMap((r) => (r.gate === 'G5' && r.subject ? [r.subject.id] : []));
  if (leaving.length > 0) await must(api.meetings.exits({ itemId, memberIds: leaving }));
  await must(api.meetings.openItem({ itemId }));
  const second = s.path === 'reexamined' && s.meeting !== run.number;
  const index = DEMO_SITUATIONS.indexOf(s);
  if (second) {
    // The re-examination closes the follow-up: what was decided the first time is reviewed.
    const open = (await must(api.actions.board({ situationId: ids.situations.get(s)!.id }))).filter((a) => a.outcome === null);
    for (const a of open)
      await must(
        api.actions.review({ actionId: a.id, outcome: 'done', reviewedOn: run.heldOn, note: 'Visite réalisée avec le bailleur.' }),
      );
  }
  await must(
    api.meetings.deliberate({
      itemId,
      synthesis: second ? 'Visite réalisée ; la procédure est suspendue, le suivi au CMP a repris.' : s.synthesis,
      hypotheses: second ? '' : HYPOTHESES[index % HYPOTHESES.length]!,
      responseTypology: second
        ? ['Coordination des intervenants']
        : ['Coordination des intervenants', 'Accès ou maintien dans le logement'],
      proposals: second ? 'Poursuite par les acteurs de droit commun ; fin de l’examen par la Commission.' : s.proposals,
      personPresence: PRESENCES[index % PRESENCES.length]!,
    }),
  );
  const closes = s.path === 'examined_closed' || second;
  // A situation closed here keeps no open action: the commission hands over to the services of common law.
  if (!closes)
    await must(
      api.actions.add({
        itemId,
        what: ACTIONS[index % ACTIONS.length]!,
        owner: { kind: 'member', id: ids.members.get(s.referrer)! },
        dueOn: addDays(run.heldOn, 21),
      }),
    );
  const nextMeeting = DEMO_MEETINGS[run.number] ?? null;
  await must(
    api.meetings.concludeItem({
      itemId,
      outcome: closes ? 'closed' : 'follow_up',
      reexamineOn: !closes && s.path === 'reexamined' ? nextMeeting : null,
      closureReason: closes ? (second ? 'resolved' : 'common_law') : null,
      closureNote: '',
    }),
  );
}
