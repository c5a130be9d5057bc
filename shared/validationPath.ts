// Turns a zod issue path into the form people read in error messages: sections[2].questions[4].type
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

export interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** One readable line per issue, at most `limit` of them. */
export function describeIssues(issues: ReadonlyArray<IssueLike>, limit = 5): string {
  const lines = issues.slice(0, limit).map((i) => `${formatPath(i.path)}: ${i.message}`);
  if (issues.length > limit) lines.push(`…and ${issues.length - limit} more`);
  return lines.join('; ');
}
