// Hostile bundles made from a genuine export: some entries replaced (content bombs that inflate to
// hundreds of megabytes from a few kilobytes, zlib of repeated bytes), the manifest listing their
// real SHA-256 and size, signed again by a given key (the trusted auditor's, or one nobody knows).
// The zip is written here, independently of the app's writer, in the canonical layout the reader
// demands (docs/bundle-format.md), so only the limits can refuse these.
import { createHash, randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { canonicalJson } from '../../shared/canonicalJson.js';
import { fingerprintOf, newSigningKeys, publicPem, signBytes, type OkpJwk } from '../../electron/crypto/keys.js';
import type { Installation } from './installations.js';

export interface Signer {
  name: string;
  privatePem: string;
  publicJwk: OkpJwk;
}

/** An entry's bytes: given whole, or a prefix, a chunk repeated, and a suffix (never all in memory). */
export type Payload = Buffer | { prefix: string; chunk: Buffer; times: number; suffix: string };

export const strangerSigner = (): Signer => {
  const k = newSigningKeys();
  return { name: 'Unknown Sender', privatePem: k.privatePem, publicJwk: k.publicJwk };
};

export function installationSigner(inst: Installation): Signer {
  const own = inst.app.ctx.repos.identity.own()!;
  return { name: own.name, privatePem: own.signingPrivate, publicJwk: JSON.parse(own.signingPublic) as OkpJwk };
}

/** A chunk of `size` bytes of one character, to repeat. */
export const filler = (size: number, char = 'A') => Buffer.alloc(size, char);

/** content.json as one string of `mib` MiB of "A": a few kilobytes deflated. */
export const stringBomb = (mib: number): Payload => ({
  prefix: '{"answers":["',
  chunk: filler(1024 * 1024),
  times: mib,
  suffix: '"]}',
});

interface Stream {
  name: string;
  stored: Buffer;
  size: number;
  crc: number;
  sha256: string;
  method: 0 | 8;
}

const FULL_FLUSH = { finishFlush: constants.Z_FULL_FLUSH };

/** A raw deflate stream, its inflated size, CRC-32 and SHA-256, built piece by piece. */
function stream(name: string, payload: Payload, method: 0 | 8 = 8): Stream {
  if (Buffer.isBuffer(payload)) {
    return {
      name,
      stored: method === 8 ? deflateRawSync(payload) : payload,
      size: payload.length,
      crc: crc32(payload),
      sha256: createHash('sha256').update(payload).digest('hex'),
      method,
    };
  }
  const prefix = Buffer.from(payload.prefix);
  const suffix = Buffer.from(payload.suffix);
  // A full flush ends a piece on a byte boundary with no reference to earlier data, so the pieces of
  // the repeated chunk can be concatenated; the suffix's piece is the final block.
  const repeated = deflateRawSync(payload.chunk, FULL_FLUSH);
  const hash = createHash('sha256').update(prefix);
  let crc = crc32(prefix);
  for (let i = 0; i < payload.times; i++) {
    hash.update(payload.chunk);
    crc = crc32(payload.chunk, crc);
  }
  hash.update(suffix);
  crc = crc32(suffix, crc);
  return {
    name,
    stored: Buffer.concat([
      deflateRawSync(prefix, FULL_FLUSH),
      ...Array.from({ length: payload.times }, () => repeated),
      deflateRawSync(suffix),
    ]),
    size: prefix.length + payload.chunk.length * payload.times + suffix.length,
    crc,
    sha256: hash.digest('hex'),
    method: 8,
  };
}

const DOS_2000_01_01 = ((2000 - 1980) << 25) | (1 << 21) | (1 << 16);

/** The canonical zip layout (local headers and data, central directory, end record). */
function zip(entries: readonly Stream[], declared: Record<string, number>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = declared[e.name] ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(DOS_2000_01_01, 10);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(DOS_2000_01_01, 12);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.stored.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, e.stored);
    central.push(dir, name);
    offset += 30 + name.length + e.stored.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBytes, end]);
}

/**
 * The genuine (unencrypted) bundle with some entries replaced, signed by `signer`. `declare` makes
 * the zip headers state other sizes than the entries have (a lie the reader must catch inflating).
 */
export function craftBundle(
  genuine: Uint8Array,
  signer: Signer,
  replace: Record<string, Payload>,
  declare: Record<string, number> = {},
): Buffer {
  const files = unzipSync(genuine);
  const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as {
    bundleId: string;
    signer: { fingerprint: string; name: string; signingKey: OkpJwk };
    entries: { path: string; sha256: string; bytes: number }[];
    contentHash: string;
  };
  const body = manifest.entries.map((e) => stream(e.path, replace[e.path] ?? Buffer.from(files[e.path]!)));
  manifest.bundleId = randomUUID();
  manifest.entries = body.map((s) => ({ path: s.name, sha256: s.sha256, bytes: s.size }));
  manifest.contentHash = body.find((s) => s.name === 'content.json')!.sha256;
  manifest.signer = {
    ...manifest.signer,
    name: signer.name,
    signingKey: { kty: 'OKP', crv: 'Ed25519', x: signer.publicJwk.x },
    fingerprint: fingerprintOf(signer.publicJwk),
  };
  const manifestBytes = Buffer.from(canonicalJson(manifest));
  return zip(
    [
      stream('manifest.json', manifestBytes),
      stream('manifest.sig', signBytes(signer.privatePem, manifestBytes), 0),
      stream('signer.pem', Buffer.from(publicPem(signer.publicJwk))),
      ...body,
    ],
    declare,
  );
}
