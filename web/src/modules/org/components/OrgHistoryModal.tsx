import { Alert, Modal, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useOrgHistory, type OrgDetail, type OrgVersion } from '../api';
import { errorText } from '../../../shared/lib/http';
import { formatDay } from '../../../shared/lib/format';
import { orgChangeLabel, orgKindLabel, ORG_STATUS, MSG } from '../../../shared/i18n/vi';

const T = {
  title: (n: string) => `Lịch sử: ${n}`, since: 'Từ ngày', until: 'đến ngày', now: 'đến nay', empty: 'Chưa có thay đổi nào được ghi nhận',
  under: 'Trực thuộc', by: 'Người thực hiện', note: 'Ghi chú',
};
const COLORS: Record<string, string> = { create: 'green', rename: 'blue', move: 'orange', merge: 'purple', dissolve: 'red' };

function VersionContent({ v }: { v: OrgVersion }) {
  return (
    <div>
      <Tag color={COLORS[v.change] ?? 'default'}>{orgChangeLabel(v.change)}</Tag>
      <strong>{v.name}</strong>
      <div><Typography.Text type="secondary">{v.code} · {v.levelName} · {orgKindLabel(v.kind)}{v.status !== 'active' ? ` · ${ORG_STATUS[v.status] ?? v.status}` : ''}</Typography.Text></div>
      {v.parentName && <div><Typography.Text type="secondary">{T.under}: {v.parentName}</Typography.Text></div>}
      <div><Typography.Text type="secondary">{T.since} {formatDay(v.validFrom)} {v.validTo ? `${T.until} ${formatDay(v.validTo)}` : T.now}</Typography.Text></div>
      {v.note && <div><Typography.Text>{T.note}: {v.note}</Typography.Text></div>}
      {v.changedBy && <div><Typography.Text type="secondary">{T.by}: {v.changedBy}</Typography.Text></div>}
    </div>
  );
}

/** The versions of an org, newest first: each with the change that opened it. */
export function OrgHistoryModal({ org, onClose }: { org: OrgDetail; onClose: () => void }) {
  const history = useOrgHistory(org.id, true);
  const versions = [...(history.data ?? [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <Modal open title={T.title(org.name)} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      {history.isPending && <Skeleton active />}
      {history.isError && <Alert type="error" showIcon title={errorText(history.error)} />}
      {history.data && versions.length === 0 && <Typography.Text type="secondary">{T.empty}</Typography.Text>}
      {versions.length > 0 && (
        <Timeline
          style={{ marginTop: 16 }}
          items={versions.map((v, i) => ({ key: `${v.validFrom}-${i}`, color: COLORS[v.change] ?? 'gray', title: formatDay(v.validFrom), content: <VersionContent v={v} /> }))}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{history.isFetching ? MSG.loading : ''}</Typography.Text>
    </Modal>
  );
}
