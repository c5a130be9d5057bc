// The built-in template library, installed into every new database (never overwriting a stored
// version). Order is the order the template picker shows them: the front door first, then the themed
// case audits, then the agency-level Section 11 self-assessment.
//
// The words of each question's findings are written beside the questions, but installed apart from
// them: the built-in templates stay exactly the versions earlier installations hold and sign into
// their bundles (a template id and version is one text everywhere), and the wording is looked up by
// template, version and question when suggestions are worded (builtinFindingWording).
import type { FindingWording, TemplateInput } from '../template.js';
import { childProtectionEnquiries } from './childProtectionEnquiries.js';
import { childSexualExploitation } from './childSexualExploitation.js';
import { disabilityService } from './disabilityService.js';
import { domesticAbuseJoint } from './domesticAbuseJoint.js';
import { mashFrontDoor } from './mashFrontDoor.js';
import { missingChildren } from './missingChildren.js';
import { section11, section11FirstEdition } from './section11.js';

/** The built-in templates as written, each question with its finding wording. */
export const BUILTIN_TEMPLATE_SOURCES: readonly TemplateInput[] = [
  mashFrontDoor,
  childProtectionEnquiries,
  domesticAbuseJoint,
  disabilityService,
  childSexualExploitation,
  missingChildren,
  section11,
];

/**
 * Built-in templates no longer installed into new databases, replaced by a newer edition under a new
 * id. Installations that hold them keep them, and their finding wording is still looked up.
 */
export const RETIRED_BUILTIN_SOURCES: readonly TemplateInput[] = [section11FirstEdition];

const withoutWording = (t: TemplateInput): TemplateInput => ({
  ...t,
  sections: t.sections.map((s) => ({
    ...s,
    questions: s.questions.map(({ finding: _wording, ...q }) => q),
  })),
});

/** The built-in templates as installed and signed: without the finding wording. */
export const BUILTIN_TEMPLATES: readonly TemplateInput[] = BUILTIN_TEMPLATE_SOURCES.map(withoutWording);

/** The retired built-in templates as earlier installations hold them. */
export const RETIRED_BUILTIN_TEMPLATES: readonly TemplateInput[] = RETIRED_BUILTIN_SOURCES.map(withoutWording);

const WORDING = new Map<string, FindingWording>();
for (const t of [...BUILTIN_TEMPLATE_SOURCES, ...RETIRED_BUILTIN_SOURCES])
  for (const s of t.sections)
    for (const q of s.questions) if (q.finding) WORDING.set(`${t.id}\n${t.version}\n${q.id}`, q.finding);

/** The finding wording of a built-in template's question, if it is one. */
export const builtinFindingWording = (templateId: string, version: number, questionId: string) =>
  WORDING.get(`${templateId}\n${version}\n${questionId}`);
