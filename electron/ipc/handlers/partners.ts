import { exportDirectoryFile, importTemplate } from '../../services/partners/directory-csv';
import { importDirectory } from '../../services/partners/directory-import';
import { listMembers, removeMember, saveMember, setMemberActive } from '../../services/partners/members';
import { listStructures, removeStructure, saveStructure, setStructureActive } from '../../services/partners/structures';
import type { DomainHandlers } from '../dispatcher';

export const partnersHandlers: DomainHandlers<'partners'> = {
  'partners.listStructures': listStructures,
  'partners.saveStructure': saveStructure,
  'partners.setStructureActive': setStructureActive,
  'partners.removeStructure': removeStructure,
  'partners.listMembers': listMembers,
  'partners.saveMember': saveMember,
  'partners.setMemberActive': setMemberActive,
  'partners.removeMember': removeMember,
  'partners.importDirectory': importDirectory,
  'partners.exportDirectory': (ctx) => exportDirectoryFile(ctx),
  'partners.importTemplate': () => importTemplate(),
};
