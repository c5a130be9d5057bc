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
import type { AuditCase } from '../../shared/auditCase.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import {
  CheckboxesField,
  CheckboxField,
  Form,
  FormErrorSummary,
  formHasErrors,
  RadiosField,
  SelectField,
  TextField,
  useWatch,
  useZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { WarningText } from '../components/WarningText.js';
import { applyApiError } from '../lib/formErrors.js';
import { ageBandLabel } from '../lib/format.js';
import { navigate, paths } from '../router.js';

const CONFIRM_MESSAGE = 'Confirm the reference is not a name or personal identifier, or change it';

// Whether a flagged reference is confirmed depends on two fields; `when` runs the check even while
// other fields are wrong, so its error shows alongside theirs rather than after them.
const schema = caseDescriptorSchema
  .extend({ confirmReference: z.boolean(), confirm: z.boolean().optional() })
  .refine(
    (v) =>
      typeof v.reference !== 'string' || flagCaseReference(v.reference).length === 0 || v.confirmReference === true,
    { path: ['confirmReference'], message: CONFIRM_MESSAGE, when: () => true },
  );
type Parsed = z.output<typeof schema>;

const FIELDS = new Set([
  'reference',
  'confirmReference',
  'ageBand',
  'gender',
  'ethnicity',
  'disability',
  'planType',
  'agencyIds',
  'confirm',
]);

/** A refused field's error goes to its control (an agency in the list, to the list). */
function fieldFor(path: Array<string | number>): string | undefined {
  const name = path[0];
  return typeof name === 'string' && FIELDS.has(name) ? name : undefined;
}

const options = <T extends string>(values: readonly T[], label: (v: T) => string) =>
  values.map((value) => ({ value, label: label(value) }));

export function AddCase({ auditId }: { auditId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.retry} />;
  if (!detail.data) return <Loading what="Loading the audit" />;
  return <CaseForm detail={detail.data} />;
}

/** Correcting a case before signing: the same form and checks as adding one. */
export function EditCase({ auditId, caseId }: { auditId: string; caseId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.retry} />;
  if (!detail.data) return <Loading what="Loading the audit" />;
  const existing = detail.data.cases.find((c) => c.id === caseId);
  if (!existing) {
    return (
      <Page title="Case not found" narrow back={{ to: paths.auditOverview(auditId), text: 'Back to the audit' }}>
        <p className="govuk-body">This audit has no such case. It may have been removed.</p>
      </Page>
    );
  }
  if (detail.data.audit.status !== 'in_progress' || detail.data.audit.origin === 'imported') {
    return <SignedCannotChange detail={detail.data} />;
  }
  return <CaseForm detail={detail.data} existing={existing} />;
}

/** Why a signed audit's cases cannot be changed here. */
export function SignedCannotChange({ detail }: { detail: AuditDetail }) {
  const { audit } = detail;
  return (
    <Page
      title="This case cannot be changed"
      caption={audit.title}
      narrow
      back={{ to: paths.auditOverview(audit.id), text: 'Back to the audit' }}
    >
      <p className="govuk-body">
        This audit is signed: its cases change only in a new revision. What was signed stays as it was signed.
      </p>
    </Page>
  );
}

