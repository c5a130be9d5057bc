// Reading a bundle someone sent: every check in order, stopping at the first that fails and naming
// it. Nothing here writes anything; importBundle.ts writes only what passed all of them.
import {
  byteSize,
  entryByteLimit,
  MAX_BUNDLE_BYTES,
  MAX_ENTRIES,
  MAX_INFLATED_BYTES,
  MAX_JSON_DEPTH,
  MAX_JSON_VALUES,
  MAX_TEMPLATES_BYTES,
  manifestSchema,
  revisionContentSchema,
  type BundleCheck,
  type Manifest,
  type RevisionContent,
} from '../../shared/bundle.js';
import { safeParseFirstIssue } from '../../shared/boundedParse.js';
import { unstorableTextProblem } from '../../shared/text.js';
import { canonicalJson } from '../../shared/canonicalJson.js';
import { panelContentSchema, type PanelContent } from '../../shared/panel.js';
import type { Template } from '../../shared/template.js';
import { parseTemplateFile } from '../../shared/templateFile.js';
import { describeIssues } from '../../shared/validationPath.js';
import { fingerprintOf, publicPem, verifyBytes } from '../crypto/keys.js';
import { decryptBundle, parseEncrypted } from './decryptBundle.js';
import { measureJson } from './jsonShape.js';
import { sha256 } from './pack.js';
import { readCanonicalZip, ZipRefusal } from './zipContainer.js';

export interface TrustInfo {
  revokedAt: string | null;
}

export interface VerifyOptions {
  /** PEM private keys this installation can decrypt with (its own, and those kept after rotation). */
  decryptionKeys: readonly string[];
  trust: (fingerprint: string) => TrustInfo | undefined;
}

export interface VerifiedBundle {
  ok: true;
  manifest: Manifest;
  /** The audit revision (kind 'audit') or the panel record (kind 'panel'); the other is null. */
  content: RevisionContent | null;
  panel: PanelContent | null;
  /** content.json's bytes: checked UTF-8, stored as they were signed (no decoding needed to write them). */
  contentBytes: Uint8Array;
  templates: Template[];
  reportPdf: Buffer;
  fileSha256: string;
  encrypted: boolean;
  signerKnown: boolean;
}
export interface RefusedBundle {
  ok: false;
  check: BundleCheck;
  message: string;
}
export type BundleReading = VerifiedBundle | RefusedBundle;

export const revokedMessage = (fingerprint: string, revokedAt: string) =>
  `the signer's key (${fingerprint}) was revoked on ${revokedAt.slice(0, 10)}`;

const refuse = (check: BundleCheck, message: string): RefusedBundle => ({ ok: false, check, message });
class Refusal extends Error {
  constructor(
    readonly check: BundleCheck,
    message: string,
  ) {
    super(message);
  }
}

const FIXED = new Set(['manifest.json', 'manifest.sig', 'signer.pem', 'content.json', 'report.pdf']);
const TEMPLATE_ENTRY = /^templates\/[a-z0-9][a-z0-9._-]*-v\d+\.json$/;
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');
// Invalid UTF-8 is refused, not replaced: the bytes stored are the bytes that were signed.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isZip(b: Uint8Array): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** Reads the zip strictly (zipContainer.ts): names and declared sizes are checked before inflating. */
function readZip(zip: Uint8Array): { files: Record<string, Uint8Array>; order: string[] } {
  try {
    return readCanonicalZip(
      zip,
      {
        maxEntries: MAX_ENTRIES,
        entryLimit: entryByteLimit,
        maxTotalBytes: MAX_INFLATED_BYTES,
        checkName(name) {
          if (name.includes('..') || name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name)) {
            throw new Refusal('entries', `the entry "${name}" has a path that could write outside its folder`);
          }
          if (!FIXED.has(name) && !TEMPLATE_ENTRY.test(name))
            throw new Refusal('entries', `the entry "${name}" is not one a bundle may hold`);
        },
      },
      ZIP_TIME,
    );
  } catch (e) {
    if (e instanceof Refusal) throw e;
    if (e instanceof ZipRefusal) throw new Refusal(e.check, e.message);
    throw new Refusal('container', `the file is not a readable bundle (${(e as Error).message})`);
  }
}

