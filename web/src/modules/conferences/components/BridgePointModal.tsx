import { Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useSaveBridgePoint, useSupervisorCandidates, useUnitOptions, type BridgePointInput, type BridgePointView, type ConferenceDetail, type UnitOption } from '../api';
import { T } from '../labels';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

/**
 * The organizing org's subtree as tree nodes: each unit selectable on its own (choosing a unit does not
 * choose its sub-units; the nearest chosen unit seats a member). Units at another point are disabled.
 */
function unitTree(options: UnitOption[], taken: Map<string, string>, extra: Array<{ orgId: string; name: string }>) {
  const known = new Set(options.map((o) => o.id));
  return [
    ...options.map((o) => ({
      id: o.id, pId: o.parentId ?? undefined, value: o.id, name: o.name, disabled: taken.has(o.id),
      title: taken.has(o.id) ? `${o.name} (${T.atPoint(taken.get(o.id)!)})` : o.name,
    })),
    // A unit saved earlier that has since left the subtree (moved, dissolved) still shows by name.
    ...extra.filter((u) => !known.has(u.orgId)).map((u) => ({ id: u.orgId, pId: undefined, value: u.orgId, name: u.name, title: u.name, disabled: false })),
  ];
}

/** Adds or edits a bridge point: place, the units attending there (orgs under the organizing org), its supervisor. */
export function BridgePointModal({ c, point, onClose }: { c: ConferenceDetail; point: BridgePointView | null; onClose: () => void }) {
  const [form] = Form.useForm<BridgePointInput>();
  const save = useSaveBridgePoint(c.id);
  const candidates = useSupervisorCandidates(c.id, true);
  const units = useUnitOptions(c.id, true);
  const treeData = useMemo(() => {
    const taken = new Map(c.bridgePoints.filter((p) => p.id !== point?.id).flatMap((p) => p.units.map((u) => [u.orgId, p.name] as const)));
    return unitTree(units.data ?? [], taken, point?.units ?? []);
  }, [units.data, c.bridgePoints, point]);

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
        <Form.Item name="unitOrgIds" label={T.units} extra={T.unitsHint}>
          <TreeSelect multiple showSearch allowClear treeDataSimpleMode treeData={treeData} treeNodeFilterProp="title" treeNodeLabelProp="name"
            treeDefaultExpandedKeys={[c.orgId]} loading={units.isPending} placeholder={T.unitsPlaceholder} listHeight={320}
            popupMatchSelectWidth data-testid="point-units" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="supervisorUserId" label={T.supervisor}>
          <Select allowClear loading={candidates.isPending} optionFilterProp="label" data-testid="point-supervisor"
            options={candidates.data?.map((u) => ({ value: u.userId, label: `${u.displayName} — ${u.orgName}` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
