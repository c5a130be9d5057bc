// One slide as the room sees it: the heading, the blocks of text and the tag (an outcome, or a
// finding's kind) with its note and small-sample mark. The audience view shows it in very large
// type; the presenter's view shows the same slide smaller, beside the notes.
import type { Ref } from 'react';
import type { AudienceSlide } from '../../../shared/presentation.js';
import { Tag } from '../Tag.js';

export function SlideHeading({ slide, headingRef }: { slide: AudienceSlide; headingRef?: Ref<HTMLHeadingElement> }) {
  return (
    <h1 className="app-slide__heading" tabIndex={-1} ref={headingRef}>
      {slide.position ? (
        <>
          <span className="app-slide__position">{slide.position}</span>
          <span className="govuk-visually-hidden">: </span>
        </>
      ) : null}
      <span className="app-slide__subject">{slide.heading}</span>
    </h1>
  );
}

export function SlideBody({ slide }: { slide: AudienceSlide }) {
  return (
    <div className="app-slide__body">
      {slide.blocks.map((b, i) => (
        <div className="app-slide__block" key={i}>
          <h2 className="app-slide__label">{b.label}</h2>
          <p className="app-slide__text">{b.text}</p>
        </div>
      ))}
      {slide.tag ? (
        <div className="app-slide__block app-slide__block--tag">
          <p className="app-slide__tag">
            <Tag colour={slide.tag.colour}>{slide.tag.text}</Tag>
            {slide.mark ? (
              <>
                {' '}
                <Tag colour="grey">{slide.mark}</Tag>
              </>
            ) : null}
          </p>
          {slide.note ? <p className="app-slide__text app-slide__note">{slide.note}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
