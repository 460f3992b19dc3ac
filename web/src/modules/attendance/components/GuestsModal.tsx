import { useMemo, useState } from 'react';
import { Alert, App, Input, Modal, Table, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, errorText } from '../../../shared/lib/http';

export interface GuestRow { line: number; name: string; title?: string; org?: string; problem?: string }

/**
 * Rows pasted from a spreadsheet (columns: họ tên, chức vụ, đơn vị — tab- or semicolon-separated),
 * one guest per line; a header row and blank lines are skipped, a name too short is flagged by line.
 */
export function parseGuests(text: string): GuestRow[] {
  return text.split(/\r?\n/).map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter(({ raw }) => raw && !/^h[oọ]\s*(v[aà]\s*)?t[eê]n/i.test(raw))
    .map(({ raw, line }) => {
      const [name = '', title, org] = raw.split(raw.includes('\t') ? '\t' : ';').map((c) => c.trim());
      return { line, name, title: title || undefined, org: org || undefined, problem: name.length < 2 ? 'Thiếu họ và tên' : undefined };
    });
}

/** Invitees who are not members (e.g. ~500 chairs and directors of enterprises), pasted from Excel. */
export function GuestsModal({ conferenceId, open, onClose }: { conferenceId: string; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const rows = useMemo(() => parseGuests(text), [text]);
  const bad = rows.filter((r) => r.problem);
  const add = useMutation({
    mutationFn: () => api<{ added: number }>(`/api/conferences/${conferenceId}/guests`, { method: 'POST', body: { guests: rows.map(({ name, title, org }) => ({ name, title, org })) } }),
    onSuccess: (r) => { message.success(`Đã mời ${r.added} khách mời`); setText(''); onClose(); qc.invalidateQueries({ queryKey: ['roster', conferenceId] }); },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal open={open} title="Thêm khách mời (không phải đảng viên)" width={760} onCancel={onClose} okText={`Mời ${rows.length || ''} khách`}
      cancelText="Hủy" okButtonProps={{ disabled: rows.length === 0 || bad.length > 0 }} confirmLoading={add.isPending} onOk={() => add.mutate()} destroyOnHidden>
      <Typography.Paragraph>Dán từ Excel ba cột: <strong>Họ và tên</strong>, <strong>Chức vụ</strong>, <strong>Đơn vị</strong> (mỗi người một dòng). Mỗi khách mời có mã QR riêng để điểm danh.</Typography.Paragraph>
      <Input.TextArea rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-label="Danh sách khách mời" data-testid="guests-text"
        placeholder={'Đỗ Quang Hải\tGiám đốc\tCông ty TNHH Minh Phát\nPhan Thị Lan; Chủ tịch HĐQT; Công ty CP Sơn Hà'} />
      {bad.length > 0 && <Alert type="error" showIcon style={{ marginTop: 8 }} title={bad.map((r) => `Dòng ${r.line}: ${r.problem}`).join('; ')} />}
      {rows.length > 0 && (
        <Table size="small" style={{ marginTop: 8 }} rowKey="line" dataSource={rows.slice(0, 200)} pagination={false} scroll={{ y: 220 }}
          columns={[{ title: 'Dòng', dataIndex: 'line', width: 60 }, { title: 'Họ và tên', dataIndex: 'name' }, { title: 'Chức vụ', dataIndex: 'title' }, { title: 'Đơn vị', dataIndex: 'org' }]} />
      )}
    </Modal>
  );
}
