import { Space, Tag } from 'antd';
import type { CascadeChild, PlanStatus } from '../api';
import { L, PLAN_STATUS } from '../labels';

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const s = PLAN_STATUS[status] ?? { label: status, color: 'default' };
  return <Tag color={s.color}>{s.label}</Tag>;
}

/** How an org stands in the cascade: issued or not (with its draft's stage), and late. */
export function CascadeTags({ row }: { row: Pick<CascadeChild, 'plan' | 'required' | 'late'> }) {
  const issued = row.plan?.status === 'issued';
  return (
    <Space size={4} wrap>
      {issued ? <Tag color="green">{L.tagIssued}</Tag> : <Tag color={row.required ? 'orange' : 'default'}>{row.required ? L.tagNotIssued : L.tagOptional}</Tag>}
      {row.plan && !issued && <PlanStatusTag status={row.plan.status} />}
      {row.late && <Tag color="red">{L.tagLate}</Tag>}
    </Space>
  );
}
