// Two or more real installations (separate encrypted database files) for bundle tests: auditors who
// sign and export, and the QA sub-committee that imports.
import { join } from 'node:path';
import { openApp, type CaseAuditApp } from '../../electron/app.js';
import type { Api } from '../../shared/contract.js';
import type { AnswerValue } from '../../shared/answer.js';
import { checklistProgress } from '../../shared/checklistRules.js';
import type { Question } from '../../shared/template.js';
import { apiOver } from './client.js';
import { agencyId, setUpBoard } from './fixtures.js';

export interface Installation {
  app: CaseAuditApp;
  api: Api;
  path: string;
}

export async function installation(dir: string, name: string, person: { name: string; role: string; agency: string }): Promise<Installation> {
  const path = join(dir, `${name}.db`);
  const app = openApp(path, { key: Buffer.alloc(32, name.length), actor: name, dailyBackup: false });
  const api = apiOver(app.dispatch);
  await setUpBoard(api);
  await api['identity.create'](person);
  return { app, api, path };
}

/** Each trusts the other: the QA installation trusts the auditor's signature, the auditor encrypts to QA. */
export async function introduce(auditor: Installation, qa: Installation): Promise<void> {
  await qa.api['trust.enrol']({ card: (await auditor.api['identity.card']({})).json });
  await auditor.api['trust.enrol']({ card: (await qa.api['identity.card']({})).json, asRecipient: true });
}

export function valueFor(q: Question, pick = 0): AnswerValue {
  switch (q.type) {
    case 'grade':
      return (['good', 'requires_improvement', 'outstanding', 'inadequate'] as const)[pick % 4]!;
    case 'rag':
      return (['green', 'amber', 'red'] as const)[pick % 3]!;
    case 'yes_partly_no':
      return (['yes', 'no', 'partly'] as const)[pick % 3]!;
    case 'single_choice':
      return q.options![pick % q.options!.length]!.value;
    case 'multiple_choice':
      return [q.options![pick % q.options!.length]!.value];
    case 'number':
      return q.min ?? 0;
    case 'date':
      return '2017-03-01';
    default:
      return `Evidence seen in the record (${pick}).`;
  }
}

/** A complete audit: cases, every checklist answered and complete, a finding, a recommendation, an action. */
export async function completeAudit(api: Api, title: string, options: { cases?: number; templateId?: string; seed?: number } = {}): Promise<string> {
  const board = (await api['board.get']({}))!;
  const agencies = [agencyId(board, "Children's social care"), agencyId(board, 'Police'), agencyId(board, 'Health')];
  const audit = await api['audits.create']({ title, templateId: options.templateId ?? 'mash-front-door' });
  await api['audits.update']({ auditId: audit.id, purpose: 'To test whether the front door makes timely, consistent decisions.' });
  const seed = options.seed ?? 0;
  for (let i = 0; i < (options.cases ?? 2); i++) {
    await api['cases.add']({ auditId: audit.id, reference: `C-${String(i + 1).padStart(3, '0')}`, ageBand: '10-13', gender: i % 2 ? 'male' : 'female', ethnicity: 'white', disability: 'no', planType: 'child_in_need', agencyIds: agencies.slice(0, 1 + ((i + seed) % 3)) });
  }
  const detail = await api['audits.get']({ auditId: audit.id });
  for (const k of detail.checklists) {
    const { template } = await api['checklists.get']({ checklistId: k.id });
    const given = new Map<string, { value: AnswerValue; notApplicableReason: string }>();
    for (let round = 0; round < 10; round++) {
      const { missing } = checklistProgress(template, k.agencyKind, given);
      if (missing.length === 0) break;
      for (const [n, q] of missing.entries()) {
        const value = valueFor(q, n + seed);
        await api['answers.save']({ checklistId: k.id, questionId: q.id, value, evidence: `Note ${n}` });
        given.set(q.id, { value, notApplicableReason: '' });
      }
    }
    await api['checklists.complete']({ checklistId: k.id });
  }
  const caseIds = detail.cases.map((c) => c.id);
  const finding = await api['findings.save']({ auditId: audit.id, kind: 'strength', text: 'Decisions were timely in most cases.', origin: 'own', caseIds, questionIds: [], themes: ['timeliness'] });
  const rec = await api['recommendations.save']({ auditId: audit.id, text: 'Keep the 24-hour standard.', findingIds: [finding.id] });
  await api['actions.save']({ auditId: audit.id, recommendationId: rec.id, text: 'Report MASH timeliness monthly to the QA sub-committee.', leadAgencyId: agencies[0]!, ownerRole: 'MASH manager', dueDate: '2027-03-31', successMeasure: '95% of decisions within 24 hours' });
  return audit.id;
}

export async function sign(api: Api, auditId: string) {
  const preview = await api['audits.signingPreview']({ auditId });
  if (preview.blockers.length) throw new Error(preview.blockers.join('; '));
  return api['audits.sign']({ auditId, contentHash: preview.contentHash });
}

export const tableCounts = (app: CaseAuditApp) =>
  Object.fromEntries(
    ['audit', 'audit_case', 'checklist', 'answer', 'finding', 'recommendation', 'action', 'audit_revision', 'imported_bundle', 'quarantine', 'agency', 'template'].map((t) => [
      t,
      (app.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );
