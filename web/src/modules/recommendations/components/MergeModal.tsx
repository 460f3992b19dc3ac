import { useState } from 'react';
import { App, Modal, Radio, Tag, Typography } from 'antd';
import { useBoardActions, type Group } from '../api';
import { K } from '../labels';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

/** Gộp nhóm: the officer picks the group that keeps its title; the others' entries move into it. Mounted while open. */
export function MergeModal({ groups, campaignId, onClose, onDone }: { groups: Group[]; campaignId: string; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const merge = useBoardActions(campaignId).merge;
  // Forwarded or answered groups cannot be merged away: they can only keep.
  const locked = (g: Group) => !!g.forwardedAt || g.answers.some((a) => a.groupId === g.id);
  const [target, setTarget] = useState<string>(() => (groups.find(locked) ?? [...groups].sort((a, b) => b.count - a.count)[0]).id);
  const blocked = groups.filter(locked).some((g) => g.id !== target);
  const run = () => {
    merge.mutate({ targetId: target, groupIds: groups.map((g) => g.id).filter((id) => id !== target) }, {
      onSuccess: () => { message.success(K.done.merged(groups.length)); onDone(); },
    });
  };
  return (
    <Modal open title={K.mergeTitle} onCancel={onClose} onOk={run} okText={K.merge} cancelText={K.cancel}
      okButtonProps={{ disabled: blocked, 'data-testid': 'merge-ok' } as never} confirmLoading={merge.isPending} destroyOnHidden width={680}>
      <Typography.Paragraph>{K.mergeKeep}</Typography.Paragraph>
      <ProblemAlert error={merge.error} />
      {blocked && <Typography.Paragraph type="danger">{K.mergeLocked}</Typography.Paragraph>}
      <Radio.Group value={target} onChange={(e) => setTarget(e.target.value)} className="qt-rec-merge-list">
        {groups.map((g) => (
        <Radio key={g.id} value={g.id} data-testid="merge-option">
            <span className="qt-rec-merge-title">{g.title}</span> <Tag>{K.count(g.count)}</Tag>
            {g.forwardedAt && <Tag color="blue">{K.forwardedMark}</Tag>}
        </Radio>
        ))}
      </Radio.Group>
    </Modal>
  );
}
