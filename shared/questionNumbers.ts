// How sections and questions are numbered wherever a template is shown or printed: by their place in
// the template, never by their place among the sections one agency sees, so question 5.3 is in
// "Section 5 of 6" on every screen, in the printed blank tool and in the exports.
export interface TemplateNumbers {
  /** Section id → its number in the template, from 1. */
  sections: ReadonlyMap<string, number>;
  /** Question id → "section.question", e.g. "5.3". */
  questions: ReadonlyMap<string, string>;
  sectionCount: number;
}

/** Only ids are read, so a built-in template's input form and a parsed template both fit. */
export function templateNumbers(template: {
  sections: readonly { id: string; questions: readonly { id: string }[] }[];
}): TemplateNumbers {
  const sections = new Map<string, number>();
  const questions = new Map<string, string>();
  template.sections.forEach((s, si) => {
    sections.set(s.id, si + 1);
    s.questions.forEach((q, qi) => questions.set(q.id, `${si + 1}.${qi + 1}`));
  });
  return { sections, questions, sectionCount: template.sections.length };
}

/** "Section 5 of 6": the section's number in the template and the template's number of sections. */
export function sectionCaption(numbers: TemplateNumbers, sectionId: string): string {
  const n = numbers.sections.get(sectionId);
  if (n === undefined) throw new RangeError(`no section "${sectionId}" in this template`);
  return `Section ${n} of ${numbers.sectionCount}`;
}
