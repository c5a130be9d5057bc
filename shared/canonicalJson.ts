// Canonical JSON (RFC 8785 style for the values we use): object keys sorted by code unit, no
// whitespace, no undefined, no non-finite numbers. The same value always gives the same bytes, so
// hashes and signatures over it can be recomputed by anyone.
//
// Plain data (what is signed and chained: objects, arrays, strings, finite numbers, booleans, null)
// goes through the engine's own JSON.stringify, with each object's keys put in order on the way: a
// signed audit's content is megabytes, and this is several times faster than building the text here.
// Anything else (integer-like keys, which engines order numerically; objects with a prototype or a
// toJSON, such as dates and buffers) takes the written-out path, which gives exactly the same text.
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new TypeError('canonical JSON cannot hold a undefined');
  try {
    return JSON.stringify(value, ordered);
  } catch (e) {
    if (e instanceof NotPlain) return written(value);
    throw e;
  }
}

class NotPlain extends Error {}
const INTEGER_LIKE = /^(?:0|[1-9][0-9]*)$/;

function ordered(this: Record<string, unknown>, key: string, value: unknown): unknown {
  // The value as it is in its holder: JSON.stringify hands over toJSON()'s result instead.
  if (this[key] !== value) throw new NotPlain();
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
      return value;
    case 'object': {
      if (value === null) return value;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) throw new NotPlain();
        return value;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new NotPlain();
      const keys = Object.keys(value);
      let inOrder = true;
      for (let i = 0; i < keys.length; i++) {
        if (INTEGER_LIKE.test(keys[i]!)) throw new NotPlain();
        if (i > 0 && keys[i - 1]! > keys[i]!) inOrder = false;
      }
      if (inOrder) return value;
      keys.sort();
      // No prototype: a "__proto__" key (JSON.parse makes one an own property) stays a plain key.
      const sorted = Object.create(null) as Record<string, unknown>;
      for (const k of keys) sorted[k] = (value as Record<string, unknown>)[k];
      return sorted;
    }
    case 'undefined':
      // In an object the key is left out; in an array it is null (as below).
      return value;
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

function written(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let s = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) s += ',';
          const v: unknown = value[i];
          s += written(v === undefined ? null : v);
        }
        return `${s}]`;
      }
      const record = value as Record<string, unknown>;
      let s = '{';
      let first = true;
      for (const k of Object.keys(record).sort()) {
        const v = record[k];
        if (v === undefined) continue;
        if (!first) s += ',';
        first = false;
        s += `${JSON.stringify(k)}:${written(v)}`;
      }
      return `${s}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}
