import { useRef } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import type { AgencyDraft } from '../../shared/board.js';
import { AGENCY_KINDS, AGENCY_KIND_LABELS } from '../../shared/vocabulary.js';
import { sentence } from '../lib/format.js';
import { ErrorMessage } from './ErrorMessage.js';

export interface AgencyFormValues {
  agencies: AgencyDraft[];
}

/** The error summary links an agency field error to this control. */
export function agencyFieldId(name: string): string | undefined {
  const m = /^agencies\.(\d+)\.(name|kind)$/.exec(name);
  if (m) return `agency-${m[1]}-${m[2]}`;
  if (name === 'agencies') return 'agency-0-name';
  return undefined;
}

/** Summary messages name the row, since every row's inline message reads the same. */
export function withAgencyRow<T extends { name: string; message: string }>(error: T): T {
  const m = /^agencies\.(\d+)\./.exec(error.name);
  return m ? { ...error, message: `${error.message} (partner agency ${Number(m[1]) + 1})` } : error;
}

/** An editable "add another" list of partner agencies: a name and a kind per row. */
export function AgencyRowsEditor() {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<AgencyFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'agencies', keyName: 'key' });
  const addButton = useRef<HTMLButtonElement>(null);
  const listError = errors.agencies?.root?.message ?? errors.agencies?.message;

  return (
    <div className={listError ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      <ErrorMessage id="agencies-error" message={listError ? sentence(listError) : undefined} />
      <ol className="app-agency-list">
        {fields.map((field, i) => {
          const nameError = errors.agencies?.[i]?.name?.message;
          const kindError = errors.agencies?.[i]?.kind?.message;
          const nameId = `agency-${i}-name`;
          const kindId = `agency-${i}-kind`;
          return (
            <li key={field.key}>
              <fieldset className="govuk-fieldset app-agency-row">
                <legend className="govuk-visually-hidden">Partner agency {i + 1}</legend>
                <div className={`govuk-form-group app-agency-row__name${nameError ? ' govuk-form-group--error' : ''}`}>
                  <label className="govuk-label" htmlFor={nameId}>
                    Agency name<span className="govuk-visually-hidden"> {i + 1}</span>
                  </label>
                  <ErrorMessage id={`${nameId}-error`} message={nameError ? sentence(nameError) : undefined} />
                  <input
                    id={nameId}
                    className={`govuk-input${nameError ? ' govuk-input--error' : ''}`}
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    aria-describedby={nameError ? `${nameId}-error` : undefined}
                    aria-invalid={nameError ? true : undefined}
                    {...register(`agencies.${i}.name`)}
                  />
                </div>
                <div className={`govuk-form-group app-agency-row__kind${kindError ? ' govuk-form-group--error' : ''}`}>
                  <label className="govuk-label" htmlFor={kindId}>
                    Kind of agency<span className="govuk-visually-hidden"> {i + 1}</span>
                  </label>
                  <ErrorMessage id={`${kindId}-error`} message={kindError ? sentence(kindError) : undefined} />
                  <select
                    id={kindId}
                    className={`govuk-select${kindError ? ' govuk-select--error' : ''}`}
                    {...register(`agencies.${i}.kind`)}
                  >
                    {AGENCY_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {AGENCY_KIND_LABELS[kind]}
                      </option>
                    ))}
                  </select>
                </div>
                {fields.length > 1 ? (
                  <div className="app-agency-row__actions">
                    <button
                      type="button"
                      className="app-link-button"
                      onClick={() => {
                        remove(i);
                        addButton.current?.focus();
                      }}
                    >
                      Remove<span className="govuk-visually-hidden"> partner agency {i + 1}</span>
                    </button>
                  </div>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        ref={addButton}
        className="govuk-button govuk-button--secondary"
        onClick={() => append({ name: '', kind: 'other', active: true })}
      >
        Add another agency
      </button>
    </div>
  );
}
