import type { Executor } from '../../kernel/db/client.js';
import { findConference, type ConferenceRow } from './conferences.repository.js';

/** What other modules (and the attendance part of this one) may use of conferences. */

export type { ConferenceRow };
export { conferenceReadScope, canReadConference } from './conferences.access.js';
export { proposeSplit, type BranchGroup, type SplitProposal } from './conferences.split.js';
export { vnDay, formatDay as formatVnDay, formatDayTime as formatVnDayTime } from './conferences.rules.js';
/** Rebuilds a campaign's per-branch participation counts in one statement (bulk loads, benchmarks). */
export { recountCampaign } from './attendance.repository.js';
/** A member's conferences and make-ups across campaigns (the member file). */
export { memberStudyRecord, type StudyConference, type StudyMakeup } from './attendance.record.js';

/** A conference of the tenant, or null. */
export async function getConference(exec: Executor, tenantId: string, id: string): Promise<ConferenceRow | null> {
  return findConference(exec, tenantId, id);
}
