// The one API of Case Audit: method name → zod input and output schemas. The Electron IPC relay,
// the browser host and the tests all dispatch through this map, and the services' handler map is
// typed by it, so a missing or misspelt method is a compile error.
import { z } from 'zod';
import { answerSaveSchema, answerSchema } from './answer.js';
import {
  auditCreateSchema,
  auditDeletedSchema,
  auditDeleteInputSchema,
  auditDetailSchema,
  auditListInputSchema,
  auditSummarySchema,
  checklistDetailSchema,
  checklistSummarySchema,
} from './audit.js';
import {
  auditCaseSchema,
  caseDescriptorSchema,
  caseRemovedSchema,
  caseRemoveInputSchema,
  caseUpdateInputSchema,
} from './auditCase.js';
import { agencyDraftSchema, boardSchema, boardSetupSchema } from './board.js';
import { idSchema, isoDateTime } from './ids.js';
import {
  legalHoldReleaseSchema,
  legalHoldSchema,
  legalHoldSetSchema,
  retentionDeletedSchema,
  retentionDeleteSchema,
  retentionReviewSchema,
  retentionSettingsSchema,
} from './retention.js';
import type { MethodName, SessionMethod } from './methodNames.js';
import {
  backupInfoSchema,
  idleLockMinutesSchema,
  newPassphraseSchema,
  sessionStatusSchema,
  smallSampleSettingSchema,
} from './settings.js';
import { templateSchema } from './template.js';
import { recoverInputSchema } from './recoveryKey.js';
import { analysisSchema, auditSettingsSchema } from './analysis.js';
import { dashboardSchema, searchHitSchema, searchInputSchema } from './dashboard.js';
import { indexingStatusSchema } from './searchIndexing.js';
import {
  panelCreateSchema,
  panelFollowUpSchema,
  panelItemSaveSchema,
  panelOutcomeSetSchema,
  panelSchema,
} from './panel.js';
import { attendeeSchema } from './review.js';
import { importOutcomeSchema, MAX_BUNDLE_BYTES, revisionContentSchema } from './bundle.js';
import {
  encryptionKeyInfoSchema,
  fingerprintSchema,
  identityBackupSchema,
  identityCardSchema,
  identityRestoreSchema,
  identitySchema,
  personSchema,
  trustedKeySchema,
} from './identity.js';
import {
  actionFilterSchema,
  actionPageInputSchema,
  actionPageSchema,
  actionSaveSchema,
  actionListItemSchema,
  actionSchema,
  actionUpdateInputSchema,
  actionVerifySchema,
} from './actionPlan.js';
import {
  caseGradeInputSchema,
  caseGradeSchema,
  discussionInputSchema,
  discussionSchema,
  findingInputSchema,
  findingSchema,
  recommendationInputSchema,
  recommendationSchema,
} from './review.js';
import { templateSummarySchema } from './templateSummary.js';
import { draftCreateSchema, templateDraftSchema, templateDraftSummarySchema } from './templateDraft.js';
import { MAX_TEMPLATE_FILE_BYTES } from './templateFile.js';
import { jobIdInputSchema, jobResultSchema, jobStartSchema, jobStatusSchema } from './jobs.js';
import { personalDataSummarySchema } from './personalData/passages.js';
import {
  plannedAuditSaveSchema,
  plannedAuditSchema,
  programmeListInputSchema,
  programmeSchema,
  programmeSettingsSchema,
} from './programme.js';
import {
  actionsExportSchema,
  answersExportSchema,
  blankToolExportSchema,
  exportFileSchema,
  programmeExportSchema,
} from './exports.js';
import { managedPolicySchema } from './policy.js';
import { aboutSchema, diagnosticsFileSchema } from './diagnostics.js';
import { reminderSettingsSchema, remindersSchema } from './reminders.js';
import {
  dismissPassageSchema,
  personalDataDismissalSchema,
  personalDataTermsSchema,
  personalDataTermsViewSchema,
} from './personalData/review.js';

const empty = z.strictObject({});

