import { lazy, Suspense, useState } from 'react';
import { App, Button, Divider } from 'antd';
import {
  DeleteOutlined, DownloadOutlined, EditOutlined, HistoryOutlined, MergeCellsOutlined,
  PlusOutlined, SwapOutlined, TeamOutlined, CalendarOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import type { OrgDetail } from '../api';
import { coversOrg, ORG_MANAGER_ROLES, useMe } from '../../auth/api';
import { downloadFile } from '../../../shared/lib/download';
import { errorText } from '../../../shared/lib/http';

// The dialogs load when first opened: most visits only read the tree.
const AddOrgModal = lazy(() => import('./AddOrgModal').then((m) => ({ default: m.AddOrgModal })));
const RenameOrgModal = lazy(() => import('./RenameOrgModal').then((m) => ({ default: m.RenameOrgModal })));
const TransferOrgModal = lazy(() => import('./TransferOrgModal').then((m) => ({ default: m.TransferOrgModal })));
const DissolveOrgModal = lazy(() => import('./DissolveOrgModal').then((m) => ({ default: m.DissolveOrgModal })));
const OrgHistoryModal = lazy(() => import('./OrgHistoryModal').then((m) => ({ default: m.OrgHistoryModal })));
const ChildrenOnDateModal = lazy(() => import('./ChildrenOnDateModal').then((m) => ({ default: m.ChildrenOnDateModal })));

export const ACTION_LABELS = {
  members: 'Xem đảng viên', export: 'Xuất Excel', history: 'Lịch sử', asOf: 'Cây tổ chức tại ngày...',
  add: 'Thêm tổ chức trực thuộc', rename: 'Đổi tên', move: 'Chuyển', merge: 'Sáp nhập vào...', dissolve: 'Giải thể',
  manage: 'Quản lý tổ chức',
};

type Open = null | 'add' | 'rename' | 'move' | 'merge' | 'dissolve' | 'history' | 'asOf';

export function OrgActions({ org, onSelect }: { org: OrgDetail; onSelect: (id: string) => void }) {
  const me = useMe().data;
  const { message } = App.useApp();
  const [open, setOpen] = useState<Open>(null);
  const [exporting, setExporting] = useState(false);
  const canManage = coversOrg(me, ORG_MANAGER_ROLES, org.id, org.ancestors.map((a) => a.id)) && org.status === 'active';
  const isRoot = org.parentId === null;
  const close = () => setOpen(null);

  const exportExcel = async () => {
    setExporting(true);
    try { await downloadFile(`/api/members/export?orgId=${org.id}`, 'danh-sach-dang-vien.xlsx'); } catch (err) { message.error(errorText(err)); }
    setExporting(false);
  };

  return (
    <>
      <div className="qt-toolbar" style={{ marginTop: 16 }}>
        <Link to={`/members?orgId=${org.id}`}><Button type="primary" icon={<TeamOutlined />}>{ACTION_LABELS.members}</Button></Link>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportExcel}>{ACTION_LABELS.export}</Button>
        <Button icon={<HistoryOutlined />} onClick={() => setOpen('history')}>{ACTION_LABELS.history}</Button>
        {org.childCount > 0 && <Button icon={<CalendarOutlined />} onClick={() => setOpen('asOf')}>{ACTION_LABELS.asOf}</Button>}
      </div>
      {canManage && (
        <>
          <Divider titlePlacement="start" plain style={{ margin: '16px 0 12px' }}>{ACTION_LABELS.manage}</Divider>
          <div className="qt-toolbar">
            <Button icon={<PlusOutlined />} onClick={() => setOpen('add')}>{ACTION_LABELS.add}</Button>
            <Button icon={<EditOutlined />} onClick={() => setOpen('rename')}>{ACTION_LABELS.rename}</Button>
            {!isRoot && <Button icon={<SwapOutlined />} onClick={() => setOpen('move')}>{ACTION_LABELS.move}</Button>}
            {!isRoot && <Button icon={<MergeCellsOutlined />} onClick={() => setOpen('merge')}>{ACTION_LABELS.merge}</Button>}
            {!isRoot && <Button danger icon={<DeleteOutlined />} onClick={() => setOpen('dissolve')}>{ACTION_LABELS.dissolve}</Button>}
          </div>
        </>
      )}
      <Suspense fallback={null}>
        {open === 'add' && <AddOrgModal parent={org} onClose={close} />}
        {open === 'rename' && <RenameOrgModal org={org} onClose={close} />}
        {(open === 'move' || open === 'merge') && (
          <TransferOrgModal mode={open} org={org} onClose={close} onDone={(targetId) => { close(); onSelect(open === 'merge' ? targetId : org.id); }} />
        )}
        {open === 'dissolve' && <DissolveOrgModal org={org} onClose={close} onDone={() => { close(); onSelect(org.parentId ?? org.id); }} />}
        {open === 'history' && <OrgHistoryModal org={org} onClose={close} />}
        {open === 'asOf' && <ChildrenOnDateModal org={org} onClose={close} />}
      </Suspense>
    </>
  );
}
