import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatIsoDate } from '../../../shared/lib/format';
import { L } from '../labels';

export const toDay = (iso: string | null | undefined): Dayjs | null => (iso ? dayjs(iso) : null);
export const toIso = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

/**
 * A deadline date picker (dd/MM/yyyy) with the upper plan's limit written under it, in red when the
 * chosen date is later. The server has the last word; this only warns.
 */
export function DeadlineField({ name, label, limit, hasUpper }: { name: Array<string | number> | string; label?: string; limit: string | null; hasUpper: boolean }) {
  const form = Form.useFormInstance();
  const value = Form.useWatch(name, form) as Dayjs | null | undefined;
  const over = !!(value && limit && toIso(value)! > limit);
  const hint = !hasUpper ? undefined : limit ? `${L.limit(formatIsoDate(limit))}${over ? ` — ${L.overLimit}` : ''}` : L.noLimit;
  return (
    <Form.Item name={name} label={label} extra={hint && <span className={over ? 'qt-limit qt-limit-over' : 'qt-limit'}>{hint}</span>}>
      <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} status={over ? 'warning' : undefined} placeholder="dd/mm/yyyy" />
    </Form.Item>
  );
}
