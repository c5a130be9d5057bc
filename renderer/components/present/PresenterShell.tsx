// The presenter's view, whatever is presented: the slide as the room sees it, the presenter's notes
// and what comes next, then the controls, all inside the window at 1024×768 as at 1920×1080 (only
// the slide's own text scrolls, never the page). It keeps the audience view in step, opens it (a
// tab in the browser, the desktop app's second window), moves between slides from the keyboard and
// leaves. What a presentation records (a panel's outcomes) comes in through `actions` and `onKey`.
import { useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AudienceSlide, PresentationKey } from '../../../shared/presentation.js';
import { usePresenterChannel } from '../../lib/presentationChannel.js';
import { href, navigate } from '../../router.js';
import { HiddenContext } from '../hiddenContext.js';
import { SlideBody, SlideHeading } from './Slide.js';

interface Props {
  presentation: PresentationKey;
  slide: AudienceSlide;
  /** The line above the slide: the panel's title and who is challenged, or the audit's. */
  caption: ReactNode;
  index: number;
  count: number;
  onMove: (index: number) => void;
  /** Where the audience view is, and where leaving goes. */
  audiencePath: string;
  leavePath: string;
  notes: ReactNode;
  /** The next slide's heading, or null on the last. */
  next: string | null;
  status: string;
  /** A confirmation waiting, or an undo on offer: shown between the status and the controls. */
  pending?: ReactNode;
  /** Controls of this kind of presentation (the outcome buttons). */
  actions?: ReactNode;
  /** Keys of this kind of presentation; true when the key was used. */
  onKey?: (key: string) => boolean;
  /** Esc, before it leaves: true when it was used (to cancel a proposal). */
  onEscape?: () => boolean;
  keys?: ReactNode;
}

