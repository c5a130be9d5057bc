import { describe, expect, it } from 'vitest';
import { actionDraftSchema, canVerify, effectiveStatus, type ActionStatus } from '../../shared/actionStatus.js';

const today = '2025-03-10';
const status = (s: ActionStatus, dueDate: string, on = today) => effectiveStatus({ status: s, dueDate }, on);

describe('effectiveStatus', () => {
  it('is overdue the day after the due date when not complete', () => {
    expect(status('on_track', '2025-03-09')).toBe('overdue');
    expect(status('not_started', '2025-03-09')).toBe('overdue');
    expect(status('at_risk', '2024-11-30')).toBe('overdue');
  });

  it('is not overdue on the due date itself or before it', () => {
    expect(status('on_track', '2025-03-10')).toBe('on_track');
    expect(status('at_risk', '2025-03-11')).toBe('at_risk');
    expect(status('not_started', '2026-01-01')).toBe('not_started');
  });

  it('keeps complete and verified however late', () => {
    expect(status('complete', '2025-03-09')).toBe('complete');
    expect(status('verified', '2020-01-01')).toBe('verified');
  });

  it('compares across month and year ends', () => {
    expect(status('on_track', '2024-12-31', '2025-01-01')).toBe('overdue');
    expect(status('on_track', '2025-02-28', '2025-03-01')).toBe('overdue');
    expect(status('on_track', '2025-03-01', '2025-02-28')).toBe('on_track');
  });

  it('refuses dates that are not YYYY-MM-DD', () => {
    expect(() => status('on_track', '10/03/2025')).toThrow(/dueDate/);
    expect(() => status('on_track', '2025-03-10', '2025-03-10T09:00:00Z')).toThrow(/today/);
  });
});

describe('canVerify', () => {
  it('requires the action to be complete', () => {
    const evidenceOfImpact = 'Re-audit showed consent recorded in 8 of 10 cases.';
    expect(canVerify({ status: 'on_track', evidenceOfImpact })).toBe('mark the action complete before verifying it');
    expect(canVerify({ status: 'verified', evidenceOfImpact })).toBe('the action is already verified');
    expect(canVerify({ status: 'complete', evidenceOfImpact })).toBeNull();
  });

  it('requires evidence of impact: ten characters of text or a linked re-audit', () => {
    expect(canVerify({ status: 'complete', evidenceOfImpact: '' })).toMatch(/evidence of impact/);
    expect(canVerify({ status: 'complete', evidenceOfImpact: '   done     ' })).toMatch(/evidence of impact/);
    expect(canVerify({ status: 'complete', evidenceOfImpact: '123456789' })).toMatch(/evidence of impact/);
    expect(canVerify({ status: 'complete', evidenceOfImpact: '1234567890' })).toBeNull();
    expect(canVerify({ status: 'complete', evidenceOfImpact: '', reauditId: null })).toMatch(/evidence of impact/);
    expect(canVerify({ status: 'complete', evidenceOfImpact: '', reauditId: ' ' })).toMatch(/evidence of impact/);
    expect(
      canVerify({ status: 'complete', evidenceOfImpact: '', reauditId: '5b1f0f8e-2a7c-4a8e-9a43-0d3c2b7e6f10' }),
    ).toBeNull();
  });
});

describe('actionDraftSchema', () => {
  const valid = {
    text: 'Remind MASH staff of the consent guidance in team meetings by April and audit 20 contacts in June.',
    leadAgencyId: '5b1f0f8e-2a7c-4a8e-9a43-0d3c2b7e6f10',
    ownerRole: 'MASH team manager',
    dueDate: '2025-06-30',
    successMeasure: 'Consent or the reason for overriding it recorded in 90% of contacts.',
  };

  it('accepts a complete SMART action and trims text', () => {
    expect(actionDraftSchema.parse({ ...valid, ownerRole: '  MASH team manager ' })).toEqual(valid);
  });

  it('says what is missing, field by field', () => {
    const issues = actionDraftSchema.safeParse({}).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['text', 'describe the action: specific, measurable, achievable, relevant and time-bound'],
      ['leadAgencyId', 'choose the lead agency'],
      ['ownerRole', 'enter the role that owns the action (a role, not a person’s name)'],
      ['dueDate', 'enter the due date as YYYY-MM-DD'],
      ['successMeasure', 'say how success will be measured'],
    ]);
  });

  it('rejects blank text, a non-id agency and an impossible date', () => {
    const message = (patch: Record<string, unknown>) =>
      actionDraftSchema.safeParse({ ...valid, ...patch }).error?.issues[0]?.message;
    expect(message({ text: '   ' })).toMatch(/^describe the action/);
    expect(message({ successMeasure: '' })).toBe('say how success will be measured');
    expect(message({ leadAgencyId: 'police' })).toBe('choose the lead agency');
    expect(message({ dueDate: '2025-02-30' })).toBe('enter the due date as YYYY-MM-DD');
    expect(message({ dueDate: '30/06/2025' })).toBe('enter the due date as YYYY-MM-DD');
    expect(message({ ownerRole: 'x'.repeat(201) })).toBe('at most 200 characters');
    expect(message({ status: 'complete' })).toBeDefined(); // drafts carry no status
  });
});
