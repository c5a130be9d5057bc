// The checks a case's details pass whether it is added or corrected: the same refusals, with the same
// paths, so a form shows each at its field either way.
import { flagCaseReference } from '../../shared/caseReference.js';
import { fieldError } from '../../shared/errors.js';
import type { ServiceContext } from './context.js';

/**
 * The trimmed reference and its flags; refused when it looks like a personal identifier (unless
 * confirmed) or another case of the audit has it already.
 */
export function checkCaseReference(
  ctx: ServiceContext,
  auditId: string,
  rawReference: string,
  confirmReference: boolean,
  ownCaseId?: string,
): { reference: string; flags: string[] } {
  const reference = rawReference.trim();
  const flags = flagCaseReference(reference);
  if (flags.length > 0 && !confirmReference) {
    throw fieldError(
      'VALIDATION',
      ['reference'],
      `"${reference}" ${flags.map((f) => f.message).join(' and ')}. Use a pseudonymised reference, or confirm it is not a personal identifier.`,
    );
  }
  const holder = ctx.repos.audits.caseWithReference(auditId, reference);
  if (holder !== undefined && holder !== ownCaseId) {
    throw fieldError('CONFLICT', ['reference'], `this audit already has a case "${reference}".`);
  }
  return { reference, flags: flags.map((f) => f.code) };
}

/**
 * The agencies chosen, without repeats; each must exist, and be active unless it is one the case
 * already has (an agency made inactive later stays on the cases it was involved in).
 */
export function checkCaseAgencies(
  ctx: ServiceContext,
  agencyIds: readonly string[],
  kept: ReadonlySet<string> = new Set(),
): string[] {
  agencyIds.forEach((agencyId, i) => {
    const agency = ctx.repos.board.agency(agencyId);
    if (!agency) throw fieldError('NOT_FOUND', ['agencyIds', i], `no such agency`);
    if (!agency.active && !kept.has(agencyId))
      throw fieldError('VALIDATION', ['agencyIds', i], `${agency.name} is no longer active`);
  });
  return [...new Set(agencyIds)];
}
