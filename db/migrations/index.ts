// The registry: every migration, in order. To add one, create `NNN_name.ts` exporting a
// `Migration` with the next version, append it here, and add `NNN_name.test.ts` beside it.
import { migration001 } from './001_initial';
import { migration002 } from './002_partners_charter';
import { migration003 } from './003_password_change_signature_cancel';
import { migration004 } from './004_situations_consents';
import { migration005 } from './005_meetings';
import { migration006 } from './006_minutes_certificates';
import { migration007 } from './007_retention';
import { migration008 } from './008_training_evaluation';
import { migration009 } from './009_disclosure';
import { migration010 } from './010_minutes_retention';
import { migration011 } from './011_audit_checkpoint_seals';
import { migration012 } from './012_civilities';
import { migration013 } from './013_documents_frame';
import { migration014 } from './014_form_drafts';
import { migration015 } from './015_action_agreements';
import { migration016 } from './016_clsm_bodies';
import { migration017 } from './017_search_indexes';
import { migration018 } from './018_situation_dates';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]?.version ?? 0;
