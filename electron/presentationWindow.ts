// The desktop app's second window for presentation mode, as plain decisions (tested under Node;
// main.ts wires them in). The interface asks for it with window.open on the audience address; only
// that address on our own origin opens, in a window with no preload at all: the audience view needs
// no access to the record, since the presenter's window sends it each slide (BroadcastChannel, same
// origin), and without a bridge it could not call the services even if it tried.
import { APP_START_URL, secureWebPreferences } from './windowPolicy.js';

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const AUDIENCE_HASH = new RegExp(`^#/(?:panels/${ID}/present|audits/${ID}/findings/present)/audience$`);

/** True only for the audience view's address on our own origin (app://case-audit/#/…/audience). */
export function isAudienceUrl(raw: string): boolean {
  if (!raw.startsWith(`${APP_START_URL}#/`)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'app:' &&
    url.host === 'case-audit' &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    AUDIENCE_HASH.test(url.hash)
  );
}

export interface DisplayBounds {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * Where the audience window goes: full screen on a second display (the projector) when there is one,
 * otherwise a window beside the presenter's on the same display.
 */
export function audiencePlacement(
  displays: readonly DisplayBounds[],
  primaryId: number,
): { x: number; y: number; width: number; height: number; fullscreen: boolean } {
  const other = displays.find((d) => d.id !== primaryId);
  if (other) return { ...other.bounds, fullscreen: true };
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  const b = primary?.bounds ?? { x: 0, y: 0, width: 1024, height: 768 };
  return {
    x: b.x + 40,
    y: b.y + 40,
    width: Math.min(1024, b.width),
    height: Math.min(768, b.height),
    fullscreen: false,
  };
}

type WindowOpenDecision =
  | { action: 'deny' }
  | {
      action: 'allow';
      overrideBrowserWindowOptions: {
        title: string;
        width: number;
        height: number;
        autoHideMenuBar: true;
        webPreferences: Omit<ReturnType<typeof secureWebPreferences>, 'preload'>;
      };
    };

/** The answer to window.open from the main window: the audience view only, hardened, without a preload. */
export function windowOpenDecision(url: string, options: { devTools: boolean }): WindowOpenDecision {
  if (!isAudienceUrl(url)) return { action: 'deny' };
  const { preload: _none, ...webPreferences } = secureWebPreferences('', options);
  return {
    action: 'allow',
    overrideBrowserWindowOptions: {
      title: 'Case Audit: audience view',
      width: 1024,
      height: 768,
      autoHideMenuBar: true,
      webPreferences,
    },
  };
}
