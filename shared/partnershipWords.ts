// The words the first-run set-up uses for the partnership and its partners, after Working Together to
// Safeguard Children 2023: safeguarding children partnerships (boards until 2019), the statutory
// partners with education among them, and the relevant agencies. Kept here so a test can hold them.

export const SETUP_WORDS = {
  title: 'Set up your partnership',
  intro:
    'Case Audit keeps one safeguarding children partnership’s audits. Name the partnership, and list the partner ' +
    'agencies whose work the audits look at.',
  nameLabel: 'Name of the partnership',
  nameHint: 'For example, Northshire Safeguarding Children Partnership',
  agenciesIntro:
    'The list starts with the statutory partners: the local authority’s children’s social care, health (the ' +
    'integrated care board and its trusts), the police and education (schools, colleges and early years). Then ' +
    'the relevant agencies the partnership has named. Each case’s checklists are answered by the agencies ' +
    'involved: change names to your local ones, and add or remove agencies. You can change the list later.',
} as const;
