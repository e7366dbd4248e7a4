// An audit event's detail in French, as the DPO reads it on screen and in the CSV export: the trail
// stores tokens (`count=6`, `items=1,omitted=1`, `G5:STRUCTURE_EXCLUDED`) that cannot hold a name;
// this is the one place that turns them into words. A token's meaning can depend on the action
// (`count` is 6 attestations printed, or 6 failed unlocks), so counts are read per action; every
// other key has one meaning. `tests/unit/audit-describe.test.ts` renders a sample of every action's
// detail and the demo year's whole trail, and finds no raw token left.
import { ERROR_MESSAGES, ErrorCode } from '../../errors';
import { AuditAction } from '../../shared/audit-actions';
import { formatDay, formatMoment, isDay } from '../../shared/dates';
import { byCount } from '../../shared/french';
import { ACTION_OUTCOMES, ATTENDANCE_STATUSES, ITEM_OUTCOMES, PERSON_AGREEMENTS } from '../../shared/meeting-vocabulary';
import { CLOSURE_REASONS, ClosureReason, SITUATION_STATES, SituationState } from '../../shared/situation-vocabulary';
import { CLSM_MEETING_KINDS, CLSM_MEETING_STATUSES, TOOL_KINDS, TRAINING_KINDS, TRAINING_STATUSES } from '../../shared/training-vocabulary';
import { CLSM_ATTENDANCES, GUEST_CATEGORIES, PLAN_STATUSES } from '../../shared/clsm-vocabulary';
import { ROLES, Role } from '../../shared/vocabulary';
import { GATE_CODE_LABELS } from '../../shared/gate-reason';
import { RECORDED_REASONS } from '../minutes/approval-state';

const LOCK_REASONS: Record<string, string> = {
  user: 'à la demande de l’utilisateur',
  inactivity: 'après inactivité',
  system: 'verrouillage ou veille du poste',
  shutdown: 'fermeture de l’application',
};

const VIA: Record<string, string> = {
  recovery: 'par la clé de récupération',
  password: 'par mot de passe',
  structure: 'avec sa structure',
  cli: 'en ligne de commande',
  restore: 'par une restauration',
  app: 'depuis l’application',
};

const FIELDS: Record<string, string> = {
  service: 'service',
  address: 'adresse',
  phone: 'téléphone',
  email: 'courriel',
  city: 'ville',
  displayName: 'nom affiché',
  civility: 'civilité',
};

const FILE_STATES: Record<string, string> = {
  missing: 'fichier de verrouillage absent',
  older: 'fichier de verrouillage remplacé par un plus ancien',
  damaged: 'fichier endommagé',
};

const BASES: Record<string, string> = { retention: 'fin de la durée de conservation', withdrawal: 'retrait du consentement' };
const SOURCES: Record<string, string> = { member: 'membre de l’annuaire', external: 'personne extérieure à l’annuaire' };
const HOLDERS: Record<string, string> = { user: 'certificat de la coordination', member: 'certificat d’un animateur' };
const FLAGS: Record<string, string> = {
  created: 'création',
  updated: 'modification',
  removed: 'retiré',
  unlinked: 'lien retiré',
  password: 'mot de passe',
  archived: 'archivé',
};

const INVITEES: Record<string, string> = {
  structure: 'une structure',
  member: 'un membre de l’annuaire',
  guest: 'une personne hors annuaire',
};
const MINUTES_PARTS: Record<string, string> = {
  intro: 'introduction',
  opening: 'ouverture',
  point: 'un point de l’ordre du jour',
  discussed: 'points discutés',
  closing: 'clôture',
};

const n = (value: string) => Number(value);
const counted = (value: string, singular: string, plural?: string) => `${value} ${byCount(n(value), singular, plural)}`;

