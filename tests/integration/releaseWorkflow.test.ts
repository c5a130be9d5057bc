// The release pipeline cannot run here (it downloads Electron's binary, and runs on three operating
// systems), so what it calls is checked here: the scripts it runs exist, the Playwright project it
// names exists, it installs Electron's binary, signs only with secrets, and publishes nothing but a
// draft release of the installers for a version tag.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push: { tags: string[] } };
  jobs: Record<
    string,
    {
      strategy?: { matrix: { include: Array<{ os: string; platform: string }> } };
      steps: Step[];
      if?: string;
      needs?: string;
    }
  >;
}

const text = readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8');
const workflow = yaml.load(text) as Workflow;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const build = workflow.jobs.build!;
const runs = build.steps.flatMap((s) =>
  s.run
    ? s.run
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    : [],
);

describe('the release workflow', () => {
  it('builds on Windows, macOS and Linux, for each of electron-builder’s platforms', () => {
    expect(build.strategy!.matrix.include).toEqual([
      { os: 'ubuntu-latest', platform: 'linux' },
      { os: 'windows-latest', platform: 'win' },
      { os: 'macos-latest', platform: 'mac' },
    ]);
    expect(runs).toContain('npm run dist -- --${{ matrix.platform }}');
  });

  it('runs only scripts package.json has, with npm test on Linux under xvfb', () => {
    const named = runs.flatMap((line) => [...line.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(3);
    for (const script of named) expect(pkg.scripts, script).toHaveProperty(script);
    expect(runs).toContain('xvfb-run --auto-servernum npm test');
    expect(pkg.scripts['test:electron']).toBe('playwright test --project electron');
    expect(readFileSync(join(ROOT, 'playwright.config.ts'), 'utf8')).toMatch(
      /name: 'electron', testDir: 'tests\/electron'/,
    );
  });

  it('installs Electron’s binary there, unlike here, and never publishes from electron-builder', () => {
    expect(text).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD\s*[:=]/);
    expect(runs).toContain('npm ci');
    expect(pkg.scripts.dist).toMatch(
      /^npm run build && node bin\/electron-native\.js && electron-builder --publish never$/,
    );
  });

  it('signs only with secrets, each named once, in the installers step', () => {
    const withSecrets = build.steps.filter((s) => JSON.stringify(s).includes('secrets.'));
    expect(withSecrets.map((s) => s.name)).toEqual(['Installers']);
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'APPLE_ID', 'APPLE_TEAM_ID'])
      expect(withSecrets[0]!.env![name]).toBe(`\${{ secrets.${name} }}`);
  });

  it('drafts a release with the installers only for a version tag', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    const release = workflow.jobs.release!;
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(release.needs).toBe('build');
    expect(release.steps.at(-1)!.run).toMatch(/^gh release create .* --draft /);
  });
});
