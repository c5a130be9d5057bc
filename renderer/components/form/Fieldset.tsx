import type { ReactNode } from 'react';

export type LegendSize = 's' | 'm' | 'l';

interface Props {
  legend: ReactNode;
  legendSize?: LegendSize | undefined;
  /** The legend is for screen readers only (e.g. a row of an "add another" list). */
  legendHidden?: boolean;
  describedBy?: string | undefined;
  className?: string;
  children: ReactNode;
}

/** A GOV.UK fieldset: a legend naming a group of controls. */
export function Fieldset({ legend, legendSize, legendHidden = false, describedBy, className, children }: Props) {
  const legendClass = legendHidden
    ? 'govuk-visually-hidden'
    : `govuk-fieldset__legend${legendSize ? ` govuk-fieldset__legend--${legendSize}` : ''}`;
  return (
    <fieldset className={`govuk-fieldset${className ? ` ${className}` : ''}`} aria-describedby={describedBy}>
      <legend className={legendClass}>{legend}</legend>
      {children}
    </fieldset>
  );
}
