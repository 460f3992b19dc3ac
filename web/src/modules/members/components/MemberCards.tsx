import { Card, Empty, Pagination, Spin, Tag } from 'antd';
import { useNavigate } from 'react-router';
import type { MemberListItem } from '../api';
import { formatBirthDate } from '../../../shared/lib/format';
import { LABELS, MEMBER_FLAGS } from '../../../shared/i18n/vi';

const T = { born: 'Sinh', card: 'Số thẻ' };

interface Props { items: MemberListItem[]; loading: boolean; total: number; page: number; pageSize: number; onPage: (page: number) => void }

/** The member list on a phone: one card per member, easy to tap. */
export function MemberCards({ items, loading, total, page, pageSize, onPage }: Props) {
  const navigate = useNavigate();
  return (
    <Spin spinning={loading}>
      {items.length === 0 && !loading && <Empty />}
      {items.map((m) => (
        <Card key={m.id} className="qt-member-card" hoverable onClick={() => navigate(`/members/${m.id}`)} role="link" data-testid="member-card">
          <div className="qt-member-card-name">{m.fullName}</div>
          <div className="qt-member-card-meta">
            {[m.gender ? LABELS.gender[m.gender] : null, m.birthDate ? `${T.born} ${formatBirthDate(m.birthDate, m.birthYearOnly)}` : null, m.cardNumber ? `${T.card} ${m.cardNumber}` : null].filter(Boolean).join(' · ')}
          </div>
          <div className="qt-member-card-meta">{m.branchName}{m.partyPosition ? ` · ${m.partyPosition}` : ''}</div>
          {(m.status === 'probationary' || m.isExempt) && (
            <div style={{ marginTop: 6 }}>
              {m.status === 'probationary' && <Tag color="gold">{LABELS.status.probationary}</Tag>}
              {m.isExempt && <Tag>{MEMBER_FLAGS.isExempt}</Tag>}
            </div>
          )}
        </Card>
      ))}
      {total > pageSize && (
        <Pagination simple={{ readOnly: false }} current={page} pageSize={pageSize} total={total} onChange={onPage} style={{ textAlign: 'center', marginTop: 8 }} />
      )}
    </Spin>
  );
}
