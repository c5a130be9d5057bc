import type { TrustedKey } from '../../../shared/identity.js';
import { longDate } from '../../lib/format.js';
import { Tag } from '../Tag.js';

/** A trusted key's standing: revoked (with when and why), the QA sub-committee's recipient key, or trusted. */
export function KeyStatus({ trusted }: { trusted: TrustedKey }) {
  if (trusted.revokedAt) {
    return (
      <>
        <Tag colour="red">Revoked</Tag>
        <span className="app-grid-cell-meta">
          On {longDate(trusted.revokedAt)}: {trusted.revokedReason ?? 'no reason recorded'}
        </span>
      </>
    );
  }
  return (
    <>
      <span className="app-tag-list">
        <Tag colour="green">Trusted</Tag>
        {trusted.isRecipient ? <Tag colour="blue">QA sub-committee</Tag> : null}
      </span>
      {trusted.isRecipient ? (
        <span className="app-grid-cell-meta">The bundles you export are encrypted to it.</span>
      ) : null}
    </>
  );
}
