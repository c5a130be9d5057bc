// The desktop app's audience window: which addresses may open it, how it is hardened, and where it goes.
import { describe, expect, it } from 'vitest';
import { audiencePlacement, isAudienceUrl, windowOpenDecision } from '../../electron/presentationWindow.js';

const ID = '0b5e8f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b';

describe('the audience window', () => {
  it('opens only for the audience view of a panel or of an audit’s findings, on our own origin', () => {
    expect(isAudienceUrl(`app://case-audit/#/panels/${ID}/present/audience`)).toBe(true);
    expect(isAudienceUrl(`app://case-audit/#/audits/${ID}/findings/present/audience`)).toBe(true);
    for (const url of [
      `app://case-audit/#/panels/${ID}/present`,
      `app://case-audit/#/panels/${ID}`,
      `app://case-audit/#/panels/../present/audience`,
      `app://case-audit/?x=1#/panels/${ID}/present/audience`,
      `app://case-audit/other#/panels/${ID}/present/audience`,
      `app://case-audit.evil/#/panels/${ID}/present/audience`,
      `app://user@case-audit/#/panels/${ID}/present/audience`,
      `https://example.com/#/panels/${ID}/present/audience`,
      `file:///index.html#/panels/${ID}/present/audience`,
      'about:blank',
      '',
    ]) {
      expect(isAudienceUrl(url), url).toBe(false);
      expect(windowOpenDecision(url, { devTools: false })).toEqual({ action: 'deny' });
    }
  });

  it('is sandboxed, isolated and has no preload: it cannot reach the services', () => {
    const d = windowOpenDecision(`app://case-audit/#/panels/${ID}/present/audience`, { devTools: false });
    expect(d.action).toBe('allow');
    if (d.action !== 'allow') return;
    const prefs = d.overrideBrowserWindowOptions.webPreferences;
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
  });

  it('goes full screen on a second display, else beside the presenter on the one display', () => {
    const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
    const projector = { id: 2, bounds: { x: 1440, y: 0, width: 1024, height: 768 } };
    expect(audiencePlacement([laptop, projector], 1)).toEqual({ ...projector.bounds, fullscreen: true });
    expect(audiencePlacement([laptop], 1)).toEqual({ x: 40, y: 40, width: 1024, height: 768, fullscreen: false });
  });
});
