// Keeps a presentation's two views in step over a BroadcastChannel: every tab or window of the
// interface on the same origin (two tabs of the browser host, the desktop app's two windows) hears
// it. The presenter sends the slide; the audience view only listens and asks for it when it opens,
// so it needs no access to the record at all.
import { useEffect, useRef, useState } from 'react';
import {
  PRESENTATION_CHANNEL,
  readPresentationMessage,
  type AudienceSlide,
  type PresentationKey,
  type PresentationMessage,
} from '../../shared/presentation.js';

function openChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(PRESENTATION_CHANNEL) : null;
}

/**
 * The presenter's side: sends `slide` whenever it changes and to any audience view that opens, and
 * `end` when the presenter leaves. Answers whether an audience view has been heard from.
 */
export function usePresenterChannel(
  key: PresentationKey,
  slide: AudienceSlide,
  paused = false,
): { audienceOpen: boolean } {
  const channel = useRef<BroadcastChannel | null>(null);
  const latest = useRef(slide);
  const isPaused = useRef(paused);
  const [audienceOpen, setAudienceOpen] = useState(false);
  latest.current = slide;
  isPaused.current = paused;

  useEffect(() => {
    const c = openChannel();
    channel.current = c;
    if (!c) return;
    const send = (m: PresentationMessage) => c.postMessage(m);
    c.onmessage = (e: MessageEvent) => {
      const m = readPresentationMessage(e.data);
      if (m?.type !== 'hello' || m.key !== key) return;
      setAudienceOpen(true);
      send(isPaused.current ? { type: 'paused', key } : { type: 'slide', key, slide: latest.current });
    };
    send(isPaused.current ? { type: 'paused', key } : { type: 'slide', key, slide: latest.current });
    return () => {
      send({ type: 'end', key });
      c.close();
      channel.current = null;
    };
  }, [key]);

  // Sent when what it shows changes, not on every render.
  const shown = JSON.stringify(slide);
  useEffect(() => {
    const m: PresentationMessage = paused ? { type: 'paused', key } : { type: 'slide', key, slide: latest.current };
    channel.current?.postMessage(m);
  }, [key, shown, paused]);

  return { audienceOpen };
}

export type AudienceState =
  { state: 'waiting' } | { state: 'showing'; slide: AudienceSlide } | { state: 'paused' } | { state: 'ended' };

/** The audience's side: the slide the presenter last sent for this presentation. */
export function useAudienceChannel(key: PresentationKey): AudienceState {
  const [state, setState] = useState<AudienceState>({ state: 'waiting' });
  useEffect(() => {
    const c = openChannel();
    if (!c) return;
    c.onmessage = (e: MessageEvent) => {
      const m = readPresentationMessage(e.data);
      if (!m || m.key !== key) return;
      if (m.type === 'slide') setState({ state: 'showing', slide: m.slide });
      else if (m.type === 'end') setState({ state: 'ended' });
      else if (m.type === 'paused') setState({ state: 'paused' });
    };
    c.postMessage({ type: 'hello', key } satisfies PresentationMessage);
    return () => c.close();
  }, [key]);
  return state;
}
