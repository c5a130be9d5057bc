// The one family of GOV.UK form fields, on react-hook-form with zod schemas through its resolver.
export { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
export { CheckboxesField, CheckboxField, RadiosField } from './ChoiceFields.js';
export { AddAnother } from './AddAnother.js';
export { checkRule, type Words } from './checkRule.js';
export { ChoiceList, ControlledChoiceList, type ChoiceKind, type ChoiceOption } from './ChoiceList.js';
export { DateField } from './DateField.js';
export { dateInputSchema, dateProblem, joinDateParts, splitDate } from './dateInput.js';
export { ErrorMessage } from './ErrorMessage.js';
export { ErrorSummary, type ErrorSummaryItem } from './ErrorSummary.js';
export { defaultFieldId, fieldIdFor, registerFieldId } from './fieldIds.js';
export { Fieldset } from './Fieldset.js';
export { FileField } from './FileField.js';
export { Form, FormErrorSummary, formHasErrors, formSummaryItems, type SummaryText } from './Form.js';
export { FormGroup, useField } from './parts.js';
export { SelectField } from './SelectField.js';
export { TextareaField } from './TextareaField.js';
export { TextField } from './TextField.js';
export { useZodForm, type ZodForm } from './useZodForm.js';
