// Two or more real installations (separate encrypted database files) for bundle tests: auditors who
// sign and export, and the QA sub-committee that imports.
import { join } from 'node:path';
import { openApp, type CaseAuditApp } from '../../electron/app.js';
import type { Api } from '../../shared/contract.js';
import { buildDemoAudit } from '../../electron/demo/demoAudit.js';
import { apiOver } from './client.js';
import { agencyId, setUpBoard } from './fixtures.js';

export interface Installation {
  app: CaseAuditApp;
  api: Api;
  path: string;
}

export async function installation(
  dir: string,
  name: string,
  person: { name: string; role: string; agency: string },
): Promise<Installation> {
  const path = join(dir, `${name}.db`);
  const app = openApp(path, { key: Buffer.alloc(32, name.length), actor: name, dailyBackup: false });
  const api = apiOver(app.dispatch);
  await setUpBoard(api);
  await api['identity.create'](person);
  return { app, api, path };
}

/** Each trusts the other: the QA installation trusts the auditor's signature, the auditor encrypts to QA. */
export async function introduce(auditor: Installation, qa: Installation): Promise<void> {
  await qa.api['trust.enrol']({ card: (await auditor.api['identity.card']({})).json, safetyNumberCompared: true });
  await auditor.api['trust.enrol']({
    card: (await qa.api['identity.card']({})).json,
    asRecipient: true,
    safetyNumberCompared: true,
  });
}

/** The usual pair of bundle tests: an auditor and the QA sub-committee, introduced to each other. */
export async function auditorAndQa(dir: string): Promise<{ auditor: Installation; qa: Installation }> {
  const auditor = await installation(dir, 'auditor', {
    name: 'Sam Auditor',
    role: 'Independent auditor',
    agency: 'Ind',
  });
  const qa = await installation(dir, 'qa', { name: 'QA Chair', role: 'Chair', agency: 'Northshire SCP' });
  await introduce(auditor, qa);
  return { auditor, qa };
}

/** A complete audit built by the same code as `case-audit demo`. */
export async function completeAudit(
  api: Api,
  title: string,
  options: { cases?: number; templateId?: string; seed?: number; reauditOf?: string } = {},
): Promise<string> {
  const board = (await api['board.get']({}))!;
  const agencyIds = [agencyId(board, "Children's social care"), agencyId(board, 'Police'), agencyId(board, 'Health')];
  return buildDemoAudit(api, {
    title,
    agencyIds,
    cases: options.cases ?? 2,
    seed: options.seed ?? 7,
    ...(options.templateId ? { templateId: options.templateId } : {}),
    ...(options.reauditOf ? { reauditOf: options.reauditOf } : {}),
  });
}

export async function sign(api: Api, auditId: string) {
  const preview = await api['audits.signingPreview']({ auditId });
  if (preview.blockers.length) throw new Error(preview.blockers.join('; '));
  return api['audits.sign']({ auditId, contentHash: preview.contentHash });
}

/** Starts a new revision of a local audit, changes its first action's text, and signs it; the action's id. */
export async function reviseActionText(inst: Installation, auditId: string, text: string): Promise<string> {
  await inst.api['audits.newRevision']({ auditId });
  const action = (await inst.api['actions.list']({ auditId }))[0]!;
  await inst.api['actions.save']({
    id: action.id,
    auditId,
    recommendationId: action.recommendationId,
    text,
    leadAgencyId: action.leadAgencyId,
    ownerRole: action.ownerRole,
    dueDate: action.dueDate,
    successMeasure: action.successMeasure,
  });
  await sign(inst.api, auditId);
  return action.id;
}

/** The audit's latest signed revision exported unencrypted, as the bundle's bytes. */
export const exportedBytes = async (inst: Installation, auditId: string) =>
  Buffer.from((await inst.api['bundles.export']({ auditId, encrypt: false })).base64, 'base64');

export const tableCounts = (app: CaseAuditApp) =>
  Object.fromEntries(
    [
      'audit',
      'audit_case',
      'checklist',
      'answer',
      'finding',
      'recommendation',
      'action',
      'audit_revision',
      'imported_bundle',
      'quarantine',
      'agency',
      'template',
    ].map((t) => [t, (app.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
