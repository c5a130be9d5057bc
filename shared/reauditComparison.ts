// Re-audit comparison: the same audit run again (often with a revised template) to show whether
// practice changed. Questions are matched across rounds by id; a changed wording is flagged rather
// than hidden, because a different question can move the share as much as different practice.
import type { PrevalenceCounts, PrevalenceResult } from './prevalence.js';
import { allQuestions, type Question, type Template } from './template.js';
import { LEARNING_THEMES, type LearningTheme } from './vocabulary.js';

export interface ReauditRound {
  auditId: string;
  label: string; // e.g. "2016 baseline", "Re-audit 2017"
  template: Template;
  prevalence: PrevalenceResult; // computed with this round's template
}

export interface RoundShare {
  auditId: string;
  label: string;
  asked: boolean; // the round's template has the question (or a question tagged with the theme)
  casesAssessed: number;
  strengthCount: number;
  share: number | null; // strengthCount / casesAssessed; null when not asked or no case assessed
}
export interface QuestionRoundShare extends RoundShare {
  text: string | null; // the wording used in this round
}

export interface QuestionComparison {
  questionId: string;
  text: string; // the wording of the latest round that asked it
  wordingChanged: boolean;
  typeChanged: boolean; // e.g. yes/partly/no became a grade: shares compare less directly
  rounds: QuestionRoundShare[];
}
export interface ThemeComparison {
  theme: LearningTheme;
  wordingChanged: boolean; // a question tagged with the theme changed wording between rounds
  questionsChanged: boolean; // the theme's questions differ between the rounds that asked it
  rounds: RoundShare[];
}
export interface ReauditComparison {
  rounds: { auditId: string; label: string; templateId: string; templateVersion: number }[];
  questions: QuestionComparison[];
  themes: ThemeComparison[];
}

const emptyCounts: PrevalenceCounts = {
  casesAssessed: 0,
  strengthCases: [],
  developmentCases: [],
  strengthBucket: 'none',
  developmentBucket: 'none',
};

function shareOf(round: ReauditRound, p: PrevalenceCounts | undefined): RoundShare {
  const base = { auditId: round.auditId, label: round.label };
  if (!p) return { ...base, asked: false, casesAssessed: 0, strengthCount: 0, share: null };
  const strengthCount = p.strengthCases.length;
  return {
    ...base,
    asked: true,
    casesAssessed: p.casesAssessed,
    strengthCount,
    share: p.casesAssessed > 0 ? strengthCount / p.casesAssessed : null,
  };
}

const differ = <T>(values: readonly T[]) => new Set(values).size > 1;

/** Question order: the latest round's template, then questions dropped earlier, latest first. */
function questionOrder(rounds: readonly ReauditRound[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const r of [...rounds].reverse()) {
    for (const q of allQuestions(r.template)) {
      if (!seen.has(q.id)) order.push(q.id);
      seen.add(q.id);
    }
  }
  return order;
}

/** Compare rounds given in the order they were run (earliest first). */
export function compareRounds(rounds: readonly ReauditRound[]): ReauditComparison {
  for (const r of rounds) {
    if (r.prevalence.templateId !== r.template.id || r.prevalence.templateVersion !== r.template.version) {
      throw new Error(`round "${r.label}": the findings were not computed with this round's template`);
    }
  }
  const byId = rounds.map((r) => new Map(allQuestions(r.template).map((q) => [q.id, q])));

  const questions = questionOrder(rounds).map((id): QuestionComparison => {
    const asked = byId.map((m) => m.get(id)).filter((q): q is Question => q !== undefined);
    return {
      questionId: id,
      text: asked[asked.length - 1]?.text ?? '',
      wordingChanged: differ(asked.map((q) => q.text.trim())),
      typeChanged: differ(asked.map((q) => q.type)),
      rounds: rounds.map((r, i) => {
        const q = byId[i]?.get(id);
        // A question the template asks but prevalence omits cannot happen for a matching template;
        // treat it as asked with nothing assessed rather than as not asked.
        const p = q ? (r.prevalence.questions.find((x) => x.questionId === id) ?? emptyCounts) : undefined;
        return { ...shareOf(r, p), text: q?.text ?? null };
      }),
    };
  });
  const wordingChangedIds = new Set(questions.filter((q) => q.wordingChanged).map((q) => q.questionId));

  const themes: ThemeComparison[] = [];
  for (const theme of LEARNING_THEMES) {
    const perRound = rounds.map((r) => r.prevalence.themes.find((t) => t.theme === theme));
    if (perRound.every((t) => t === undefined)) continue;
    const questionSets = perRound.filter((t) => t !== undefined).map((t) => [...t.questionIds].sort().join('\n'));
    themes.push({
      theme,
      wordingChanged: perRound.some((t) => t?.questionIds.some((id) => wordingChangedIds.has(id)) ?? false),
      questionsChanged: differ(questionSets),
      rounds: rounds.map((r, i) => shareOf(r, perRound[i])),
    });
  }

  return {
    rounds: rounds.map((r) => ({
      auditId: r.auditId,
      label: r.label,
      templateId: r.template.id,
      templateVersion: r.template.version,
    })),
    questions,
    themes,
  };
}

/**
 * A share as a whole percentage ("35%"); "—" for no share. Rounded half up after trimming float
 * noise, so 57 of 200 (0.285) shows as 29%, not 28%.
 */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${Math.round(Number((share * 100).toPrecision(12)))}%`;
}
