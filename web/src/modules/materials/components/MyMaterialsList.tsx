import { Empty, Skeleton, Tag } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMyMaterials } from '../api';
import { KIND, T } from '../labels';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../materials.css';

/** The signed-in member's materials in a campaign, each in the version meant for them; big cards for a phone. */
export function MyMaterialsList({ campaignId }: { campaignId: string }) {
  const list = useMyMaterials(campaignId);
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <ProblemAlert error={list.error} />;
  if (list.data.length === 0) return <Empty description={T.myNone} />;
  return (
    <div className="qt-my-materials" data-testid="my-materials">
      {list.data.map((m) => (
        <Link key={m.masterId} to={`/materials/${m.id}`} className="qt-my-material" data-testid="my-material">
          <div className="qt-my-material-title">{m.title}</div>
          {m.summary && <div className="qt-my-material-summary">{m.summary}</div>}
          <div className="qt-my-material-tags">
            <Tag color={KIND[m.kind].color}>{KIND[m.kind].label}</Tag>
            {m.audienceName && <Tag color="purple">{T.forAudience} {lowerFirst(m.audienceName)}</Tag>}
            {m.opened
              ? <Tag color="success" icon={<CheckCircleFilled />} data-testid="material-read">{T.readDone}</Tag>
              : <Tag color="warning">{T.unread}</Tag>}
          </div>
        </Link>
      ))}
    </div>
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
