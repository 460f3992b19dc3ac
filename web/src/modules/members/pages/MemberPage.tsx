import { Button, ConfigProvider, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useMember, type MemberDetail } from '../api';
import { MemberSections } from '../components/MemberSections';
import { isMemberOnly, useMe } from '../../auth/api';
import { isNotFound } from '../../../shared/lib/http';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { largeTheme } from '../../../app/theme';
import { LABELS, MEMBER_FLAGS, MSG, NAV, type MemberFlag } from '../../../shared/i18n/vi';

const FLAG_COLORS: Record<MemberFlag, string> = { isExempt: 'default', isRemoteArea: 'green', isHeadOfUnit: 'blue', isCommitteeMember: 'red' };

function MemberTags({ m }: { m: MemberDetail }) {
  const flags = (Object.keys(MEMBER_FLAGS) as MemberFlag[]).filter((f) => m[f]);
  return (
    <Space wrap size={[6, 6]} data-testid="member-flags">
      <Tag color={m.status === 'official' ? 'processing' : 'gold'}>{LABELS.status[m.status] ?? m.status}</Tag>
      {flags.map((f) => <Tag key={f} color={FLAG_COLORS[f]}>{MEMBER_FLAGS[f]}</Tag>)}
    </Space>
  );
}

/** A member's record. The member's own page uses large text and a single column. */
export default function MemberPage() {
  const { id = '' } = useParams();
  const me = useMe().data!;
  const navigate = useNavigate();
  const member = useMember(id);
  const isSelf = me.memberId === id;
  const memberOnly = isMemberOnly(me);
  // Back to where the user came from; opened from a link (no history in the app): to the member list.
  const goBack = () => ((window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/members'));

  if (member.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (member.isError) {
    if (isNotFound(member.error)) {
      return (
        <Result status="404" title={MSG.notFoundMember} data-testid="member-not-found"
          extra={!memberOnly && <Button type="primary" onClick={goBack}>{MSG.back}</Button>} />
      );
    }
    return <ProblemAlert error={member.error} />;
  }
  const m = member.data;
  const branchLink = m.branch && !memberOnly ? <Link to={`/orgs?org=${m.branch.id}`}>{m.branch.name}</Link> : m.branch?.name;

  const page = (
    <div className={`qt-member-page${isSelf ? ' qt-self' : ''}`} data-testid="member-page">
      {!memberOnly && (
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={goBack} style={{ paddingInline: 0, marginBottom: 8 }}>{MSG.back}</Button>
      )}
      {isSelf && <Typography.Text type="secondary" style={{ display: 'block' }}>{NAV.me}</Typography.Text>}
      <Typography.Title level={2} className="qt-member-name" style={{ marginTop: 0, marginBottom: 4 }}>{m.fullName}</Typography.Title>
      <Typography.Paragraph style={{ marginBottom: 8 }} type="secondary">{m.branch?.name}</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}><MemberTags m={m} /></div>
      <Link to={`/members/${m.id}/file`}><Button icon={<FileTextOutlined />} style={{ marginBottom: 16 }} data-testid="member-file-link">Hồ sơ học tập, bài thu hoạch</Button></Link>
      <MemberSections member={m} large={isSelf} branchLink={branchLink} />
    </div>
  );
  return isSelf ? <ConfigProvider theme={largeTheme}>{page}</ConfigProvider> : page;
}
