// The GOV.UK "add another" pattern over a react-hook-form field array: a numbered fieldset per row,
// a Remove button on each while there are two or more, and an "Add another" button that puts the
// focus in the new row. Removing a row puts it on the Add button, which stays where it was.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useFieldArray, useFormContext, type FieldValues } from 'react-hook-form';
import { Fieldset, type LegendSize } from './Fieldset.js';

interface Props<Row> {
  /** The field array's name. */
  name: string;
  /** The values of a row added. */
  blank: Row;
  /** The row's name in its legend and Remove button ("Attendee 2"). */
  rowName: (index: number) => string;
  /** The row's legend is for screen readers only. */
  legendHidden?: boolean;
  legendSize?: LegendSize;
  addLabel: string;
  /** The id of the control a row just added takes the focus in. */
  focusId: (index: number) => string;
  /** False: rows can be neither added nor removed (a signed record). */
  canChange?: boolean;
  listClassName?: string;
  /** The row's fields, named `${name}.${index}.…`. */
  children: (index: number) => ReactNode;
}

export function AddAnother<Row extends FieldValues>({
  name,
  blank,
  rowName,
  legendHidden = false,
  legendSize,
  addLabel,
  focusId,
  canChange = true,
  listClassName = 'app-agency-list',
  children,
}: Props<Row>) {
  const { control } = useFormContext();
  const rows = useFieldArray({ control, name, keyName: 'key' });
  const addButton = useRef<HTMLButtonElement>(null);
  const [added, setAdded] = useState<number | null>(null);
  useEffect(() => {
    if (added === null) return;
    document.getElementById(focusId(added))?.focus();
    setAdded(null);
  }, [added, focusId]);

  return (
    <>
      <ol className={listClassName}>
        {rows.fields.map((row, i) => (
          <li key={row.key}>
            <Fieldset
              legend={rowName(i)}
              legendSize={legendSize}
              legendHidden={legendHidden}
              className="app-agency-row"
            >
              {children(i)}
              {canChange && rows.fields.length > 1 ? (
                <div className="app-agency-row__actions">
                  <button
                    type="button"
                    className="app-link-button"
                    onClick={() => {
                      rows.remove(i);
                      addButton.current?.focus();
                    }}
                  >
                    Remove<span className="govuk-visually-hidden"> {rowName(i).toLowerCase()}</span>
                  </button>
                </div>
              ) : null}
            </Fieldset>
          </li>
        ))}
      </ol>
      {canChange ? (
        <button
          type="button"
          ref={addButton}
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            setAdded(rows.fields.length);
            rows.append(blank, { shouldFocus: false });
          }}
        >
          {addLabel}
        </button>
      ) : null}
    </>
  );
}
