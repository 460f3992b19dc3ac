import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { AudienceKind, ConferenceFormat } from '../api';
import { AUDIENCE_LABELS, FORMAT_LABELS, T } from '../labels';

/** What the conference forms hold (times as Vietnamese wall-clock dayjs values). */
export interface ConferenceValues {
  title: string; audienceKind: AudienceKind; audienceNote?: string; format: ConferenceFormat;
  venue: string; capacity?: number | null; startsAt: Dayjs; endsAt?: Dayjs | null; includeExempt?: boolean;
}

/**
 * The particulars shared by "Lên lịch hội nghị" and "Sửa thông tin hội nghị", with the server's rules
 * checked before sending (same Vietnamese words): title and venue required, capacity 1–100.000, the end
 * after the start; days after the plan's deadline cannot be picked.
 */
export function ConferenceFields({ afterDeadline, exemptExtra }: { afterDeadline: (d: Dayjs) => boolean; exemptExtra?: ReactNode }) {
  const picker = { showTime: { format: 'HH:mm', minuteStep: 5 as const }, format: 'DD/MM/YYYY HH:mm', disabledDate: afterDeadline, style: { width: '100%' } };
  return (
    <>
      <Form.Item name="title" label={T.title} rules={[{ required: true, whitespace: true, message: T.required }]}><Input maxLength={300} data-testid="conference-title" /></Form.Item>
      <Form.Item name="audienceKind" label={T.audience}>
        <Select options={Object.entries(AUDIENCE_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="audienceNote" label={T.audienceNote}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} /></Form.Item>
      <Form.Item name="format" label={T.format}>
        <Radio.Group optionType="button" options={Object.entries(FORMAT_LABELS).map(([value, f]) => ({ value, label: f.label }))} />
      </Form.Item>
      <Form.Item name="venue" label={T.venue} rules={[{ required: true, whitespace: true, message: T.required }]}><Input maxLength={300} data-testid="conference-venue" /></Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: '0 12px' }}>
        <Form.Item name="capacity" label={T.capacity} rules={[
          { type: 'number', min: 1, message: T.capacityMin }, { type: 'number', max: 100_000, message: T.capacityMax },
        ]}>
          <InputNumber style={{ width: '100%' }} precision={0} data-testid="conference-capacity" />
        </Form.Item>
        <Form.Item name="startsAt" label={T.startsAt} rules={[{ required: true, message: T.required }]}>
          <DatePicker {...picker} data-testid="conference-starts" />
        </Form.Item>
        <Form.Item name="endsAt" label={T.endsAt} dependencies={['startsAt']} rules={[({ getFieldValue }) => ({
          validator: (_r, v: Dayjs | null | undefined) => {
            const start = getFieldValue('startsAt') as Dayjs | undefined;
            return !v || !start || v.isAfter(start) ? Promise.resolve() : Promise.reject(new Error(T.endsBeforeStart));
          },
        })]}>
          <DatePicker {...picker} data-testid="conference-ends" />
        </Form.Item>
      </div>
      <Form.Item name="includeExempt" valuePropName="checked" extra={exemptExtra}>
        <Checkbox>{T.includeExempt}</Checkbox>
      </Form.Item>
    </>
  );
}
