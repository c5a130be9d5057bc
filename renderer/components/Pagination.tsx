import { pageItems } from '../lib/pagination.js';
import { Link } from './Link.js';

interface Props {
  page: number;
  pageCount: number;
  /** The route of a page, e.g. the tracker's filters with `page=N`. */
  pathOf: (page: number) => string;
  /** The navigation landmark's name. */
  label?: string;
}

/**
 * The GOV.UK Design System's pagination for a list of results: Previous and Next links, the first,
 * last and current page numbers (and one either side), ellipses for the pages in between. Pages are
 * links to routes, so the browser's Back and Forward move between them. Nothing shows for one page.
 */
export function Pagination({ page, pageCount, pathOf, label = 'Results pages' }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav className="govuk-pagination app-pagination--numbered" aria-label={label}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link to={pathOf(page - 1)} className="govuk-link govuk-pagination__link" rel="prev">
            <ArrowIcon direction="prev" />
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageItems(page, pageCount).map((item, i) =>
          item === 'ellipsis' ? (
            <li key={`ellipsis-${i}`} className="govuk-pagination__item govuk-pagination__item--ellipsis">
              {'\u22ef'}
            </li>
          ) : (
            <li
              key={item}
              className={
                item === page ? 'govuk-pagination__item govuk-pagination__item--current' : 'govuk-pagination__item'
              }
            >
              <Link
                to={pathOf(item)}
                className="govuk-link govuk-pagination__link"
                aria-label={`Page ${item}`}
                aria-current={item === page ? 'page' : undefined}
              >
                {item}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <Link to={pathOf(page + 1)} className="govuk-link govuk-pagination__link" rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            <ArrowIcon direction="next" />
          </Link>
        </div>
      ) : null}
    </nav>
  );
}

// The arrows of the GOV.UK Design System's pagination component.
const ARROWS = {
  prev: 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z',
  next: 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z',
};

function ArrowIcon({ direction }: { direction: 'prev' | 'next' }) {
  return (
    <svg
      className={`govuk-pagination__icon govuk-pagination__icon--${direction}`}
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d={ARROWS[direction]} />
    </svg>
  );
}