export const contract = {
  'app.info': {
    input: empty,
    output: z.strictObject({ version: z.string(), schemaVersion: z.number().int(), databasePath: z.string() }),
  },
  // Versions and paths for the About screen; the diagnostics file for the IT desk (no personal data).
  'app.about': { input: empty, output: aboutSchema },
  'app.diagnostics': { input: empty, output: diagnosticsFileSchema },
  'session.status': { input: empty, output: sessionStatusSchema },
  'session.lock': { input: empty, output: sessionStatusSchema },
  'session.unlock': {
    input: z.strictObject({ passphrase: z.string().min(1, 'enter your passphrase').max(1024) }),
    output: sessionStatusSchema,
  },
  // The recovery key is answered this once; it is not stored.
  'session.create': {
    input: newPassphraseSchema,
    output: sessionStatusSchema.extend({ recoveryKey: z.string() }),
  },
  // Forgotten passphrase: the recovery key unwraps the database key, and a new passphrase is set.
  'session.recover': { input: recoverInputSchema, output: sessionStatusSchema },
  // A recovery key for a database made without one (or to replace one): asks for the passphrase.
  'session.newRecoveryKey': {
    input: z.strictObject({ passphrase: z.string().min(1, 'enter your passphrase').max(1024) }),
    output: z.strictObject({ recoveryKey: z.string() }),
  },
  'backups.list': { input: empty, output: z.array(backupInfoSchema) },
  'backups.create': { input: empty, output: backupInfoSchema },
  'retention.settings': { input: empty, output: retentionSettingsSchema },
  'retention.setSettings': { input: retentionSettingsSchema, output: retentionSettingsSchema },
  'retention.review': { input: empty, output: retentionReviewSchema },
  'retention.delete': { input: retentionDeleteSchema, output: retentionDeletedSchema },
  'legalHold.set': { input: legalHoldSetSchema, output: legalHoldSchema },
  'legalHold.release': {
    input: legalHoldReleaseSchema,
    output: z.strictObject({ auditId: idSchema, releasedBy: z.string(), releasedAt: isoDateTime }),
  },
  'session.restore': {
    // Restoring replaces the whole database, so it asks for the passphrase again.
    input: z.strictObject({
      name: z.string().regex(/^[^/\\]+\.db$/, 'choose a backup from the list'),
      passphrase: z.string().min(1, 'enter your passphrase').max(1024),
    }),
    output: z.strictObject({ restored: z.string(), kept: z.string().nullable(), status: sessionStatusSchema }),
  },
  'settings.setIdleLock': { input: z.strictObject({ minutes: idleLockMinutesSchema }), output: sessionStatusSchema },
  // The board's small-sample threshold: drafts use it as it is now, a signed revision the one it recorded.
  'settings.smallSample': { input: empty, output: smallSampleSettingSchema },
  'settings.setSmallSample': { input: smallSampleSettingSchema, output: smallSampleSettingSchema },
  // What the organisation manages on this machine (electron/policy.ts), for the screens to show.
  'settings.policy': { input: empty, output: managedPolicySchema },
  'board.get': { input: empty, output: boardSchema.nullable() },
  'board.setup': { input: boardSetupSchema, output: boardSchema },
  'agencies.save': {
    input: z.strictObject({ agencies: z.array(agencyDraftSchema).min(1).max(100) }),
    output: boardSchema,
  },
  'templates.list': { input: empty, output: z.array(templateSummarySchema) },
  'templates.get': {
    input: z.strictObject({ id: z.string().min(1).max(80), version: z.number().int().min(1) }),
    output: templateSchema,
  },
  'templates.export': {
    input: z.strictObject({ id: z.string().min(1).max(80), version: z.number().int().min(1) }),
    output: z.strictObject({ fileName: z.string(), json: z.string() }),
  },
  'templates.import': {
    // The file's text; its size and content are checked by the service with path-named errors.
    input: z.strictObject({
      json: z.string().max(MAX_TEMPLATE_FILE_BYTES * 2, 'a template file may be at most 1 MiB'),
    }),
    output: templateSummarySchema,
  },
  'templateDrafts.list': { input: empty, output: z.array(templateDraftSummarySchema) },
  'templateDrafts.create': { input: draftCreateSchema, output: templateDraftSchema },
  'templateDrafts.get': { input: z.strictObject({ draftId: idSchema }), output: templateDraftSchema },
  'templateDrafts.save': {
    input: z.strictObject({ draftId: idSchema, template: templateSchema }),
    output: templateDraftSchema,
  },
  'templateDrafts.publish': { input: z.strictObject({ draftId: idSchema }), output: templateSummarySchema },
  'templateDrafts.discard': {
    input: z.strictObject({ draftId: idSchema }),
    output: z.strictObject({ discarded: z.literal(true) }),
  },
  // The working list by default: archived audits only when asked for.
  'audits.list': { input: auditListInputSchema, output: z.array(auditSummarySchema) },
  'audits.create': { input: auditCreateSchema, output: auditSummarySchema },
  'audits.get': { input: z.strictObject({ auditId: idSchema }), output: auditDetailSchema },
  'cases.add': {
    input: caseDescriptorSchema.extend({
      auditId: idSchema,
      // A reference that looks like a name or identifier is refused unless the auditor confirms it is not one.
      confirmReference: z.boolean().default(false),
    }),
    output: auditCaseSchema,
  },
  // Corrections before signing, checked as when the case was added; each in the change log.
  'cases.update': { input: caseUpdateInputSchema, output: auditCaseSchema },
  'cases.remove': { input: caseRemoveInputSchema, output: caseRemovedSchema },
  // Archived audits leave the working lists but stay in history, search and reports.
  'audits.archive': { input: z.strictObject({ auditId: idSchema }), output: auditSummarySchema },
  'audits.unarchive': { input: z.strictObject({ auditId: idSchema }), output: auditSummarySchema },
  // Only an audit never signed: every row of it goes, in one transaction.
  'audits.delete': { input: auditDeleteInputSchema, output: auditDeletedSchema },
  'audits.update': { input: auditSettingsSchema, output: auditSummarySchema },
  'audits.startReaudit': {
    input: z.strictObject({
      auditId: idSchema,
      title: z.string().trim().min(1, 'enter a title for the re-audit').max(200),
      templateVersion: z.number().int().min(1).optional(),
    }),
    output: auditSummarySchema,
  },
  'audits.analysis': { input: z.strictObject({ auditId: idSchema }), output: analysisSchema },
  'grades.set': { input: caseGradeInputSchema, output: caseGradeSchema },
  'discussions.save': { input: discussionInputSchema, output: discussionSchema },
  'findings.list': { input: z.strictObject({ auditId: idSchema }), output: z.array(findingSchema) },
  'findings.save': { input: findingInputSchema, output: findingSchema },
  // Several new findings of one audit (related suggestions accepted together): all are added or none.
  'findings.addMany': {
    input: z.strictObject({
      auditId: idSchema,
      findings: z
        .array(findingInputSchema.omit({ id: true, auditId: true }))
        .min(1)
        .max(100),
    }),
    output: z.array(findingSchema),
  },
  'findings.remove': {
    input: z.strictObject({ findingId: idSchema }),
    output: z.strictObject({ removed: z.literal(true) }),
  },
  'recommendations.list': { input: z.strictObject({ auditId: idSchema }), output: z.array(recommendationSchema) },
  'recommendations.save': { input: recommendationInputSchema, output: recommendationSchema },
  'recommendations.remove': {
    input: z.strictObject({ recommendationId: idSchema }),
    output: z.strictObject({ removed: z.literal(true) }),
  },
  'actions.list': { input: actionFilterSchema, output: z.array(actionListItemSchema) },
  // The tracker's list: one page of the same order, with the total and the counts by status.
  'actions.page': { input: actionPageInputSchema, output: actionPageSchema },
  'actions.get': { input: z.strictObject({ actionId: idSchema }), output: actionSchema },
  'actions.save': { input: actionSaveSchema, output: actionSchema },
  'actions.addUpdate': { input: actionUpdateInputSchema, output: actionSchema },
  'actions.verify': { input: actionVerifySchema, output: actionSchema },
  'identity.get': { input: empty, output: identitySchema.nullable() },
  'identity.create': { input: personSchema, output: identitySchema },
  'identity.card': {
    input: empty,
    output: z.strictObject({ fileName: z.string(), json: z.string(), card: identityCardSchema }),
  },
  // A backup of this identity's private keys, encrypted with a passphrase of its own (not the database's).
  'identity.exportBackup': {
    input: z.strictObject({ passphrase: newPassphraseSchema.shape.passphrase }),
    output: identityBackupSchema,
  },
  'identity.importBackup': {
    input: z.strictObject({
      backup: z.string().max(100_000, 'an identity backup is a small file'),
      passphrase: z.string().min(1, 'enter the backup’s passphrase').max(1024),
    }),
    output: identityRestoreSchema,
  },
  'identity.encryptionKeys': { input: empty, output: z.array(encryptionKeyInfoSchema) },
  // A new encryption key; the old one is kept to open bundles already made for it.
  'identity.rotateEncryptionKey': {
    input: empty,
    output: z.strictObject({ identity: identitySchema, keys: z.array(encryptionKeyInfoSchema) }),
  },
  'trust.list': { input: empty, output: z.array(trustedKeySchema) },
  // Every key exported bundles are encrypted to (each QA member, an escrow key).
  'recipients.list': { input: empty, output: z.array(trustedKeySchema) },
  'trust.setRecipients': {
    input: z.strictObject({ fingerprints: z.array(fingerprintSchema).max(64) }),
    output: z.array(trustedKeySchema),
  },
  'trust.enrol': {
    input: z.strictObject({
      card: z.string().max(20000, 'an identity card is a small JSON file'),
      asRecipient: z.boolean().default(false),
      // The person confirms they compared the key's safety number with its owner, out of band.
      safetyNumberCompared: z.boolean(),
    }),
    output: trustedKeySchema,
  },
  'trust.revoke': {
    input: z.strictObject({
      fingerprint: fingerprintSchema,
      reason: z.string().trim().min(1, 'say why the key is revoked').max(1000),
    }),
    output: trustedKeySchema,
  },
  'trust.setRecipient': {
    input: z.strictObject({ fingerprint: fingerprintSchema.nullable() }),
    output: z.array(trustedKeySchema),
  },
  'audits.signingPreview': {
    // `withContent`: the content itself as well, for "check your answers" to show what is signed.
    input: z.strictObject({ auditId: idSchema, withContent: z.boolean().optional() }),
    output: z.strictObject({
      auditId: idSchema,
      revision: z.number().int(),
      contentHash: z.string(),
      counts: z.strictObject({
        cases: z.number().int(),
        checklists: z.number().int(),
        answers: z.number().int(),
        findings: z.number().int(),
        recommendations: z.number().int(),
        actions: z.number().int(),
      }),
      blockers: z.array(z.string()),
      signer: identitySchema.nullable(),
      // What looks like personal data in the free text being signed, passage by passage, for the
      // auditor to confirm or fix before signing.
      personalData: personalDataSummarySchema.optional(),
      // Without who signs and when: those are shown as `signer`, and are not known before signing.
      content: revisionContentSchema.omit({ signer: true, signedAt: true }).optional(),
    }),
  },
  // The partnership's words for the personal-data detector: local words that are not names, and added names.
  'personalData.terms': { input: empty, output: personalDataTermsViewSchema },
  'personalData.setTerms': { input: personalDataTermsSchema, output: personalDataTermsViewSchema },
  // The auditor confirms a flagged passage holds no personal data (this exact text, in this field).
  'personalData.dismiss': { input: dismissPassageSchema, output: personalDataDismissalSchema },
  'audits.sign': {
    input: z.strictObject({
      auditId: idSchema,
      contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'sign exactly what was previewed'),
    }),
    output: auditSummarySchema,
  },
  'audits.newRevision': { input: z.strictObject({ auditId: idSchema }), output: auditSummarySchema },
  'bundles.export': {
    input: z.strictObject({ auditId: idSchema, encrypt: z.boolean().optional() }),
    output: z.strictObject({ fileName: z.string(), base64: z.string(), encrypted: z.boolean(), bundleId: idSchema }),
  },
  'bundles.import': {
    input: z.strictObject({
      fileName: z.string().min(1).max(255),
      base64: z.string().max(Math.ceil((MAX_BUNDLE_BYTES * 4) / 3) + 8, 'the file is larger than a bundle may be'),
      // The other board's name the person agreed to import from (a bundle from another board is held otherwise).
      acceptBoard: z.string().max(200).optional(),
    }),
    output: importOutcomeSchema,
  },
  'quarantine.list': {
    input: empty,
    output: z.array(
      z.strictObject({
        id: idSchema,
        fileName: z.string(),
        signerFingerprint: z.string(),
        signerName: z.string(),
        signerRole: z.string(),
        signerAgency: z.string(),
        auditTitle: z.string(),
        receivedAt: z.string(),
        auditId: idSchema.nullable(),
        // Why it waits: its key is not trusted, or the audit here is pinned to another key.
        reason: z.enum(['unknown_signer', 'different_signer']),
        // The key the audit is pinned to here, when the bundle is for an audit already imported.
        pinnedFingerprint: z.string().nullable(),
      }),
    ),
  },
  'quarantine.accept': {
    input: z.strictObject({
      quarantineId: idSchema,
      safetyNumberCompared: z.boolean(),
      acceptBoard: z.string().max(200).optional(),
      // The explicit decision that this bundle's signer may take over an audit pinned to another key.
      acceptDifferentSigner: z.boolean().optional(),
    }),
    output: importOutcomeSchema,
  },
  'quarantine.reject': {
    input: z.strictObject({ quarantineId: idSchema }),
    output: z.strictObject({ removed: z.literal(true) }),
  },
  'panels.list': { input: z.strictObject({ auditId: idSchema.optional() }), output: z.array(panelSchema) },
  'panels.create': { input: panelCreateSchema, output: panelSchema },
  'panels.get': { input: z.strictObject({ panelId: idSchema }), output: panelSchema },
  'panels.update': {
    input: z.strictObject({
      panelId: idSchema,
      title: z.string().trim().min(1, 'enter a title for the panel').max(200),
      heldOn: z.iso.date(),
      attendees: z.array(attendeeSchema).max(50),
    }),
    output: panelSchema,
  },
  'panels.addItem': {
    input: z.strictObject({
      panelId: idSchema,
      subject: z.string().trim().min(1, 'say what is being challenged').max(2000),
    }),
    output: panelSchema,
  },
  'panels.saveItem': { input: panelItemSaveSchema, output: panelSchema },
  'panels.setOutcome': { input: panelOutcomeSetSchema, output: panelSchema },
  'panels.addFollowUp': { input: panelFollowUpSchema, output: panelSchema },
  'panels.signingPreview': {
    input: z.strictObject({ panelId: idSchema }),
    output: z.strictObject({
      contentHash: z.string(),
      blockers: z.array(z.string()),
      items: z.number().int(),
      outcomes: z.record(z.string(), z.number().int()),
    }),
  },
  'panels.sign': {
    input: z.strictObject({
      panelId: idSchema,
      contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'sign exactly what was previewed'),
    }),
    output: panelSchema,
  },
  'panels.export': {
    input: z.strictObject({ panelId: idSchema, encrypt: z.boolean().optional() }),
    output: z.strictObject({ fileName: z.string(), base64: z.string(), encrypted: z.boolean(), bundleId: idSchema }),
  },
  'reports.audit': {
    // caseDetail false: no case references, sample make-up or passages quoted from the case records.
    input: z.strictObject({
      auditId: idSchema,
      format: z.enum(['pdf', 'docx']),
      caseDetail: z.boolean().default(true),
    }),
    output: z.strictObject({ fileName: z.string(), base64: z.string() }),
  },
  // Evidence for the partnership's yearly report (Working Together 2023): PDF, Word, or the figures as CSV.
  'reports.yearlyEvidence': {
    input: z.strictObject({
      from: z.iso.date(),
      to: z.iso.date(),
      format: z.enum(['pdf', 'docx', 'csv']).default('pdf'),
    }),
    output: z.strictObject({ fileName: z.string(), base64: z.string() }),
  },
  'reports.consolidated': {
    input: z.strictObject({ from: z.iso.date(), to: z.iso.date(), format: z.enum(['pdf', 'docx']).default('pdf') }),
    output: z.strictObject({ fileName: z.string(), base64: z.string() }),
  },
  // Long work with progress and cancelling (electron/jobs/): start, poll, collect the result once.
  'jobs.start': { input: jobStartSchema, output: z.strictObject({ jobId: idSchema }) },
  'jobs.get': { input: jobIdInputSchema, output: jobStatusSchema },
  'jobs.result': { input: jobIdInputSchema, output: jobResultSchema },
  'jobs.cancel': { input: jobIdInputSchema, output: jobStatusSchema },
  'search.query': { input: searchInputSchema, output: z.array(searchHitSchema) },
  // Evidence notes of imported audits are indexed after the import (electron/services/searchIndexer.ts).
  'search.indexStatus': { input: empty, output: indexingStatusSchema },
  'search.indexStart': { input: empty, output: indexingStatusSchema },
  'search.indexStop': { input: empty, output: indexingStatusSchema },
  'dashboard.get': { input: empty, output: dashboardSchema },
  // The audit programme of a year (from 1 April): planned audits against what happened, and re-audits due.
  'programme.list': { input: programmeListInputSchema, output: programmeSchema },
  'programme.save': { input: plannedAuditSaveSchema, output: plannedAuditSchema },
  // Not once its audit is signed: the plan of a signed audit is the record of what was planned.
  'programme.remove': {
    input: z.strictObject({ plannedId: idSchema }),
    output: z.strictObject({ removed: z.literal(true), plannedId: idSchema, title: z.string() }),
  },
  // Starts the planned audit (a new audit, or the next round of the audit it re-audits).
  'programme.start': {
    input: z.strictObject({ plannedId: idSchema }),
    output: z.strictObject({ planned: plannedAuditSchema, auditId: idSchema }),
  },
  // A re-audit falls due this many months after first signing, never before the audit's last action is due.
  'programme.settings': { input: empty, output: programmeSettingsSchema },
  'programme.setSettings': { input: programmeSettingsSchema, output: programmeSettingsSchema },
  // Actions and re-audits falling due within the board's horizon, or overdue (dates in Europe/London).
  'reminders.list': { input: empty, output: remindersSchema },
  'settings.reminders': { input: empty, output: reminderSettingsSchema },
  'settings.setReminders': { input: reminderSettingsSchema, output: reminderSettingsSchema },
  // Files for people's own tools (electron/exports/): the tracker (its filters), an audit's answers and
  // the programme as CSV or .xlsx; a template version as a blank audit tool to print (PDF or Word).
  'exports.actions': { input: actionsExportSchema, output: exportFileSchema },
  'exports.answers': { input: answersExportSchema, output: exportFileSchema },
  'exports.programme': { input: programmeExportSchema, output: exportFileSchema },
  'exports.blankTool': { input: blankToolExportSchema, output: exportFileSchema },
  'checklists.get': { input: z.strictObject({ checklistId: idSchema }), output: checklistDetailSchema },
  'checklists.complete': { input: z.strictObject({ checklistId: idSchema }), output: checklistSummarySchema },
  'checklists.reopen': { input: z.strictObject({ checklistId: idSchema }), output: checklistSummarySchema },
  'answers.save': {
    input: answerSaveSchema,
    output: z.strictObject({ answer: answerSchema, checklist: checklistSummarySchema }),
  },
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

// The reverse check: every key of the contract is a known method name.
type Extra = Exclude<keyof typeof contract, MethodName>;
const noExtraMethods: Extra extends never ? true : never = true;
void noExtraMethods;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller sends (defaults may be omitted). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export type Handlers = {
  [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
};
/** What the services answer; the session answers the rest (see electron/session.ts). */
export type ServiceHandlers = Omit<Handlers, SessionMethod>;

/** The typed client both transports implement for the renderer. */
export type Api = {
  [M in Method]: (input: Input<M>) => Promise<Output<M>>;
};

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}