/**
 * Why the JSON entries would cost more to parse than a bundle may (docs/bundle-format.md, "Limits"),
 * or null. Checked on the inflated bytes before anything is decoded or parsed, signed or not.
 */
function jsonOverBudget(files: Record<string, Uint8Array>): string | null {
  const templates = Object.keys(files).filter((n) => n.startsWith('templates/'));
  const templateBytes = templates.reduce((sum, n) => sum + files[n]!.length, 0);
  if (templateBytes > MAX_TEMPLATES_BYTES)
    return `the templates hold ${templateBytes} bytes together; a bundle's may hold at most ${MAX_TEMPLATES_BYTES} (${byteSize(MAX_TEMPLATES_BYTES)})`;
  let values = 0;
  for (const name of ['manifest.json', 'content.json', ...templates]) {
    const data = files[name];
    if (!data) continue;
    const shape = measureJson(data, { maxValues: MAX_JSON_VALUES - values, maxDepth: MAX_JSON_DEPTH });
    if (!shape.ok)
      return shape.over === 'depth'
        ? `${name} nests more than ${MAX_JSON_DEPTH} levels deep, more than a bundle may`
        : `${name} is too large to read: the bundle's JSON entries together hold more than ${MAX_JSON_VALUES} values (objects, arrays, strings, numbers), the most a bundle may`;
    values += shape.values;
  }
  return null;
}

