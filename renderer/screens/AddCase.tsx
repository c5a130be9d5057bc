import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { z } from 'zod';
import { caseDescriptorSchema } from '../../shared/auditCase.js';
import { flagCaseReference } from '../../shared/caseReference.js';
import {
  AGE_BANDS,
  DISABILITY,
  DISABILITY_LABELS,
  ETHNICITIES,
  ETHNICITY_LABELS,
  GENDERS,
  GENDER_LABELS,
  PLAN_TYPES,
  PLAN_TYPE_LABELS,
} from '../../shared/vocabulary.js';
import type { AuditDetail } from '../../shared/audit.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { RadiosField } from '../components/RadiosField.js';
import { SelectField } from '../components/SelectField.js';
import { WarningText } from '../components/WarningText.js';
import { flattenErrors, parseServerMessage, summaryItems, type SummaryError } from '../lib/formErrors.js';
import { ageBandLabel, sentence } from '../lib/format.js';
import { navigate, paths } from '../router.js';

const schema = caseDescriptorSchema.extend({ confirmReference: z.boolean() });
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;

const CONFIRM_MESSAGE = 'Confirm the reference is not a name or personal identifier, or change it';

// The zod schema checks each field; whether a flagged reference is confirmed depends on two fields,
// and is checked here so its error shows alongside the others rather than after them.
const baseResolver = zodResolver(schema);
const resolver: Resolver<Values, unknown, Parsed> = async (values, context, options) => {
  const result = await baseResolver(values, context, options);
  if (flagCaseReference(values.reference ?? '').length > 0 && !values.confirmReference) {
    return { values: {}, errors: { ...result.errors, confirmReference: { type: 'custom', message: CONFIRM_MESSAGE } } };
  }
  return result;
};

const IDS: Record<string, string> = {
  reference: 'case-reference',
  confirmReference: 'case-confirm-reference',
  ageBand: 'case-age-band',
  gender: 'case-gender',
  ethnicity: 'case-ethnicity',
  disability: 'case-disability',
  planType: 'case-plan-type',
  agencyIds: 'case-agencies',
};

function fieldId(name: string): string | undefined {
  return IDS[name.split('.')[0] ?? ''];
}

const options = <T extends string>(values: readonly T[], label: (v: T) => string) =>
  values.map((value) => ({ value, label: label(value) }));

