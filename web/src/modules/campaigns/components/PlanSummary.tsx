import { Descriptions, Typography } from 'antd';
import { useOrgLevels } from '../../org/api';
import type { PlanView } from '../api';
import { formatIsoDate } from '../../../shared/lib/format';
import { L } from '../labels';
import { DeadlineTable } from './DeadlineTable';
import { ContentList } from './ContentList';
import { PlanStatusTag } from './PlanTags';

/** A plan as read, not edited: number and date, deadlines per level, other deadlines, contents. */
export function PlanSummary({ plan, compact = false }: { plan: PlanView; compact?: boolean }) {
  const levels = useOrgLevels();
  const date = (d: string | null) => formatIsoDate(d) || L.none;
  return (
    <div className="qt-plan-summary">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 12 }} items={[
        { key: 'status', label: 'Trạng thái', children: <PlanStatusTag status={plan.status} /> },
        { key: 'number', label: L.number, children: plan.number ?? L.none },
        { key: 'issuedOn', label: L.issuedOn, children: date(plan.issuedOn) },
        { key: 'reflectionsBy', label: L.reflectionsBy, children: date(plan.reflectionsBy) },
        { key: 'reportBy', label: L.reportBy, children: date(plan.reportBy) },
        { key: 'actionProgramBy', label: L.actionProgramBy, children: date(plan.actionProgramBy) },
      ]} />
      <Typography.Title level={5}>{L.levelDeadlines}</Typography.Title>
      <DeadlineTable deadlines={plan} levels={levels.data ?? []} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{L.contents}</Typography.Title>
      <ContentList items={plan.contents} />
      {!compact && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} items={[
          { key: 'purpose', label: L.purpose, children: <span style={{ whiteSpace: 'pre-wrap' }}>{plan.purpose || L.none}</span> },
          { key: 'attendees', label: L.attendees, children: plan.attendees || L.none },
          { key: 'writers', label: L.reflectionWriters, children: plan.reflectionWriters || L.none },
          { key: 'exempt', label: L.includeExempt, children: plan.includeExempt ? 'Có' : 'Không' },
        ]} />
      )}
    </div>
  );
}
