import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useSaveBridgePoint, useSupervisorCandidates, type BridgePointInput, type BridgePointView, type ConferenceDetail } from '../api';
import { T } from '../labels';
import { useOrgChildren } from '../../org/api';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

/** Adds or edits a bridge point: place, the units attending there (orgs under the organizing org), its supervisor. */
export function BridgePointModal({ c, point, onClose }: { c: ConferenceDetail; point: BridgePointView | null; onClose: () => void }) {
  const [form] = Form.useForm<BridgePointInput>();
  const save = useSaveBridgePoint(c.id);
  const candidates = useSupervisorCandidates(c.id, true);
  const children = useOrgChildren(c.orgId);
  const taken = new Set(c.bridgePoints.filter((p) => p.id !== point?.id).flatMap((p) => p.units.map((u) => u.orgId)));
  const unitOptions = new Map<string, string>([[c.orgId, c.orgName]]);
  for (const o of children.data ?? []) unitOptions.set(o.id, o.name);
  for (const u of point?.units ?? []) unitOptions.set(u.orgId, u.name);

  const submit = (v: BridgePointInput) => save.mutate(
    { id: point?.id ?? null, body: { ...v, capacity: v.capacity ?? null, unitOrgIds: v.unitOrgIds ?? [], supervisorUserId: v.supervisorUserId ?? null } },
    { onSuccess: onClose },
  );
  return (
    <Modal open title={point ? point.name : T.addPoint} onCancel={onClose} onOk={() => form.submit()} okText={T.save} cancelText={T.cancelBtn}
      confirmLoading={save.isPending} destroyOnHidden width={600}>
      <ProblemAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={point ? {
        name: point.name, place: point.place, capacity: point.capacity, unitOrgIds: point.units.map((u) => u.orgId), supervisorUserId: point.supervisor?.userId ?? null,
      } : { unitOrgIds: [] }}>
        <Form.Item name="name" label={T.pointName} rules={[{ required: true, message: T.required }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="place" label={T.place} rules={[{ required: true, message: T.required }]}><Input maxLength={500} /></Form.Item>
        <Form.Item name="capacity" label={T.capacity}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="unitOrgIds" label={T.units}>
          <Select mode="multiple" loading={children.isPending} optionFilterProp="label" data-testid="point-units"
            options={[...unitOptions].map(([value, label]) => ({ value, label, disabled: taken.has(value) }))} />
        </Form.Item>
        <Form.Item name="supervisorUserId" label={T.supervisor}>
          <Select allowClear loading={candidates.isPending} optionFilterProp="label" data-testid="point-supervisor"
            options={candidates.data?.map((u) => ({ value: u.userId, label: `${u.displayName} — ${u.orgName}` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