export function AddCase({ auditId }: { auditId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading what="Loading the audit" />;
  return <AddCaseForm detail={detail.data} />;
}

function AddCaseForm({ detail }: { detail: AuditDetail }) {
  const { audit } = detail;
  const agencies = detail.agencies.filter((a) => a.active);
  const add = useApiMutation('cases.add');
  const [formErrors, setFormErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
  } = useForm<Values, unknown, Parsed>({
    resolver,
    defaultValues: { reference: '', agencyIds: [], confirmReference: false },
    shouldFocusError: false,
  });
  const reference = useWatch({ control, name: 'reference' }) ?? '';
  const flags = flagCaseReference(reference.trim());

  const onValid = async (values: Parsed) => {
    setFormErrors([]);
    try {
      const added = await add.mutate({
        ...values,
        auditId: audit.id,
        confirmReference: flags.length > 0 && values.confirmReference,
      });
      const n = added.agencyIds.length;
      navigate(paths.audit(audit.id), {
        flash: `Case ${added.reference} added with ${n} ${n === 1 ? 'checklist' : 'checklists'}`,
      });
    } catch (e) {
      const general: SummaryError[] = [];
      for (const p of parseServerMessage(e instanceof Error ? e.message : String(e))) {
        const field = p.name.split('.')[0] ?? '';
        if (field && IDS[field]) setError(field as keyof Values, { type: 'server', message: p.message });
        else general.push(p);
      }
      setFormErrors(general);
      setAttempt((n) => n + 1);
    }
  };

  const items = summaryItems([...formErrors, ...flattenErrors(errors)], fieldId);
  const message = (m: string | undefined) => (m ? sentence(m) : undefined);
  const referenceError = message(errors.reference?.message);
  const confirmError = message(errors.confirmReference?.message);
  const referenceDescribedBy = [
    'case-reference-hint',
    flags.length > 0 ? 'case-reference-warning' : '',
    referenceError ? 'case-reference-error' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <Page
      title="Add a case"
      caption={audit.title}
      narrow
      breadcrumbs={[
        { to: paths.home(), text: 'Audits' },
        { to: paths.audit(audit.id), text: audit.title },
      ]}
      hasErrors={items.length > 0}
      before={items.length > 0 ? <ErrorSummary errors={items} focusKey={attempt} /> : null}
    >
      <form noValidate onSubmit={handleSubmit(onValid, () => setAttempt((n) => n + 1))}>
        <div className={referenceError ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          <label className="govuk-label govuk-label--m" htmlFor="case-reference">
            Case reference
          </label>
          <div className="govuk-hint" id="case-reference-hint">
            A pseudonymised reference, never a name or an NHS number
          </div>
          <ErrorMessage id="case-reference-error" message={referenceError} />
          <input
            id="case-reference"
            type="text"
            autoComplete="off"
            spellCheck={false}
            className={`govuk-input govuk-input--width-20${referenceError ? ' govuk-input--error' : ''}`}
            aria-describedby={referenceDescribedBy}
            aria-invalid={referenceError ? true : undefined}
            {...register('reference')}
          />
        </div>

        {flags.length > 0 ? (
          <>
            <WarningText id="case-reference-warning">
              This reference {flags.map((f) => f.message).join(' and ')}. Case references must be pseudonymised: never a
              child's name, NHS number, date of birth or address.
            </WarningText>
            <div className={confirmError ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
              <ErrorMessage id="case-confirm-reference-error" message={confirmError} />
              <div className="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id="case-confirm-reference"
                    type="checkbox"
                    aria-describedby={confirmError ? 'case-confirm-reference-error' : undefined}
                    {...register('confirmReference')}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="case-confirm-reference">
                    I confirm this reference is not a name or personal identifier
                  </label>
                </div>
              </div>
            </div>
          </>
        ) : null}

        <SelectField
          id="case-age-band"
          label="Age band"
          error={message(errors.ageBand?.message)}
          placeholder="Choose an age band"
          options={options(AGE_BANDS, ageBandLabel)}
          registration={register('ageBand')}
        />
        <RadiosField
          idPrefix="case-gender"
          legend="Gender"
          error={message(errors.gender?.message)}
          options={options(GENDERS, (g) => GENDER_LABELS[g])}
          registration={register('gender')}
          inline
        />
        <SelectField
          id="case-ethnicity"
          label="Ethnic group"
          error={message(errors.ethnicity?.message)}
          placeholder="Choose an ethnic group"
          options={options(ETHNICITIES, (e) => ETHNICITY_LABELS[e])}
          registration={register('ethnicity')}
        />
        <RadiosField
          idPrefix="case-disability"
          legend="Does the child have a disability?"
          error={message(errors.disability?.message)}
          options={options(DISABILITY, (d) => DISABILITY_LABELS[d])}
          registration={register('disability')}
          inline
        />
        <RadiosField
          idPrefix="case-plan-type"
          legend="Plan type"
          hint="The child's plan at the time of the audit"
          error={message(errors.planType?.message)}
          options={options(PLAN_TYPES, (p) => PLAN_TYPE_LABELS[p])}
          registration={register('planType')}
        />
        <RadiosField
          idPrefix="case-agencies"
          type="checkbox"
          legend="Agencies involved"
          hint="Select all that apply. Each agency answers a checklist for this case."
          error={message(errors.agencyIds?.message ?? errors.agencyIds?.root?.message)}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          registration={register('agencyIds')}
        />

        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={add.pending}>
            Add case
          </button>
          <Link to={paths.audit(audit.id)}>Cancel</Link>
        </div>
      </form>
    </Page>
  );
}
