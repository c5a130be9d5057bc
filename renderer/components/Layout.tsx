import type { MouseEvent, ReactNode } from 'react';
import { href, parseRoute, paths, useCurrentPath } from '../router.js';

interface Props {
  boardName: string | undefined;
  version?: string | undefined;
  /** Shows a "Lock" button in the header when given. */
  onLock: (() => void) | undefined;
  children: ReactNode;
}

function skipToMain(e: MouseEvent<HTMLAnchorElement>) {
  // The hash belongs to the router: move focus without changing it.
  e.preventDefault();
  const main = document.getElementById('main-content');
  main?.focus();
  main?.scrollIntoView({ block: 'start' });
}

export function Layout({ boardName, version, onLock, children }: Props) {
  const route = parseRoute(useCurrentPath());
  const onAudits = route.name === 'home';
  const onAgencies = route.name === 'agencies';
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" onClick={skipToMain}>
        Skip to main content
      </a>
      <header>
        <div className="govuk-header">
          <div className="govuk-width-container govuk-header__container">
            <div>
              <a href={href(paths.home())} className="govuk-header__service-name">
                Case Audit
              </a>
              {boardName ? <span className="govuk-header__board">{boardName}</span> : null}
            </div>
            {boardName || onLock ? (
              <nav aria-label="Menu">
                <ul className="govuk-header__navigation-list">
                  {boardName ? (
                    <>
                      <li>
                        <a
                          href={href(paths.home())}
                          className="govuk-header__link"
                          aria-current={onAudits ? 'page' : undefined}
                        >
                          Audits
                        </a>
                      </li>
                      <li>
                        <a
                          href={href(paths.agencies())}
                          className="govuk-header__link"
                          aria-current={onAgencies ? 'page' : undefined}
                        >
                          Partner agencies
                        </a>
                      </li>
                    </>
                  ) : null}
                  {onLock ? (
                    <li>
                      <button type="button" className="govuk-header__link app-header-button" onClick={onLock}>
                        Lock
                      </button>
                    </li>
                  ) : null}
                </ul>
              </nav>
            ) : null}
          </div>
        </div>
        <div className="govuk-width-container govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-tag--grey">Offline</strong>
            <span>
              Everything you record stays in the database on this computer. Cases are pseudonymised: never enter names.
            </span>
          </p>
        </div>
      </header>
      <div className="app-page">
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
            {children}
          </main>
        </div>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <p>
            Case Audit{version ? `, version ${version}` : ''}: multi-agency case audits for safeguarding children
            partnerships.
          </p>
        </div>
      </footer>
    </>
  );
}
