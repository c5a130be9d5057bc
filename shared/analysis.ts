// What the analysis of an audit sends back: prevalence per question and theme, the suggested findings,
// the make-up of the sample, and the comparison with earlier rounds. Zod mirrors of the pure results.
import { z } from 'zod';
import { idSchema } from './ids.js';
import { PREVALENCE_BUCKETS, prevalenceThresholdsSchema } from './prevalence.js';
import { LEARNING_THEMES } from './vocabulary.js';

const bucket = z.enum(PREVALENCE_BUCKETS);
const counts = {
  casesAssessed: z.number().int(),
  strengthCases: z.array(z.string()),
  developmentCases: z.array(z.string()),
  strengthBucket: bucket,
  developmentBucket: bucket,
  notApplicableCases: z.array(z.string()),
  notAssessedCases: z.array(z.string()),
};

export const prevalenceResultSchema = z.strictObject({
  templateId: z.string(),
  templateVersion: z.number().int(),
  casesSampled: z.number().int(),
  thresholds: z.strictObject({ someThreshold: z.number(), manyThreshold: z.number() }),
  questions: z.array(
    z.strictObject({
      ...counts,
      questionId: z.string(),
      sectionId: z.string(),
      text: z.string(),
      statements: z.strictObject({ strength: z.string(), development: z.string() }),
      themes: z.array(z.enum(LEARNING_THEMES)),
      assessable: z.boolean(),
    }),
  ),
  themes: z.array(z.strictObject({ ...counts, theme: z.enum(LEARNING_THEMES), questionIds: z.array(z.string()) })),
});

export const suggestedFindingSchema = z.strictObject({
  kind: z.enum(['strength', 'development']),
  bucket,
  count: z.number().int(),
  casesAssessed: z.number().int(),
  notApplicable: z.number().int(),
  notAssessed: z.number().int(),
  text: z.string(),
  caseIds: z.array(z.string()),
  questionIds: z.array(z.string()),
  theme: z.enum(LEARNING_THEMES).nullable(),
  /** From fewer cases than the board's small-sample threshold: a rough guide, never shown as solid. */
  smallSample: z.boolean(),
});

const tally = z.array(z.strictObject({ value: z.string(), label: z.string(), count: z.number().int() }));
export const sampleMakeupSchema = z.strictObject({
  cases: z.number().int(),
  ageBands: tally,
  genders: tally,
  ethnicities: tally,
  disability: tally,
  planTypes: tally,
  agencies: tally,
});
export type SampleMakeup = z.infer<typeof sampleMakeupSchema>;

const roundShare = {
  auditId: z.string(),
  label: z.string(),
  asked: z.boolean(),
  casesAssessed: z.number().int(),
  strengthCount: z.number().int(),
  share: z.number().nullable(),
};
export const reauditComparisonSchema = z.strictObject({
  rounds: z.array(
    z.strictObject({
      auditId: z.string(),
      label: z.string(),
      templateId: z.string(),
      templateVersion: z.number().int(),
    }),
  ),
  questions: z.array(
    z.strictObject({
      questionId: z.string(),
      text: z.string(),
      wordingChanged: z.boolean(),
      typeChanged: z.boolean(),
      rounds: z.array(z.strictObject({ ...roundShare, text: z.string().nullable() })),
    }),
  ),
  themes: z.array(
    z.strictObject({
      theme: z.enum(LEARNING_THEMES),
      wordingChanged: z.boolean(),
      questionsChanged: z.boolean(),
      rounds: z.array(z.strictObject(roundShare)),
    }),
  ),
});

export const analysisSchema = z.strictObject({
  auditId: idSchema,
  prevalence: prevalenceResultSchema,
  suggestions: z.array(suggestedFindingSchema),
  sample: sampleMakeupSchema,
  comparison: reauditComparisonSchema,
  /**
   * Shares from fewer cases assessed than this are a small sample (prevalence, themes and rounds
   * alike): the board's setting for a draft, the one recorded at signing for a signed revision.
   */
  smallSampleThreshold: z.number().int(),
});
export type Analysis = z.infer<typeof analysisSchema>;

export const auditSettingsSchema = z.strictObject({
  auditId: idSchema,
  purpose: z.string().max(10000).optional(),
  thresholds: prevalenceThresholdsSchema.optional(),
});
