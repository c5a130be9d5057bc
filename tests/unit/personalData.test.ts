import { describe, expect, it } from 'vitest';
import {
  detectPersonalData,
  nhsCheckDigitValid,
  niPrefixValid,
  personalDataDetector,
  type PersonalDataKind,
} from '../../shared/personalData/detect.js';

/** [text, confidence] of the findings of one kind. */
const found = (text: string, kind: PersonalDataKind, options?: Parameters<typeof detectPersonalData>[1]) =>
  detectPersonalData(text, options)
    .filter((f) => f.kind === kind)
    .map((f) => [f.text, f.confidence]);

describe('NHS numbers', () => {
  // 943 476 5919: 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9 ✓.
  // 401 023 2137: 40 + 0 + 8 + 0 + 12 + 15 + 8 + 3 + 6 = 92; 92 mod 11 = 4; 11 − 4 = 7 ✓.
  // 401 023 2110: 40 + 0 + 8 + 0 + 12 + 15 + 8 + 3 + 2 = 88; 88 mod 11 = 0; 11 − 0 = 11, which is 0 ✓.
  // 401 023 217x: 40 + 0 + 8 + 0 + 12 + 15 + 8 + 3 + 14 = 100; 100 mod 11 = 1; 11 − 1 = 10: never valid.
  it('checks the modulus-11 check digit', () => {
    expect(nhsCheckDigitValid('9434765919')).toBe(true);
    expect(nhsCheckDigitValid('4010232137')).toBe(true);
    expect(nhsCheckDigitValid('4010232110')).toBe(true);
    expect(nhsCheckDigitValid('9434765910')).toBe(false);
    expect(nhsCheckDigitValid('4010232138')).toBe(false);
    for (let d = 0; d <= 9; d++) expect(nhsCheckDigitValid(`401023217${d}`)).toBe(false);
    expect(nhsCheckDigitValid('943476591')).toBe(false);
  });

  it('flags valid numbers high, spaced 3-3-4 or not, and invalid ones low', () => {
    expect(found('NHS no. 943 476 5919 on file', 'nhs_number')).toEqual([['943 476 5919', 'high']]);
    expect(found('NHS 9434765919.', 'nhs_number')).toEqual([['9434765919', 'high']]);
    expect(found('ref 401-023-2137', 'nhs_number')).toEqual([['401-023-2137', 'high']]);
    expect(found('NHS 943 476 5910', 'nhs_number')).toEqual([['943 476 5910', 'low']]);
  });

  it('does not take part of a longer number, or mixed spacing', () => {
    expect(found('case 19434765919', 'nhs_number')).toEqual([]);
    expect(found('9434 765 919', 'nhs_number')).toEqual([]);
    expect(found('943 4765919', 'nhs_number')).toEqual([]);
  });
});

describe('National Insurance numbers', () => {
  it('follows the HMRC prefix rules', () => {
    expect(niPrefixValid('AB')).toBe(true);
    for (const bad of ['DA', 'FA', 'IA', 'QA', 'UA', 'VA', 'AD', 'AO', 'BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'])
      expect(niPrefixValid(bad), bad).toBe(false);
  });

  it('flags well-formed numbers with a suffix A–D, spaced or not', () => {
    expect(found('NI AB123456C', 'ni_number')).toEqual([['AB123456C', 'high']]);
    expect(found('NINO: JG 10 37 25 A.', 'ni_number')).toEqual([['JG 10 37 25 A', 'high']]);
  });

  it('does not flag a disallowed prefix, a wrong suffix or missing digits', () => {
    expect(found('GB123456A', 'ni_number')).toEqual([]);
    expect(found('QQ123456C', 'ni_number')).toEqual([]);
    expect(found('AO123456C', 'ni_number')).toEqual([]);
    expect(found('AB123456E', 'ni_number')).toEqual([]);
    expect(found('AB12345C', 'ni_number')).toEqual([]);
  });
});

