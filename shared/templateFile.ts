// Reading a template from a JSON file someone else wrote: size, JSON syntax and schema are each
// checked, and every problem is reported with the path of the bad value.
import { safeParseFirstIssue } from './boundedParse.js';
import { templateSchema, type Template } from './template.js';
import { describeIssues } from './validationPath.js';

export const MAX_TEMPLATE_FILE_BYTES = 1024 * 1024;

export type TemplateFileResult = { ok: true; template: Template } | { ok: false; message: string };

/** `firstIssueOnly`: stop at the first problem (for files from outside, read within a memory budget). */
export function parseTemplateFile(
  text: string,
  byteLength: number,
  options: { firstIssueOnly?: boolean } = {},
): TemplateFileResult {
  if (byteLength > MAX_TEMPLATE_FILE_BYTES) {
    return {
      ok: false,
      message: `The file is ${byteLength} bytes; a template file may be at most ${MAX_TEMPLATE_FILE_BYTES} bytes.`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `The file is not valid JSON: ${(e as Error).message}` };
  }
  const parsed = options.firstIssueOnly ? safeParseFirstIssue(templateSchema, raw) : templateSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, message: `The template is not valid: ${describeIssues(parsed.error.issues, 10)}` };
  return { ok: true, template: parsed.data };
}

/** The exported form: stable key order and indentation, so exports diff cleanly. */
export function serialiseTemplate(t: Template): string {
  return JSON.stringify(t, null, 2) + '\n';
}
