import { describe, expect, it } from 'vitest';
import { changeSentence } from '../../electron/report/reportModel.js';

const themes = (...verdicts: Array<string | null>) =>
  verdicts.map((v) => ({ change: v === null ? null : { verdict: v } }));

describe('the board report summary’s sentence on the trend', () => {
  it('says "no learning theme" and "none" rather than a count of 0', () => {
    expect(changeSentence(themes('worse', ...Array<string>(7).fill('unclear')))).toBe(
      'Against earlier rounds, no learning theme improved and 1 got worse by more than chance would explain; for 7 the change could be chance.',
    );
    expect(changeSentence(themes('better', 'better'))).toBe(
      'Against earlier rounds, 2 learning themes improved and none got worse by more than chance would explain.',
    );
    expect(changeSentence(themes('better', 'unclear', null))).toBe(
      'Against earlier rounds, 1 learning theme improved and none got worse by more than chance would explain; for 1 the change could be chance.',
    );
  });

  it('says when no theme was measured twice', () => {
    expect(changeSentence(themes(null, null))).toBe('No learning theme was measured in more than one round.');
  });
});
