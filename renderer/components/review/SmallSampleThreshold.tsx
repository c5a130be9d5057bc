// On the settings screen: the number of cases below which a share is marked as a small sample, in the
// findings, the summary, the dashboard and the reports. A signed audit keeps the threshold it was signed with.
import { useState } from 'react';
import { z } from 'zod';
import { DEFAULT_SMALL_SAMPLE, smallSampleThresholdSchema } from '../../../shared/settings.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { applyApiError } from '../../lib/formErrors.js';
import { Form, TextField, useZodForm } from '../form/index.js';
import { InlineLoadFailed } from '../bundles/InlineLoadFailed.js';
import { StatusMessage } from '../StatusMessage.js';

const HEADING_ID = 'small-sample-heading';
const WHOLE_CASES = 'Enter a whole number of cases between 2 and 30';

// The box holds text; the shared schema decides which numbers are allowed.
const thresholdFormSchema = z.object({
  threshold: z
    .string()
    .trim()
    .min(1, 'Enter the number of cases')
    .refine((t) => /^\d+$/.test(t) && smallSampleThresholdSchema.safeParse(Number(t)).success, WHOLE_CASES)
    .transform(Number),
});

export function SmallSampleThreshold() {
  const setting = useApiQuery('settings.smallSample', {});
  return (
    <section aria-labelledby={HEADING_ID}>
      <h2 className="govuk-heading-m" id={HEADING_ID}>
        Small samples
      </h2>
      <p className="govuk-body">
        Audits often look at 6 to 12 cases. A share worked out from fewer cases than this is marked as a small sample
        wherever it is shown, and never coloured as if it were a solid figure. An audit keeps the number it was signed
        with.
      </p>
      {setting.error ? (
        <InlineLoadFailed what="the small-sample setting" message={setting.error.message} onRetry={setting.retry} />
      ) : setting.data ? (
        <ThresholdForm threshold={setting.data.threshold} />
      ) : (
        <p className="govuk-body">Loading the small-sample setting…</p>
      )}
    </section>
  );
}

function ThresholdForm({ threshold }: { threshold: number }) {
  const save = useApiMutation('settings.setSmallSample');
  const form = useZodForm(thresholdFormSchema, { defaultValues: { threshold: String(threshold) } });
  const [saved, setSaved] = useState('');

  const submit = async (values: z.output<typeof thresholdFormSchema>) => {
    setSaved('');
    try {
      const result = await save.mutate({ threshold: values.threshold });
      form.reset({ threshold: String(result.threshold) });
      setSaved(`Saved: a share from fewer than ${result.threshold} cases is now marked as a small sample`);
    } catch (err) {
      applyApiError(form, err, (path) => (path[0] === 'threshold' ? 'threshold' : undefined));
    }
  };

  return (
    <Form form={form} onSubmit={submit} aria-labelledby={HEADING_ID}>
      <TextField
        name="threshold"
        id="small-sample-threshold"
        label="Mark a share as a small sample when it comes from fewer cases than"
        labelSize="s"
        hint={`A whole number from 2 to 30. Unless it is changed, it is ${DEFAULT_SMALL_SAMPLE}.`}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        width="3"
        suffix="cases"
      />
      <button type="submit" className="govuk-button" disabled={save.pending}>
        Save the small-sample setting
      </button>
      <StatusMessage message={saved} error={false} />
    </Form>
  );
}
