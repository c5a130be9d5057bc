import type { AgencyDraft } from '../../shared/board.js';
import type { Handlers } from '../../shared/contract.js';
import { AppError } from '../../shared/errors.js';
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
      if (names.has(key)) throw new AppError('VALIDATION', `agencies[${i}].name: "${d.name}" is listed twice`);
      names.add(key);
    });
    // Free every name first so that swapping two names does not trip the unique index.
    drafts.forEach((d, i) => {
      if (d.id && !existing.has(d.id)) throw new AppError('NOT_FOUND', `agencies[${i}].id: no such agency`);
    });
    for (const a of existing.values()) repos.board.updateAgency({ ...a, name: `(renaming ${a.id})` }, 9999);
    drafts.forEach((d, sort) => {
      const agency = { id: d.id ?? ctx.newId(), name: d.name.trim(), kind: d.kind, active: d.active };
      if (d.id) repos.board.updateAgency(agency, sort);
      else repos.board.insertAgency(agency, sort);
    });
    // Agencies left out of the list stay, inactive, after the listed ones.
    let sort = drafts.length;
    for (const a of existing.values()) {
      if (!drafts.some((d) => d.id === a.id)) repos.board.updateAgency({ ...a, active: false }, sort++);
    }
  }

  return {
    'board.get': () => repos.board.get(),
    'board.setup': (input) =>
      ctx.tx(() => {
        if (repos.board.get()) throw new AppError('CONFLICT', 'This database already has a board.');
        repos.board.createBoard(ctx.newId(), input.name.trim(), ctx.now());
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
