import type { AgencyDraft } from '../../shared/board.js';
import type { Handlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import type { ServiceContext } from './context.js';

type Drafts = ReadonlyArray<Required<Pick<AgencyDraft, 'name' | 'kind' | 'active'>> & { id?: string | undefined }>;

export function boardService(ctx: ServiceContext): Pick<Handlers, 'board.get' | 'board.setup' | 'agencies.save'> {
  const { repos } = ctx;

  // Agencies are never deleted (checklists refer to them); they are made inactive instead.
  function saveAgencies(drafts: Drafts): void {
    const existing = new Map(repos.board.agencies().map((a) => [a.id, a]));
    const names = new Set<string>();
    drafts.forEach((d, i) => {
      const key = d.name.trim().toLowerCase();
      if (names.has(key)) throw fieldError('VALIDATION', ['agencies', i, 'name'], `"${d.name}" is listed twice`);
      names.add(key);
    });
    // Free every name first so that swapping two names does not trip the unique index.
    drafts.forEach((d, i) => {
      if (d.id && !existing.has(d.id)) throw fieldError('NOT_FOUND', ['agencies', i, 'id'], `no such agency`);
    });
    for (const a of existing.values()) repos.board.updateAgency({ ...a, name: `(renaming ${a.id})` }, 9999);
    drafts.forEach((d, sort) => {
      const agency = { id: d.id ?? ctx.newId(), name: d.name.trim(), kind: d.kind, active: d.active };
      const before = d.id ? existing.get(d.id) : undefined;
      if (before) repos.board.updateAgency(agency, sort);
      else repos.board.insertAgency(agency, sort);
      if (!before) ctx.log('agency', agency.id, 'create', null, agency);
      else if (JSON.stringify(before) !== JSON.stringify(agency))
        ctx.log('agency', agency.id, 'update', before, agency);
    });
    // Agencies left out of the list stay, inactive, after the listed ones.
    let sort = drafts.length;
    for (const a of existing.values()) {
      if (drafts.some((d) => d.id === a.id)) continue;
      repos.board.updateAgency({ ...a, active: false }, sort++);
      if (a.active) ctx.log('agency', a.id, 'retire', a, { ...a, active: false });
    }
  }

  return {
    'board.get': () => repos.board.get(),
    'board.setup': (input) =>
      ctx.tx(() => {
        if (repos.board.get()) throw new AppError('CONFLICT', 'This database already has a board.');
        const id = ctx.newId();
        repos.board.createBoard(id, input.name.trim(), ctx.now());
        ctx.log('board', id, 'create', null, { name: input.name.trim() });
        saveAgencies(input.agencies);
        return repos.board.get()!;
      }),
    'agencies.save': (input) =>
      ctx.tx(() => {
        if (!repos.board.get()) throw new AppError('NOT_FOUND', 'Set up the board first.');
        saveAgencies(input.agencies);
        return repos.board.get()!;
      }),
  };
}
