import { useState } from 'react';
import { App, Button, Checkbox, Input, Modal, Skeleton, Typography } from 'antd';
import { ScissorOutlined } from '@ant-design/icons';
import { useBoardActions, useGroupDetail, type Entry } from '../api';
import { K } from '../labels';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

/**
 * The entries of one group (a member's sentence with its branch, or a group a lower committee forwarded
 * with that committee and its count); the board ticks some and splits them into a new group.
 */
export function GroupEntries({ campaignId, groupId, canManage }: { campaignId: string; groupId: string; canManage: boolean }) {
  const { message } = App.useApp();
  const detail = useGroupDetail(groupId);
  const split = useBoardActions(campaignId).split;
  const [picked, setPicked] = useState<string[]>([]);
  const [asking, setAsking] = useState(false);
  const [title, setTitle] = useState('');
  const entries = detail.data?.entries ?? [];
  const manage = canManage && !!detail.data?.canManage && entries.length > 1;
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  const run = () => split.mutate({ id: groupId, entryIds: picked, title: title.trim() }, {
    onSuccess: () => { message.success(K.done.split(picked.length)); setPicked([]); setTitle(''); setAsking(false); },
  });

  if (detail.isError) return <ProblemAlert error={detail.error} />;
  if (!detail.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  return (
    <div className="qt-rec-entries" data-testid="rec-entries">
      <div className="qt-rec-entries-head">
        <Typography.Text strong>{K.entries} ({entries.length})</Typography.Text>
        {manage && (
          <>
            <Typography.Text type="secondary" className="qt-rec-entries-hint">{K.splitPick}</Typography.Text>
            <Button size="small" icon={<ScissorOutlined />} disabled={picked.length === 0 || picked.length >= entries.length}
              onClick={() => setAsking(true)} data-testid="split-button">{K.split}</Button>
          </>
        )}
      </div>
      <ProblemAlert error={split.error} />
      <ol className="qt-rec-entry-list">
        {entries.map((e) => (
          <li key={e.id} data-testid="rec-entry" data-entry-id={e.id}>
            {manage && <Checkbox checked={picked.includes(e.id)} onChange={(x) => toggle(e.id, x.target.checked)} aria-label={e.text} />}
            <div className="qt-rec-entry-body">
              <div className="qt-rec-entry-text">{e.text}</div>
              <div className="qt-rec-entry-meta">{entryOrigin(e)}</div>
            </div>
          </li>
        ))}
      </ol>
      <Modal open={asking} title={K.splitTitle} onCancel={() => setAsking(false)} onOk={run} okText={K.split} cancelText={K.cancel}
        confirmLoading={split.isPending} destroyOnHidden>
        <Typography.Paragraph>{K.splitHelp(picked.length)}</Typography.Paragraph>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={1000} data-testid="split-title"
          placeholder={entries.find((e) => e.id === picked[0])?.text} />
      </Modal>
    </div>
  );
}

const entryOrigin = (e: Entry) => (e.kind === 'forwarded' ? K.entryForwarded(e.originName, e.weight) : e.originName);
