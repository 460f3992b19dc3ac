import { useEffect, useState } from 'react';
import { App, Input, Modal, Typography } from 'antd';
import { useSendReminders, type StatsRow } from '../stats-api';
import { S } from '../stats-labels';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

/** Writes and sends one reminder to the chosen child orgs, from the org being viewed. */
export function RemindModal({ campaignId, fromOrgId, targets, due, open, onClose }: {
  campaignId: string; fromOrgId: string; targets: StatsRow[]; due: string | null; open: boolean; onClose: (sent: boolean) => void;
}) {
  const { message } = App.useApp();
  const send = useSendReminders(campaignId);
  const [text, setText] = useState('');
  useEffect(() => { if (open) { setText(S.defaultMessage(due)); send.reset(); } }, [open]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = () => send.mutate({ orgIds: targets.map((t) => t.orgId), message: text, fromOrgId }, {
    onSuccess: (r) => { message.success(S.sent(r.sent)); onClose(true); },
  });
  return (
    <Modal open={open} title={S.modalTitle(targets.length)} okText={S.send} cancelText="Hủy" onOk={submit} onCancel={() => onClose(false)}
      confirmLoading={send.isPending} okButtonProps={{ disabled: !text.trim() }} destroyOnHidden>
      {send.isError && <ProblemAlert error={send.error} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {targets.map((t) => t.orgName).join('; ')}
      </Typography.Paragraph>
      <label htmlFor="qt-remind-text"><Typography.Text strong>{S.message}</Typography.Text></label>
      <Input.TextArea id="qt-remind-text" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount style={{ marginTop: 6 }} />
    </Modal>
  );
}
