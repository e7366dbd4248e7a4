// Every action the audit trail accepts, with its French label; the domain is the prefix.
// The trail refuses any other action, and the journal's labels and domain filter come from here.
// Every IPC channel is an action too (refused calls are recorded under the channel's name).
// Adding an action is one line.

export const AUDIT_DOMAINS = {
  setup: 'Initialisation',
  session: 'Sessions',
  users: 'Utilisateurs',
  settings: 'Paramètres',
  audit: 'Journal d’audit',
  recovery: 'Clé de récupération',
  partners: 'Partenaires',
  charter: 'Charte éthique',
  ipc: 'Appels refusés',
} as const;
export type AuditDomain = keyof typeof AUDIT_DOMAINS;

export const AUDIT_ACTIONS = {
  'setup.status': 'État de l’application',
  'setup.initialize': 'Initialisation de l’application',
  'session.unlock': 'Déverrouillage',
  'session.recover': 'Déverrouillage par clé de récupération',
  'session.lock': 'Verrouillage',
  'session.info': 'Lecture de la session',
  'session.activity': 'Activité de la session',
  'session.unlockFailures': 'Échecs de déverrouillage',
  'settings.get': 'Lecture des paramètres',
  'settings.update': 'Modification des paramètres',
  'users.list': 'Liste des utilisateurs',
  'users.checkNewAccount': 'Vérification d’un nouveau compte',
  'users.create': 'Création d’un utilisateur',
  'users.changePassword': 'Changement de son mot de passe',
  'users.passwordChange': 'Changement de son mot de passe',
  'users.resetPassword': 'Réinitialisation d’un mot de passe',
  'users.passwordReset': 'Réinitialisation d’un mot de passe',
  'users.disable': 'Désactivation d’un utilisateur',
  'recovery.newKey': 'Nouvelle clé de récupération',
  'recovery.confirmStored': 'Clé de récupération rangée en lieu sûr',
  'audit.list': 'Consultation du journal',
  'audit.verify': 'Vérification de l’intégrité du journal',
  'audit.overflow': 'Événements non journalisés (file pleine)',
  'partners.listStructures': 'Consultation des structures',
  'partners.pageStructures': 'Consultation des structures',
  'partners.structureChoices': 'Consultation des noms de structures',
  'partners.saveStructure': 'Enregistrement d’une structure',
  'partners.createStructure': 'Création d’une structure',
  'partners.updateStructure': 'Modification d’une structure',
  'partners.setStructureActive': 'Activation ou désactivation d’une structure',
  'partners.deactivateStructure': 'Désactivation d’une structure',
  'partners.reactivateStructure': 'Réactivation d’une structure',
  'partners.removeStructure': 'Suppression d’une structure',
  'partners.deleteStructure': 'Suppression d’une structure',
  'partners.listMembers': 'Consultation des membres',
  'partners.pageMembers': 'Consultation des membres',
  'partners.saveMember': 'Enregistrement d’un membre',
  'partners.createMember': 'Création d’un membre',
  'partners.updateMember': 'Modification d’un membre',
  'partners.setMemberActive': 'Activation ou désactivation d’un membre',
  'partners.deactivateMember': 'Désactivation d’un membre',
  'partners.reactivateMember': 'Réactivation d’un membre',
  'partners.removeMember': 'Suppression d’un membre',
  'partners.deleteMember': 'Suppression d’un membre',
  'partners.importDirectory': 'Import de l’annuaire',
  'partners.exportDirectory': 'Export de l’annuaire',
  'partners.importTemplate': 'Téléchargement du modèle d’import',
  'charter.list': 'Consultation de la charte',
  'charter.saveDraft': 'Enregistrement du projet de charte',
  'charter.updateDraft': 'Modification du projet de charte',
  'charter.newDraft': 'Nouveau projet de charte',
  'charter.abandonDraft': 'Abandon d’un projet de charte',
  'charter.adopt': 'Adoption d’une version de la charte',
  'charter.recordSignature': 'Signature de la charte',
  'charter.cancelSignature': 'Annulation d’une signature de la charte',
  'charter.signatures': 'Consultation des signatures de la charte',
  'charter.pdf': 'Impression de la charte',
  'charter.print': 'Impression de la charte',
  'charter.commitmentPdf': 'Impression d’un acte d’engagement',
  'charter.printCommitment': 'Impression d’un acte d’engagement',
  'ipc.unknownChannel': 'Appel inconnu',
} as const satisfies Record<`${AuditDomain}.${string}`, string>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** What an event is about, named as the coordinator knows it (never a person in care). */
export const AUDIT_OBJECTS = {
  user: 'Utilisateur',
  structure: 'Structure',
  member: 'Membre',
  charterVersion: 'Version de la charte',
  directory: 'Annuaire',
  channel: 'Appel',
} as const;
export type AuditObjectType = keyof typeof AUDIT_OBJECTS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTIONS, value);
}

export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : action;
}
