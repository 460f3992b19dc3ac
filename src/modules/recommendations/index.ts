export { recommendationJob, requestRecommendationRefresh, RECOMMENDATION_JOB } from './recommendations.service.js';
export { recommendationJobHandlers } from './recommendations.job.js';
export { refreshCampaign as refreshRecommendationPools } from './recommendations.pool.js';
export * as recommendationBoard from './recommendations.board.js';
