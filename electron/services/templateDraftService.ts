// The QA sub-committee's template editing: a draft copied from a published version, saved as it is
// edited (always valid), and published as a new immutable version. Audits keep the version they pinned.
import { Buffer } from 'node:buffer';
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import { templateSchema, type Template } from '../../shared/template.js';
import type { TemplateDraft } from '../../shared/templateDraft.js';
import { parseTemplateFile, serialiseTemplate } from '../../shared/templateFile.js';
import type { TemplateSummary } from '../../shared/templateSummary.js';
import type { DraftRow } from '../../db/repos/templateDraftRepo.js';
import type { ServiceContext } from './context.js';
import { getTemplate } from './templateService.js';

type Methods =
  | 'templates.export'
  | 'templates.import'
  | 'templateDrafts.list'
  | 'templateDrafts.create'
  | 'templateDrafts.get'
  | 'templateDrafts.save'
  | 'templateDrafts.publish'
  | 'templateDrafts.discard';

export function templateDraftService(ctx: ServiceContext): Pick<ServiceHandlers, Methods> {
  const { repos } = ctx;

  const toDraft = (row: DraftRow): TemplateDraft => ({
    id: row.id,
    templateId: row.templateId,
    basedOnVersion: row.basedOnVersion,
    template: templateSchema.parse(row.body),
    updatedAt: row.updatedAt,
  });
  const draftOrThrow = (id: string) => {
    const row = repos.templateDrafts.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'No such template draft.');
    return row;
  };
  const summary = (id: string, version: number): TemplateSummary =>
    repos.templates.list().find((t) => t.id === id && t.version === version)!;
  const nextVersion = (id: string) => (repos.templates.latestVersion(id) ?? 0) + 1;

  function freeCopyId(base: string): string {
    const stem = `${base.slice(0, 70)}-copy`;
    for (let n = 1; ; n++) {
      const id = n === 1 ? stem : `${stem}-${n}`;
      const taken =
        repos.templates.latestVersion(id) !== null || repos.templateDrafts.list().some((d) => d.templateId === id);
      if (!taken) return id;
    }
  }

  return {
    'templates.export': ({ id, version }) => {
      const template = getTemplate(ctx, id, version);
      return { fileName: `${id}-v${version}.json`, json: serialiseTemplate(template) };
    },

    'templates.import': ({ json }) =>
      ctx.tx(() => {
        const parsed = parseTemplateFile(json, Buffer.byteLength(json));
        if (!parsed.ok) throw new AppError('VALIDATION', parsed.message);
        const t = parsed.template;
        const existing = repos.templates.get(t.id, t.version);
        if (existing) {
          const same = serialiseTemplate(templateSchema.parse(existing)) === serialiseTemplate(t);
          throw new AppError(
            'CONFLICT',
            same
              ? `"${t.title}" version ${t.version} is already here; nothing was imported.`
              : `A different "${t.id}" version ${t.version} is already here. Published versions never change: give the imported one a new version number.`,
          );
        }
        repos.templates.insert(t, false, ctx.now());
        ctx.log('template', `${t.id}@${t.version}`, 'import', null, { title: t.title });
        return summary(t.id, t.version);
      }),

    'templateDrafts.list': () =>
      repos.templateDrafts.list().map((d) => {
        const { template, ...rest } = toDraft(d);
        return { ...rest, title: template.title };
      }),

    'templateDrafts.create': ({ fromId, fromVersion, as }) =>
      ctx.tx(() => {
        const source = getTemplate(ctx, fromId, fromVersion);
        const templateId = as === 'copy' ? freeCopyId(fromId) : fromId;
        const body: Template = {
          ...structuredClone(source),
          id: templateId,
          version: nextVersion(templateId),
          title: as === 'copy' ? `Copy of ${source.title}`.slice(0, 200) : source.title,
        };
        const id = ctx.newId();
        repos.templateDrafts.insert({
          id,
          templateId,
          basedOnVersion: as === 'copy' ? null : fromVersion,
          body,
          createdAt: ctx.now(),
        });
        ctx.log('template_draft', id, 'create', null, { templateId, from: `${fromId}@${fromVersion}` });
        return toDraft(draftOrThrow(id));
      }),

    'templateDrafts.get': ({ draftId }) => toDraft(draftOrThrow(draftId)),

    'templateDrafts.save': ({ draftId, template }) =>
      ctx.tx(() => {
        const row = draftOrThrow(draftId);
        if (template.id !== row.templateId) {
          throw fieldError(
            'VALIDATION',
            ['template', 'id'],
            `this draft publishes "${row.templateId}"; the id cannot change`,
          );
        }
        const body = { ...template, version: nextVersion(row.templateId) };
        repos.templateDrafts.update(draftId, body, ctx.now());
        return toDraft(draftOrThrow(draftId));
      }),

    'templateDrafts.publish': ({ draftId }) =>
      ctx.tx(() => {
        const row = draftOrThrow(draftId);
        // Re-validated here: what is published must be a valid template, whatever was stored.
        const parsed = templateSchema.safeParse(row.body);
        if (!parsed.success)
          throw new AppError('VALIDATION', 'The draft is not a valid template; open it and save it again.');
        const t = { ...parsed.data, version: nextVersion(row.templateId) };
        repos.templates.insert(t, false, ctx.now());
        repos.templateDrafts.remove(draftId);
        ctx.log('template', `${t.id}@${t.version}`, 'publish', null, {
          title: t.title,
          basedOnVersion: row.basedOnVersion,
        });
        return summary(t.id, t.version);
      }),

    'templateDrafts.discard': ({ draftId }) =>
      ctx.tx(() => {
        draftOrThrow(draftId);
        repos.templateDrafts.remove(draftId);
        ctx.log('template_draft', draftId, 'discard', null, null);
        return { discarded: true as const };
      }),
  };
}
