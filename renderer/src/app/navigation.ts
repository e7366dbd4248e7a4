import type { Area, SessionInfo } from '../api';
import { opens } from './permissions';

export interface NavItem {
  to: string;
  label: string;
  /** The area the entry opens; the main process says which areas each user may open. */
  area: Area | null;
  /** Pages that later versions build; navigation and locking already work there. */
  upcoming?: string;
  /** What the page holds, for the dashboard. */
  summary?: string;
}

export const NAVIGATION: readonly NavItem[] = [
  { to: '/', label: 'Tableau de bord', area: null },
  {
    to: '/partenaires',
    label: 'Partenaires',
    area: 'partners',
    summary: 'L’annuaire des structures et des membres, la convention et la charte éthique.',
  },
  {
    to: '/situations',
    label: 'Situations',
    area: 'situations',
    summary: 'Les saisines, la recevabilité, le consentement des personnes et le suivi des situations.',
  },
  {
    to: '/commissions',
    label: 'Commissions',
    area: 'meetings',
    summary: 'Les séances : ordre du jour, convocations, présence, examen des situations en séance et suivi des actions.',
  },
  {
    to: '/instances',
    label: 'Instances du CLSM',
    area: 'clsm',
    summary:
      'Comité de pilotage, assemblée plénière, comité technique et groupes projet : convocations, émargement, comptes rendus signés ; le plan d’action.',
  },
  {
    to: '/formation',
    label: 'Formation croisée',
    area: 'training',
    summary: 'Les ateliers et stages croisés, leurs participants, questionnaires et attestations ; les outils communs du CLSM.',
  },
  {
    to: '/evaluation',
    label: 'Évaluation',
    area: 'evaluation',
    summary: 'Les indicateurs du projet sur une année ou une période, le bilan annuel (PDF, Word) et le tableau de suivi (CSV).',
  },
  { to: '/administration', label: 'Administration', area: 'administration' },
];

export const navigationFor = (session: SessionInfo) => NAVIGATION.filter((item) => item.area === null || opens(session, item.area));
