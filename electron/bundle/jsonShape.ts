// How much a JSON text will cost to parse, measured from its bytes before JSON.parse sees them.
// JSON.parse runs to the end without yielding, so a worker thread cannot stop it at its heap limit
// (the worker, and with it the whole process, aborts). What it allocates grows with the text's length
// and with its number of values: a text of short values (`[{},{},…]`) costs many times its length.
// Both are bounded before parsing (docs/bundle-format.md, "Limits"), so any text within the limits is
// parsed within the heap the reader has.

export interface JsonShapeLimits {
  /** Values of any kind (objects, arrays, strings including keys, numbers, literals). */
  maxValues: number;
  /** Nesting of objects and arrays. */
  maxDepth: number;
}

export type JsonShape = { ok: true; values: number; depth: number } | { ok: false; over: 'values' | 'depth' };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Counts the values and the nesting of a JSON text, stopping as soon as either is over its limit.
 * It does not check that the text is JSON (JSON.parse does, afterwards): it only has to never count
 * fewer values than JSON.parse would make. It allocates nothing.
 */
export function measureJson(bytes: Uint8Array, limits: JsonShapeLimits): JsonShape {
  let values = 0;
  let depth = 0;
  let deepest = 0;
  let inScalar = false;
  // Buffer's indexOf finds the end of a string natively (evidence notes are most of the bytes).
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = buf.length;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === QUOTE) {
      inScalar = false;
      values++;
      // The end of the string: the next quote not escaped (preceded by an even run of backslashes).
      let j = i;
      for (;;) {
        j = buf.indexOf(QUOTE, j + 1);
        if (j < 0) return { ok: true, values, depth: deepest }; // unterminated: JSON.parse refuses it
        let k = j - 1;
        while (buf[k] === BACKSLASH) k--;
        if ((j - 1 - k) % 2 === 0) break;
      }
      i = j;
    } else if (b === 0x7b || b === 0x5b) {
      // { [
      inScalar = false;
      values++;
      if (++depth > deepest) deepest = depth;
      if (depth > limits.maxDepth) return { ok: false, over: 'depth' };
    } else if (b === 0x7d || b === 0x5d) {
      // } ]
      inScalar = false;
      depth--;
    } else if (b === 0x2c || b === 0x3a || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) {
      // , : and whitespace end a number or literal
      inScalar = false;
    } else if (!inScalar) {
      inScalar = true;
      values++;
    }
    if (values > limits.maxValues) return { ok: false, over: 'values' };
  }
  return { ok: true, values, depth: deepest };
}
