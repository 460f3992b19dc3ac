import { useMemo } from 'react';
import { Alert, Skeleton, Tree, type TreeDataNode } from 'antd';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { fetchChildren, orgKeys, useRootOrgs, type OrgSummary } from '../api';
import { formatMemberCount } from '../../../shared/lib/format';
import { errorText } from '../../../shared/lib/http';

interface Props {
  selectedId: string | null;
  onSelect: (id: string) => void;
  expandedKeys: string[];
  onExpandedChange: (keys: string[]) => void;
}

function NodeTitle({ org }: { org: OrgSummary }) {
  return (
    <span className="qt-tree-node" data-org-id={org.id}>
      <span className="qt-tree-node-name">{org.name}</span>
      <span className="qt-tree-node-meta">{org.levelName} · {formatMemberCount(org.memberCount)}</span>
    </span>
  );
}

/** Module-level, so `combine` keeps its identity and react-query reuses its result. */
const dataOf = (results: Array<{ data?: OrgSummary[] }>) => results.map((r) => r.data);

/**
 * The org tree, loaded one level at a time. Children come from the query cache, so any change to the
 * tree (invalidated queries) shows at once, and expanding a node programmatically loads it too.
 */
export function OrgTree({ selectedId, onSelect, expandedKeys, onExpandedChange }: Props) {
  const qc = useQueryClient();
  const roots = useRootOrgs();
  // One array of the children lists, structurally shared by react-query: it changes only when some list does.
  const childData = useQueries({
    queries: expandedKeys.map((id) => ({ queryKey: orgKeys.children(id), queryFn: () => fetchChildren(id) })),
    combine: dataOf,
  });
  const childrenOf = useMemo(() => {
    const map = new Map<string, OrgSummary[]>();
    expandedKeys.forEach((id, i) => { const data = childData[i]; if (data) map.set(id, data); });
    return map;
  }, [expandedKeys, childData]);

  const treeData = useMemo(() => {
    const toNode = (org: OrgSummary, seen: Set<string>): TreeDataNode => {
      const kids = seen.has(org.id) ? undefined : childrenOf.get(org.id);
      return {
        key: org.id,
        title: <NodeTitle org={org} />,
        isLeaf: org.childCount === 0,
        children: kids?.map((k) => toNode(k, new Set(seen).add(org.id))),
      };
    };
    return (roots.data ?? []).map((r) => toNode(r, new Set()));
  }, [roots.data, childrenOf]);

  if (roots.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (roots.isError) return <Alert type="error" showIcon title={errorText(roots.error)} />;

  return (
    <Tree
      blockNode
      showLine
      treeData={treeData}
      selectedKeys={selectedId ? [selectedId] : []}
      expandedKeys={expandedKeys}
      loadedKeys={[...childrenOf.keys()]}
      onExpand={(keys) => onExpandedChange(keys.map(String))}
      loadData={async (node) => { await qc.fetchQuery({ queryKey: orgKeys.children(String(node.key)), queryFn: () => fetchChildren(String(node.key)) }); }}
      onSelect={(keys, info) => { if (info.node) onSelect(String(info.node.key)); }}
    />
  );
}
