import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { HiddenContext } from './hiddenContext.js';
import { flashFor, useCurrentPath } from '../router.js';
import { BackLink } from './BackLink.js';
import { Breadcrumbs, type Crumb } from './Breadcrumbs.js';
import { NotificationBanner } from './NotificationBanner.js';

// On the first screen after the window opens, focus stays at the top of the document, so the skip
// link is the first thing Tab reaches; after that, every change of screen moves focus to its h1.
let firstScreen = true;

interface Props {
  /** The one h1 of the screen; also the document title. */
  title: string;
  caption?: string | undefined;
  breadcrumbs?: Crumb[];
  back?: { to: string; text?: string };
  /** An error summary (or banner) shown above the heading. */
  before?: ReactNode;
  /** Prefixes the document title with "Error:" while a form shows errors. */
  hasErrors?: boolean;
  /** Wraps the content in the two-thirds reading column. */
  narrow?: boolean;
  children: ReactNode;
}

/**
 * The frame of every screen: breadcrumbs or back link, any one-shot success message, the h1 (which
 * receives focus when the screen opens, so screen readers start at the top) and the document title.
 */
export function Page({
  title,
  caption,
  breadcrumbs,
  back,
  before,
  hasErrors = false,
  narrow = false,
  children,
}: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const path = useCurrentPath();
  const flash = flashFor(path);

  useEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    heading.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, []);

  const hidden = useContext(HiddenContext);
  const wasHidden = useRef(hidden);
  useEffect(() => {
    if (hidden) {
      wasHidden.current = true;
      return;
    }
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – Case Audit`;
    // Back from the unlock screen: start again at the top of the screen that was open.
    if (wasHidden.current) {
      wasHidden.current = false;
      heading.current?.focus({ preventScroll: true });
    }
  }, [title, hasErrors, hidden]);

  const body = (
    <>
      {before}
      {flash ? <NotificationBanner kind="success" heading={flash} /> : null}
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </>
  );

  return (
    <>
      {breadcrumbs ? <Breadcrumbs items={breadcrumbs} /> : null}
      {back ? <BackLink to={back.to} {...(back.text ? { text: back.text } : {})} /> : null}
      {narrow ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">{body}</div>
        </div>
      ) : (
        body
      )}
    </>
  );
}
