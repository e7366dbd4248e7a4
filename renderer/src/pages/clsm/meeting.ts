// What the tabs of a CLSM meeting share: how they hand a change back, and how an invitee is named.
import { GUEST_CATEGORIES } from '../../../../electron/shared/clsm-vocabulary';
import type { ClsmMeetingDetail, InvitationView } from '../../api';

/** What a tab hands back after a change: the fresh meeting and what to say. */
export type Changed = (meeting: ClsmMeetingDetail, message: string) => void;

export const inviteeKind = (i: InvitationView) =>
  i.kind === 'structure' ? 'Structure' : i.kind === 'member' ? 'Membre de l’annuaire' : GUEST_CATEGORIES[i.guestCategory!];
