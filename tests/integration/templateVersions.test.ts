import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../shared/templates/index.js';
import { freshApp, setUpBoard, type Fixture } from '../helpers/fixtures.js';

let f: Fixture;
beforeEach(() => {
  f = freshApp();
});
afterEach(() => f.cleanup());

const templateCount = () => (f.app.db.prepare('SELECT count(*) AS n FROM template').get() as { n: number }).n;

describe('template versions', () => {
  it('lists the built-in library in its own order, MASH first', async () => {
    const list = await f.h['templates.list']({});
    expect(list.map((t) => t.id)).toEqual(BUILTIN_TEMPLATES.map((t) => t.id));
    expect(list[0]!.id).toBe('mash-front-door');
  });

  it('publishes an edited draft as version 2 while an existing audit keeps version 1', async () => {
    await setUpBoard(f.h);
    const audit = await f.h['audits.create']({ title: 'Started on v1', templateId: 'mash-front-door' });
    const draft = await f.h['templateDrafts.create']({ fromId: 'mash-front-door', fromVersion: 1, as: 'new_version' });
    expect(draft.template.version).toBe(2);
    const edited = structuredClone(draft.template);
    edited.sections[0]!.questions[0]!.text = 'Reworded for version 2?';
    edited.sections[0]!.questions.reverse();
    await f.h['templateDrafts.save']({ draftId: draft.id, template: edited });
    const published = await f.h['templateDrafts.publish']({ draftId: draft.id });
    expect(published).toMatchObject({ id: 'mash-front-door', version: 2, latest: true, builtin: false });

    const detail = await f.h['audits.get']({ auditId: audit.id });
    expect(detail.audit.templateVersion).toBe(1);
    const v1 = await f.h['templates.get']({ id: 'mash-front-door', version: 1 });
    expect(v1.sections[0]!.questions[0]!.text).not.toBe('Reworded for version 2?');
    const next = await f.h['audits.create']({ title: 'Started on v2', templateId: 'mash-front-door' });
    expect(next.templateVersion).toBe(2);
    expect(await f.h['templateDrafts.list']({})).toEqual([]);
  });

  it('copies a template as a new one of the board’s own', async () => {
    const draft = await f.h['templateDrafts.create']({ fromId: 'missing-children', fromVersion: 1, as: 'copy' });
    expect(draft.template).toMatchObject({
      id: 'missing-children-copy',
      version: 1,
      title: 'Copy of ' + BUILTIN_TEMPLATES.find((t) => t.id === 'missing-children')!.title,
    });
    const published = await f.h['templateDrafts.publish']({ draftId: draft.id });
    expect(published).toMatchObject({ id: 'missing-children-copy', version: 1 });
    const again = await f.h['templateDrafts.create']({ fromId: 'missing-children', fromVersion: 1, as: 'copy' });
    expect(again.templateId).toBe('missing-children-copy-2');
  });

  it('refuses an invalid draft with the path of the problem and keeps the saved one', async () => {
    const draft = await f.h['templateDrafts.create']({ fromId: 'mash-front-door', fromVersion: 1, as: 'new_version' });
    const bad = structuredClone(draft.template) as unknown as { sections: { questions: { type: string }[] }[] };
    bad.sections[1]!.questions[2]!.type = 'essay';
    await expect(f.h['templateDrafts.save']({ draftId: draft.id, template: bad as never })).rejects.toThrow(
      /template\.sections\[1\]\.questions\[2\]\.type/,
    );
    expect((await f.h['templateDrafts.get']({ draftId: draft.id })).template).toEqual(draft.template);
  });

  it('exports to JSON and imports it back identically; a bad file imports nothing', async () => {
    const exported = await f.h['templates.export']({ id: 'section-11-self-assessment-2023', version: 1 });
    expect(exported.fileName).toBe('section-11-self-assessment-2023-v1.json');
    await expect(f.h['templates.import']({ json: exported.json })).rejects.toThrow(
      /already here; nothing was imported/,
    );

    const moved = JSON.parse(exported.json) as { id: string };
    moved.id = 'imported-s11';
    const summary = await f.h['templates.import']({ json: JSON.stringify(moved) });
    expect(summary).toMatchObject({ id: 'imported-s11', version: 1, builtin: false });
    const back = await f.h['templates.get']({ id: 'imported-s11', version: 1 });
    const original = await f.h['templates.get']({ id: 'section-11-self-assessment-2023', version: 1 });
    expect(back).toEqual({ ...original, id: 'imported-s11' });

    const before = templateCount();
    const broken = JSON.parse(exported.json) as { id: string; sections: { questions: { type: string }[] }[] };
    broken.id = 'broken';
    broken.sections[2]!.questions[4]!.type = 'hologram';
    await expect(f.h['templates.import']({ json: JSON.stringify(broken) })).rejects.toThrow(
      /sections\[2\]\.questions\[4\]\.type/,
    );
    await expect(f.h['templates.import']({ json: '{ not json' })).rejects.toThrow(/not valid JSON/);
    expect(templateCount()).toBe(before);
  });
});
