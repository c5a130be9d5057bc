// Bundle files on disk, for the command line: reading one (refusing a file too large to be a bundle
// before reading it) and verifying one to the line `case-audit verify` prints. Used both in the
// command's own process (no database) and in the service process (with an installation's keys).
import { readFileSync, statSync } from 'node:fs';
import { byteSize, MAX_BUNDLE_BYTES } from '../../shared/bundle.js';
import { FileRefusal } from '../bundle/importFiles.js';
import { readBundle, type VerifyOptions } from '../bundle/verify.js';

export function readBundleFile(path: string): Buffer {
  const size = statSync(path).size;
  if (size > MAX_BUNDLE_BYTES)
    throw new FileRefusal(
      'size',
      `${path} is ${size} bytes; a bundle may be at most ${MAX_BUNDLE_BYTES} (${byteSize(MAX_BUNDLE_BYTES)})`,
    );
  return readFileSync(path);
}

export interface VerifyLine {
  file: string;
  ok: boolean;
  check?: string;
  message: string;
  fingerprint?: string;
}

/** `requireKnown`: the signer must be trusted (a trust folder or an installation was given). */
export async function verifyBundleFile(
  file: string,
  options: VerifyOptions,
  requireKnown: boolean,
): Promise<VerifyLine> {
  try {
    const r = await readBundle(readBundleFile(file), options);
    if (!r.ok) return { file, ok: false, check: r.check, message: r.message };
    if (requireKnown && !r.signerKnown)
      return {
        file,
        ok: false,
        check: 'signer',
        message: `signed by ${r.manifest.signer.name}, whose key ${r.manifest.signer.fingerprint} is not trusted`,
        fingerprint: r.manifest.signer.fingerprint,
      };
    const who = `${r.manifest.signer.name} (${r.manifest.signer.fingerprint})`;
    return {
      file,
      ok: true,
      message: `"${r.manifest.auditTitle}" revision ${r.manifest.revision}, signed by ${who}${r.signerKnown ? '' : '; compare the fingerprint with the signer'}`,
      fingerprint: r.manifest.signer.fingerprint,
    };
  } catch (e) {
    return { file, ok: false, check: 'size', message: (e as Error).message };
  }
}
