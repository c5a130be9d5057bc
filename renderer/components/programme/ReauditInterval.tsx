// On the settings screen: how many months after first signing an audit's re-audit falls due (never
// before its last action is due), for the programme's "Re-audits due" and the reminders.
import { useState } from 'react';
import { z } from 'zod';
import { DEFAULT_REAUDIT_MONTHS, reauditMonthsSchema } from '../../../shared/programme.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { applyApiError } from '../../lib/formErrors.js';
import { Form, TextField, useZodForm } from '../form/index.js';
import { InlineLoadFailed } from '../bundles/InlineLoadFailed.js';
import { StatusMessage } from '../StatusMessage.js';

const HEADING_ID = 'reaudit-interval-heading';
const WHOLE_MONTHS = 'Enter a whole number of months between 1 and 36';

const intervalFormSchema = z.object({
  reauditMonths: z
    .string()
    .trim()
    .min(1, 'Enter the number of months')
    .refine((t) => /^\d+$/.test(t) && reauditMonthsSchema.safeParse(Number(t)).success, WHOLE_MONTHS)
    .transform(Number),
});

export function ReauditInterval() {
  const setting = useApiQuery('programme.settings', {});
  return (
    <section aria-labelledby={HEADING_ID}>
      <h2 className="govuk-heading-m" id={HEADING_ID}>
        Re-audits
      </h2>
      <p className="govuk-body">
        A signed audit is due for its re-audit this many months after it was first signed, or when its last action is
        due if that is later.
      </p>
      {setting.error ? (
        <InlineLoadFailed what="the re-audit setting" message={setting.error.message} onRetry={setting.retry} />
      ) : setting.data ? (
        <IntervalForm months={setting.data.reauditMonths} />
      ) : (
        <p className="govuk-body">Loading the re-audit setting…</p>
      )}
    </section>
  );
}

function IntervalForm({ months }: { months: number }) {
  const save = useApiMutation('programme.setSettings');
  const form = useZodForm(intervalFormSchema, { defaultValues: { reauditMonths: String(months) } });
  const [saved, setSaved] = useState('');

  const submit = async (values: z.output<typeof intervalFormSchema>) => {
    setSaved('');
    try {
      const result = await save.mutate(values);
      form.reset({ reauditMonths: String(result.reauditMonths) });
      setSaved(`Saved: a re-audit is due ${result.reauditMonths} months after first signing`);
    } catch (err) {
      applyApiError(form, err, (path) => (path[0] === 'reauditMonths' ? 'reauditMonths' : undefined));
    }
  };

  return (
    <Form form={form} onSubmit={submit} aria-labelledby={HEADING_ID}>
      <TextField
        name="reauditMonths"
        id="reaudit-months"
        label="A re-audit is due after"
        labelSize="s"
        hint={`A whole number from 1 to 36. Unless it is changed, it is ${DEFAULT_REAUDIT_MONTHS}.`}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        width="3"
        suffix="months"
      />
      <button type="submit" className="govuk-button" disabled={save.pending}>
        Save the re-audit setting
      </button>
      <StatusMessage message={saved} error={false} />
    </Form>
  );
}
