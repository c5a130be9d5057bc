import { GRADE_LABELS, type Grade } from '../../../shared/vocabulary.js';
import { Tag, type TagColour } from '../Tag.js';

const COLOURS: Record<Grade, TagColour> = {
  outstanding: 'green',
  good: 'green',
  requires_improvement: 'yellow',
  inadequate: 'red',
};

export function GradeTag({ grade }: { grade: Grade }) {
  return <Tag colour={COLOURS[grade]}>{GRADE_LABELS[grade]}</Tag>;
}
