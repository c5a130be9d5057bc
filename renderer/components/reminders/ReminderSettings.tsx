// On the settings screen: how many days ahead the reminders look, and whether the desktop app may also
// show them as the operating system's notifications.
import { useState } from 'react';
import { z } from 'zod';
import { DEFAULT_REMINDER_DAYS, reminderDaysSchema } from '../../../shared/reminders.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { applyApiError } from '../../lib/formErrors.js';
import { CheckboxField, Form, TextField, useZodForm } from '../form/index.js';
import { InlineLoadFailed } from '../bundles/InlineLoadFailed.js';
import { StatusMessage } from '../StatusMessage.js';

const HEADING_ID = 'reminders-heading';
const WHOLE_DAYS = 'Enter a whole number of days between 1 and 90';

const remindersFormSchema = z.object({
  daysAhead: z
    .string()
    .trim()
    .min(1, 'Enter the number of days')
    .refine((t) => /^\d+$/.test(t) && reminderDaysSchema.safeParse(Number(t)).success, WHOLE_DAYS)
    .transform(Number),
  notify: z.boolean(),
});

export function ReminderSettings() {
  const setting = useApiQuery('settings.reminders', {});
  return (
    <section aria-labelledby={HEADING_ID}>
      <h2 className="govuk-heading-m" id={HEADING_ID}>
        Reminders
      </h2>
      <p className="govuk-body">
        The audits list shows the actions and re-audits due within this many days, and those already overdue.
      </p>
      {setting.error ? (
        <InlineLoadFailed what="the reminder setting" message={setting.error.message} onRetry={setting.retry} />
      ) : setting.data ? (
        <RemindersForm daysAhead={setting.data.daysAhead} notify={setting.data.notify} />
      ) : (
        <p className="govuk-body">Loading the reminder setting…</p>
      )}
    </section>
  );
}

function RemindersForm({ daysAhead, notify }: { daysAhead: number; notify: boolean }) {
  const save = useApiMutation('settings.setReminders');
  const form = useZodForm(remindersFormSchema, { defaultValues: { daysAhead: String(daysAhead), notify } });
  const [saved, setSaved] = useState('');

  const submit = async (values: z.output<typeof remindersFormSchema>) => {
    setSaved('');
    try {
      const result = await save.mutate(values);
      form.reset({ daysAhead: String(result.daysAhead), notify: result.notify });
      setSaved(`Saved: reminders look ${result.daysAhead} ${result.daysAhead === 1 ? 'day' : 'days'} ahead`);
    } catch (err) {
      applyApiError(form, err, (path) => (path[0] === 'daysAhead' ? 'daysAhead' : undefined));
    }
  };

  return (
    <Form form={form} onSubmit={submit} aria-labelledby={HEADING_ID}>
      <TextField
        name="daysAhead"
        id="reminder-days"
        label="Remind of what falls due within"
        labelSize="s"
        hint={`A whole number from 1 to 90. Unless it is changed, it is ${DEFAULT_REMINDER_DAYS}.`}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        width="3"
        suffix="days"
      />
      <CheckboxField
        name="notify"
        id="reminder-notify"
        label="In the desktop app, also show them as the computer’s notifications (once a day each)"
      />
      <button type="submit" className="govuk-button" disabled={save.pending}>
        Save the reminder setting
      </button>
      <StatusMessage message={saved} error={false} />
    </Form>
  );
}
