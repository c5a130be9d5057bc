// Bundles opened from the desktop (double-clicking a .caseaudit file): the desktop app sends each as
// a `bundle.opened` event (electron/fileOpen.ts). They wait here for the import screen, which shows
// them as chosen; nothing is imported until the person presses Import. The browser host has no
// such event: there, files are chosen on the import screen.
import { z } from 'zod';

const openedSchema = z.union([
  z.strictObject({ fileName: z.string().min(1).max(255), base64: z.string() }),
  z.strictObject({ fileName: z.string().min(1).max(255), problem: z.string().max(500) }),
]);

export interface OpenedProblem {
  fileName: string;
  problem: string;
}

let files: File[] = [];
let problems: OpenedProblem[] = [];
const listeners = new Set<() => void>();

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** One `bundle.opened` event's payload; anything malformed is ignored. */
export function receiveOpenedBundle(payload: unknown): void {
  const parsed = openedSchema.safeParse(payload);
  if (!parsed.success) return;
  const opened = parsed.data;
  if ('problem' in opened) problems = [...problems, opened];
  else files = [...files, new File([base64ToBytes(opened.base64)], opened.fileName)];
  listeners.forEach((l) => l());
}

/** Called when a file is opened; returns the unsubscribe. */
export function onBundleOpened(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether files are waiting for the import screen (opened before the app was unlocked, say). */
export const hasOpenedBundles = () => files.length + problems.length > 0;

/** Hands the waiting files (and the ones that could not be opened) to the import screen, once. */
export function takeOpenedBundles(): { files: File[]; problems: OpenedProblem[] } {
  const taken = { files, problems };
  files = [];
  problems = [];
  return taken;
}
