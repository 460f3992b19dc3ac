import type { Executor } from '../../kernel/db/client.js';
import { findConference, type ConferenceRow } from './conferences.repository.js';

/** What other modules (and the attendance part of this one) may use of conferences. */

export type { ConferenceRow };
export { conferenceReadScope, canReadConference } from './conferences.access.js';
export { proposeSplit, type BranchGroup, type SplitProposal } from './conferences.split.js';
export { vnDay, formatDay as formatVnDay, formatDayTime as formatVnDayTime } from './conferences.rules.js';

/** A conference of the tenant, or null. */
export async function getConference(exec: Executor, tenantId: string, id: string): Promise<ConferenceRow | null> {
  return findConference(exec, tenantId, id);
}
