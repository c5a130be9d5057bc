// The happy-dom harness of the renderer's component tests (each file starts with
// `// @vitest-environment happy-dom`): React's act() environment, one container in the document
// with a React root, unmounted and removed after each test, and the small helpers the tests share.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// happy-dom has no layout: the error summary scrolls itself into view, which is nothing here.
Element.prototype.scrollIntoView = () => undefined;

/** The container of the current test's render (a live binding: read it after render()). */
export let container: HTMLElement;
let root: Root | undefined;

/** Unmounts what was rendered and removes its container (done after each test). */
export function cleanup(): void {
  if (!root) return;
  const mounted = root;
  root = undefined;
  act(() => mounted.unmount());
  container.remove();
}

afterEach(cleanup);

/** Renders `node` into the test's container (a new one at the first call, the same root after). */
export async function render(node: ReactNode): Promise<HTMLElement> {
  if (!root) {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  }
  const current = root;
  await act(async () => current.render(node));
  return container;
}

/** Lets pending promises and timers (up to `ms`) run, and React render what they changed. */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

/** Waits, settling, until `check` holds. */
export async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await settle(10);
  }
}

/** Submits the container's (first) form and lets the asynchronous resolver answer. */
export async function submit(): Promise<void> {
  await act(async () => {
    container.querySelector('form')!.requestSubmit();
  });
  await settle();
}

/** Types `value` into a text box as a user would (React sees the input event). */
export async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Chooses files in a file input (none: the choice emptied). */
export async function chooseFiles(input: HTMLInputElement, files: File[]): Promise<void> {
  await act(async () => {
    Object.defineProperty(input, 'files', { configurable: true, value: files });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
