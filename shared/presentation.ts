// Presentation mode, as pure rules: what the audience sees of a slide, the messages that keep the
// presenter's and the audience's views in step, and the steps by which an outcome is proposed,
// confirmed and undone. The renderer draws them; nothing here reads or writes the record.
import { z } from 'zod';
import { PANEL_OUTCOME_LABELS, PANEL_OUTCOMES, type Panel } from './panel.js';
import { statedCount } from './prevalence.js';
import { isSmallSample } from './proportions.js';
import type { Finding } from './review.js';

type Outcome = (typeof PANEL_OUTCOMES)[number];

/** The name both views use for one presentation: a panel, or an audit's findings for the board. */
export const presentationKeySchema = z.string().regex(/^(panel|findings):[0-9a-f-]{36}$/);
export type PresentationKey = z.infer<typeof presentationKeySchema>;
export const panelPresentationKey = (panelId: string): PresentationKey => `panel:${panelId}`;
export const findingsPresentationKey = (auditId: string): PresentationKey => `findings:${auditId}`;

const text = z.string().max(20_000);

/** What the audience is shown: the slide as text, with nothing to press. */
export const audienceSlideSchema = z.strictObject({
  /** The presentation's own title: the panel's, or the audit's. */
  title: text,
  /** "Item 2 of 7", "Finding 5 of 8". */
  position: text,
  heading: text,
  blocks: z.array(z.strictObject({ label: text, text })).max(60),
  /** The outcome recorded, or the finding's kind, as a tag. */
  tag: z.strictObject({ text, colour: z.enum(['grey', 'green', 'yellow', 'red', 'blue', 'purple']) }).nullable(),
  /** A line under the tag: a count "5 of 8", an escalation step. */
  note: text.nullable(),
  /** "Small sample" when the count stated comes from fewer cases than the board's threshold. */
  mark: text.nullable(),
});
export type AudienceSlide = z.infer<typeof audienceSlideSchema>;

/**
 * Messages on the shared channel between the two views: the audience asks for the slide when it
 * opens (`hello`); the presenter sends the slide whenever it changes, `paused` while its session is
 * locked, and `end` when it leaves.
 */
export const presentationMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), key: presentationKeySchema }),
  z.strictObject({ type: z.literal('slide'), key: presentationKeySchema, slide: audienceSlideSchema }),
  z.strictObject({ type: z.literal('end'), key: presentationKeySchema }),
  /** The presenter's window is locked: the room's view blanks until it is unlocked. */
  z.strictObject({ type: z.literal('paused'), key: presentationKeySchema }),
]);
export type PresentationMessage = z.infer<typeof presentationMessageSchema>;

