// The partnership's words for the personal-data detector (settings), and dismissing a flagged
// passage before signing. The detector itself is pure (shared/personalData/); this is where it learns
// the partnership's local words and where the auditor's decisions are recorded.
import { createHash } from 'node:crypto';
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError } from '../../shared/errors.js';
import type { DetectorOptions } from '../../shared/personalData/detect.js';
import type { PassageField } from '../../shared/personalData/passages.js';
import {
  personalDataTermsSchema,
  type PersonalDataDismissal,
  type PersonalDataTerms,
  type PersonalDataTermsView,
} from '../../shared/personalData/review.js';
import type { ServiceContext } from './context.js';

const SETTING = 'personalDataTerms';

export const passageTextHash = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

/** The partnership's lists as stored (empty when never set, or when what is stored no longer parses). */
export function personalDataTerms(ctx: ServiceContext): PersonalDataTerms {
  const parsed = personalDataTermsSchema.safeParse(ctx.repos.settings.get(SETTING));
  return parsed.success ? parsed.data : { excludedTerms: [], extraNames: [] };
}

/** The detector's options for this installation: its lists, and the board's and agencies' own names. */
export function detectorOptions(ctx: ServiceContext): Required<DetectorOptions> {
  const { excludedTerms, extraNames } = personalDataTerms(ctx);
  return { excludedTerms: [...excludedTerms, ...boardTerms(ctx)], extraNames };
}

function boardTerms(ctx: ServiceContext): string[] {
  const board = ctx.repos.board.get();
  return board ? [board.name, ...board.agencies.map((a) => a.name)] : [];
}

/** The dismissals of an audit, looked up by field and text, for personalDataInRevision. */
export function dismissalLookup(
  ctx: ServiceContext,
  auditId: string,
): (field: PassageField, text: string) => PersonalDataDismissal | null {
  const rows = ctx.repos.personalData.dismissals(auditId);
  return (field, text) => rows.get(`${field}:${passageTextHash(text)}`) ?? null;
}

export function personalDataService(
  ctx: ServiceContext,
): Pick<ServiceHandlers, 'personalData.terms' | 'personalData.setTerms' | 'personalData.dismiss'> {
  const view = (): PersonalDataTermsView => ({ ...personalDataTerms(ctx), boardTerms: boardTerms(ctx) });
  return {
    'personalData.terms': () => view(),
    'personalData.setTerms': (terms) =>
      ctx.tx(() => {
        const before = personalDataTerms(ctx);
        ctx.repos.settings.put(SETTING, terms, ctx.now());
        ctx.log('setting', SETTING, 'update', before, terms);
        return view();
      }),
    'personalData.dismiss': ({ auditId, field, text, where }) =>
      ctx.tx(() => {
        const audit = ctx.repos.audits.get(auditId);
        if (!audit) throw new AppError('NOT_FOUND', 'No such audit.');
        if (audit.status !== 'in_progress')
          throw new AppError('CONFLICT', `Revision ${audit.revision} is signed: start a new revision to change it.`);
        const textHash = passageTextHash(text);
        const person = ctx.repos.identity.own()?.name ?? null;
        const dismissedAt = ctx.now();
        const added = ctx.repos.personalData.dismiss({
          id: ctx.newId(),
          auditId,
          field,
          textHash,
          place: where,
          actor: ctx.actor,
          person,
          dismissedAt,
        });
        // The log names the passage by its hash and place, never by its text: it may hold personal data.
        if (added) ctx.log('personal_data_dismissal', auditId, 'dismiss', null, { field, textHash, where, person });
        const dismissal = ctx.repos.personalData.dismissals(auditId).get(`${field}:${textHash}`)!;
        return dismissal;
      }),
  };
}
