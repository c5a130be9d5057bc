// @vitest-environment happy-dom
// The board report's download on an audit's overview: "Leave out case-level detail" asks the job for
// the report without it, and the statement of the personal data the file will hold follows the box.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../shared/contract.js';
import { personalDataStatement } from '../../shared/exportPersonalData.js';
import { ApiProvider } from '../../renderer/api/context.js';
import { BoardReport } from '../../renderer/components/dashboard/BoardReport.js';
import { render as renderNode, until } from '../helpers/dom.js';

describe('the board report download', () => {
  it('asks for the report without case-level detail when the box is ticked, and says what it holds', async () => {
    const start = vi.fn(async (_input: unknown) => ({ jobId: '00000000-0000-4000-8000-000000000001' }));
    const api = {
      'jobs.start': start,
      'jobs.get': () => new Promise(() => undefined),
      'jobs.cancel': async () => ({ kind: 'report.audit', status: 'cancelled', done: 0, total: 3, stage: '' }),
    };
    const el = await renderNode(
      <ApiProvider api={api as unknown as Api}>
        <BoardReport auditId="a1" />
      </ApiProvider>,
    );
    const said = () => el.querySelector('#board-report-personal-data')?.textContent;
    expect(said()).toBe(personalDataStatement('boardReport'));
    const box = el.querySelector<HTMLInputElement>('#board-report-without-cases')!;
    expect(el.querySelector(`label[for="${box.id}"]`)?.textContent).toBe('Leave out case-level detail');
    await act(async () => box.click());
    expect(said()).toBe(personalDataStatement('boardReportWithoutCaseDetail'));
    const pdf = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Download board report (PDF)')!;
    await act(async () => pdf.click());
    await until(() => start.mock.calls.length === 1);
    expect(start).toHaveBeenCalledWith({ kind: 'report.audit', auditId: 'a1', format: 'pdf', caseDetail: false });
  });
});
