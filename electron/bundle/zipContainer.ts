// The bundle's zip container, written and read strictly. Bundles are written by writeCanonicalZip
// (pack.ts; earlier versions by fflate's zipSync, which writes the same layout), so a genuine file is
// exactly the layout below: local headers and data in order, then the central
// directory and its end record, with fixed times, no extra fields, comments, gaps or trailing bytes.
// Reading rebuilds that layout around the file's own compressed streams and compares every byte, so
// nothing has to be compressed again (re-deflating each entry to compare was 40% of verifying a
// bundle; docs/performance.md). Each stream must inflate to exactly its declared size, with its
// declared CRC, ending exactly where the next header begins. What the entries hold is then checked
// against the signed manifest's hashes (verify.ts).
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { byteSize } from '../../shared/bundle.js';

export interface ZipLimits {
  maxEntries: number;
  /** The most an entry of this name may hold, inflated. */
  entryLimit: (name: string) => number;
  maxTotalBytes: number;
  /** Refuses a name (throws) before anything is inflated. */
  checkName: (name: string) => void;
}

export class ZipRefusal extends Error {
  constructor(
    readonly check: 'container' | 'entries' | 'size',
    message: string,
  ) {
    super(message);
  }
}

interface Entry {
  name: Uint8Array;
  data: Uint8Array;
  stored: Uint8Array;
  method: 0 | 8;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
function put(b: Uint8Array, o: number, v: number, bytes: 2 | 4): void {
  for (let i = 0; i < bytes; i++) b[o + i] = (v >>> (8 * i)) & 0xff;
}

/** The MS-DOS time and date of a moment as the clock reads in UTC: the same bytes in every time zone. */
function dosDateTime(d: Date, offsetMinutes = 0): number {
  const t = new Date(d.getTime() + offsetMinutes * 60_000);
  return (
    (((t.getUTCFullYear() - 1980) << 25) |
      ((t.getUTCMonth() + 1) << 21) |
      (t.getUTCDate() << 16) |
      (t.getUTCHours() << 11) |
      (t.getUTCMinutes() << 5) |
      (t.getUTCSeconds() >> 1)) >>>
    0
  );
}

/**
 * The times a genuine bundle may carry for `mtime`: written since in UTC, earlier (like fflate) in the
 * writer's local time, so as the clock read at any UTC offset (whole quarter hours, -12:00 to +14:00).
 * Nothing signed depends on this field; every header must carry the same one.
 */
function acceptedTimes(mtime: Date): Set<number> {
  const out = new Set<number>();
  for (let q = -12 * 4; q <= 14 * 4; q++) out.add(dosDateTime(mtime, q * 15));
  return out;
}

/** The container for these entries, given their compressed streams (what fflate's zipSync writes too). */
function layout(entries: readonly Entry[], time: number): Uint8Array {
  let size = 22;
  for (const e of entries) size += 30 + e.name.length + e.stored.length + 46 + e.name.length;
  const out = new Uint8Array(size);
  const header = (o: number, e: Entry, crc: number, central: number | null): number => {
    put(out, o, central === null ? LOCAL : CENTRAL, 4);
    o += 4;
    if (central !== null) o += 2; // version made by 20, host 0: written below
    if (central !== null) out[o - 2] = 20;
    out[o] = 20; // version needed
    o += 2;
    o += 2; // flags 0
    put(out, o, e.method, 2);
    o += 2;
    put(out, o, time, 4);
    o += 4;
    put(out, o, crc, 4);
    put(out, o + 4, e.stored.length, 4);
    put(out, o + 8, e.data.length, 4);
    put(out, o + 12, e.name.length, 2);
    o += 16; // extra length 0
    if (central !== null) {
      put(out, o + 10, central, 4); // comment length, disk, attributes 0; then the local header's offset
      o += 14;
    }
    out.set(e.name, o);
    return o + e.name.length;
  };
  const offsets: number[] = [];
  const crcs = entries.map((e) => crc32(e.data));
  let o = 0;
  entries.forEach((e, i) => {
    offsets.push(o);
    o = header(o, e, crcs[i]!, null);
    out.set(e.stored, o);
    o += e.stored.length;
  });
  const centralStart = o;
  entries.forEach((e, i) => {
    o = header(o, e, crcs[i]!, offsets[i]!);
  });
  put(out, o, END, 4);
  put(out, o + 8, entries.length, 2);
  put(out, o + 10, entries.length, 2);
  put(out, o + 12, o - centralStart, 4);
  put(out, o + 16, centralStart, 4);
  return out;
}

/**
 * Writes entries, in this order, as the canonical container: deflated (zlib, level 6: about three times
 * faster than fflate's deflate in JavaScript for a signed revision's megabytes) unless `store` is set.
 */
export function writeCanonicalZip(
  entries: ReadonlyArray<{ name: string; data: Uint8Array; store?: boolean }>,
  mtime: Date,
): Uint8Array {
  return layout(
    entries.map((e) => ({
      name: Buffer.from(e.name, 'utf8'),
      data: e.data,
      stored: e.store ? e.data : deflateRawSync(e.data, { level: 6 }),
      method: e.store ? 0 : 8,
    })),
    dosDateTime(mtime),
  );
}

/**
 * Reads a bundle's entries in order, refusing anything that is not exactly the canonical container:
 * names are checked and sizes limited before anything is inflated.
 */
export function readCanonicalZip(
  zip: Uint8Array,
  limits: ZipLimits,
  mtime: Date,
): { files: Record<string, Uint8Array>; order: string[] } {
  const entries: Entry[] = [];
  const files: Record<string, Uint8Array> = {};
  const order: string[] = [];
  let declared = 0;
  let o = 0;
  while (o + 4 <= zip.length && u32(zip, o) === LOCAL) {
    if (o + 30 > zip.length) throw new ZipRefusal('container', 'the file ends inside an entry header');
    const method = u16(zip, o + 8);
    const storedSize = u32(zip, o + 18);
    const size = u32(zip, o + 22);
    const nameLength = u16(zip, o + 26);
    const extraLength = u16(zip, o + 28);
    const start = o + 30 + nameLength + extraLength;
    if (start + storedSize > zip.length) throw new ZipRefusal('container', 'the file ends inside an entry');
    const nameBytes = zip.subarray(o + 30, o + 30 + nameLength);
    const name = Buffer.from(nameBytes).toString('utf8');
    limits.checkName(name);
    if (Object.hasOwn(files, name)) throw new ZipRefusal('entries', `the entry "${name}" appears twice`);
    if (order.length + 1 > limits.maxEntries) throw new ZipRefusal('entries', `more than ${limits.maxEntries} entries`);
    const limit = limits.entryLimit(name);
    if (size > limit)
      throw new ZipRefusal(
        'size',
        `the entry "${name}" declares ${size} bytes; it may hold at most ${limit} (${byteSize(limit)})`,
      );
    declared += size;
    if (declared > limits.maxTotalBytes)
      throw new ZipRefusal(
        'size',
        `the entries declare more than ${limits.maxTotalBytes} bytes (${byteSize(limits.maxTotalBytes)}) together, more than a bundle may hold`,
      );
    if (method !== 0 && method !== 8)
      throw new ZipRefusal('container', `the entry "${name}" uses an unknown compression method`);
    const stored = zip.subarray(start, start + storedSize);
    let data: Uint8Array;
    if (method === 0) data = stored;
    else {
      let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
      try {
        // maxOutputLength: a stream that inflates beyond its declared size is refused, not followed.
        inflated = inflateRawSync(stored, { info: true, maxOutputLength: Math.max(1, size) }) as unknown as {
          buffer: Buffer;
          engine: { bytesWritten: number };
        };
      } catch (e) {
        // Inflating stops at the declared size (counted by zlib as it goes): declared sizes can lie.
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          throw new ZipRefusal('size', `the entry "${name}" inflates to more than the ${size} bytes it declares`);
        throw new ZipRefusal('container', `the entry "${name}" could not be inflated (${(e as Error).message})`);
      }
      if (inflated.engine.bytesWritten !== storedSize)
        throw new ZipRefusal('container', `the entry "${name}" has bytes after its compressed data`);
      data = inflated.buffer;
    }
    if (data.length !== size) throw new ZipRefusal('entries', `the entry "${name}" is not the size it declares`);
    files[name] = data;
    order.push(name);
    entries.push({ name: nameBytes, data, stored, method });
    o = start + storedSize;
  }
  if (entries.length === 0) throw new ZipRefusal('container', 'the file holds no entries');
  if (o + 4 > zip.length || u32(zip, o) !== CENTRAL)
    throw new ZipRefusal('container', 'the file was altered: its entries are not followed by their directory');
  const time = u32(zip, 10);
  if (!acceptedTimes(mtime).has(time))
    throw new ZipRefusal('container', 'the file was altered: its entries do not carry the fixed time');
  const rebuilt = layout(entries, time);
  if (rebuilt.length !== zip.length || !Buffer.from(rebuilt.buffer).equals(Buffer.from(zip)))
    throw new ZipRefusal('container', 'the file was altered: its structure is not what its own entries produce');
  return { files, order };
}