/** What `count=N` counts, per action; elsewhere (an event repeated while the trail was locked): « N fois ». */
const COUNTS: Partial<Record<AuditAction, (value: string) => string>> = {
  'minutes.attestations': (v) => counted(v, 'attestation imprimée', 'attestations imprimées'),
  'training.attestations': (v) => counted(v, 'attestation imprimée', 'attestations imprimées'),
  'audit.archive': (v) => counted(v, 'événement archivé', 'événements archivés'),
  'audit.export': (v) => counted(v, 'événement exporté', 'événements exportés'),
  'audit.verify': (v) => counted(v, 'événement vérifié', 'événements vérifiés'),
  'retention.candidates': (v) => counted(v, 'situation à effacer', 'situations à effacer'),
  'session.unlockFailures': (v) => counted(v, 'échec de déverrouillage', 'échecs de déverrouillage'),
  'session.unlockDelays': (v) => counted(v, 'attente imposée', 'attentes imposées'),
  'session.lockoutReset': (v) => counted(v, 'remise à zéro du compteur', 'remises à zéro du compteur'),
  'clsm.allPresent': (v) => counted(v, 'invité marqué présent', 'invités marqués présents'),
  'clsm.convocations': (v) => counted(v, 'convocation imprimée', 'convocations imprimées'),
  'clsm.signInSheet': (v) => counted(v, 'ligne nominative', 'lignes nominatives'),
  'clsm.saveReviews': (v) => counted(v, 'action du plan examinée', 'actions du plan examinées'),
};

const lookup = (value: string, ...tables: Record<string, string>[]) => tables.map((t) => t[value]).find(Boolean) ?? value;

