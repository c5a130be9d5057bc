// Presentation mode's pure rules: the slides both views show, the messages between them, and the
// steps that keep a single key from writing an outcome (propose, confirm, undo).
import { describe, expect, it } from 'vitest';
import type { Panel } from '../../shared/panel.js';
import {
  cancelProposal,
  findingSlide,
  findingsInOrder,
  OUTCOME_FLOW_START,
  outcomeWords,
  panelPresentationKey,
  panelSlide,
  propose,
  readPresentationMessage,
  recorded,
  undone,
} from '../../shared/presentation.js';

const PANEL_ID = '11111111-1111-4111-8111-111111111111';
const ITEM = '22222222-2222-4222-8222-222222222222';
const POLICE = '33333333-3333-4333-8333-333333333333';
const HEALTH = '44444444-4444-4444-8444-444444444444';

function panel(overrides: Partial<Panel['items'][number]> = {}, agencyName: string | null = null): Panel {
  return {
    id: PANEL_ID,
    auditId: PANEL_ID,
    auditTitle: 'MASH audit',
    agencyId: agencyName ? POLICE : null,
    agencyName,
    title: 'MASH panel',
    heldOn: '2026-11-20',
    attendees: [],
    status: 'open',
    signedAt: null,
    signerFingerprint: null,
    items: [
      {
        id: ITEM,
        subject: 'Checks are late',
        findingId: null,
        challenge: 'Why?',
        response: '',
        responses: [],
        outcome: null,
        escalation: '',
        followUp: '',
        actionId: null,
        ...overrides,
      },
    ],
  };
}
const names = (id: string) => (id === POLICE ? 'Police' : id === HEALTH ? 'Health' : 'Unknown');

describe('slides', () => {
  it('a single-agency item shows the agency’s response under its name, and no outcome yet', () => {
    const s = panelSlide(panel({ response: 'We will chase.' }, 'Police'), 0, names);
    expect(s.position).toBe('Item 1 of 1');
    expect(s.blocks).toEqual([
      { label: 'Challenge put', text: 'Why?' },
      { label: 'Police’s response', text: 'We will chase.' },
    ]);
    expect(s.tag).toEqual({ text: 'No outcome yet', colour: 'grey' });
  });

  it('a multi-agency item shows one response per agency, in the order recorded', () => {
    const s = panelSlide(
      panel({
        responses: [
          { agencyId: HEALTH, response: 'Health checks daily.' },
          { agencyId: POLICE, response: 'Police checks weekly.' },
        ],
      }),
      0,
      names,
    );
    expect(s.blocks.map((b) => b.label)).toEqual(['Challenge put', 'Health’s response', 'Police’s response']);
  });

  it('a not-assured item carries its escalation, or says it is still to be recorded', () => {
    expect(panelSlide(panel({ outcome: 'not_assured' }), 0, names).note).toBe(
      'Escalation: to be recorded before the record is signed',
    );
    const s = panelSlide(panel({ outcome: 'not_assured', escalation: 'To the chief constable' }), 0, names);
    expect(s.tag).toEqual({ text: 'Not assured: escalate', colour: 'red' });
    expect(s.note).toBe('Escalation: To the chief constable');
  });

  it('a finding shows its stated count and a small-sample mark below the threshold', () => {
    const findings = findingsInOrder([
      { kind: 'development' as const, text: 'In some cases (2 of 8) the voice of the child was missing.' },
      { kind: 'strength' as const, text: 'In many or most cases (5 of 8) the child was seen alone.' },
      { kind: 'strength' as const, text: 'Chronologies were kept.' },
    ]);
    expect(findings.map((f) => f.kind)).toEqual(['strength', 'strength', 'development']);
    const first = findingSlide({ title: 'Neglect audit' }, findings, 0, 10);
    expect(first).toMatchObject({
      position: 'Finding 1 of 3',
      heading: 'In many or most cases (5 of 8) the child was seen alone.',
      tag: { text: 'Strength' },
      note: 'Found in 5 of 8 cases',
      mark: 'Small sample',
    });
    expect(findingSlide({ title: 'Neglect audit' }, findings, 0, 5).mark).toBeNull();
    expect(findingSlide({ title: 'Neglect audit' }, findings, 1, 10)).toMatchObject({ note: null, mark: null });
    expect(findingSlide({ title: 'Neglect audit' }, findings, 2, 10).tag?.text).toBe('Area for development');
  });
});

describe('messages between the views', () => {
  it('reads our own messages and ignores anything else', () => {
    const key = panelPresentationKey(PANEL_ID);
    expect(readPresentationMessage({ type: 'hello', key })).toEqual({ type: 'hello', key });
    const slide = panelSlide(panel(), 0, names);
    expect(readPresentationMessage({ type: 'slide', key, slide })).toEqual({ type: 'slide', key, slide });
    expect(readPresentationMessage({ type: 'slide', key, slide: { ...slide, extra: 1 } })).toBeNull();
    expect(readPresentationMessage({ type: 'hello', key: 'panel:../../x' })).toBeNull();
    expect(readPresentationMessage({ type: 'paused', key })).toEqual({ type: 'paused', key });
    expect(readPresentationMessage('hello')).toBeNull();
    expect(readPresentationMessage(null)).toBeNull();
  });
});

describe('recording an outcome: propose, confirm, undo', () => {
  const item = { id: ITEM, outcome: null };

  it('a proposal records nothing until it is confirmed; cancelling leaves nothing to undo', () => {
    const p = propose(OUTCOME_FLOW_START, item, 1, 'partly_assured');
    expect(p).toEqual({ step: 'proposed', itemId: ITEM, n: 1, outcome: 'partly_assured', undo: null });
    expect(cancelProposal(p)).toEqual(OUTCOME_FLOW_START);
  });

  it('proposing the outcome already recorded proposes nothing', () => {
    expect(propose(OUTCOME_FLOW_START, { id: ITEM, outcome: 'assured' }, 1, 'assured').step).toBe('idle');
  });

  it('once recorded, the change is offered for undoing with the outcome it replaced; undone, nothing is', () => {
    const r = recorded(propose(OUTCOME_FLOW_START, { id: ITEM, outcome: 'assured' }, 3, 'not_assured'), 'assured');
    expect(r).toEqual({ step: 'idle', undo: { itemId: ITEM, n: 3, outcome: 'not_assured', previous: 'assured' } });
    // A new proposal keeps the last change undoable until it is itself recorded.
    const again = propose(r, { id: ITEM, outcome: 'not_assured' }, 3, 'partly_assured');
    expect(again.undo).toEqual(r.undo);
    expect(undone(r)).toEqual(OUTCOME_FLOW_START);
    expect(recorded(OUTCOME_FLOW_START, null)).toEqual(OUTCOME_FLOW_START);
  });

  it('words for the outcome in a sentence', () => {
    expect(outcomeWords('not_assured')).toBe('not assured');
    expect(outcomeWords('partly_assured')).toBe('partly assured');
    expect(outcomeWords(null)).toBe('no outcome');
  });
});
