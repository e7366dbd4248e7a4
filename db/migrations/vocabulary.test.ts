// The closed lists the database enforces (CHECK … IN (…)) are the vocabularies the app offers:
// a code added to one and not the other would be refused at write time, or never offered.
import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb } from '../../tests/helpers/db';
import {
  CLSM_ATTENDANCE_CODES,
  GUEST_CATEGORY_CODES,
  PLAN_REVIEW_ROLE_CODES,
  PLAN_STATUS_CODES,
} from '../../electron/shared/clsm-vocabulary';
import { CATEGORY_CODES, MEMBERSHIP_CODES, ROLE_CODES, SECTOR_CODES } from '../../electron/shared/vocabulary';
import {
  AGE_BAND_CODES,
  ATTENDANCE_WISH_CODES,
  CLOSURE_REASON_CODES,
  CONSENT_MODE_CODES,
  IDENTITY_SHARING_CODES,
  LEGAL_PROTECTION_CODES,
  SITUATION_STATE_CODES,
} from '../../electron/shared/situation-vocabulary';
import {
  ACTION_OUTCOME_CODES,
  ATTENDANCE_SCOPE_CODES,
  ATTENDANCE_STATUS_CODES,
  ITEM_OUTCOME_CODES,
  ITEM_STATUS_CODES,
  MEETING_STATE_CODES,
  PERSON_AGREEMENT_CODES,
  PERSON_PRESENCE_CODES,
} from '../../electron/shared/meeting-vocabulary';
import {
  CLSM_MEETING_KIND_CODES,
  CLSM_MEETING_STATUS_CODES,
  PARTICIPANT_ROLE_CODES,
  TOOL_KIND_CODES,
  TRAINING_KIND_CODES,
  TRAINING_STATUS_CODES,
} from '../../electron/shared/training-vocabulary';
import type { Db } from '../connection';
import { migrate } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

function checkList(handle: Db, table: string, column: string): string[] {
  const sql = handle.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) as string;
  const list = new RegExp(`${column} IN \\(([^)]*)\\)`).exec(sql)?.[1];
  if (!list) throw new Error(`no CHECK list for ${table}.${column}`);
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!).sort();
}

describe('migrations and vocabularies', () => {
  it('allow exactly the codes the app offers', () => {
    db = freshEncryptedDb().db;
    migrate(db);
    expect(checkList(db, 'users', 'role')).toEqual([...ROLE_CODES].sort());
    expect(checkList(db, 'structures', 'sector')).toEqual([...SECTOR_CODES].sort());
    expect(checkList(db, 'members', 'category')).toEqual([...CATEGORY_CODES].sort());
    expect(checkList(db, 'members', 'membership')).toEqual([...MEMBERSHIP_CODES].sort());
    expect(checkList(db, 'situations', 'state')).toEqual([...SITUATION_STATE_CODES].sort());
    expect(checkList(db, 'situations', 'age_band')).toEqual([...AGE_BAND_CODES].sort());
    expect(checkList(db, 'situations', 'closure_reason')).toEqual([...CLOSURE_REASON_CODES].sort());
    expect(checkList(db, 'consents', 'mode')).toEqual([...CONSENT_MODE_CODES].sort());
    expect(checkList(db, 'consents', 'identity_sharing')).toEqual([...IDENTITY_SHARING_CODES].sort());
    expect(checkList(db, 'consents', 'legal_protection')).toEqual([...LEGAL_PROTECTION_CODES].sort());
    expect(checkList(db, 'consents', 'attendance')).toEqual([...ATTENDANCE_WISH_CODES].sort());
    expect(checkList(db, 'meetings', 'state')).toEqual([...MEETING_STATE_CODES].sort());
    expect(checkList(db, 'agenda_items', 'status')).toEqual([...ITEM_STATUS_CODES].sort());
    expect(checkList(db, 'agenda_items', 'person_presence')).toEqual([...PERSON_PRESENCE_CODES].sort());
    expect(checkList(db, 'attendances', 'status')).toEqual([...ATTENDANCE_STATUS_CODES].sort());
    expect(checkList(db, 'attendances', 'scope')).toEqual([...ATTENDANCE_SCOPE_CODES].sort());
    expect(checkList(db, 'deliberations', 'outcome')).toEqual([...ITEM_OUTCOME_CODES].sort());
    expect(checkList(db, 'deliberations', 'person_agreement')).toEqual([...PERSON_AGREEMENT_CODES].sort());
    expect(checkList(db, 'actions', 'outcome')).toEqual([...ACTION_OUTCOME_CODES].sort());
    expect(checkList(db, 'training_sessions', 'kind')).toEqual([...TRAINING_KIND_CODES].sort());
    expect(checkList(db, 'training_sessions', 'status')).toEqual([...TRAINING_STATUS_CODES].sort());
    expect(checkList(db, 'training_participants', 'role')).toEqual([...PARTICIPANT_ROLE_CODES].sort());
    expect(checkList(db, 'training_participants', 'sector')).toEqual([...SECTOR_CODES].sort());
    expect(checkList(db, 'training_questionnaires', 'sector')).toEqual([...SECTOR_CODES].sort());
    expect(checkList(db, 'clsm_meetings', 'kind')).toEqual([...CLSM_MEETING_KIND_CODES].sort());
    expect(checkList(db, 'clsm_meetings', 'status')).toEqual([...CLSM_MEETING_STATUS_CODES].sort());
    expect(checkList(db, 'common_tools', 'kind')).toEqual([...TOOL_KIND_CODES].sort());
    expect(checkList(db, 'clsm_guests', 'category')).toEqual([...GUEST_CATEGORY_CODES].sort());
    expect(checkList(db, 'clsm_invitations', 'attendance')).toEqual([...CLSM_ATTENDANCE_CODES].sort());
    expect(checkList(db, 'clsm_plan_actions', 'status')).toEqual([...PLAN_STATUS_CODES].sort());
    expect(checkList(db, 'clsm_plan_reviews', 'role')).toEqual([...PLAN_REVIEW_ROLE_CODES].sort());
  });
});
