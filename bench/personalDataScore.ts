// The personal-data detector scored on the fixture of pseudonymised notes (precision and recall,
// false alarms on the clean notes), on the benchmark's generated fiction (which holds no personal
// data, so every finding is a false alarm), and timed on a long note.
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../electron/demo/demoAudit.js';
import { detectPersonalData, type Confidence, type PersonalDataFinding } from '../shared/personalData/detect.js';
import { evidenceNote, findingText, recommendationText } from './fiction.js';
import { PERSONAL_DATA_NOTES, type FixtureNote, type PlantedItem } from './personalDataNotes.js';
import { check, fmt, median, percentile, type Row } from './stats.js';

export const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export interface ScoredItem {
  planted: PlantedItem;
  finding: PersonalDataFinding | undefined;
}

export interface FixtureScore {
  notes: number;
  cleanNotes: number;
  scored: ScoredItem[];
  /** Every finding on the fixture, planted or not. */
  findings: number;
  falsePositives: Array<{ note: FixtureNote; finding: PersonalDataFinding }>;
}

/** A finding counts for a planted item when it is of the same kind and overlaps it. */
export function scoreFixture(notes: readonly FixtureNote[] = PERSONAL_DATA_NOTES): FixtureScore {
  const scored: ScoredItem[] = [];
  const falsePositives: FixtureScore['falsePositives'] = [];
  let findings = 0;
  for (const note of notes) {
    const found = detectPersonalData(note.text);
    findings += found.length;
    const spans = note.planted.map((p) => {
      const start = note.text.indexOf(p.text);
      if (start < 0 || note.text.indexOf(p.text, start + 1) >= 0) throw new Error(`"${p.text}" must occur once`);
      return { p, start, end: start + p.text.length };
    });
    for (const { p, start, end } of spans)
      scored.push({ planted: p, finding: found.find((f) => f.kind === p.kind && f.start < end && f.end > start) });
    for (const f of found)
      if (!spans.some(({ p, start, end }) => p.kind === f.kind && f.start < end && f.end > start))
        falsePositives.push({ note, finding: f });
  }
  return {
    notes: notes.length,
    cleanNotes: notes.filter((n) => n.planted.length === 0).length,
    scored,
    findings,
    falsePositives,
  };
}

/** Generated fiction of the kinds of text the scale model writes: none of it is personal data. */
export function fictionTexts(count: number, seed: number): string[] {
  const r = seededRandom(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % 4;
    texts.push(
      k === 0 || k === 1
        ? evidenceNote(r)
        : k === 2
          ? findingText(r, r() < 0.5 ? 'strength' : 'development', 'Was the child seen alone?')
          : recommendationText(r),
    );
  }
  return texts;
}

export function personalDataRows(reps: number, seed: number): Row[] {
  const s = scoreFixture();
  const found = s.scored.filter((x) => x.finding).length;
  const truePositives = s.findings - s.falsePositives.length;
  const recall = (100 * found) / s.scored.length;
  const precision = s.findings === 0 ? 100 : (100 * truePositives) / s.findings;
  const fiction = fictionTexts(4000, seed);
  const fictionAlarms = fiction.reduce((n, t) => n + detectPersonalData(t).length, 0);

  // A 5,000-character note: fixture notes end to end, as a long pasted record would be.
  let long = '';
  for (let i = 0; long.length < 5000; i++) long += `${PERSONAL_DATA_NOTES[i % PERSONAL_DATA_NOTES.length]!.text} `;
  long = long.slice(0, 5000);
  for (let i = 0; i < 20; i++) detectPersonalData(long); // warm up
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    detectPersonalData(long);
    times.push(performance.now() - t0);
  }
  const p95 = percentile(times, 95);
  return [
    {
      id: 'personalData.recall',
      name: 'personal-data detector: recall on the fixture notes',
      value: recall,
      unit: '%',
      detail: `${found} of ${s.scored.length} planted items found in ${s.notes} notes`,
      status: 'info',
    },
    {
      id: 'personalData.precision',
      name: 'personal-data detector: precision on the fixture notes',
      value: precision,
      unit: '%',
      detail:
        `${truePositives} of ${s.findings} findings planted; ${s.falsePositives.length} false alarms` +
        ` (${s.cleanNotes} clean notes)`,
      status: 'info',
    },
    {
      id: 'personalData.fiction',
      name: "personal-data detector: false alarms on the scale model's generated text",
      value: fictionAlarms,
      unit: 'findings',
      detail: `${fiction.length.toLocaleString('en-GB')} evidence notes, findings and recommendations`,
      status: 'info',
    },
    {
      id: 'personalData.detect',
      name: 'personal-data detector: one 5,000-character note',
      value: median(times),
      unit: 'ms',
      detail: `p95 ${fmt(p95, 2)} ms over ${times.length} runs; it runs as the person types`,
      target: 'p95 < 4 ms',
      status: check(p95, '<', 4),
      samples: times.length,
    },
  ];
}
