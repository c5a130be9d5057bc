// Personal data in free text, on screen: the warning under a field as the person types, and the
// list of flagged passages (before signing, and in what was imported).
export { describeFindings, KIND_LABELS } from './describeFindings.js';
export { FormPersonalDataWarning, PersonalDataWarning, personalDataWarningId } from './PersonalDataWarning.js';
export { usePersonalDataDetector } from './usePersonalDataDetector.js';