describe('postcodes', () => {
  it('flags full postcodes high in each format, and GIR 0AA', () => {
    for (const pc of ['M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'EC1A 1BB', 'LS62AB', 'GIR 0AA'])
      expect(found(`lives near ${pc} now`, 'postcode'), pc).toEqual([[pc, 'high']]);
  });

  it('flags an outward code alone low, in a two-letter area only', () => {
    expect(found('moved to LS6 last year', 'postcode')).toEqual([['LS6', 'low']]);
    expect(found('the SW1A office', 'postcode')).toEqual([['SW1A', 'low']]);
  });

  it('leaves section numbers, school years and look-alikes alone', () => {
    for (const text of [
      'an S47 enquiry',
      'in Y6 at school',
      'vitamin B12',
      'form CP1 sent',
      'a Q1 2024 figure',
      'QA1 1AA',
    ])
      expect(found(text, 'postcode'), text).toEqual([]);
  });
});

describe('dates of birth', () => {
  it('flags a date with DOB, date of birth or born', () => {
    expect(found('DOB 03/04/2015', 'date_of_birth')).toEqual([['DOB 03/04/2015', 'high']]);
    expect(found('D.O.B: 3.4.15', 'date_of_birth')).toEqual([['D.O.B: 3.4.15', 'high']]);
    expect(found('date of birth 2015-04-03', 'date_of_birth')).toEqual([['date of birth 2015-04-03', 'high']]);
    expect(found('she was born on 3 April 2015.', 'date_of_birth')).toEqual([['born on 3 April 2015', 'high']]);
    expect(found('born 3rd of Apr 2015', 'date_of_birth')).toEqual([['born 3rd of Apr 2015', 'high']]);
    expect(found('born in March 2016', 'date_of_birth')).toEqual([['born in March 2016', 'high']]);
  });

  it('flags an age with a date medium, and the date of birth in it high', () => {
    expect(found('aged 7 (d.o.b 12.05.2016)', 'date_of_birth')).toEqual([['d.o.b 12.05.2016', 'high']]);
    expect(found('Aged 9, seen on 14/02/2024', 'date_of_birth')).toEqual([['Aged 9, seen on 14/02/2024', 'medium']]);
  });

  it('leaves dates of events and ages without dates alone', () => {
    expect(found('Seen on 03/04/2024 at school.', 'date_of_birth')).toEqual([]);
    expect(found('The child, aged 7, was seen alone.', 'date_of_birth')).toEqual([]);
    expect(found('Conference held on 3 April 2024.', 'date_of_birth')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it('flags UK mobiles and landlines, with +44 forms', () => {
    for (const phone of [
      '07700 900123',
      '07700900123',
      '+44 7700 900123',
      '0113 496 0000',
      '020 7946 0018',
      '+44 (0)20 7946 0018',
      '01632 960123',
    ])
      expect(found(`call ${phone} today`, 'phone'), phone).toEqual([[phone, 'high']]);
  });

  it('leaves short numbers, years and counts alone', () => {
    for (const text of ['call 999 or 101', 'between 2019 and 2024', '12 visits in 2023', 'ref 0113'])
      expect(found(text, 'phone'), text).toEqual([]);
  });
});

describe('email addresses', () => {
  it('flags addresses and not an @ alone', () => {
    expect(found('email j.smith@example.org.uk please', 'email')).toEqual([['j.smith@example.org.uk', 'high']]);
    expect(found('met @ school', 'email')).toEqual([]);
  });
});

describe('street addresses', () => {
  it('flags a house number, capitalised words and a street word high', () => {
    expect(found('lives at 12 Acacia Avenue with Mum', 'address')).toEqual([['12 Acacia Avenue', 'high']]);
    expect(found('moved to 3a Long Meadow Close.', 'address')).toEqual([['3a Long Meadow Close', 'high']]);
    expect(found('seen at Flat 4, 27 Church Street', 'address')).toEqual([['Flat 4, 27 Church Street', 'high']]);
  });

  it('flags a street name without a number medium', () => {
    expect(found('the family lives on Birch Grove', 'address')).toEqual([['Birch Grove', 'medium']]);
  });

  it('leaves courts, places and counts alone', () => {
    for (const text of [
      'heard at the Family Court',
      '3 Child Protection Conferences',
      '12 The Road',
      'Early Help Way of working',
    ])
      expect(found(text, 'address'), text).toEqual([]);
  });
});

describe('personal names', () => {
  it('flags a title and a capitalised word high', () => {
    expect(found('Mrs Jones attended', 'name')).toEqual([['Mrs Jones', 'high']]);
    expect(found('seen by Dr. Ahmed Khan', 'name')).toEqual([['Dr. Ahmed Khan', 'high']]);
    expect(found('Mr J Smith rang', 'name')).toEqual([['Mr J Smith', 'high']]);
    expect(found('Mrs May agreed', 'name')).toEqual([['Mrs May', 'high']]);
  });

  it('flags a listed first name and a surname medium', () => {
    expect(found('Sarah Jones was seen', 'name')).toEqual([['Sarah Jones', 'medium']]);
    expect(found('spoke to Grace Okafor', 'name')).toEqual([['Grace Okafor', 'medium']]);
  });

  it('flags a name after a family word medium', () => {
    expect(found('seen with mum Sarah at home', 'name')).toEqual([['Sarah', 'medium']]);
    expect(found('her brother, Tyler, was present', 'name')).toEqual([['Tyler', 'medium']]);
    expect(found('uncle called Darren', 'name')).toEqual([['Darren', 'medium']]);
  });

  it('flags a lone listed first name low', () => {
    expect(found('the child said that Jayden hurts her', 'name')).toEqual([['Jayden', 'low']]);
  });

  it('does not take words that are also names without a title or surname', () => {
    for (const text of [
      'Mark the case as closed.',
      'Will the school be told?',
      'May need a follow-up.',
      'Hope for improvement was not backed by a plan.',
      'Faith and culture were not considered.',
      'Grace period agreed.',
      'Bill for the taxi was paid by the school.',
      'Joy at the news was short-lived.',
      'Rose to the challenge.',
    ])
      expect(found(text, 'name'), text).toEqual([]);
  });

  it('does not take pseudonyms, roles or safeguarding vocabulary', () => {
    for (const text of [
      'Child A seen alone at school, said she feels safe with Mum.',
      "Children's Services and Early Help attended; MASH referral made.",
      'Police attended with the Health Visitor.',
      'Mum said Child B was at Nan’s.',
      'Dad Will attend the conference.',
    ])
      expect(found(text, 'name'), text).toEqual([]);
  });

  it('excludes the agency, place and team names the partnership lists', () => {
    const text = 'Referred to Summer Lodge by Hollie Dean; Oakwood Family Centre asked Alice Park Primary.';
    expect(found(text, 'name')).toContainEqual(['Hollie Dean', 'medium']);
    const excluded = { excludedTerms: ['Alice Park Primary', 'Summer Lodge'] };
    expect(found(text, 'name', excluded)).toEqual([['Hollie Dean', 'medium']]);
  });

  it('flags the names the partnership adds', () => {
    expect(found('spoke to Tamsyn about it', 'name')).toEqual([]);
    expect(found('spoke to Tamsyn about it', 'name', { extraNames: ['Tamsyn'] })).toEqual([['Tamsyn', 'low']]);
  });
});

describe('findings', () => {
  it('give spans into the text and do not overlap', () => {
    const text = 'Mrs Jones (DOB 03/04/2015) lives at 12 Acacia Avenue, LS6 2AB; call 07700 900123.';
    const findings = detectPersonalData(text);
    expect(findings.map((f) => f.kind)).toEqual(['name', 'date_of_birth', 'address', 'postcode', 'phone']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    for (let i = 1; i < findings.length; i++) expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
  });

  it('find nothing in an empty text', () => {
    expect(detectPersonalData('')).toEqual([]);
  });

  it('are quick enough to run as the person types (printed, not asserted: timings vary by machine)', () => {
    const detect = personalDataDetector({ excludedTerms: ['Northtown Council', 'Riverside Academy'] });
    const sentence =
      'Child A seen alone at school by the social worker; Mum said that the Police attended on 3 April. ';
    const note = (sentence + 'Mrs Jones rang on 07700 900123. ').repeat(40).slice(0, 5000);
    for (let i = 0; i < 50; i++) detect(note);
    const runs = 300;
    const before = process.cpuUsage();
    for (let i = 0; i < runs; i++) detect(note);
    const used = process.cpuUsage(before);
    const perNote = (used.user + used.system) / 1000 / runs;
    console.log(`personal-data detector: ${perNote.toFixed(3)} ms of CPU for a 5,000-character note`);
    expect(detect(note).length).toBeGreaterThan(0);
  });
});
