// The built-in template library, installed into every new database (never overwriting a stored
// version). Order is the order the template picker shows them: the front door first, then the themed
// case audits, then the agency-level Section 11 self-assessment.
import type { TemplateInput } from '../template.js';
import { childProtectionEnquiries } from './childProtectionEnquiries.js';
import { childSexualExploitation } from './childSexualExploitation.js';
import { disabilityService } from './disabilityService.js';
import { domesticAbuseJoint } from './domesticAbuseJoint.js';
import { mashFrontDoor } from './mashFrontDoor.js';
import { missingChildren } from './missingChildren.js';
import { section11 } from './section11.js';

export const BUILTIN_TEMPLATES: readonly TemplateInput[] = [
  mashFrontDoor,
  childProtectionEnquiries,
  domesticAbuseJoint,
  disabilityService,
  childSexualExploitation,
  missingChildren,
  section11,
];
