// What a role may do, computed from each channel's access in the contract, and the areas (menu
// entries) it may open. The session hands both to the UI, which derives menus, pages and buttons
// from them and never checks a role itself; the dispatcher enforces the same access on every call.
import type { Role } from '../shared/vocabulary';
import { CHANNEL_NAMES, ChannelName } from '../shared/channels';
import type { Area } from './contract/session';
import { Access, contract } from './contract';

export function mayCall(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'authenticated' || access.includes(role);
}

export function allowedChannels(role: Role): ChannelName[] {
  return CHANNEL_NAMES.filter((name) => mayCall(contract[name].access, role));
}

// An area is open when its entry channel is. The secretariat opens Situations for the registry
// only (codes, dates, states): every channel with content refuses it (DESIGN §5).
const AREAS: Record<Area, ChannelName> = {
  partners: 'partners.listStructures',
  situations: 'situations.registry',
  meetings: 'meetings.list',
  clsm: 'clsm.meetings',
  training: 'training.list',
  evaluation: 'evaluation.indicators',
  administration: 'users.list',
};

export function areasFor(role: Role): Area[] {
  return (Object.keys(AREAS) as Area[]).filter((area) => mayCall(contract[AREAS[area]].access, role));
}
