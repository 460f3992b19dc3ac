/** The pools' background job: new typed texts of a campaign → extracted sentences → gathered into groups. */
import type { JobHandlers } from '../../kernel/jobs/worker.js';
import { refreshCampaign } from './recommendations.pool.js';
import { RECOMMENDATION_JOB } from './recommendations.service.js';

export const recommendationJobHandlers: JobHandlers = {
  [RECOMMENDATION_JOB]: async (job, { db, signal }) => {
    await refreshCampaign(db, job.tenantId, String(job.payload.campaignId ?? job.key), signal);
  },
};
