// @vitest-environment happy-dom
// Personal data on two screens, against a fake Api: the import results list what looks like personal
// data in each audit imported, for the QA sub-committee; the settings' words for the detector are
// saved one a line, and a word too long is refused on its field.
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../shared/contract.js';
import type { PersonalDataTermsView } from '../../shared/personalData/review.js';
import { ApiProvider } from '../../renderer/api/context.js';
import { ImportResults, type ImportRow } from '../../renderer/components/bundles/ImportResults.js';
import { PartnershipWords } from '../../renderer/components/personalData/PartnershipWords.js';
import { container, render, submit, type, until } from '../helpers/dom.js';

const AUDIT_ID = '7d6c1f7e-8a43-4c55-9a3e-3f1f0b6a2c11';
const TEXT = 'Seen at home with mum Sarah Jones.';

describe('the import results', () => {
  it('list the flagged passages of an audit imported, where each is and what it holds', async () => {
    const rows: ImportRow[] = [
      {
        key: 'a',
        fileName: 'neglect-r1.caseaudit',
        result: {
          outcome: 'added',
          auditId: AUDIT_ID,
          auditTitle: 'Neglect audit 2026',
          revision: 1,
          superseded: null,
          message: 'added revision 1',
          personalData: {
            total: 1,
            passages: [
              {
                field: 'evidence',
                where: 'Case R-104, Police, question “Was the child seen alone?”: evidence note',
                caseId: null,
                caseReference: 'R-104',
                agencyId: null,
                agencyName: 'Police',
                checklistId: null,
                questionId: 'seen-alone',
                recordId: null,
                text: TEXT,
                findings: [
                  { kind: 'name', start: 22, end: 33, text: 'Sarah Jones', confidence: 'medium', reason: 'a name' },
                ],
              },
            ],
          },
        },
      },
    ];
    await render(<ImportResults rows={rows} headingRef={null} finished />);
    expect(container.textContent).toContain('1 passage looks like personal data: listed below.');
    const section = container.querySelector('[aria-labelledby="imported-personal-data-heading"]')!;
    expect(section.querySelector('h2')!.textContent).toBe('Personal data to check in what was imported');
    expect(section.querySelector('h3')!.textContent).toBe('Neglect audit 2026, revision 1: 1 passage');
    const card = section.querySelector('.govuk-summary-card')!;
    expect(card.querySelector('h4')!.textContent).toContain('Case R-104, Police');
    expect(card.textContent).toContain('a name (“Sarah Jones”)');
    expect(card.querySelector('mark')!.textContent).toBe('Sarah Jones');
    // Read only: a signed revision cannot be fixed or dismissed here.
    expect(card.querySelector('button')).toBeNull();
  });
});

describe("the partnership's words in the settings", () => {
  it('are saved one a line, without blank lines or repeats', async () => {
    let saved: PersonalDataTermsView = { excludedTerms: ['Kingsmead'], extraNames: [], boardTerms: ['Police'] };
    const setTerms = vi.fn(async (terms: { excludedTerms: string[]; extraNames: string[] }) => {
      saved = { ...terms, boardTerms: ['Police'] };
      return saved;
    });
    const api = { 'personalData.terms': async () => saved, 'personalData.setTerms': setTerms } as unknown as Api;
    await render(
      <ApiProvider api={api}>
        <PartnershipWords />
      </ApiProvider>,
    );
    await until(() => document.getElementById('personal-data-excluded') !== null);
    const excluded = document.getElementById('personal-data-excluded') as HTMLTextAreaElement;
    expect(excluded.value).toBe('Kingsmead');
    expect(container.textContent).toContain('never flagged (Police)');
    await type(excluded, 'Kingsmead\n\nHope Street Family Centre\nkingsmead\n');
    await type(document.getElementById('personal-data-names') as HTMLTextAreaElement, 'Zebedee');
    await submit();
    await until(() => setTerms.mock.calls.length === 1);
    expect(setTerms.mock.calls[0]![0]).toEqual({
      excludedTerms: ['Kingsmead', 'Hope Street Family Centre'],
      extraNames: ['Zebedee'],
    });
    await until(() => container.textContent!.includes('Saved: 2 words that are not names, 1 added name'));
  });

  it('refuses a word over 100 characters on its own field', async () => {
    const setTerms = vi.fn();
    const api = {
      'personalData.terms': async () => ({ excludedTerms: [], extraNames: [], boardTerms: [] }),
      'personalData.setTerms': setTerms,
    } as unknown as Api;
    await render(
      <ApiProvider api={api}>
        <PartnershipWords />
      </ApiProvider>,
    );
    await until(() => document.getElementById('personal-data-excluded') !== null);
    await type(document.getElementById('personal-data-excluded') as HTMLTextAreaElement, 'x'.repeat(101));
    await submit();
    await until(() => document.getElementById('personal-data-excluded-error') !== null);
    expect(document.getElementById('personal-data-excluded-error')!.textContent).toContain(
      'Each word or phrase must be 100 characters or fewer',
    );
    expect(setTerms).not.toHaveBeenCalled();
  });
});
