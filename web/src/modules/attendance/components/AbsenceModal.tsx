import { useState } from 'react';
import { AutoComplete, Modal } from 'antd';
import { T } from '../labels';

const COMMON_REASONS = ['Ốm', 'Đi công tác', 'Việc gia đình', 'Tuổi cao, sức yếu', 'Đi làm ăn xa'];

/** Asks why a member is absent; the reason goes with the make-up list. */
export function AbsenceModal({ name, open, onCancel, onOk }: { name: string; open: boolean; onCancel: () => void; onOk: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <Modal open={open} title={`${T.absent}: ${name}`} okText={T.absent} cancelText="Hủy" onCancel={onCancel}
      onOk={() => { onOk(reason.trim()); setReason(''); }} destroyOnHidden>
      <label htmlFor="absence-reason">{T.reason}</label>
      <AutoComplete id="absence-reason" style={{ width: '100%' }} value={reason} onChange={setReason} placeholder={T.reasonPlaceholder}
        options={COMMON_REASONS.map((r) => ({ value: r }))} autoFocus />
    </Modal>
  );
}
