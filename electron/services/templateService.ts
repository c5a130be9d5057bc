import type { Handlers } from '../../shared/contract.js';
import { AppError } from '../../shared/errors.js';
import { templateSchema, type Template } from '../../shared/template.js';
import { BUILTIN_TEMPLATES } from '../../shared/templates/index.js';
import type { ServiceContext } from './context.js';

/** Adds any built-in template version the database does not have yet; never changes a stored one. */
export function installBuiltinTemplates(ctx: ServiceContext): number {
  return ctx.tx(() => {
    let added = 0;
    for (const raw of BUILTIN_TEMPLATES) {
      const t = templateSchema.parse(raw);
      if (!ctx.repos.templates.exists(t.id, t.version)) {
        ctx.repos.templates.insert(t, true, ctx.now());
        added++;
      }
    }
    return added;
  });
}

export function getTemplate(ctx: ServiceContext, id: string, version: number): Template {
  const t = ctx.repos.templates.get(id, version);
  if (!t) throw new AppError('NOT_FOUND', `No template "${id}" version ${version}.`);
  return t;
}

export function templateService(ctx: ServiceContext): Pick<Handlers, 'templates.list' | 'templates.get'> {
  return {
    // Built-in templates in the library's own order (MASH first), then the board's own by title.
    'templates.list': () => {
      const rank = (id: string) => {
        const i = BUILTIN_TEMPLATES.findIndex((t) => t.id === id);
        return i === -1 ? BUILTIN_TEMPLATES.length : i;
      };
      return ctx.repos.templates.list().sort((a, b) => rank(a.id) - rank(b.id));
    },
    'templates.get': ({ id, version }) => getTemplate(ctx, id, version),
  };
}
