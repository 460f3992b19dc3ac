import { useMemo } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useMe, type Me } from '../../auth/api';
import { useCreateCampaign, useResolutions } from '../api';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { L } from '../labels';

/** Roles that launch campaigns from their org (campaign.manage above branch level). */
export const CAMPAIGN_LAUNCH_ROLES = ['system_admin', 'propaganda_officer', 'committee_secretary'] as const;

export function launchOrgs(me: Me | null | undefined) {
  const seen = new Map<string, string>();
  for (const g of me?.grants ?? []) if ((CAMPAIGN_LAUNCH_ROLES as readonly string[]).includes(g.role)) seen.set(g.orgId, g.orgName);
  return [...seen].map(([value, label]) => ({ value, label }));
}

interface Values { resolutionId: string; title: string; orgId: string; rTitle?: string; congress?: string; term?: string; adoptedOn?: Dayjs | null }
const NEW = 'new';

export function CreateCampaignModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe().data;
  const orgs = useMemo(() => launchOrgs(me), [me]);
  const resolutions = useResolutions();
  const create = useCreateCampaign();
  const picked = Form.useWatch('resolutionId', form);
  const required = [{ required: true, whitespace: true, message: L.required }];

  const submit = (v: Values) => create.mutate({
    orgId: v.orgId, title: v.title.trim(),
    ...(v.resolutionId === NEW
      ? { resolution: { orgId: v.orgId, title: v.rTitle!.trim(), congress: v.congress!.trim(), term: v.term!.trim(), adoptedOn: v.adoptedOn ? v.adoptedOn.format('YYYY-MM-DD') : null } }
      : { resolutionId: v.resolutionId }),
  }, { onSuccess: (c) => { message.success(L.created); onClose(); navigate(`/campaigns/${c.id}`); } });

  return (
    <Modal open title={L.createTitle} okText={L.create} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden width={640}>
      <ProblemAlert error={create.error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ orgId: orgs[0]?.value, resolutionId: NEW, term: '2025–2030' }}>
        <Form.Item name="orgId" label={L.org} rules={[{ required: true, message: L.required }]}>
          <Select options={orgs} />
        </Form.Item>
        <Form.Item name="resolutionId" label={L.pickResolution} rules={[{ required: true, message: L.required }]}>
          <Select loading={resolutions.isPending} options={[
            { value: NEW, label: L.newResolution },
            ...(resolutions.data ?? []).map((r) => ({ value: r.id, label: `${r.title} (${r.term})` })),
          ]} />
        </Form.Item>
        {picked === NEW && (
          <>
            <Form.Item name="rTitle" label={L.resolutionTitle} extra={L.resolutionTitleHint} rules={[...required, { min: 3, message: L.required }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
            </Form.Item>
            <Form.Item name="congress" label={L.congress} extra={L.congressHint} rules={required}><Input maxLength={200} /></Form.Item>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: '0 16px' }}>
              <Form.Item name="term" label={L.term} rules={required}><Input maxLength={40} /></Form.Item>
              <Form.Item name="adoptedOn" label={L.adoptedOn}><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>
            </div>
          </>
        )}
        <Form.Item name="title" label={L.campaignTitle} extra={L.campaignTitleHint} rules={[...required, { min: 3, message: L.required }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
