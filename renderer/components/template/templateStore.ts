// The template being edited, outside React state: the editor subscribes to it, and every part of it
// that did not change keeps its identity, so memoised sections and questions skip re-rendering.
// Text fields keep what is typed in their own state and commit it here after a pause or on blur;
// anything that reads the whole template (save, preview, publish, moving things) flushes them first.
import type { Template } from '../../../shared/template.js';

export interface StoreSnapshot {
  template: Template;
  /** Goes up with every change; compared with the revision last saved to know what is unsaved. */
  revision: number;
}

export class TemplateStore {
  private snapshot: StoreSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Set<() => void>();

  constructor(template: Template) {
    this.snapshot = { template, revision: 0 };
  }

  readonly getSnapshot = (): StoreSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The template with every typed-but-uncommitted text committed. */
  current(): StoreSnapshot {
    this.flush();
    return this.snapshot;
  }

  update(change: (t: Template) => Template): void {
    const next = change(this.snapshot.template);
    if (next === this.snapshot.template) return;
    this.snapshot = { template: next, revision: this.snapshot.revision + 1 };
    this.listeners.forEach((l) => l());
  }

  /** Commits every text field with a pending change (they register while they wait). */
  flush(): void {
    for (const commit of [...this.pending]) commit();
  }

  addPending(commit: () => void): void {
    this.pending.add(commit);
  }

  removePending(commit: () => void): void {
    this.pending.delete(commit);
  }
}
