import type { AgencyDraft } from '../../shared/board.js';
import { AGENCY_KINDS, AGENCY_KIND_LABELS } from '../../shared/vocabulary.js';
import type { SummaryError } from '../lib/formErrors.js';
import { AddAnother, ErrorMessage, FormGroup, SelectField, TextField, useField } from './form/index.js';

export interface AgencyFormValues {
  agencies: AgencyDraft[];
}

const KIND_OPTIONS = AGENCY_KINDS.map((kind) => ({ value: kind, label: AGENCY_KIND_LABELS[kind] }));

/** Summary messages name the row, since every row's inline message reads the same. */
export function agencyRowSummary(error: SummaryError): string {
  const m = /^agencies\.(\d+)\./.exec(error.name);
  return m ? `${error.message} (partner agency ${Number(m[1]) + 1})` : error.message;
}

/** An editable "add another" list of partner agencies: a name and a kind per row. */
export function AgencyRowsEditor() {
  // The list's own error (e.g. no agencies, or one listed twice) links to the first row's name.
  const list = useField('agencies', 'agency-0-name');
  return (
    <FormGroup error={list.error}>
      <ErrorMessage id="agencies-error" message={list.error} />
      <AddAnother<AgencyDraft>
        name="agencies"
        blank={{ name: '', kind: 'other', active: true }}
        rowName={(i) => `Partner agency ${i + 1}`}
        legendHidden
        addLabel="Add another agency"
        focusId={(i) => `agency-${i}-name`}
      >
        {(i) => (
          <>
            <TextField
              name={`agencies.${i}.name`}
              id={`agency-${i}-name`}
              label={
                <>
                  Agency name<span className="govuk-visually-hidden"> {i + 1}</span>
                </>
              }
              groupClassName="app-agency-row__name"
              autoComplete="off"
              spellCheck={false}
            />
            <SelectField
              name={`agencies.${i}.kind`}
              id={`agency-${i}-kind`}
              label={
                <>
                  Kind of agency<span className="govuk-visually-hidden"> {i + 1}</span>
                </>
              }
              groupClassName="app-agency-row__kind"
              options={KIND_OPTIONS}
            />
          </>
        )}
      </AddAnother>
    </FormGroup>
  );
}
