import { Alert, Breadcrumb, Card, Descriptions, Skeleton, Tag, Typography } from 'antd';
import { useOrg, useOrgChildren } from '../api';
import { OrgChildrenTable } from './OrgChildrenTable';
import { OrgActions } from './OrgActions';
import { errorText } from '../../../shared/lib/http';
import { formatNumber } from '../../../shared/lib/format';
import { ORG_STATUS, orgKindLabel } from '../../../shared/i18n/vi';

const T = {
  level: 'Cấp', kind: 'Loại hình', code: 'Mã', members: 'Số đảng viên', children: 'Số tổ chức trực thuộc',
  childrenTitle: 'Các tổ chức trực thuộc',
};

/** The selected org: where it sits, its figures, what can be done with it, and its children. */
export function OrgPanel({ orgId, onSelect }: { orgId: string; onSelect: (id: string) => void }) {
  const org = useOrg(orgId);
  const children = useOrgChildren(orgId);
  if (org.isPending) return <Card><Skeleton active /></Card>;
  if (org.isError) return <Alert type="error" showIcon title={errorText(org.error)} />;
  const o = org.data;

  const crumbs = [
    ...o.ancestors.map((a) => ({ key: a.id, title: <a onClick={() => onSelect(a.id)}>{a.name}</a> })),
    { key: o.id, title: o.name },
  ];

  return (
    <div className="qt-org-panel" data-testid="org-panel">
      <Card>
        <Breadcrumb items={crumbs} style={{ marginBottom: 8 }} />
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {o.name} {o.status !== 'active' && <Tag color="default">{ORG_STATUS[o.status] ?? o.status}</Tag>}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'level', label: T.level, children: o.levelName },
            { key: 'kind', label: T.kind, children: orgKindLabel(o.kind) },
            { key: 'code', label: T.code, children: o.code },
            { key: 'members', label: T.members, children: <strong>{formatNumber(o.memberCount)}</strong> },
            { key: 'children', label: T.children, children: formatNumber(o.childCount) },
          ]}
        />
        <OrgActions org={o} onSelect={onSelect} />
      </Card>
      {o.childCount > 0 && (
        <Card title={T.childrenTitle} style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
          {children.isError
            ? <Alert type="error" showIcon title={errorText(children.error)} />
            : <OrgChildrenTable rows={children.data ?? []} loading={children.isPending} onSelect={onSelect} />}
        </Card>
      )}
    </div>
  );
}
