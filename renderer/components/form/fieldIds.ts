// Which control each form field's errors link to, per form (keyed by its react-hook-form control). Fields register their control's id under their
// react-hook-form name as they render, so the error summary (inside or outside the <form>) can link
// a message to the control and sort the messages in page order.
const registries = new WeakMap<object, Map<string, string>>();

function registry(control: object): Map<string, string> {
  let map = registries.get(control);
  if (!map) {
    map = new Map();
    registries.set(control, map);
  }
  return map;
}

/** The default id of a field's control: its dotted name with dashes ("agencies.2.name" → "agencies-2-name"). */
export function defaultFieldId(name: string): string {
  return name.replace(/\./g, '-');
}

/** Records that `name`'s errors link to the control `id`. */
export function registerFieldId(control: object, name: string, id: string): void {
  registry(control).set(name, id);
}

/**
 * The control a field name's error links to: the field's own, or for an error inside a field (a list
 * item, "agencyIds.0") the nearest registered field above it.
 */
export function fieldIdFor(control: object, name: string): string | undefined {
  const map = registry(control);
  const parts = name.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const id = map.get(parts.slice(0, n).join('.'));
    if (id) return id;
  }
  return undefined;
}
