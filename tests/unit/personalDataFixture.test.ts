// The detector on the fixture of pseudonymised notes: precision and recall printed, the planted
// high-confidence items all found, and few false alarms on the clean notes.
import { describe, expect, it } from 'vitest';
import { CONFIDENCE_RANK as RANK, fictionTexts, scoreFixture } from '../../bench/personalDataScore.js';
import { PERSONAL_DATA_NOTES } from '../../bench/personalDataNotes.js';
import { detectPersonalData } from '../../shared/personalData/detect.js';

const score = () => scoreFixture();

describe('the detector on the fixture notes', () => {
  const { scored, falsePositives, findings } = score();
  const cleanNotes = PERSONAL_DATA_NOTES.filter((n) => n.planted.length === 0);

  it('prints precision and recall', () => {
    const found = scored.filter((s) => s.finding);
    const atConfidence = scored.filter((s) => s.finding && RANK[s.finding.confidence] >= RANK[s.planted.confidence]);
    const truePositives = findings - falsePositives.length;
    console.log(
      [
        `personal-data fixture: ${PERSONAL_DATA_NOTES.length} notes (${cleanNotes.length} clean), ${scored.length} planted items`,
        `  recall ${found.length}/${scored.length} = ${((100 * found.length) / scored.length).toFixed(1)}%` +
          ` (${atConfidence.length} at the expected confidence or above)`,
        `  precision ${truePositives}/${findings} = ${((100 * truePositives) / findings).toFixed(1)}%`,
        `  false positives: ${falsePositives.map((f) => `"${f.finding.text}" (${f.finding.kind}, ${f.finding.confidence})`).join(', ') || 'none'}`,
      ].join('\n'),
    );
    expect(findings).toBeGreaterThan(0);
  });

  it('finds every planted high-confidence item, with high confidence', () => {
    const missed = scored
      .filter((s) => s.planted.confidence === 'high')
      .filter((s) => s.finding?.confidence !== 'high')
      .map((s) => s.planted.text);
    expect(missed).toEqual([]);
  });

  it('finds every planted item at its expected confidence or above', () => {
    const missed = scored
      .filter((s) => !s.finding || RANK[s.finding.confidence] < RANK[s.planted.confidence])
      .map((s) => `${s.planted.text}: ${s.finding?.confidence ?? 'missed'}`);
    expect(missed).toEqual([]);
  });

  // The clean notes are full of capitalised agency names, roles, months and words that are also
  // names (Mark, Will, May, Hope, Faith, Grace); a warning on one in ten of them would teach people to
  // ignore it. At most one false alarm on the clean notes, and none above low confidence.
  it('raises at most one low-confidence false alarm on the clean notes', () => {
    const onClean = falsePositives.filter((f) => cleanNotes.includes(f.note));
    expect(onClean.length).toBeLessThanOrEqual(1);
    expect(onClean.filter((f) => f.finding.confidence !== 'low')).toEqual([]);
  });

  it("flags nothing in the benchmark generator's fiction, which holds no personal data", () => {
    const alarms = fictionTexts(4000, 2017).flatMap((t) => detectPersonalData(t).map((f) => `${f.kind}: ${f.text}`));
    expect(alarms).toEqual([]);
  });
});
