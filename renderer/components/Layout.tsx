import type { MouseEvent, ReactNode } from 'react';
import { href, paths } from '../router.js';
import { useCurrentRoute } from '../routes/current.js';

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
  const route = useCurrentRoute();
  const onAudits = route.name === 'auditsList';
  const onAgencies = route.name === 'agencies';
  // Presentation mode: the panel item alone in the whole window, without header, menu or footer.
  if (route.name === 'presentation' || route.name === 'findingsPresentation') {
    return (
      <main className="app-present-main" id="main-content" tabIndex={-1}>
        {children}
      </main>
    );
  }
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" onClick={skipToMain}>
        Skip to main content
      </a>
      <header>
        <div className="govuk-header">
          <div className="govuk-width-container govuk-header__container">
            <div>
              <a href={href(paths.auditsList())} className="govuk-header__service-name">
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
                          href={href(paths.auditsList())}
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
                      {/* The action tracker across all audits */}
                      <li>
                        <a
                          href={href(paths.actionsTracker())}
                          className="govuk-header__link"
                          aria-current={
                            route.name === 'actionsTracker'
                              ? 'page'
                              : ['actionsDetail', 'actionsEdit', 'actionsProgress', 'actionsVerify'].includes(
                                    route.name,
                                  )
                                ? 'true'
                                : undefined
                          }
                        >
                          Actions
                        </a>
                      </li>
                      {/* Dashboard, search and challenge panels */}
                      {(
                        [
                          [paths.dashboard(), 'Dashboard', ['dashboard']],
                          [
                            paths.programme(),
                            'Programme',
                            ['programme', 'programmeNew', 'programmeEdit', 'programmeRemove'],
                          ],
                          [paths.search(), 'Search', ['search']],
                          [
                            paths.panels(),
                            'Panels',
                            [
                              'panels',
                              'panelNew',
                              'panel',
                              'panelAttendance',
                              'panelItem',
                              'panelFollowUp',
                              'panelSign',
                            ],
                          ],
                        ] as const
                      ).map(([to, text, names]) => (
                        <li key={to}>
                          <a
                            href={href(to)}
                            className="govuk-header__link"
                            aria-current={
                              route.name === names[0] && !(route.name === 'panels' && route.params.auditId)
                                ? 'page'
                                : (names as readonly string[]).includes(route.name)
                                  ? 'true'
                                  : undefined
                            }
                          >
                            {text}
                          </a>
                        </li>
                      ))}
                      {/* Identity, trusted keys, bundles and settings */}
                      {(
                        [
                          [paths.importBundles(), 'Import bundles', ['importBundles', 'quarantine']],
                          [paths.identity(), 'Keys', ['identity', 'trust', 'trustRevoke']],
                          [paths.settings(), 'Settings', ['settings', 'backups', 'backupsRestore']],
                        ] as const
                      ).map(([to, text, names]) => (
                        <li key={to}>
                          <a
                            href={href(to)}
                            className="govuk-header__link"
                            aria-current={
                              route.name === names[0]
                                ? 'page'
                                : (names as readonly string[]).includes(route.name)
                                  ? 'true'
                                  : undefined
                            }
                          >
                            {text}
                          </a>
                        </li>
                      ))}
                      {/* Audit templates */}
                      <li>
                        <a
                          href={href(paths.templates())}
                          className="govuk-header__link"
                          aria-current={
                            route.name === 'templates'
                              ? 'page'
                              : ['templatesPreview', 'templateEditor', 'templateEditorPreview'].includes(route.name)
                                ? 'true'
                                : undefined
                          }
                        >
                          Templates
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
            partnerships.{' '}
            <a className="govuk-footer__link" href={href(paths.about())}>
              About Case Audit
            </a>
          </p>
        </div>
      </footer>
    </>
  );
}
