import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { App, Button, Grid, Input, Popconfirm, Tag, Typography, type InputRef } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useBatchActions, type BatchAssignment, type BatchDetail, type RosterMember } from '../batch-api';
import { B } from '../batch-labels';
import { pagesLabel, parseRange } from '../batch-range';
import { searchKey } from '../../../shared/lib/fold';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

interface Props {
  batch: BatchDetail;
  nextFree: number | null;
  rangeText: string;
  onRangeText: (text: string) => void;
}

/**
 * The fast screen: find a member (typing, ↑/↓), type the pages ("3-5") or pick them on the thumbnails,
 * Enter assigns. Members without a reflection come first; each row says what the member has handed in.
 */
export function AssignPanel({ batch, nextFree, rangeText, onRangeText }: Props) {
  const { message } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const { assign, unassign, paper } = useBatchActions(batch);
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const searchRef = useRef<InputRef>(null);
  const rangeRef = useRef<InputRef>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const byMember = useMemo(() => new Map(batch.assignments.filter((a) => !a.removedAt).map((a) => [a.memberId, a])), [batch.assignments]);

  const members = useMemo(() => {
    const key = searchKey(query);
    const rank = (m: RosterMember) => (m.reflection ? 1 : 0);
    return batch.members.filter((m) => !key || m.nameKey.includes(key)).sort((a, b) => rank(a) - rank(b) || a.nameKey.localeCompare(b.nameKey));
  }, [batch.members, query]);
  const active = members.find((m) => m.id === activeId) ?? members[0] ?? null;
  const parsed = parseRange(rangeText, batch.pageCount);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active?.id]);

  const move = (delta: number) => {
    if (members.length === 0) return;
    const i = Math.max(0, members.findIndex((m) => m.id === active?.id));
    setActiveId(members[(i + delta + members.length) % members.length].id);
  };
  const submit = () => {
    if (!active) return message.warning(B.pickMember);
    if (typeof parsed === 'string') return rangeRef.current?.focus();
    assign.mutate([{ memberId: active.id, ...parsed }], {
      onSuccess: (res) => {
        const made = res.created[0];
        if (made) message.success(B.assigned(pagesLabel(made).toLowerCase(), made.memberName, made.receiptNumber), 6);
        setQuery(''); setActiveId(null);
        searchRef.current?.focus();
      },
    });
  };
  const keys = (field: 'search' | 'range') => (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); move(e.key === 'ArrowDown' ? 1 : -1); }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (field === 'search' && typeof parsed === 'string') rangeRef.current?.focus();
    else submit();
  };

  return (
    <div className="qt-assign" data-testid="assign-panel">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{B.assignTitle}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {nextFree ? B.nextFree(nextFree) : B.allAssigned} · {B.members(batch.members.length)}
      </Typography.Paragraph>
      <div className="qt-assign-inputs">
        <Input ref={searchRef} autoFocus={!isPhone} allowClear size="large" value={query} placeholder={B.search} aria-label={B.search}
          onChange={(e) => { setQuery(e.target.value); setActiveId(null); assign.reset(); }} onKeyDown={keys('search')} data-testid="member-search" />
        <Input ref={rangeRef} size="large" value={rangeText} placeholder={B.rangeHint} aria-label={B.range} prefix={<span className="qt-assign-prefix">{B.range}</span>} inputMode="numeric"
          status={rangeText && typeof parsed === 'string' ? 'error' : undefined} onChange={(e) => { onRangeText(e.target.value); assign.reset(); }} onKeyDown={keys('range')}
          className="qt-assign-range" data-testid="range-input" />
        <Button type="primary" size="large" icon={<CheckOutlined />} loading={assign.isPending} onClick={submit} data-testid="assign-button">{B.assign}</Button>
      </div>
      {rangeText && typeof parsed === 'string' && <Typography.Text type="danger">{parsed}</Typography.Text>}
      {!isPhone && <Typography.Paragraph type="secondary" className="qt-assign-keys">{B.keys}</Typography.Paragraph>}
      {assign.isError && <ProblemAlert error={assign.error} />}
      {(unassign.isError || paper.isError) && <ProblemAlert error={unassign.error ?? paper.error} />}
      <div ref={listRef} role="listbox" aria-label={B.assignTitle} className="qt-assign-list" data-testid="member-list">
        {members.length === 0 && <Typography.Text type="secondary">{B.noMembers}</Typography.Text>}
        {members.map((m) => (
          <div key={m.id} role="option" aria-selected={m.id === active?.id} className="qt-assign-member" data-testid="member-row"
            onClick={() => { setActiveId(m.id); assign.reset(); if (!isPhone) rangeRef.current?.focus(); }}>
            <span className="qt-assign-name">{m.fullName}</span>
            <MemberState member={m} assignment={byMember.get(m.id)} />
            <MemberAction member={m} assignment={byMember.get(m.id)}
              onUnassign={(a) => unassign.mutate(a.versionId, { onSuccess: () => message.success(B.unassigned) })}
              onPaper={() => paper.mutate(m.id, { onSuccess: () => message.success(B.paperDone) })} />
          </div>
        ))}
      </div>
    </div>
  );
}

function MemberState({ member, assignment }: { member: RosterMember; assignment?: BatchAssignment }) {
  if (assignment) return <Tag color="blue">{pagesLabel(assignment)}</Tag>;
  const source = member.reflection?.source;
  if (!source) return <Tag>{B.stateNone}</Tag>;
  if (source === 'member') return <Tag color="green">{B.stateSelf}</Tag>;
  if (source === 'paper') return <Tag color="gold">{B.statePaper}</Tag>;
  return <Tag color="cyan">{B.stateBranch}</Tag>;
}

function MemberAction({ member, assignment, onUnassign, onPaper }: {
  member: RosterMember; assignment?: BatchAssignment; onUnassign: (a: BatchAssignment) => void; onPaper: () => void;
}) {
  const stop = (e: React.MouseEvent) => e.stopPropagation();
  if (assignment) {
    return (
      <Popconfirm title={B.unassignConfirm(pagesLabel(assignment), member.fullName)} okText={B.yes} cancelText={B.no} onConfirm={() => onUnassign(assignment)}>
        <Button size="small" danger onClick={stop}>{B.unassign}</Button>
      </Popconfirm>
    );
  }
  if (member.reflection) return null;
  return (
    <Popconfirm title={B.paperConfirm(member.fullName)} okText={B.yes} cancelText={B.no} onConfirm={onPaper}>
      <Button size="small" onClick={stop} data-testid="paper-button">{B.paper}</Button>
    </Popconfirm>
  );
}