export async function readBundle(bytes: Uint8Array, options: VerifyOptions): Promise<BundleReading> {
  try {
    if (bytes.length > MAX_BUNDLE_BYTES)
      return refuse(
        'size',
        `the file is ${bytes.length} bytes; a bundle may be at most ${MAX_BUNDLE_BYTES} (${byteSize(MAX_BUNDLE_BYTES)})`,
      );
    const fileSha256 = sha256(bytes);
    let zip = bytes;
    let encrypted = false;
    if (!isZip(bytes)) {
      const parsed = parseEncrypted(bytes);
      if (!parsed.ok) return refuse('container', parsed.message);
      encrypted = true;
      const opened = await decryptBundle(parsed.value, options.decryptionKeys);
      if (!opened.ok) return refuse('decryption', opened.message);
      if (!isZip(opened.plaintext)) return refuse('container', 'the decrypted bundle is not a zip');
      zip = opened.plaintext;
    }

    const { files } = readZip(zip);
    const overBudget = jsonOverBudget(files);
    if (overBudget) return refuse('size', overBudget);
    for (const name of ['manifest.json', 'manifest.sig', 'signer.pem', 'content.json', 'report.pdf']) {
      if (!files[name])
        return refuse(name.startsWith('manifest') ? 'manifest' : 'entries', `the bundle has no ${name}`);
    }

    const manifestBytes = files['manifest.json']!;
    let rawManifest: unknown;
    try {
      rawManifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8'));
    } catch {
      return refuse('manifest', 'manifest.json is not valid JSON');
    }
    const parsed = safeParseFirstIssue(manifestSchema, rawManifest);
    if (!parsed.success)
      return refuse('manifest', `manifest.json is not valid: ${describeIssues(parsed.error.issues)}`);
    const manifest = parsed.data;
    if (canonicalJson(rawManifest) !== Buffer.from(manifestBytes).toString('utf8')) {
      return refuse('manifest', 'manifest.json is not in canonical form');
    }

    if (fingerprintOf(manifest.signer.signingKey) !== manifest.signer.fingerprint) {
      return refuse('signer', 'the signer fingerprint does not belong to the signer key in the manifest');
    }
    if (!verifyBytes(manifest.signer.signingKey, manifestBytes, files['manifest.sig']!)) {
      return refuse('signature', 'the signature does not match the manifest: it was altered, or signed by another key');
    }
    if (Buffer.from(files['signer.pem']!).toString('utf8') !== publicPem(manifest.signer.signingKey)) {
      return refuse('entries', 'signer.pem is not the key that signed the manifest');
    }
    const trusted = options.trust(manifest.signer.fingerprint);
    if (trusted?.revokedAt) {
      return refuse('revoked', revokedMessage(manifest.signer.fingerprint, trusted.revokedAt));
    }

    const listed = new Set(manifest.entries.map((e) => e.path));
    const present = Object.keys(files).filter((n) => !['manifest.json', 'manifest.sig', 'signer.pem'].includes(n));
    for (const name of present)
      if (!listed.has(name)) return refuse('entries', `the entry "${name}" is not in the manifest`);
    for (const entry of manifest.entries) {
      const data = files[entry.path];
      if (!data) return refuse('entries', `the manifest lists "${entry.path}", which is missing`);
      if (data.length !== entry.bytes || sha256(data) !== entry.sha256) {
        return refuse('hashes', `the entry "${entry.path}" does not match its SHA-256 in the manifest`);
      }
    }

    // content.json's bytes were just checked against the manifest's entry hash: the content hash
    // (the SHA-256 of the same UTF-8 bytes, signed as the revision's identity) must be that hash.
    if (manifest.entries.find((e) => e.path === 'content.json')?.sha256 !== manifest.contentHash)
      return refuse('hashes', 'content.json does not match the content hash in the manifest');
    const contentBytes = files['content.json']!;
    let contentText: string;
    try {
      contentText = STRICT_UTF8.decode(contentBytes);
    } catch {
      return refuse('content', 'content.json is not valid UTF-8');
    }
    let rawContent: unknown;
    try {
      rawContent = JSON.parse(contentText);
    } catch {
      return refuse('content', 'content.json is not valid JSON');
    }
    // JSON may escape half a surrogate pair ("\ud800"); the database cannot hold it and would store
    // U+FFFD instead, changing what was signed without a word. Refused, naming where it is.
    const unstorable = unstorableTextProblem(rawContent);
    if (unstorable) return refuse('content', `content.json: ${unstorable}`);
    let c: RevisionContent | null = null;
    let panel: PanelContent | null = null;
    if (manifest.kind === 'audit') {
      const content = safeParseFirstIssue(revisionContentSchema, rawContent);
      if (!content.success)
        return refuse('content', `content.json is not valid: ${describeIssues(content.error.issues)}`);
      c = content.data;
      if (
        c.audit.id !== manifest.auditId ||
        c.revision !== manifest.revision ||
        c.signer.fingerprint !== manifest.signer.fingerprint
      ) {
        return refuse('content', 'content.json does not belong to this manifest (audit, revision or signer differ)');
      }
    } else {
      const content = safeParseFirstIssue(panelContentSchema, rawContent);
      if (!content.success)
        return refuse('content', `content.json is not a valid panel record: ${describeIssues(content.error.issues)}`);
      panel = content.data;
      if (panel.panel.auditId !== manifest.auditId || panel.signer.fingerprint !== manifest.signer.fingerprint) {
        return refuse('content', 'content.json does not belong to this manifest (audit or signer differ)');
      }
    }

    const templates: Template[] = [];
    for (const t of manifest.templates) {
      const path = `templates/${t.id}-v${t.version}.json`;
      const data = files[path];
      if (!data) return refuse('templates', `the template ${t.id} version ${t.version} is missing`);
      const r = parseTemplateFile(Buffer.from(data).toString('utf8'), data.length, { firstIssueOnly: true });
      if (!r.ok) return refuse('templates', `${path}: ${r.message}`);
      if (r.template.id !== t.id || r.template.version !== t.version)
        return refuse('templates', `${path} holds another template`);
      templates.push(r.template);
    }
    if (c && !templates.some((t) => t.id === c.audit.templateId && t.version === c.audit.templateVersion)) {
      return refuse('templates', "the audit's template is not in the bundle");
    }
    return {
      ok: true,
      manifest,
      content: c,
      panel,
      contentBytes,
      templates,
      reportPdf: Buffer.from(files['report.pdf']!),
      fileSha256,
      encrypted,
      signerKnown: trusted !== undefined,
    };
  } catch (e) {
    if (e instanceof Refusal) return refuse(e.check, e.message);
    return refuse('container', `the file could not be read as a bundle (${(e as Error).message})`);
  }
}
