// The browser host prints an address ending in #token=…: the token is read once, kept in this tab's
// sessionStorage (it survives reloads, not the tab) and removed from the address bar and history.
const STORAGE_KEY = 'case-audit.token';

export function captureToken(): void {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (!match?.[1]) return;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, match[1]);
  } catch {
    memoryToken = match[1];
  }
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
}

let memoryToken: string | null = null;

export function currentToken(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}
