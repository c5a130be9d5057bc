// Validation state for the review screens' forms: field messages shown inline, form-level messages,
// and the error summary's items in the order the fields appear on the page.
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client.js';
import type { ErrorSummaryItem } from '../ErrorSummary.js';
import { parseServerMessage } from '../../lib/formErrors.js';
import { sentence } from '../../lib/format.js';

export type FieldMessages = Record<string, string>;

export interface FormErrors {
  /** The message for a field, if it has one. */
  field: (name: string) => string | undefined;
  /** Shows these problems (replacing any shown before) and moves focus to the summary. */
  fail: (fields: FieldMessages, general?: string[]) => void;
  /**
   * Shows a service's refusal: "path: message" parts go to the field `toField` names (or stay
   * form-level when it returns undefined).
   */
  failFromServer: (e: unknown, toField: (path: string, message: string) => string | undefined) => void;
  clear: () => void;
  /** The summary's items: field errors in `order` (field name → control id), then form-level ones. */
  items: (order: ReadonlyArray<readonly [name: string, id: string]>) => ErrorSummaryItem[];
  any: boolean;
  /** Changes on every failed submit, so the summary takes focus each time. */
  attempt: number;
}

export function useFormErrors(): FormErrors {
  const [fields, setFields] = useState<FieldMessages>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  const fail = useCallback((f: FieldMessages, g: string[] = []) => {
    setFields(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, sentence(v)])));
    setGeneral(g.map(sentence));
    setAttempt((n) => n + 1);
  }, []);

  const failFromServer = useCallback(
    (e: unknown, toField: (path: string, message: string) => string | undefined) => {
      const message = e instanceof ApiError ? e.message : 'Something went wrong.';
      const f: FieldMessages = {};
      const g: string[] = [];
      for (const part of parseServerMessage(message)) {
        const name = part.name ? toField(part.name, part.message) : toField('', part.message);
        if (name && !f[name]) f[name] = part.message;
        else g.push(part.name ? `${part.name}: ${part.message}` : part.message);
      }
      fail(f, g);
    },
    [fail],
  );

  const clear = useCallback(() => {
    setFields({});
    setGeneral([]);
  }, []);

  const items = (order: ReadonlyArray<readonly [string, string]>): ErrorSummaryItem[] => {
    const listed = order
      .filter(([name]) => fields[name] !== undefined)
      .map(([name, id]) => ({ targetId: id, text: fields[name]! }));
    const known = new Set(order.map(([name]) => name));
    const unplaced = Object.entries(fields)
      .filter(([name]) => !known.has(name))
      .map(([, text]) => ({ text }));
    return [...listed, ...unplaced, ...general.map((text) => ({ text }))];
  };

  return {
    field: (name) => fields[name],
    fail,
    failFromServer,
    clear,
    items,
    any: Object.keys(fields).length > 0 || general.length > 0,
    attempt,
  };
}
