// The names of every API method, free of zod so the sandboxed preload can bundle it cheaply.
// shared/contract.ts must define exactly these (the compiler checks both ways).
export const METHOD_NAMES = [
  'app.info',
  'session.status',
  'session.lock',
  'session.unlock',
  'session.create',
  'settings.setIdleLock',
  'board.get',
  'board.setup',
  'agencies.save',
  'templates.list',
  'templates.get',
  'templates.export',
  'templates.import',
  'templateDrafts.list',
  'templateDrafts.create',
  'templateDrafts.get',
  'templateDrafts.save',
  'templateDrafts.publish',
  'templateDrafts.discard',
  'audits.list',
  'audits.create',
  'audits.get',
  'cases.add',
  'checklists.get',
  'checklists.complete',
  'checklists.reopen',
  'answers.save',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

/** Methods the session answers itself, locked or not; every other method needs an unlocked database. */
export const SESSION_METHODS = ['session.status', 'session.lock', 'session.unlock', 'session.create'] as const;
export type SessionMethod = (typeof SESSION_METHODS)[number];
