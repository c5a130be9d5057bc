import type { ReactNode } from 'react';

export type TagColour = 'grey' | 'green' | 'blue' | 'light-blue' | 'yellow' | 'red' | 'purple';

export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={colour ? `govuk-tag govuk-tag--${colour}` : 'govuk-tag'}>{children}</strong>;
}
