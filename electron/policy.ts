// Reads the machine-wide policy file (shared/policy.ts) from the platform's machine-wide
// configuration folder, which only an administrator can write. CASE_AUDIT_POLICY names another file
// (for IT staff trying a policy out, and for the tests).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues } from '../shared/validationPath.js';
import { policyFileSchema, policyFromFile, strictestPolicy, UNMANAGED, type ManagedPolicy } from '../shared/policy.js';

export const POLICY_FILE_NAME = 'policy.json';
const MAX_POLICY_BYTES = 256 * 1024;

/** The policy file's place on each platform (docs/deployment.md). */
export function policyPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CASE_AUDIT_POLICY) return env.CASE_AUDIT_POLICY;
  switch (platform) {
    case 'win32':
      return join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Case Audit', POLICY_FILE_NAME);
    case 'darwin':
      return join('/Library/Application Support/Case Audit', POLICY_FILE_NAME);
    default:
      return join('/etc/case-audit', POLICY_FILE_NAME);
  }
}

/** The policy in force: none without a file; the strictest safe settings if the file is unusable. */
export function loadPolicy(path: string = policyPath()): ManagedPolicy {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_POLICY_BYTES) return strictestPolicy(path, `the policy file is larger than 256 KB`);
    text = bytes.toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return UNMANAGED;
    return strictestPolicy(path, `the policy file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return strictestPolicy(path, `the policy file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = policyFileSchema.safeParse(json);
  if (!parsed.success)
    return strictestPolicy(path, `the policy file is not valid: ${describeIssues(parsed.error.issues)}`);
  return policyFromFile(path, parsed.data);
}
