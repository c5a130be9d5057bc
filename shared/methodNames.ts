// The names of every API method, free of zod so the sandboxed preload can bundle it cheaply.
// shared/contract.ts must define exactly these (the compiler checks both ways).
export const METHOD_NAMES = [
  'app.info',
  'board.get',
  'board.setup',
  'agencies.save',
  'templates.list',
  'templates.get',
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
