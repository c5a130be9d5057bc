import type { AuditSummary } from '../../shared/audit.js';
import { WORK_STATUS_LABELS } from '../../shared/vocabulary.js';
import { Tag } from './Tag.js';

export function AuditStatusTag({ status }: { status: AuditSummary['status'] }) {
  return status === 'signed' ? (
    <Tag colour="green">Signed</Tag>
  ) : (
    <Tag colour="light-blue">{WORK_STATUS_LABELS.in_progress}</Tag>
  );
}
