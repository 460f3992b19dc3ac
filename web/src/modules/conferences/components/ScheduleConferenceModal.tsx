import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useCampaign, usePlan } from '../../campaigns/api';
import { useCreateConference, useOrganizerOrgs, type AudienceKind, type ConferenceFormat } from '../api';
import { AUDIENCE_LABELS, dayText, FORMAT_LABELS, T, toVnIso } from '../labels';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

interface Values {
  orgId: string; title: string; audienceKind: AudienceKind; audienceNote?: string; format: ConferenceFormat;
  venue: string; capacity?: number | null; startsAt: Dayjs; endsAt?: Dayjs | null; includeExempt?: boolean;
}

/** "Lên lịch hội nghị": the org among those the user organizes for, its deadline shown and later days disabled. */
export function ScheduleConferenceModal({ campaignId, onClose, onCreated }: { campaignId: string; onClose: () => void; onCreated: (id: string) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const orgs = useOrganizerOrgs(campaignId, true);
  const create = useCreateConference();
  const orgId = Form.useWatch('orgId', form);
  const org = orgs.data?.find((o) => o.id === orgId);
  const top = Math.min(...(orgs.data ?? []).map((o) => o.depth));
  const afterDeadline = (d: Dayjs) => !!org?.deadline && d.format('YYYY-MM-DD') > org.deadline;
  // Exempt members are invited as the campaign's (root) plan says, unless the user changes it here.
  const rootPlan = usePlan(useCampaign(campaignId).data?.rootPlanId ?? null);
  const planExempt = rootPlan.data?.status === 'issued' ? rootPlan.data.includeExempt : undefined;
  useEffect(() => {
    if (planExempt !== undefined && !form.isFieldTouched('includeExempt')) form.setFieldValue('includeExempt', planExempt);
  }, [form, planExempt]);

  const submit = (v: Values) => create.mutate({
    campaignId, orgId: v.orgId, title: v.title, audienceKind: v.audienceKind, audienceNote: v.audienceNote ?? '', format: v.format,
    venue: v.venue, capacity: v.capacity ?? null, startsAt: toVnIso(v.startsAt), endsAt: v.endsAt ? toVnIso(v.endsAt) : null,
    ...(form.isFieldTouched('includeExempt') ? { includeExempt: !!v.includeExempt } : {}),
  }, { onSuccess: (r) => { message.success(T.created); onClose(); onCreated(r.id); } });

  return (
    <Modal open title={T.schedule} onCancel={onClose} onOk={() => form.submit()} okText={T.schedule} cancelText={T.cancelBtn}
      confirmLoading={create.isPending} width={640} destroyOnHidden okButtonProps={{ disabled: !!org && !org.hasPlan }}>
      <ProblemAlert error={create.error ?? orgs.error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ audienceKind: 'all_members', format: 'in_person' }}>
        <Form.Item name="orgId" label={T.org} rules={[{ required: true, message: T.required }]}
          extra={org && (org.hasPlan ? (org.deadline ? T.deadline(dayText(org.deadline)) : T.noDeadline) : undefined)}>
          <Select loading={orgs.isPending} showSearch optionFilterProp="label" data-testid="conference-org"
            options={orgs.data?.map((o) => ({ value: o.id, label: `${o.depth > top ? '— ' : ''}${o.name} (${o.levelName})` }))} />
        </Form.Item>
        {org && !org.hasPlan && <Alert type="warning" showIcon title={T.noPlan} style={{ marginBottom: 16 }} />}
        <Form.Item name="title" label={T.title} rules={[{ required: true, message: T.required }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="audienceKind" label={T.audience}>
          <Select options={Object.entries(AUDIENCE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="audienceNote" label={T.audienceNote}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} /></Form.Item>
        <Form.Item name="format" label={T.format}>
          <Radio.Group optionType="button" options={Object.entries(FORMAT_LABELS).map(([value, f]) => ({ value, label: f.label }))} />
        </Form.Item>
        <Form.Item name="venue" label={T.venue} rules={[{ required: true, message: T.required }]}><Input maxLength={300} /></Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: '0 12px' }}>
          <Form.Item name="capacity" label={T.capacity}><InputNumber min={1} max={100000} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="startsAt" label={T.startsAt} rules={[{ required: true, message: T.required }]}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="DD/MM/YYYY HH:mm" disabledDate={afterDeadline} style={{ width: '100%' }} data-testid="conference-starts" />
          </Form.Item>
          <Form.Item name="endsAt" label={T.endsAt}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="DD/MM/YYYY HH:mm" disabledDate={afterDeadline} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="includeExempt" valuePropName="checked" extra={planExempt !== undefined ? T.includeExemptByPlan(planExempt) : undefined}>
          <Checkbox>{T.includeExempt}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
