import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Card, Grid, Input, Typography } from 'antd';
import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { FILTER_KEYS, useMemberList, type FilterKey, type MemberQuery } from '../api';
import { MemberFilters } from '../components/MemberFilters';
import { MemberTable } from '../components/MemberTable';
import { MemberCards } from '../components/MemberCards';
import { OrgSearchSelect } from '../../org/components/OrgSearchSelect';
import { useOrg, useRootOrgs } from '../../org/api';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { formatNumber } from '../../../shared/lib/format';
import { NAV } from '../../../shared/i18n/vi';

const T = {
  org: 'Tổ chức đảng', search: 'Tìm theo họ tên hoặc số thẻ', filters: 'Bộ lọc', clear: 'Xóa bộ lọc',
  total: (n: number) => `Tìm thấy ${formatNumber(n)} đảng viên`, range: (a: number, b: number, n: number) => `${formatNumber(a)}–${formatNumber(b)} / ${formatNumber(n)}`,
};

/** Reads the list's state from the URL, so links ("Xem đảng viên") and the back button work. */
function useListParams() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | undefined>, resetPage = true) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(changes)) if (v) p.set(k, v); else p.delete(k);
      if (resetPage) p.delete('page');
      return p;
    }, { replace: true });
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const k of FILTER_KEYS) { const v = params.get(k); if (v) filters[k] = v; }
  return {
    orgId: params.get('orgId'), q: params.get('q') ?? '', page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20, filters, update,
  };
}

export default function MemberListPage() {
  const p = useListParams();
  const roots = useRootOrgs();
  const orgId = p.orgId ?? roots.data?.[0]?.id ?? null;
  const org = useOrg(orgId);
  const isPhone = !Grid.useBreakpoint().md;
  const [text, setText] = useState(p.q);
  const activeFilters = Object.keys(p.filters).length;
  const [showFilters, setShowFilters] = useState(activeFilters > 0);

  // Search as the user types, a moment after they stop.
  useEffect(() => {
    if (text.trim() === p.q.trim()) return;
    const t = setTimeout(() => p.update({ q: text.trim() || undefined }), 350);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const query: MemberQuery | null = useMemo(
    () => (orgId ? { orgId, q: p.q, page: p.page, pageSize: p.pageSize, filters: p.filters } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [orgId, p.q, p.page, p.pageSize, JSON.stringify(p.filters)],
  );
  const list = useMemberList(query);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  return (
    <>
      <Typography.Title level={2} className="qt-page-title">{NAV.members}</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'grid', gridTemplateColumns: isPhone ? '1fr' : 'minmax(260px, 1fr) minmax(260px, 1fr) auto', gap: 12, alignItems: 'end' }}>
          <div>
            <label htmlFor="member-org" className="qt-field-label">{T.org}</label>
            <OrgSearchSelect id="member-org" value={orgId} valueLabel={org.data?.name ?? roots.data?.find((r) => r.id === orgId)?.name}
              onChange={(id) => id && p.update({ orgId: id })} />
          </div>
          <div>
            <label htmlFor="member-search" className="qt-field-label">{T.search}</label>
            <Input id="member-search" allowClear prefix={<SearchOutlined />} placeholder={T.search} value={text}
              onChange={(e) => setText(e.target.value)} onPressEnter={() => p.update({ q: text.trim() || undefined })} />
          </div>
          <Badge count={activeFilters} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setShowFilters((s) => !s)} aria-expanded={showFilters}>{T.filters}</Button>
          </Badge>
        </div>
        {showFilters && (
          <div style={{ marginTop: 16 }}>
            <MemberFilters value={p.filters} onChange={(key, v) => p.update({ [key]: v })} />
            {activeFilters > 0 && (
              <Button type="link" style={{ paddingInline: 0, marginTop: 8 }}
                onClick={() => p.update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))}>{T.clear}</Button>
            )}
          </div>
        )}
      </Card>
      <ProblemAlert error={list.error} />
      {list.data && <Typography.Paragraph type="secondary" data-testid="member-total">{T.total(total)}</Typography.Paragraph>}
      {isPhone ? (
        <MemberCards items={items} loading={list.isFetching} total={total} page={p.page} pageSize={p.pageSize}
          onPage={(page) => p.update({ page: String(page) }, false)} />
      ) : (
        <MemberTable items={items} loading={list.isFetching} pagination={{
          current: p.page, pageSize: p.pageSize, total, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
          showTotal: (n, [a, b]) => T.range(a, b, n),
          onChange: (page, pageSize) => p.update({ page: String(page), pageSize: String(pageSize) }, false),
        }} />
      )}
    </>
  );
}
