import type { Db } from './open.js';
import { actionRepo } from './repos/actionRepo.js';
import { auditRepo } from './repos/auditRepo.js';
import { panelRepo } from './repos/panelRepo.js';
import { programmeRepo } from './repos/programmeRepo.js';
import { personalDataRepo } from './repos/personalDataRepo.js';
import { removalRepo } from './repos/removalRepo.js';
import { retentionRepo } from './repos/retentionRepo.js';
import { reviewRepo } from './repos/reviewRepo.js';
import { searchRepo } from './repos/searchRepo.js';
import { searchBacklogRepo } from './repos/searchBacklogRepo.js';
import { boardRepo } from './repos/boardRepo.js';
import { bundleRepo } from './repos/bundleRepo.js';
import { identityRepo } from './repos/identityRepo.js';
import { importRepo } from './repos/importRepo.js';
import { changeLogRepo } from './repos/changeLogRepo.js';
import { checklistRepo } from './repos/checklistRepo.js';
import { dashboardRepo } from './repos/dashboardRepo.js';
import { settingRepo } from './repos/settingRepo.js';
import { signedFiguresRepo } from './repos/signedFiguresRepo.js';
import { templateDraftRepo } from './repos/templateDraftRepo.js';
import { templateRepo } from './repos/templateRepo.js';

/** Every repository over one connection, with statements prepared once. */
export function repositories(db: Db) {
  return {
    board: boardRepo(db),
    templates: templateRepo(db),
    templateDrafts: templateDraftRepo(db),
    audits: auditRepo(db),
    removals: removalRepo(db),
    checklists: checklistRepo(db),
    settings: settingRepo(db),
    changeLog: changeLogRepo(db),
    review: reviewRepo(db),
    actions: actionRepo(db),
    identity: identityRepo(db),
    bundles: bundleRepo(db),
    imports: importRepo(db),
    search: searchRepo(db),
    searchBacklog: searchBacklogRepo(db),
    panels: panelRepo(db),
    signedFigures: signedFiguresRepo(db),
    dashboard: dashboardRepo(db),
    programme: programmeRepo(db),
    personalData: personalDataRepo(db),
    retention: retentionRepo(db),
  };
}
export type Repositories = ReturnType<typeof repositories>;
