import { exportDirectoryFile, importTemplate } from '../../services/partners/directory-csv';
import { importDirectory } from '../../services/partners/directory-import';
import { listMembers, memberChoices, pageMembers, removeMember, saveMember, setMemberActive } from '../../services/partners/members';
import {
  listStructures,
  pageStructures,
  removeStructure,
  saveStructure,
  setStructureActive,
  structureChoices,
} from '../../services/partners/structures';
import type { DomainHandlers } from '../dispatcher';

export const partnersHandlers: DomainHandlers<'partners'> = {
  'partners.listStructures': listStructures,
  'partners.pageStructures': pageStructures,
  'partners.structureChoices': (ctx) => structureChoices(ctx),
  'partners.saveStructure': (ctx, input) => saveStructure(ctx, input),
  'partners.setStructureActive': setStructureActive,
  'partners.removeStructure': removeStructure,
  'partners.listMembers': listMembers,
  'partners.pageMembers': pageMembers,
  'partners.memberChoices': memberChoices,
  'partners.saveMember': saveMember,
  'partners.setMemberActive': setMemberActive,
  'partners.removeMember': removeMember,
  'partners.importDirectory': importDirectory,
  'partners.exportDirectory': (ctx) => exportDirectoryFile(ctx),
  'partners.importTemplate': () => importTemplate(),
};
