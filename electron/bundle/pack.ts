// Writing a bundle: a zip of manifest.json, manifest.sig (raw Ed25519 signature over the exact
// manifest bytes), signer.pem, content.json, the template(s) and report.pdf; encrypted as one JWE
// (JSON General serialisation) to every recipient given. See docs/bundle-format.md.
import { createHash, randomUUID } from 'node:crypto';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Manifest } from '../../shared/bundle.js';
import { canonicalJson } from '../../shared/canonicalJson.js';
import type { Template } from '../../shared/template.js';
import { serialiseTemplate } from '../../shared/templateFile.js';
import { encryptToAll, publicPem, signBytes, type OkpJwk } from '../crypto/keys.js';
import { writeCanonicalZip } from './zipContainer.js';

// Strings are hashed as their UTF-8 bytes: the same digest, several times faster than update(string).
export const sha256 = (data: Uint8Array | string) =>
  createHash('sha256')
    .update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    .digest('hex');

export interface PackInput {
  kind?: 'audit' | 'panel';
  auditId: string;
  auditTitle: string;
  revision: number;
  content: string; // the canonical JSON stored at signing
  contentHash: string;
  previousRevisionHash: string | null;
  templates: Template[];
  reportPdf: Uint8Array;
  signer: { fingerprint: string; name: string; role: string; agency: string; signingKey: OkpJwk; privatePem: string };
  /** Every key the bundle is encrypted to (each QA member, an escrow key); none: not encrypted. */
  recipients?: readonly OkpJwk[] | undefined;
  now: string;
}

// A fixed timestamp inside the zip: the bundle's own createdAt is in the signed manifest.
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

export async function packBundle(
  input: PackInput,
): Promise<{ bytes: Uint8Array; manifest: Manifest; encrypted: boolean }> {
  const entries: Record<string, Uint8Array> = {
    'content.json': Buffer.from(input.content),
    'report.pdf': input.reportPdf,
  };
  for (const t of input.templates) entries[`templates/${t.id}-v${t.version}.json`] = Buffer.from(serialiseTemplate(t));

  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    bundleId: randomUUID(),
    kind: input.kind ?? 'audit',
    auditId: input.auditId,
    auditTitle: input.auditTitle,
    revision: input.revision,
    signer: {
      fingerprint: input.signer.fingerprint,
      name: input.signer.name,
      role: input.signer.role,
      agency: input.signer.agency,
      signingKey: { kty: 'OKP', crv: 'Ed25519', x: input.signer.signingKey.x },
    },
    createdAt: input.now,
    templates: input.templates.map((t) => ({ id: t.id, version: t.version })),
    entries: Object.entries(entries).map(([path, data]) => ({ path, sha256: sha256(data), bytes: data.length })),
    contentHash: input.contentHash,
    previousRevisionHash: input.previousRevisionHash,
  };
  const manifestBytes = Buffer.from(canonicalJson(manifest));
  const zip = writeCanonicalZip(
    [
      { name: 'manifest.json', data: manifestBytes },
      { name: 'manifest.sig', data: signBytes(input.signer.privatePem, manifestBytes), store: true },
      { name: 'signer.pem', data: Buffer.from(publicPem(input.signer.signingKey)) },
      ...Object.entries(entries).map(([name, data]) => ({ name, data })),
    ],
    ZIP_TIME,
  );
  if (!input.recipients?.length) return { bytes: zip, manifest, encrypted: false };
  const jwe = await encryptToAll(input.recipients, zip);
  return { bytes: Buffer.from(JSON.stringify(jwe), 'utf8'), manifest, encrypted: true };
}
