// Which small-sample threshold applies to an audit's shares: the board's setting as it is now for a
// draft, and for a signed revision the one recorded in it when it was signed, so nothing drawn from a
// signed revision changes when the board changes the setting later.
import type { AuditSummary } from '../../shared/audit.js';
import type { RevisionContent } from '../../shared/bundle.js';
import { DEFAULT_SMALL_SAMPLE } from '../../shared/proportions.js';
import { smallSampleThresholdSchema } from '../../shared/settings.js';
import type { ServiceContext } from './context.js';

/** The board's small-sample threshold as it is now (what drafts use). */
export function smallSampleThreshold(ctx: ServiceContext): number {
  const parsed = smallSampleThresholdSchema.safeParse(ctx.repos.settings.get('smallSample'));
  return parsed.success ? parsed.data : DEFAULT_SMALL_SAMPLE;
}

/** A signed revision's threshold; revisions signed before it was recorded used the default. */
export const signedSmallSample = (content: Pick<RevisionContent, 'audit'>): number =>
  content.audit.thresholds.smallSample ?? DEFAULT_SMALL_SAMPLE;

// A signed revision cannot change, so its threshold is read from its content (megabytes) once.
const signedThresholds = new WeakMap<ServiceContext, Map<string, number>>();

/** The threshold for this audit as it stands: recorded at signing when signed, the setting otherwise. */
export function smallSampleFor(ctx: ServiceContext, audit: Pick<AuditSummary, 'id' | 'status' | 'revision'>): number {
  if (audit.status !== 'signed') return smallSampleThreshold(ctx);
  let kept = signedThresholds.get(ctx);
  if (!kept) signedThresholds.set(ctx, (kept = new Map()));
  const key = `${audit.id}|${audit.revision}`;
  const known = kept.get(key);
  if (known !== undefined) return known;
  const latest = ctx.repos.bundles.latestRevision(audit.id);
  if (!latest || latest.revision !== audit.revision) return smallSampleThreshold(ctx);
  const threshold = signedSmallSample(JSON.parse(latest.content) as RevisionContent);
  kept.set(key, threshold);
  return threshold;
}
