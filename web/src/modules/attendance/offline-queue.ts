/**
 * Scans the organizer's phone could not send (commune halls often have no signal): kept in
 * localStorage per conference, so they survive a reload or a flat battery, and sent later in one
 * request (POST /api/conferences/:id/check-ins). A code scanned twice while offline is kept once,
 * with its first scan time.
 */
export interface QueuedScan { code: string; scannedAt: string }

/** The server's limit per request. */
export const SYNC_BATCH = 2000;

const key = (conferenceId: string) => `qt.checkin-queue.${conferenceId}`;

export function readQueue(conferenceId: string): QueuedScan[] {
  try {
    const raw = localStorage.getItem(key(conferenceId));
    const parsed = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(parsed) ? parsed.filter((x): x is QueuedScan => typeof x?.code === 'string' && typeof x?.scannedAt === 'string') : [];
  } catch {
    return [];
  }
}

function writeQueue(conferenceId: string, queue: QueuedScan[]) {
  if (queue.length === 0) localStorage.removeItem(key(conferenceId));
  else localStorage.setItem(key(conferenceId), JSON.stringify(queue));
}

/** Adds a scan unless its code is already waiting; returns the queue. */
export function enqueueScan(conferenceId: string, scan: QueuedScan): QueuedScan[] {
  const queue = readQueue(conferenceId);
  if (!queue.some((q) => q.code === scan.code)) queue.push(scan);
  writeQueue(conferenceId, queue);
  return queue;
}

/** Drops the scans the server has answered (by code); scans added meanwhile stay. Returns the queue. */
export function dropSent(conferenceId: string, sent: readonly QueuedScan[]): QueuedScan[] {
  const done = new Set(sent.map((s) => s.code));
  const queue = readQueue(conferenceId).filter((q) => !done.has(q.code));
  writeQueue(conferenceId, queue);
  return queue;
}