/** A message from the channel, or null when it is not one of ours (anything else is ignored). */
export function readPresentationMessage(data: unknown): PresentationMessage | null {
  const parsed = presentationMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export const PRESENTATION_CHANNEL = 'case-audit.presentation';

const OUTCOME_TAG_COLOURS: Record<Outcome, 'green' | 'yellow' | 'red'> = {
  assured: 'green',
  partly_assured: 'yellow',
  not_assured: 'red',
};

const orNotYet = (s: string) => s.trim() || 'Not recorded yet';

/**
 * A panel item as the room sees it. An item of a multi-agency panel shows each agency's response
 * under its name; `agencyName` names the board's agencies by id.
 */
export function panelSlide(panel: Panel, index: number, agencyName: (id: string) => string): AudienceSlide {
  const item = panel.items[index];
  if (!item) {
    return {
      title: panel.title,
      position: '',
      heading: 'This panel has no items yet',
      blocks: [],
      tag: null,
      note: null,
      mark: null,
    };
  }
  const responses =
    item.responses.length > 0
      ? [
          ...item.responses.map((r) => ({ label: `${agencyName(r.agencyId)}’s response`, text: r.response })),
          ...(item.response.trim() ? [{ label: 'Response', text: item.response }] : []),
        ]
      : [
          {
            label: panel.agencyName ? `${panel.agencyName}’s response` : 'Agency’s response',
            text: orNotYet(item.response),
          },
        ];
  return {
    title: panel.title,
    position: `Item ${index + 1} of ${panel.items.length}`,
    heading: item.subject,
    blocks: [{ label: 'Challenge put', text: orNotYet(item.challenge) }, ...responses],
    tag: item.outcome
      ? { text: PANEL_OUTCOME_LABELS[item.outcome], colour: OUTCOME_TAG_COLOURS[item.outcome] }
      : { text: 'No outcome yet', colour: 'grey' },
    note:
      item.outcome === 'not_assured'
        ? `Escalation: ${item.escalation.trim() || 'to be recorded before the record is signed'}`
        : null,
    mark: null,
  };
}

/** The order findings are presented to the board: strengths, then development areas, as written. */
export function findingsInOrder<T extends Pick<Finding, 'kind'>>(findings: readonly T[]): T[] {
  return [...findings.filter((f) => f.kind === 'strength'), ...findings.filter((f) => f.kind !== 'strength')];
}

/** "5 of 8" when the finding states its count; whether that count is a small sample. */
export function findingCount(text: string, threshold: number): { words: string; small: boolean } | null {
  const stated = statedCount(text);
  return stated ? { words: `${stated.count} of ${stated.of}`, small: isSmallSample(stated.of, threshold) } : null;
}

/** One finding of an audit on its own slide, with its count and a small-sample mark. */
export function findingSlide(
  audit: { title: string },
  findings: readonly Pick<Finding, 'kind' | 'text'>[],
  index: number,
  threshold: number,
): AudienceSlide {
  const f = findings[index];
  if (!f) {
    return {
      title: audit.title,
      position: '',
      heading: 'This audit has no written findings yet',
      blocks: [],
      tag: null,
      note: null,
      mark: null,
    };
  }
  const count = findingCount(f.text, threshold);
  return {
    title: audit.title,
    position: `Finding ${index + 1} of ${findings.length}`,
    heading: f.text,
    blocks: [],
    tag:
      f.kind === 'strength'
        ? { text: 'Strength', colour: 'green' }
        : { text: 'Area for development', colour: 'yellow' },
    note: count ? `Found in ${count.words} cases` : null,
    mark: count?.small ? 'Small sample' : null,
  };
}

/**
 * Recording an outcome in steps: a key or button proposes it, a confirmation records it, and the
 * last recorded change can be undone (put back to the outcome it replaced).
 */
export type OutcomeFlow =
  | { step: 'idle'; undo: RecordedOutcome | null }
  | { step: 'proposed'; itemId: string; n: number; outcome: Outcome | null; undo: RecordedOutcome | null };

export interface RecordedOutcome {
  itemId: string;
  n: number;
  outcome: Outcome | null;
  /** What it replaced: what an undo puts back. */
  previous: Outcome | null;
}

export const OUTCOME_FLOW_START: OutcomeFlow = { step: 'idle', undo: null };

/** A proposal; proposing what is already recorded proposes nothing. */
export function propose(
  flow: OutcomeFlow,
  item: { id: string; outcome: Outcome | null },
  n: number,
  outcome: Outcome | null,
): OutcomeFlow {
  if (item.outcome === outcome) return { step: 'idle', undo: flow.undo };
  return { step: 'proposed', itemId: item.id, n, outcome, undo: flow.undo };
}

export function cancelProposal(flow: OutcomeFlow): OutcomeFlow {
  return { step: 'idle', undo: flow.undo };
}

/** After the confirmed outcome is saved: the change it made is the one offered for undoing. */
export function recorded(flow: OutcomeFlow, previous: Outcome | null): OutcomeFlow {
  if (flow.step !== 'proposed') return flow;
  return { step: 'idle', undo: { itemId: flow.itemId, n: flow.n, outcome: flow.outcome, previous } };
}

/** After the undo is saved: nothing more to undo. */
export function undone(flow: OutcomeFlow): OutcomeFlow {
  return flow.step === 'proposed' ? { ...flow, undo: null } : { step: 'idle', undo: null };
}

/** "assured", "partly assured", "not assured", "no outcome": in a sentence. */
export function outcomeWords(outcome: Outcome | null): string {
  return outcome === null ? 'no outcome' : PANEL_OUTCOME_LABELS[outcome].replace(/:.*$/, '').toLowerCase();
}
