// The handler table: one module per domain, merged here. The type makes a missing or misnamed
// handler a compile error, so the table always matches the contract.
import type { HandlerTable } from '../dispatcher';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup';
import { charterHandlers } from './charter';
import { consentsHandlers } from './consents';
import { draftsHandlers } from './drafts';
import { actionsHandlers, meetingsHandlers } from './meetings';
import { minutesHandlers, signingHandlers } from './minutes';
import { partnersHandlers } from './partners';
import { recoveryHandlers } from './recovery';
import { retentionHandlers } from './retention';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';
import { situationsHandlers } from './situations';
import { setupHandlers } from './setup';
import { clsmHandlers } from './clsm';
import { evaluationHandlers, trainingHandlers } from './training';
import { usersHandlers } from './users';

export const handlers: HandlerTable = {
  ...setupHandlers,
  ...sessionHandlers,
  ...usersHandlers,
  ...recoveryHandlers,
  ...settingsHandlers,
  ...partnersHandlers,
  ...charterHandlers,
  ...situationsHandlers,
  ...consentsHandlers,
  ...meetingsHandlers,
  ...actionsHandlers,
  ...signingHandlers,
  ...minutesHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...retentionHandlers,
  ...trainingHandlers,
  ...clsmHandlers,
  ...evaluationHandlers,
  ...draftsHandlers,
};
