import { useState } from 'react';
import { Button, Empty, Skeleton, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { CampaignNav } from '../../campaigns/components/CampaignNav';
import { useOrg } from '../../org/api';
import { useMaterials, type MaterialListEntry } from '../api';
import { MaterialCard, type MaterialCardHandlers } from '../components/MaterialCard';
import { MaterialFormModal, type MaterialFormMode } from '../components/MaterialFormModal';
import { ReadersDrawer } from '../components/ReadersDrawer';
import { KIND, KIND_ORDER, T } from '../labels';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../materials.css';

/** A campaign's materials for officers: grouped by kind, variants under their master, who has read them. */
export default function MaterialsPage() {
  const campaignId = useParams().id!;
  const list = useMaterials(campaignId);
  const orgId = list.data?.orgId ?? null;
  const org = useOrg(orgId);
  const [form, setForm] = useState<MaterialFormMode | null>(null);
  const [readersOf, setReadersOf] = useState<MaterialListEntry | null>(null);
  const handlers: MaterialCardHandlers = {
    onReaders: setReadersOf,
    onEdit: (m) => setForm({ mode: 'edit', id: m.id }),
    onAddVariant: (m) => setForm({ mode: 'variant', master: m }),
  };
  const items = list.data?.items ?? [];

  return (
    <>
      <CampaignNav campaignId={campaignId} active="materials" />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{T.pageTitle}</Typography.Title>
        {list.data?.abilities.canCreate && orgId && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create', campaignId, orgId, orgName: org.data?.name })} data-testid="add-material">{T.add}</Button>
        )}
      </div>
      <ProblemAlert error={list.error} />
      {list.isPending && <Skeleton active />}
      {list.data && items.length === 0 && <Empty description={T.none} />}
      {KIND_ORDER.map((kind) => {
        const group = items.filter((m) => m.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} data-testid={`kind-${kind}`}>
            <Typography.Title level={5} style={{ marginTop: 16 }}>{KIND[kind].label} ({group.length})</Typography.Title>
            {group.map((m) => <MaterialCard key={m.id} item={m} handlers={handlers} />)}
          </section>
        );
      })}
      {form && <MaterialFormModal target={form} onClose={() => setForm(null)} />}
      {readersOf && orgId && (
        <ReadersDrawer material={readersOf} orgId={orgId} orgName={org.data?.name ?? T.total} onClose={() => setReadersOf(null)} />
      )}
    </>
  );
}
