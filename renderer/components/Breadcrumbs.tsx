import { Link } from './Link.js';

export interface Crumb {
  to: string;
  text: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
      <ol className="govuk-breadcrumbs__list">
        {items.map((item) => (
          <li className="govuk-breadcrumbs__list-item" key={item.to}>
            <Link to={item.to} className="govuk-breadcrumbs__link">
              {item.text}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