function token(action: string, key: string, value: string | null): string {
  if (value === null) {
    const gate = /^(G\d+):([A-Z_]+)$/.exec(key);
    if (gate) return GATE_CODE_LABELS[gate[2]!] ?? `${gate[1]} non remplie`;
    return FLAGS[key] ?? key;
  }
  switch (key) {
    case 'code':
      return (ERROR_MESSAGES[value as ErrorCode] ?? value).replace(/\.$/, '');
    case 'count':
      return (COUNTS[action as AuditAction] ?? ((v: string) => `${v} fois`))(value);
    case 'role':
      return `rôle : ${ROLES[value as Role] ?? value}`;
    case 'reason':
      return action === 'minutes.recordApproval' ? lookup(value, RECORDED_REASONS) : (LOCK_REASONS[value] ?? value);
    case 'via':
      return VIA[value] ?? value;
    case 'dropped':
      return counted(value, 'événement perdu', 'événements perdus');
    case 'version':
      return `version ${value}`;
    case 'structures':
      return counted(value, 'structure');
    case 'members':
      return counted(value, 'membre');
    case 'users':
      return counted(value, 'utilisateur');
    case 'updated':
      return `${counted(value, 'fiche mise à jour', 'fiches mises à jour')}`;
    case 'rows':
      return counted(value, 'ligne');
    case 'autoLockMinutes':
      return `verrouillage après ${value} min`;
    case 'situation':
      return `situation ${value}`;
    case 'consent':
      return `consentement n° ${value}`;
    case 'scan':
      return 'avec le formulaire numérisé';
    case 'blank':
      return 'fiche vierge';
    case 'from':
      return isDay(value) ? `du ${formatDay(value)}` : `de « ${SITUATION_STATES[value as SituationState] ?? value} »`;
    case 'to':
      return isDay(value) ? `au ${formatDay(value)}` : `à « ${SITUATION_STATES[value as SituationState] ?? value} »`;
    case 'before':
      return `avant le ${isDay(value.slice(0, 10)) ? formatDay(value.slice(0, 10)) : value}`;
    case 'since':
      return `depuis le ${formatMoment(value)}`;
    case 'closure':
      return CLOSURE_REASONS[value as ClosureReason] ?? value;
    case 'meeting':
      return `séance n° ${value}`;
    case 'item':
      return `point n° ${value}`;
    case 'member':
      return `membre n° ${value}`;
    case 'action':
      return `action n° ${value}`;
    case 'questionnaire':
      return `questionnaire n° ${value}`;
    case 'participant':
      return `participant n° ${value}`;
    case 'day':
      return `le ${formatDay(value)}`;
    case 'status':
      return lookup(value, ATTENDANCE_STATUSES, TRAINING_STATUSES, CLSM_MEETING_STATUSES, PLAN_STATUSES).toLowerCase();
    case 'kind':
      return lookup(value, TRAINING_KINDS, CLSM_MEETING_KINDS, TOOL_KINDS, GUEST_CATEGORIES);
    case 'attendance':
      return lookup(value, CLSM_ATTENDANCES).toLowerCase();
    case 'invitee':
      return INVITEES[value] ?? value;
    case 'guests':
      return counted(value, 'personne hors annuaire', 'personnes hors annuaire');
    case 'points':
      return `${counted(value, 'point')} à l’ordre du jour`;
    case 'points_removed':
      return n(value) === 0 ? 'aucun point retiré' : counted(value, 'point retiré', 'points retirés');
    case 'no_email':
      return counted(value, 'invité sans adresse électronique', 'invités sans adresse électronique');
    case 'part':
      return MINUTES_PARTS[value] ?? value;
    case 'outcome':
      return lookup(value, ITEM_OUTCOMES, ACTION_OUTCOMES).toLowerCase();
    case 'agreement':
      return PERSON_AGREEMENTS[value as keyof typeof PERSON_AGREEMENTS] ?? value;
    case 'broken':
      return value === 'triggers' ? 'protections retirées' : `rompu à l’événement n° ${value}`;
    case 'agreed':
      return counted(value, 'proposition acceptée', 'propositions acceptées');
    case 'refused':
      return counted(value, 'proposition refusée', 'propositions refusées');
    case 'discuss':
      return `${counted(value, 'proposition')} à rediscuter`;
    case 'items':
      return `${counted(value, 'point')} dans l’extrait`;
    case 'omitted':
      return n(value) === 0 ? 'aucun point omis' : counted(value, 'point omis', 'points omis');
    case 'drafts':
      return counted(value, 'brouillon de courriel', 'brouillons de courriel');
    case 'without_email':
      return counted(value, 'membre sans adresse électronique', 'membres sans adresse électronique');
    case 'signatures':
      return counted(value, 'signature');
    case 'sequence':
      return n(value) === 0 ? 'compte rendu' : `additif n° ${value}`;
    case 'source':
      return SOURCES[value] ?? value;
    case 'holder':
      return HOLDERS[value] ?? value;
    case 'format':
      return `format ${value.toUpperCase()}`;
    case 'database':
      return `base ${value.slice(0, 8)}`;
    case 'minutes':
      return counted(value, 'compte rendu à détruire', 'comptes rendus à détruire');
    case 'events':
      return counted(value, 'événement');
    case 'archives':
      return counted(value, 'archive');
    case 'documents':
      return counted(value, 'document');
    case 'step':
      return value === 'replace' ? 'remplacement de la base' : value;
    case 'ms':
      return `en ${(n(value) / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`;
    case 'bytes':
      return `${(n(value) / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
    case 'removed':
      return `${counted(value, 'ancienne sauvegarde retirée', 'anciennes sauvegardes retirées')}`;
    case 'head':
    case 'sha256':
      return `empreinte ${value.slice(0, 12)}…`;
    case 'basis':
      return BASES[value] ?? value;
    case 'type':
      return `logo ${value.toUpperCase()}`;
    case 'file':
      return FILE_STATES[value] ?? value;
    case 'seen':
      return `${value} attendus`;
    case 'found':
      return `${value} trouvés`;
    case 'stale':
      return 'seulement celles à réimprimer';
    case 'cleared':
      return 'dossier retiré';
    case 'fields':
      return `champs modifiés : ${value
        .split('+')
        .map((f) => FIELDS[f] ?? f)
        .join(', ')}`;
    default:
      return `${key} ${value}`;
  }
}

/** `fields=a,b,c` lists its fields after commas: they are read back as one token. */
function tokensOf(detail: string): { key: string; value: string | null }[] {
  const tokens: { key: string; value: string | null }[] = [];
  for (const part of detail.split(',')) {
    const [key = '', ...rest] = part.split('=');
    const last = tokens[tokens.length - 1];
    if (rest.length === 0 && last?.key === 'fields' && key in FIELDS) last.value = `${last.value}+${key}`;
    else tokens.push({ key, value: rest.length ? rest.join('=') : null });
  }
  return tokens;
}

export function describeDetail(action: string, detail: string | null): string {
  return detail
    ? tokensOf(detail)
        .map((t) => token(action, t.key, t.value))
        .join(', ')
    : '';
}