export function PresenterShell(props: Props) {
  const { presentation, slide, index, count, onMove, leavePath, onKey, onEscape } = props;
  const hidden = useContext(HiddenContext);
  const heading = useRef<HTMLHeadingElement>(null);
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null);
  const [message, setMessage] = useState('');
  const leavingFullscreen = useRef(false);
  const ourFullscreen = useRef(false);
  // While the session is locked the room sees nothing of the record either.
  const { audienceOpen } = usePresenterChannel(presentation, slide, hidden);

  // Each slide is announced by moving focus to its heading ("Item 2 of 7: …").
  useEffect(() => {
    if (hidden) return;
    document.title = `${slide.position ? `${slide.position}: ` : ''}${slide.title} – Case Audit`;
    heading.current?.focus({ preventScroll: true });
    // The title follows the slide; focus moves only when the slide does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, hidden]);
  useEffect(() => {
    if (!hidden) document.title = `${slide.position ? `${slide.position}: ` : ''}${slide.title} – Case Audit`;
  }, [slide.position, slide.title, hidden]);

  const leave = useCallback(() => {
    if (document.fullscreenElement) {
      leavingFullscreen.current = true;
      void document.exitFullscreen().catch(() => undefined);
    }
    navigate(leavePath);
  }, [leavePath]);

  const go = useCallback(
    (delta: number) => {
      setMessage('');
      onMove(Math.max(0, Math.min(count - 1, index + delta)));
    },
    [count, index, onMove],
  );

  const openAudience = useCallback(() => {
    const url = `${window.location.origin}${window.location.pathname}${href(props.audiencePath)}`;
    // A named window: pressing again brings the same one back rather than opening another.
    const opened = window.open(url, `case-audit-audience-${presentation.replace(/[^a-z0-9]/gi, '-')}`);
    setMessage(
      opened === null
        ? 'The audience view did not open: allow this page to open a window, or open the same address with “/audience” added in another tab.'
        : 'The audience view is open: move it to the screen the room sees.',
    );
  }, [presentation, props.audiencePath]);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) {
      leavingFullscreen.current = true;
      void document.exitFullscreen().catch(() => undefined);
      return;
    }
    if (!document.fullscreenEnabled) {
      setMessage('Full screen is not available here: the presentation already fills the window.');
      return;
    }
    ourFullscreen.current = true;
    document.documentElement.requestFullscreen().catch(() => {
      ourFullscreen.current = false;
      setMessage('Full screen is not available here: the presentation already fills the window.');
    });
  }, []);

  // Esc in full screen is taken by the browser to leave full screen: treat that as leaving the presentation.
  useEffect(() => {
    const onChangeFullscreen = () => {
      const on = document.fullscreenElement !== null;
      setFullscreen(on);
      if (!on && ourFullscreen.current && !leavingFullscreen.current) leave();
      if (!on) {
        ourFullscreen.current = false;
        leavingFullscreen.current = false;
      }
      heading.current?.focus({ preventScroll: true });
    };
    document.addEventListener('fullscreenchange', onChangeFullscreen);
    return () => document.removeEventListener('fullscreenchange', onChangeFullscreen);
  }, [leave]);

  useEffect(() => {
    if (hidden) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target;
      if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
      const moves: Record<string, number> = {
        ArrowRight: 1,
        PageDown: 1,
        ArrowLeft: -1,
        PageUp: -1,
        Home: -count,
        End: count,
      };
      const delta = moves[e.key];
      if (delta !== undefined) {
        e.preventDefault();
        go(delta);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        if (!onEscape?.()) leave();
        return;
      }
      if (onKey?.(e.key)) {
        e.preventDefault();
        setMessage('');
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [go, leave, count, hidden, onKey, onEscape]);

  // The latest of the two is shown: the shell's own message gives way to the presentation's next one.
  useEffect(() => setMessage(''), [props.status]);
  const status = message || props.status;
  return (
    <div className="app-present">
      <div className="app-present__top">
        <p className="app-present__caption">{props.caption}</p>
        <p className="app-present__audience" id="audience-state">
          {audienceOpen ? 'Audience view: showing this slide' : 'Audience view: not open'}
        </p>
      </div>
      <div className="app-present__main">
        {/* Both panes are focusable, so text too long for the window can still be scrolled from the keyboard. */}
        <section className="app-present__slide" aria-label="The slide, as the audience sees it" tabIndex={0}>
          <SlideHeading slide={slide} headingRef={heading} />
          <SlideBody slide={slide} />
        </section>
        <aside className="app-present__aside" aria-label="Presenter’s notes" tabIndex={0}>
          <h2 className="app-present__aside-heading">Notes</h2>
          <div className="app-present__notes">{props.notes}</div>
          <h2 className="app-present__aside-heading">Next</h2>
          <p className="app-present__next">{props.next ?? 'This is the last one.'}</p>
        </aside>
      </div>
      <div className="app-present__status" role="status">
        {status}
      </div>
      {props.pending}
      <div className="app-present__controls">
        <div className="app-present__group" role="group" aria-label="Move between slides">
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-present__button"
            aria-keyshortcuts="ArrowLeft PageUp"
            disabled={index === 0}
            onClick={() => go(-1)}
          >
            <span aria-hidden="true">← </span>Previous
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-present__button"
            aria-keyshortcuts="ArrowRight PageDown"
            disabled={index >= count - 1}
            onClick={() => go(1)}
          >
            Next<span aria-hidden="true"> →</span>
          </button>
        </div>
        {props.actions}
        <div className="app-present__group" role="group" aria-label="Presentation">
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-present__button"
            onClick={openAudience}
          >
            Open the audience view
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-present__button"
            onClick={toggleFullscreen}
          >
            {fullscreen ? 'Leave full screen' : 'Full screen'}
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-present__button"
            aria-keyshortcuts="Escape"
            onClick={leave}
          >
            Leave presentation
          </button>
        </div>
      </div>
      <p className="app-present__hint" id="present-keys">
        Keys: <kbd>→</kbd> or <kbd>Page Down</kbd> next, <kbd>←</kbd> or <kbd>Page Up</kbd> previous
        {props.keys}, <kbd>Esc</kbd> leave the presentation.
      </p>
    </div>
  );
}
