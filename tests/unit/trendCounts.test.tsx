// @vitest-environment happy-dom
// The trend charts on the audit summary and the dashboard, and the dashboard's heatmap, show each share
// with the count it comes from; a small sample is marked and never coloured as if it were solid.
import { describe, expect, it } from 'vitest';
import { TrendChart } from '../../renderer/components/charts/TrendChart.js';
import { Heatmap } from '../../renderer/components/dashboard/Heatmap.js';
import { Trends } from '../../renderer/components/dashboard/Trends.js';
import { render } from '../helpers/dom.js';

describe('trend charts', () => {
  it('on the summary: each bar’s label and the description give the share with its count', async () => {
    const root = await render(
      <TrendChart
        title="Learning themes"
        rounds={['Round 1', 'Round 2']}
        rows={[
          {
            label: 'Voice of the child',
            marked: false,
            values: [
              { share: 5 / 8, asked: true, smallSample: false, count: { met: 5, assessed: 8 } },
              { share: 1 / 3, asked: true, smallSample: true, count: { met: 1, assessed: 3 } },
            ],
          },
        ]}
      />,
    );
    const values = [...root.querySelectorAll('.app-chart__value')].map((t) => t.textContent);
    expect(values).toEqual(['63% (5 of 8)', '33% (1 of 3)']);
    const description = root.querySelector('[id^="chart-desc-"]')?.textContent ?? '';
    expect(description).toContain('Voice of the child: Round 1 63% (5 of 8), Round 2 33% (1 of 3) (small sample).');
  });

  it('on the dashboard: each round’s bar is labelled with its count under the round', async () => {
    const root = await render(
      <Trends
        smallSampleThreshold={5}
        trends={[
          {
            seriesId: 'series-1',
            title: 'MASH audit',
            rounds: [
              { auditId: 'audit-1', round: 1, share: 0.75, assessed: 8, met: 6, smallSample: false },
              { auditId: 'audit-2', round: 2, share: 0.5, assessed: 4, met: 2, smallSample: true },
            ],
          },
        ]}
      />,
    );
    const svg = root.querySelector('.app-minichart__svg')!;
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['75%', 'Round 1', '6 of 8', '50%', 'Round 2', '2 of 4']));
    expect(svg.getAttribute('aria-label')).toContain('round 2 50% (2 of 4, small sample)');
  });

  it('heatmap: each cell gives its counts; one from fewer answers than the threshold is outlined, not coloured', async () => {
    const root = await render(
      <Heatmap
        smallSampleThreshold={5}
        heatmap={{
          agencies: [
            { id: 'agency-1', name: 'Police', kind: 'police' },
            { id: 'agency-2', name: 'Health', kind: 'health' },
          ],
          cells: [
            { theme: 'voice_of_child', agencyId: 'agency-1', assessed: 8, development: 6 },
            { theme: 'voice_of_child', agencyId: 'agency-2', assessed: 3, development: 3 },
          ],
        }}
      />,
    );
    const [solid, small] = [...root.querySelectorAll('td.app-heatmap__cell')];
    expect(solid!.textContent).toBe('75%6 of 8');
    expect(solid!.className).toMatch(/app-heat--4\b/);
    expect(small!.textContent).toBe('100%3 of 3small sample');
    expect(small!.className).toMatch(/app-heat--small\b/);
    expect(small!.className).not.toMatch(/app-heat--\d/);
  });
});
