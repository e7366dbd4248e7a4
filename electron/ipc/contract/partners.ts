// The partner directory. Reading is open to every role; the directory is kept by the coordinator
// and the secretariat; deleting is the coordinator's (DESIGN §5).
import { noInput } from '../../services/common/schema';
import type { ImportReport } from '../../services/partners/directory-csv';
import type { MemberChoice, MemberSummary } from '../../services/partners/members';
import {
  activationInput,
  byIdInput,
  importInput,
  memberFilters,
  memberInput,
  memberPageInput,
  memberChoicesInput,
  structureFilters,
  structurePageInput,
  structureInput,
} from '../../services/partners/schema';
import type { Page, StructureChoice, StructureSummary } from '../../services/partners/structures';
import { channel, DocumentFile, EDITORS, EVERYONE, returns } from './shared';

export const partnersChannels = {
  'partners.listStructures': channel({ input: structureFilters, access: EVERYONE, effect: 'read', output: returns<StructureSummary[]>() }),
  'partners.pageStructures': channel({
    input: structurePageInput,
    access: EVERYONE,
    effect: 'read',
    output: returns<Page<StructureSummary>>(),
  }),
  'partners.structureChoices': channel({ input: noInput, access: EVERYONE, effect: 'read', output: returns<StructureChoice[]>() }),
  'partners.saveStructure': channel({ input: structureInput, access: EDITORS, effect: 'write', output: returns<StructureSummary>() }),
  'partners.setStructureActive': channel({ input: activationInput, access: EDITORS, effect: 'write', output: returns<StructureSummary>() }),
  'partners.removeStructure': channel({
    input: byIdInput,
    access: ['coordinator'],
    effect: 'write',
    output: returns<{ outcome: 'deleted' | 'deactivated' }>(),
  }),
  'partners.listMembers': channel({ input: memberFilters, access: EVERYONE, effect: 'read', output: returns<MemberSummary[]>() }),
  'partners.pageMembers': channel({ input: memberPageInput, access: EVERYONE, effect: 'read', output: returns<Page<MemberSummary>>() }),
  'partners.memberChoices': channel({ input: memberChoicesInput, access: EVERYONE, effect: 'read', output: returns<MemberChoice[]>() }),
  'partners.saveMember': channel({ input: memberInput, access: EDITORS, effect: 'write', output: returns<MemberSummary>() }),
  'partners.setMemberActive': channel({ input: activationInput, access: EDITORS, effect: 'write', output: returns<MemberSummary>() }),
  'partners.removeMember': channel({
    input: byIdInput,
    access: ['coordinator'],
    effect: 'write',
    output: returns<{ outcome: 'deleted' | 'deactivated' }>(),
  }),
  'partners.importDirectory': channel({ input: importInput, access: EDITORS, effect: 'write', output: returns<ImportReport>() }),
  'partners.exportDirectory': channel({ input: noInput, access: EDITORS, effect: 'read', output: returns<DocumentFile>() }),
  'partners.importTemplate': channel({ input: noInput, access: EDITORS, effect: 'read', output: returns<DocumentFile>() }),
};

export type { ImportReport, MemberChoice, MemberSummary, Page, StructureChoice, StructureSummary };
