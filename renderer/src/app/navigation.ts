import type { Role } from '../api';

export interface NavItem {
  to: string;
  label: string;
  roles: readonly Role[];
  /** Pages that later versions build; navigation and locking already work there. */
  upcoming?: string;
  /** What the page holds, for the dashboard. */
  summary?: string;
}

const ALL: readonly Role[] = ['coordinator', 'animateur', 'secretariat'];

// The secretariat sees the directory, the meetings (convocations) and training, never situations
// (DESIGN §5). The main process refuses them the rest whatever the menu shows.
export const NAVIGATION: readonly NavItem[] = [
  { to: '/', label: 'Tableau de bord', roles: ALL },
  { to: '/partenaires', label: 'Partenaires', roles: ALL, summary: 'L’annuaire des structures et des membres, la convention et la charte éthique.' },
  { to: '/situations', label: 'Situations', roles: ['coordinator', 'animateur'], upcoming: 'Les saisines, les consentements et le suivi des situations.' },
  { to: '/commissions', label: 'Commissions', roles: ALL, upcoming: 'Les séances, l’ordre du jour, les convocations et les comptes rendus.' },
  { to: '/formation', label: 'Formation croisée', roles: ALL, upcoming: 'Les ateliers croisés et les stages croisés.' },
  { to: '/evaluation', label: 'Évaluation', roles: ['coordinator', 'animateur'], upcoming: 'Les indicateurs et le bilan annuel.' },
  { to: '/administration', label: 'Administration', roles: ['coordinator'] },
];

export const navigationFor = (role: Role) => NAVIGATION.filter((item) => item.roles.includes(role));
