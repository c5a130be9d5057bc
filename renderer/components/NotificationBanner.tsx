import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  kind?: 'success' | 'important';
  heading: ReactNode;
  children?: ReactNode;
  /** Move focus to the banner when it appears (after an action on the same screen). */
  focus?: boolean;
  id?: string;
}

export function NotificationBanner({ kind = 'important', heading, children, focus = false, id }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const generated = useId();
  const titleId = id ?? `banner-${generated}`;
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const success = kind === 'success';
  return (
    <div
      ref={ref}
      className={success ? 'govuk-notification-banner govuk-notification-banner--success' : 'govuk-notification-banner'}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {success ? 'Success' : 'Important'}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
