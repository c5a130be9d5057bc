import { paths } from '../../router.js';
import { Link } from '../Link.js';

/** Moves between the key screens: this installation's own identity, its backup, and the keys it trusts. */
export function KeysNav({ current }: { current: 'identity' | 'backup' | 'trust' }) {
  const items = [
    { key: 'identity', to: paths.identity(), text: 'Your identity' },
    { key: 'backup', to: paths.identityBackup(), text: 'Backup and restore' },
    { key: 'trust', to: paths.trust(), text: 'Trusted keys' },
  ] as const;
  return (
    <nav className="app-subnav" aria-label="Keys">
      <ul className="app-subnav__list">
        {items.map((item) => (
          <li className="app-subnav__item" key={item.key}>
            <Link
              to={item.to}
              className="govuk-link app-subnav__link"
              aria-current={item.key === current ? 'page' : undefined}
            >
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
