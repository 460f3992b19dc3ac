import { Card, ConfigProvider, Empty, Skeleton, Tag, Typography } from 'antd';
import { CommentOutlined, SendOutlined, UpOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router';
import { CampaignNav } from '../../campaigns/components/CampaignNav';
import { useOrgAnswers, type OrgAnswers } from '../api';
import { A, K, STATUS } from '../labels';
import { AnswerList } from '../components/AnswerList';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { largeTheme } from '../../../app/theme';
import '../recommendations.css';

/**
 * What became of a branch's (or a committee's) recommendations: the groups of the pool above that hold
 * them, how many of each came from here, whether they went up or to the Standing Committee, and the
 * answers that came back down. Large type: branch secretaries read it on a phone.
 */
export default function RecommendationAnswersPage() {
  const { id = '' } = useParams();
  const orgId = useSearchParams()[0].get('org') ?? undefined;
  const answers = useOrgAnswers(id, orgId);
  return (
    <div className="qt-rec-page" data-testid="recommendation-answers-page">
      <CampaignNav campaignId={id} active="recommendations" />
      <ConfigProvider theme={largeTheme}>
        <div className="qt-rec-readable">
          {answers.isError && <ProblemAlert error={answers.error} />}
          {!answers.data ? (!answers.isError && <Skeleton active />) : <Body data={answers.data} />}
        </div>
      </ConfigProvider>
    </div>
  );
}

function Body({ data }: { data: OrgAnswers }) {
  return (
    <>
      <Typography.Title level={3} className="qt-rec-readable-title">{A.ofOrg(data.org.name)}</Typography.Title>
      {data.pool && <Typography.Paragraph type="secondary">{A.pooledAt(data.pool.name)}</Typography.Paragraph>}
      {data.groups.length === 0 && <Card><Empty description={A.empty} /></Card>}
      {data.groups.map((g) => {
        const reported = !!g.reportedAt || g.above.some((a) => a.reportedAt);
        return (
          <Card key={g.id} className="qt-rec-answer-card" data-testid="answer-group">
            <div className="qt-rec-readable-group">{g.title}</div>
            <div className="qt-rec-readable-line">{A.fromOrg(g.fromOrg, g.count)}</div>
            <div className="qt-rec-marks">
              <Tag color={STATUS[g.status].color}>{STATUS[g.status].label}</Tag>
              {g.above.length > 0 && <Tag color="blue" icon={<UpOutlined />}>{K.forwardedTo(g.above.map((a) => a.orgName).join(' → '))}</Tag>}
              {reported && <Tag color="purple" icon={<SendOutlined />}>{K.reportedMark}</Tag>}
            </div>
            {g.answers.length > 0
              ? <AnswerList answers={g.answers} ownOrgName={data.pool?.name ?? ''} large />
              : <div className="qt-rec-readable-line qt-rec-muted"><CommentOutlined /> {g.status === 'open' ? A.waiting : A.notYet}</div>}
          </Card>
        );
      })}
    </>
  );
}
