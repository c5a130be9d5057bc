// The audience view of a presentation: what the room sees, in very large type, with nothing to
// press. It reads nothing from the record: the presenter's view sends it each slide.
import { useEffect } from 'react';
import type { PresentationKey } from '../../shared/presentation.js';
import { SlideBody, SlideHeading } from '../components/present/Slide.js';
import { useAudienceChannel } from '../lib/presentationChannel.js';

export function PresentationAudience({ presentation }: { presentation: PresentationKey }) {
  const shown = useAudienceChannel(presentation);
  const slide = shown.state === 'showing' ? shown.slide : null;

  useEffect(() => {
    document.title = slide
      ? `${slide.position ? `${slide.position}: ` : ''}${slide.title} – audience view – Case Audit`
      : 'Audience view – Case Audit';
  }, [slide]);

  return (
    <main className="app-audience" id="main-content" tabIndex={-1}>
      {slide ? (
        // Focusable, so a slide too long for the screen can still be scrolled from the keyboard.
        <div className="app-audience__slide" aria-live="polite" role="region" aria-label="The slide" tabIndex={0}>
          <p className="app-audience__title">{slide.title}</p>
          <SlideHeading slide={slide} />
          <SlideBody slide={slide} />
        </div>
      ) : (
        <div className="app-audience__slide">
          <h1 className="app-slide__heading">
            {shown.state === 'ended'
              ? 'The presentation has ended'
              : shown.state === 'paused'
                ? 'The presentation is paused'
                : 'Waiting for the presenter'}
          </h1>
          <p className="app-audience__wait">
            {shown.state === 'ended'
              ? 'You can close this window.'
              : shown.state === 'paused'
                ? 'Case Audit is locked in the presenter’s window: the slide comes back once it is unlocked.'
                : 'This view shows the slide the presenter is on, once the presentation is open in the other window.'}
          </p>
        </div>
      )}
    </main>
  );
}
