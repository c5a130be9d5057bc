import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { href } from '../router.js';

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children: ReactNode };

/** A link to a route of the app (a path such as /audits/ID). */
export function Link({ to, className = 'govuk-link', children, ...rest }: Props) {
  return (
    <a href={href(to)} className={className} {...rest}>
      {children}
    </a>
  );
}
