// A meeting as a calendar event (`.ics`) that Outlook imports: when and where, nothing more. One
// builder for the commission's sessions and the CLSM's bodies; the stamp comes from the injected clock.
import { createEvent, EventAttributes } from 'ics';
import { atTime } from '../../shared/dates';
import type { ServiceContext } from '../context';

export interface CalendarMeeting {
  uid: string;
  title: string;
  description: string;
  place: string;
  heldOn: string;
  startsAt: string;
  endsAt: string;
}

export function calendarEvent(ctx: Pick<ServiceContext, 'clock'>, meeting: CalendarMeeting): string {
  const moment = (time: string) => new Date(atTime(meeting.heldOn, time)).getTime();
  // `timestamp` (DTSTAMP) is read by ics but missing from its types: it comes from the injected clock.
  const event: EventAttributes & { timestamp: number } = {
    uid: meeting.uid,
    productId: 'commission-clsm',
    title: meeting.title,
    description: meeting.description,
    location: meeting.place,
    start: moment(meeting.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: moment(meeting.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    timestamp: ctx.clock().getTime(),
    status: 'CONFIRMED',
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('calendar event not generated');
  return value;
}
