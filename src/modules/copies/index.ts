/** What other modules and the server may use of the copy index. */
export { copyIndexJob, requestCopyIndex, COPY_INDEX_DELAY_SECONDS } from './copies.service.js';
export { copyJobHandlers, rebuildCopyIndex, COPY_INDEX_JOB } from './copies.job.js';
