import { Alert, App, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useCampaign, usePlan } from '../../campaigns/api';
import { useCreateConference, useOrganizerOrgs } from '../api';
import { dayText, T, toVnIso } from '../labels';
import { ConferenceFields, type ConferenceValues } from './ConferenceFields';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

interface Values extends ConferenceValues { orgId: string }

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
        <ConferenceFields afterDeadline={afterDeadline} exemptExtra={planExempt !== undefined ? T.includeExemptByPlan(planExempt) : undefined} />
      </Form>
    </Modal>
  );
}
