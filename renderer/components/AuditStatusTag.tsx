import type { AuditSummary } from '../../shared/audit.js';
import { Tag } from './Tag.js';

export function AuditStatusTag({ status }: { status: AuditSummary['status'] }) {
  return status === 'signed' ? <Tag colour="green">Signed</Tag> : <Tag colour="light-blue">In progress</Tag>;
}
