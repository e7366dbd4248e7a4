// What the signed-in user may do, as the main process computed it (SessionInfo.allowed and
// .areas). Pages and buttons ask here; no page checks a role.
import type { ChannelName } from '../../../electron/shared/channels';
import type { Area, SessionInfo } from '../api';

export const can = (session: SessionInfo, channel: ChannelName): boolean => session.allowed.includes(channel);
export const opens = (session: SessionInfo, area: Area): boolean => session.areas.includes(area);
