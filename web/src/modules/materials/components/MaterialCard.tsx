import { App, Button, Card, Tag } from 'antd';
import { BarChartOutlined, EditOutlined, EyeOutlined, PaperClipOutlined, PlusOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMaterialChange, type MaterialListEntry, type MaterialListItem } from '../api';
import { KIND, STATUS, T } from '../labels';
import { formatDay } from '../../../shared/lib/format';

export interface MaterialCardHandlers {
  onReaders: (m: MaterialListEntry) => void;
  onEdit: (m: MaterialListEntry) => void;
  onAddVariant: (m: MaterialListItem) => void;
}

/** One master in the officers' list, with its variants for audiences listed under it. */
export function MaterialCard({ item, handlers }: { item: MaterialListItem; handlers: MaterialCardHandlers }) {
  return (
    <Card className="qt-material-card" data-testid="material-card">
      <div className="qt-material-head">
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <div className="qt-material-title">{item.title}</div>
          <Tags m={item} />
          {item.summary && <div style={{ color: 'rgba(0,0,0,.68)' }}>{item.summary}</div>}
        </div>
        <Actions m={item} handlers={handlers} />
      </div>
      {(item.variants.length > 0 || (item.canManage && item.status !== 'withdrawn')) && (
        <div className="qt-variants">
          <div style={{ fontWeight: 600, marginBottom: 4 }}>{T.variantsOf}</div>
          {item.variants.map((v) => (
            <div key={v.id} className="qt-variant" data-testid="material-variant">
              <div style={{ minWidth: 0, flex: '1 1 280px' }}>
                <Tag color="purple">{v.audienceName}</Tag> <span>{v.title}</span>
                <div className="qt-material-tags"><StatusTags m={v} /></div>
              </div>
              <Actions m={v} handlers={handlers} />
            </div>
          ))}
          {item.canManage && item.status !== 'withdrawn' && (
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => handlers.onAddVariant(item)} data-testid="add-variant">{T.addVariant}</Button>
          )}
        </div>
      )}
    </Card>
  );
}

function Tags({ m }: { m: MaterialListEntry }) {
  return (
    <div className="qt-material-tags">
      <Tag color={KIND[m.kind].color}>{KIND[m.kind].label}</Tag>
      <Tag>{m.orgName}</Tag>
      <StatusTags m={m} />
    </div>
  );
}

function StatusTags({ m }: { m: MaterialListEntry }) {
  return (
    <>
      <Tag color={STATUS[m.status].color}>{STATUS[m.status].label}{m.publishedAt ? ` ${formatDay(m.publishedAt)}` : ''}</Tag>
      {m.fileName && <Tag icon={<PaperClipOutlined />}>{m.fileName}</Tag>}
      {m.status !== 'draft' && <Tag color="geekblue">{T.readersCount(m.readers)}</Tag>}
    </>
  );
}

function Actions({ m, handlers }: { m: MaterialListEntry; handlers: MaterialCardHandlers }) {
  const { modal, message } = App.useApp();
  const change = useMaterialChange();
  const act = (kind: 'publish' | 'withdraw') => modal.confirm({
    title: kind === 'publish' ? T.publish : T.withdraw, content: kind === 'publish' ? T.publishConfirm : T.withdrawConfirm,
    okText: kind === 'publish' ? T.publish : T.withdraw, okButtonProps: { danger: kind === 'withdraw' }, cancelText: 'Hủy',
    onOk: () => change.mutateAsync({ kind, id: m.id }).then(() => message.success(kind === 'publish' ? T.published : T.withdrawn))
      .catch((err: Error) => { message.error(err.message); }),
  });
  return (
    <div className="qt-material-actions">
      <Link to={`/materials/${m.id}`}><Button size="small" icon={<EyeOutlined />}>{T.open}</Button></Link>
      {m.status !== 'draft' && <Button size="small" icon={<BarChartOutlined />} onClick={() => handlers.onReaders(m)} data-testid="readers-button">{T.readers}</Button>}
      {m.canManage && m.status === 'draft' && <Button size="small" icon={<EditOutlined />} onClick={() => handlers.onEdit(m)}>{T.edit}</Button>}
      {m.canManage && m.status === 'draft' && <Button size="small" type="primary" icon={<SendOutlined />} onClick={() => act('publish')} data-testid="publish-button">{T.publish}</Button>}
      {m.canManage && m.status === 'published' && <Button size="small" danger icon={<StopOutlined />} onClick={() => act('withdraw')}>{T.withdraw}</Button>}
    </div>
  );
}
