import { Card, Empty, Tag, Typography } from 'antd';
import { CommentOutlined, SendOutlined, UpOutlined } from '@ant-design/icons';
import { useMyRecommendations, type MyRecommendation } from '../api';
import { M, STATUS } from '../labels';
import { AnswerList } from '../components/AnswerList';
import { MyCampaignFrame, useCampaignIdParam } from '../../attendance/components/MyCampaignFrame';
import '../recommendations.css';

/** Kiến nghị của tôi: each recommendation in the member's reflection, what became of it and the answers. */
export default function MyRecommendationsPage() {
  const campaignId = useCampaignIdParam();
  const mine = useMyRecommendations(campaignId);
  return (
    <MyCampaignFrame campaignId={campaignId} query={mine} title={M.title} className="qt-rec-my qt-rec-readable" testId="my-recommendations-page">
      {(data) => (
        <>
          <Typography.Paragraph type="secondary">{data.campaign.title}</Typography.Paragraph>
          {data.items.length === 0 && <Card><Empty description={M.empty} /></Card>}
          {data.items.map((item, i) => <Item key={i} item={item} />)}
        </>
      )}
    </MyCampaignFrame>
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
