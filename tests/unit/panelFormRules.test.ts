import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { panelCreateSchema } from '../../shared/panel.js';
import { checkRule } from '../../renderer/components/form/checkRule.js';

// A form schema the way the panel screens build theirs: the service's rule, the form's words.
const schema = z.strictObject({ title: z.string() }).superRefine((v, ctx) => {
  checkRule(ctx, ['title'], panelCreateSchema.shape.title, v.title, {
    too_big: 'The title must be 200 characters or fewer',
  });
});
const messages = (value: unknown) =>
  schema.safeParse(value).error?.issues.map((i) => ({ path: i.path, message: i.message })) ?? [];

describe('checkRule', () => {
  it('passes what the shared rule passes', () => {
    expect(messages({ title: 'Police Section 11 challenge panel' })).toEqual([]);
  });

  it("keeps the shared rule's own message where the form gives none", () => {
    expect(messages({ title: '   ' })).toEqual([{ path: ['title'], message: 'enter a title for the panel' }]);
  });

  it("uses the form's words for an issue's code", () => {
    expect(messages({ title: 'x'.repeat(201) })).toEqual([
      { path: ['title'], message: 'The title must be 200 characters or fewer' },
    ]);
  });

  it('puts nested issues under the given path', () => {
    const rows = z.strictObject({ rows: z.array(z.unknown()) }).superRefine((v, ctx) => {
      checkRule(ctx, ['rows', 2], z.strictObject({ role: z.string().min(1, 'enter the role') }), v.rows[2]);
    });
    const issues = rows.safeParse({ rows: [{}, {}, { role: '' }] }).error?.issues ?? [];
    expect(issues.map((i) => [i.path, i.message])).toEqual([[['rows', 2, 'role'], 'enter the role']]);
  });

  it('says whether the value passed', () => {
    let results: boolean[] = [];
    z.string()
      .superRefine((v, ctx) => {
        results = [checkRule(ctx, [], z.string().min(2), v), checkRule(ctx, [], z.string().max(5), v)];
      })
      .safeParse('a');
    expect(results).toEqual([false, true]);
  });
});
