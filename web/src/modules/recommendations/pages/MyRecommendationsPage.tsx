import { Button, Card, ConfigProvider, Empty, Result, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CommentOutlined, SendOutlined, UpOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useMyRecommendations, type MyRecommendation } from '../api';
import { M, STATUS } from '../labels';
import { AnswerList } from '../components/AnswerList';
import { useMe } from '../../auth/api';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { largeTheme } from '../../../app/theme';
import '../recommendations.css';

/** Kiến nghị của tôi: each recommendation in the member's reflection, what became of it and the answers. */
export default function MyRecommendationsPage() {
  const me = useMe().data!;
  const campaignId = useSearchParams()[0].get('campaignId') ?? '';
  const mine = useMyRecommendations(campaignId);
  if (!me.memberId) return <Result status="info" title={M.notMember} />;
  if (!campaignId) return <Result status="info" title={M.noCampaign} extra={<Link to="/my-campaign">{M.back}</Link>} />;
  return (
    <ConfigProvider theme={largeTheme}>
      <div className="qt-rec-my qt-rec-readable" data-testid="my-recommendations-page">
        <Link to="/my-campaign"><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{M.back}</Button></Link>
        <Typography.Title level={2}>{M.title}</Typography.Title>
        {mine.isPending && <Skeleton active />}
        {mine.isError && <ProblemAlert error={mine.error} />}
        {mine.data && (
          <>
            <Typography.Paragraph type="secondary">{mine.data.campaign.title}</Typography.Paragraph>
            {mine.data.items.length === 0 && <Card><Empty description={M.empty} /></Card>}
            {mine.data.items.map((item, i) => <Item key={i} item={item} />)}
          </>
        )}
      </div>
    </ConfigProvider>
  );
}

function Item({ item }: { item: MyRecommendation }) {
  const g = item.group;
  return (
    <Card className="qt-rec-answer-card" data-testid="my-recommendation">
      <div className="qt-rec-readable-label">{M.mine}</div>
      <blockquote className="qt-rec-quote">{item.text}</blockquote>
      {!g ? <div className="qt-rec-readable-line qt-rec-muted">{M.waiting}</div> : (
        <>
          <div className="qt-rec-readable-label">{M.groupedAs}</div>
          <div className="qt-rec-readable-group">{g.title}</div>
          <div className="qt-rec-readable-line">{M.together(g.count)}</div>
          <div className="qt-rec-marks">
            <Tag color={STATUS[g.status].color}>{STATUS[g.status].label}</Tag>
            {g.forwarded.length > 0 && <Tag color="blue" icon={<UpOutlined />}>{M.forwardedTo(g.forwarded.join(' → '))}</Tag>}
            {g.reported && <Tag color="purple" icon={<SendOutlined />}>{M.reported}</Tag>}
          </div>
          {g.answers.length > 0
            ? <AnswerList answers={g.answers} ownOrgName="" large />
            : <div className="qt-rec-readable-line qt-rec-muted"><CommentOutlined /> {M.noAnswer}</div>}
        </>
      )}
    </Card>
  );
}
