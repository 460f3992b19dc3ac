import type { ReactNode } from 'react';
import { Button, ConfigProvider, Result, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMe } from '../../auth/api';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { largeTheme } from '../../../app/theme';
import { MY_FRAME } from '../labels';

/** The campaign a member's own page is about (`?campaignId=`), or '' when none was chosen. */
export function useCampaignIdParam(): string {
  return useSearchParams()[0].get('campaignId') ?? '';
}

/**
 * A member's own page of a campaign, reached from "my campaign" on a phone: large type, the way back,
 * the title, and the page's data once loaded (or why not: not a member, no campaign, an error).
 */
export function MyCampaignFrame<T>({ campaignId, query, title, className, testId, children }: {
  campaignId: string; query: UseQueryResult<T>; title: string; className: string; testId: string; children: (data: T) => ReactNode;
}) {
  const me = useMe().data!;
  if (!me.memberId) return <Result status="info" title={MY_FRAME.notMember} />;
  if (!campaignId) return <Result status="info" title={MY_FRAME.noCampaign} extra={<Link to="/my-campaign">{MY_FRAME.back}</Link>} />;
  return (
    <ConfigProvider theme={largeTheme}>
      <div className={className} data-testid={testId}>
        <Link to="/my-campaign"><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{MY_FRAME.back}</Button></Link>
        <Typography.Title level={2}>{title}</Typography.Title>
        {query.isPending && <Skeleton active />}
        {query.isError && <ProblemAlert error={query.error} />}
        {query.data !== undefined && children(query.data)}
      </div>
    </ConfigProvider>
  );
}