function CaseForm({ detail, existing }: { detail: AuditDetail; existing?: AuditCase }) {
  const { audit } = detail;
  const agencies = detail.agencies.filter((a) => a.active || existing?.agencyIds.includes(a.id));
  const add = useApiMutation('cases.add');
  const update = useApiMutation('cases.update');
  const form = useZodForm(schema, {
    defaultValues: existing
      ? {
          reference: existing.reference,
          ageBand: existing.ageBand,
          gender: existing.gender,
          ethnicity: existing.ethnicity,
          disability: existing.disability,
          planType: existing.planType,
          agencyIds: existing.agencyIds,
          confirmReference: existing.referenceFlags.length > 0,
          confirm: false,
        }
      : { reference: '', agencyIds: [], confirmReference: false },
  });
  const reference = useWatch({ control: form.control, name: 'reference' }) ?? '';
  const chosen = useWatch({ control: form.control, name: 'agencyIds' }) ?? [];
  const flags = flagCaseReference(reference.trim());
  // Agencies taken off the case whose checklist has answers: those answers go with them.
  const dropping = existing
    ? detail.checklists.filter((c) => c.caseId === existing.id && !chosen.includes(c.agencyId) && c.answered > 0)
    : [];
  const droppedAnswers = dropping.reduce((n, c) => n + c.answered, 0);

  const onValid = async (values: Parsed) => {
    const confirmReference = flags.length > 0 && values.confirmReference;
    try {
      if (existing) {
        if (dropping.length > 0 && values.confirm !== true) {
          form.setError('confirm', { message: 'Confirm that the answers of the agencies taken off may be removed' });
          return;
        }
        const { confirm, ...rest } = values;
        const saved = await update.mutate({
          ...rest,
          caseId: existing.id,
          confirmReference,
          confirm: confirm === true,
        });
        navigate(paths.auditOverview(audit.id), { flash: `Case ${saved.reference} changed` });
        return;
      }
      const { confirm: _confirm, ...rest } = values;
      const added = await add.mutate({ ...rest, auditId: audit.id, confirmReference });
      const n = added.agencyIds.length;
      navigate(paths.auditOverview(audit.id), {
        flash: `Case ${added.reference} added with ${n} ${n === 1 ? 'checklist' : 'checklists'}`,
      });
    } catch (e) {
      applyApiError(form, e, fieldFor);
    }
  };

  return (
    <Page
      title={existing ? `Change case ${existing.reference}` : 'Add a case'}
      caption={audit.title}
      narrow
      breadcrumbs={[
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.auditOverview(audit.id), text: audit.title },
      ]}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <Form form={form} onSubmit={onValid} summary="none">
        <TextField
          name="reference"
          id="case-reference"
          label="Case reference"
          labelSize="m"
          hint="A pseudonymised reference, never a name or an NHS number"
          width="20"
          autoComplete="off"
          spellCheck={false}
          describedByIds={flags.length > 0 ? 'case-reference-warning' : undefined}
        />

        {flags.length > 0 ? (
          <>
            <WarningText id="case-reference-warning">
              This reference {flags.map((f) => f.message).join(' and ')}. Case references must be pseudonymised: never a
              child's name, NHS number, date of birth or address.
            </WarningText>
            <CheckboxField
              name="confirmReference"
              id="case-confirm-reference"
              label="I confirm this reference is not a name or personal identifier"
            />
          </>
        ) : null}

        <SelectField
          name="ageBand"
          id="case-age-band"
          label="Age band"
          labelSize="m"
          placeholder="Choose an age band"
          options={options(AGE_BANDS, ageBandLabel)}
        />
        <RadiosField
          name="gender"
          id="case-gender"
          legend="Gender"
          options={options(GENDERS, (g) => GENDER_LABELS[g])}
          inline
        />
        <SelectField
          name="ethnicity"
          id="case-ethnicity"
          label="Ethnic group"
          labelSize="m"
          placeholder="Choose an ethnic group"
          options={options(ETHNICITIES, (e) => ETHNICITY_LABELS[e])}
        />
        <RadiosField
          name="disability"
          id="case-disability"
          legend="Does the child have a disability?"
          options={options(DISABILITY, (d) => DISABILITY_LABELS[d])}
          inline
        />
        <RadiosField
          name="planType"
          id="case-plan-type"
          legend="Plan type"
          hint="The child's plan at the time of the audit"
          options={options(PLAN_TYPES, (p) => PLAN_TYPE_LABELS[p])}
        />
        <CheckboxesField
          name="agencyIds"
          id="case-agencies"
          legend="Agencies involved"
          hint="Select all that apply. Each agency answers a checklist for this case."
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        />

        {dropping.length > 0 ? (
          <>
            <WarningText id="case-dropping-warning">
              Taking {dropping.map((c) => c.agencyName).join(' and ')} off this case removes{' '}
              {droppedAnswers === 1 ? '1 answer' : `${droppedAnswers} answers`} from its checklist. This is recorded in
              the change log.
            </WarningText>
            <CheckboxField name="confirm" id="case-confirm-remove-answers" label="Yes, remove those answers" />
          </>
        ) : null}

        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={add.pending || update.pending}>
            {existing ? 'Save changes' : 'Add case'}
          </button>
          <Link to={paths.auditOverview(audit.id)}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}
