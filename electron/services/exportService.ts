// Files for the partnership's own tools: the action tracker, an audit's answers and the audit
// programme as CSV or Excel, and a template version as a blank audit tool to print. Every export
// only reads (no transaction, no change-log entry), through the same services the screens use, so a
// file holds what the screen shows.
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError } from '../../shared/errors.js';
import { programmeYearLabel } from '../../shared/programme.js';
import { londonDate } from '../../shared/today.js';
import { actionsTable } from '../exports/actionsTable.js';
import { answersTable } from '../exports/answersTable.js';
import { renderBlankToolDocx, renderBlankToolPdf } from '../exports/blankTool.js';
import { programmeTable } from '../exports/programmeTable.js';
import { renderTable, type TableFormat } from '../exports/table.js';
import { actionService } from './actionService.js';
import type { ServiceContext } from './context.js';
import { programmeService } from './programmeService.js';
import { getTemplate } from './templateService.js';

type Methods = 'exports.actions' | 'exports.answers' | 'exports.programme' | 'exports.blankTool';

/** A file name from a title: letters, digits and dashes. */
export const fileSlug = (s: string, fallback: string) =>
  s
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || fallback;

const file = (fileName: string, bytes: Buffer) => ({ fileName, base64: bytes.toString('base64') });

export interface ExportFile {
  fileName: string;
  bytes: Buffer;
}

export function exportFiles(ctx: ServiceContext) {
  const created = () => new Date(ctx.now());
  const actions = actionService(ctx);
  const programme = programmeService(ctx);
  return {
    async actions(filter: Parameters<ServiceHandlers['actions.list']>[0], format: TableFormat): Promise<ExportFile> {
      const today = londonDate(created());
      const table = actionsTable(await actions['actions.list'](filter), today);
      return { fileName: `actions-${today}.${format}`, bytes: await renderTable(table, format, created()) };
    },
    async answers(auditId: string, format: TableFormat): Promise<ExportFile> {
      const { repos } = ctx;
      const audit = repos.audits.get(auditId);
      if (!audit) throw new AppError('NOT_FOUND', 'No such audit.');
      const table = answersTable({
        template: getTemplate(ctx, audit.templateId, audit.templateVersion),
        cases: repos.audits.cases(auditId),
        checklists: repos.checklists.forAudit(auditId),
        answers: repos.checklists.answersForAudit(auditId),
        grades: repos.review.grades(auditId),
      });
      return {
        fileName: `${fileSlug(audit.title, 'audit')}-answers.${format}`,
        bytes: await renderTable(table, format, created()),
      };
    },
    async programme(year: number | undefined, format: TableFormat): Promise<ExportFile> {
      const p = await programme['programme.list'](year === undefined ? {} : { year });
      return {
        fileName: `programme-${programmeYearLabel(p.year).replace(/ /g, '-')}.${format}`,
        bytes: await renderTable(programmeTable(p), format, created()),
      };
    },
    async blankTool(templateId: string, version: number, format: 'pdf' | 'docx'): Promise<ExportFile> {
      const t = getTemplate(ctx, templateId, version);
      const boardName = ctx.repos.board.get()?.name ?? '';
      const bytes =
        format === 'pdf' ? await renderBlankToolPdf(t, boardName, created()) : await renderBlankToolDocx(t, boardName);
      return { fileName: `${fileSlug(t.id, 'template')}-v${t.version}-blank-tool.${format}`, bytes };
    },
  };
}

export function exportService(ctx: ServiceContext): Pick<ServiceHandlers, Methods> {
  const files = exportFiles(ctx);
  const out = async (made: Promise<ExportFile>) => {
    const { fileName, bytes } = await made;
    return file(fileName, bytes);
  };
  return {
    'exports.actions': ({ format, ...filter }) => out(files.actions(filter, format)),
    'exports.answers': ({ auditId, format }) => out(files.answers(auditId, format)),
    'exports.programme': ({ year, format }) => out(files.programme(year, format)),
    'exports.blankTool': ({ templateId, version, format }) => out(files.blankTool(templateId, version, format)),
  };
}
