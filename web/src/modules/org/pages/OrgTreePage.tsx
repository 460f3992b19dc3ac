import { useEffect, useRef, useState } from 'react';
import { Card, Empty, Grid, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useOrg, useRootOrgs } from '../api';
import { OrgTree } from '../components/OrgTree';
import { OrgPanel } from '../components/OrgPanel';
import { OrgSearchSelect } from '../components/OrgSearchSelect';
import { NAV } from '../../../shared/i18n/vi';

const T = { find: 'Tìm nhanh tổ chức theo tên hoặc mã', pick: 'Chọn một tổ chức trong cây để xem chi tiết' };

/** "Tổ chức đảng": the tree on the left, the selected org on the right (stacked on a phone). */
export default function OrgTreePage() {
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('org');
  const roots = useRootOrgs();
  const selected = useOrg(selectedId);
  const [expanded, setExpanded] = useState<string[]>([]);
  const isPhone = !Grid.useBreakpoint().md;
  const panelRef = useRef<HTMLDivElement>(null);

  const select = (id: string, scroll = isPhone) => {
    setParams((p) => { p.set('org', id); return p; }, { replace: false });
    if (scroll) setTimeout(() => panelRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  };

  // First visit: open the first scope root.
  useEffect(() => {
    const first = roots.data?.[0];
    if (!selectedId && first) {
      setParams((p) => { p.set('org', first.id); return p; }, { replace: true });
      setExpanded((e) => (e.includes(first.id) ? e : [...e, first.id]));
    }
  }, [roots.data, selectedId, setParams]);

  // Whatever way an org was chosen, show it in the tree: open its ancestors.
  useEffect(() => {
    const ancestors = selected.data?.ancestors.map((a) => a.id) ?? [];
    if (ancestors.some((a) => !expanded.includes(a))) setExpanded((e) => [...new Set([...e, ...ancestors])]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected.data]);

  return (
    <>
      <Typography.Title level={2} className="qt-page-title">{NAV.orgs}</Typography.Title>
      <div className="qt-org-layout">
        <Card className="qt-org-tree-card" size="small"
          title={<OrgSearchSelect placeholder={T.find} value={null} onChange={(id) => id && select(id)} style={{ margin: '8px 0' }} />}>
          <OrgTree selectedId={selectedId} onSelect={(id) => select(id)} expandedKeys={expanded} onExpandedChange={setExpanded} />
        </Card>
        <div ref={panelRef} style={{ scrollMarginTop: 64 }}>
          {selectedId ? <OrgPanel orgId={selectedId} onSelect={(id) => select(id)} /> : <Card><Empty description={T.pick} /></Card>}
        </div>
      </div>
    </>
  );
}
