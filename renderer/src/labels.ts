// French labels for codes that come from the main process.
import type { AuditEvent, Role } from './api';

export const ROLE_LABELS: Record<Role, string> = {
  coordinator: 'Coordinateur',
  animateur: 'Animateur',
  secretariat: 'Secrétariat',
};

export const OUTCOME_LABELS: Record<AuditEvent['outcome'], string> = {
  success: 'Réussi',
  refused: 'Refusé',
  failure: 'Échec',
};

const ACTION_LABELS: Record<string, string> = {
  'setup.initialize': 'Initialisation de l’application',
  'session.unlock': 'Déverrouillage',
  'session.recover': 'Déverrouillage par clé de récupération',
  'session.lock': 'Verrouillage',
  'session.unlockFailures': 'Échecs de déverrouillage',
  'users.create': 'Création d’un utilisateur',
  'users.list': 'Liste des utilisateurs',
  'users.disable': 'Désactivation d’un utilisateur',
  'users.passwordChange': 'Changement de son mot de passe',
  'users.passwordReset': 'Réinitialisation d’un mot de passe',
  'users.resetPassword': 'Réinitialisation d’un mot de passe',
  'users.changePassword': 'Changement de son mot de passe',
  'settings.update': 'Modification des paramètres',
  'audit.verify': 'Vérification de l’intégrité du journal',
  'audit.list': 'Consultation du journal',
  'audit.overflow': 'Événements non journalisés (file pleine)',
  'ipc.unknownChannel': 'Appel inconnu',
};

export const AUDIT_DOMAINS: { value: string; label: string }[] = [
  { value: 'session', label: 'Sessions' },
  { value: 'users', label: 'Utilisateurs' },
  { value: 'settings', label: 'Paramètres' },
  { value: 'audit', label: 'Journal' },
  { value: 'setup', label: 'Initialisation' },
];

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });

export const formatDateTime = (iso: string) => DATE_TIME.format(new Date(iso));
export const formatDate = (iso: string) => DATE.format(new Date(iso));

/** `YYYY-MM-DD` as `dd/MM/yyyy`. */
export const formatDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** Today in Europe/Paris, `YYYY-MM-DD`, for date fields' default value. */
export const today = () => new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris' }).format(new Date());
