import { useState } from 'react';
import { App, Input, Modal, Typography } from 'antd';
import { useBoardActions, type Group } from '../api';
import { K } from '../labels';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

/** The answer or decision of this level on one group; prefilled with the answer already given here. Mount with key={group.id}. */
export function AnswerModal({ group, campaignId, onClose }: { group: Group; campaignId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const own = group.answers.find((a) => a.groupId === group.id)?.answer ?? '';
  const [text, setText] = useState(own);
  const answer = useBoardActions(campaignId).answer;
  const save = () => {
    if (!text.trim()) return message.warning(K.answerEmpty);
    answer.mutate({ id: group.id, answer: text }, { onSuccess: () => { message.success(K.done.answer); onClose(); } });
  };
  return (
    <Modal open title={K.answerTitle} onCancel={onClose} onOk={save} okText={K.save} cancelText={K.cancel}
      confirmLoading={answer.isPending} destroyOnHidden width={640}>
      <>
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>{group.title}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{K.count(group.count)} · {K.answerHelp}</Typography.Paragraph>
        <ProblemAlert error={answer.error} />
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 5, maxRows: 14 }}
          maxLength={8000} showCount placeholder={K.answerPlaceholder} data-testid="answer-text" autoFocus />
      </>
    </Modal>
  );
}
