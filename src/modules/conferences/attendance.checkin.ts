import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can } from '../../kernel/access/policy.js';
import { recordAuditMany } from '../../kernel/audit/record-audit.js';
import { isoTimestamp, queryRows, type Db, type Executor } from '../../kernel/db/client.js';
import { AppError, NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { requireRecorder, rosterReach } from './attendance.access.js';
import * as repo from './attendance.repository.js';

/**
 * QR check-in, set-based. A scan, or a whole batch of them (the organizer's offline queue, or the
 * scans of one conference that arrived together: see `checkIn` below), is checked in ONE transaction:
 * one lookup of all the codes (rows locked in id order), one UPDATE of those not yet present, one
 * increment per branch count, one multi-row audit insert. Every scan gets its own answer: a result,
 * or the error the same scan would have met alone.
 */

export const QR_PREFIX = 'QT1:';

/** Most scans processed in one transaction (also the bulk endpoint's limit). */
export const MAX_SCANS_PER_BATCH = 2000;

/** The token inside a scanned code: "QT1:<token>" as printed, or the bare token typed by hand. */
export function parseQrCode(code: string): string | null {
  const trimmed = code.trim();
  const token = trimmed.startsWith(QR_PREFIX) ? trimmed.slice(QR_PREFIX.length) : trimmed;
  return /^[A-Za-z0-9_-]{22}$/.test(token) ? token : null;
}

export interface CheckInResult {
  outcome: 'checked_in' | 'already_present';
  invitationId: string;
  memberId: string | null;
  checkedInAt: string;
  fullName: string;
  branchName: string | null;
}

export interface Scan {
  actor: Actor;
  code: string;
  /** When the phone read the code, for scans kept offline and sent later; now when absent. */
  scannedAt?: Date | null;
}

export type ScanOutcome = CheckInResult | AppError;

interface ScannedRow {
  id: string; qr_token: string; status: string; member_id: string | null; branch_id: string | null; bridge_point_id: string | null;
  checked_in_at: string | Date | null; full_name: string; branch_name: string | null; member_gone: boolean;
}

/**
 * Checks in scans at one conference in one transaction. The token is bound to one invitation of this
 * conference; a scan of a row already present (before, or earlier in the batch) is 'already_present';
 * the conference row is share-locked, so a close either waits for the batch or is seen by it.
 * Throws only on an unexpected failure (the whole batch is then rolled back).
 */
export async function checkInScans(db: Db, tenantId: string, conferenceId: string, scans: readonly Scan[]): Promise<ScanOutcome[]> {
  return db.transaction(async (tx) => {
    const conf = await repo.lockConference(tx, tenantId, conferenceId, 'share');
    if (!conf) return scans.map(() => new NotFoundError('conference.not_found'));
    const tokens = scans.map((s) => parseQrCode(s.code));
    const rows = await lockInvitationsByToken(tx, tenantId, conf.id, [...new Set(tokens.filter((t): t is string => !!t))]);
    const byToken = new Map(rows.map((r) => [r.qr_token, r]));

    // Access is decided per actor once (one organizer's phone sends the whole batch, as a rule).
    const recordsAll = memo((a: Actor) => can(tx, a, 'attendance.record', conf.orgId));
    const seesRoster = memo(async (a: Actor) => !!(await rosterReach(tx, a, conf)));
    const outcomes: ScanOutcome[] = new Array(scans.length);
    const accepted: Array<{ k: number; row: ScannedRow }> = [];
    for (const [k, scan] of scans.entries()) {
      const found = tokens[k] ? byToken.get(tokens[k]) : undefined;
      // A member who has left the Party organization is no longer an invitee, whatever code they hold.
      const row = found && !found.member_gone ? found : undefined;
      try {
        if (!row) {
          if (!(await seesRoster(scan.actor))) throw new NotFoundError('conference.not_found');
          throw new RuleViolationError('checkin.invalid_code', 'no invitation of this conference carries the code');
        }
        if (!(await recordsAll(scan.actor))) {
          await requireRecorder(tx, scan.actor, conf, { branchId: row.branch_id, bridgePointId: row.bridge_point_id });
        }
        if (conf.status !== 'scheduled') throw new RuleViolationError('checkin.closed', `conference is ${conf.status}`);
        accepted.push({ k, row });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        outcomes[k] = err;
      }
    }

    // The first scan of each invitation not yet present flips it; the others find it present.
    const flipper = new Map<string, number>();
    for (const { k, row } of accepted) if (row.status !== 'present' && !flipper.has(row.id)) flipper.set(row.id, k);
    const flips = [...flipper].map(([id, k]) => ({ id, by: scans[k].actor.userId, at: scans[k].scannedAt?.toISOString() ?? null }));
    const flipped = new Map<string, string>();
    if (flips.length) {
      const done = await queryRows<{ id: string; checked_in_at: string | Date }>(tx, sql`update conference_invitations i
        set status = 'present', check_in_method = 'qr', absence_reason = null, checked_in_by = x.by,
          checked_in_at = least(now(), greatest(coalesce(x.at, now()), ${conf.startsAt.toISOString()}::timestamptz - interval '1 day'))
        from jsonb_to_recordset(${JSON.stringify(flips)}::jsonb) as x(id uuid, by uuid, at timestamptz)
        where i.tenant_id = ${tenantId} and i.id = x.id and i.status <> 'present'
        returning i.id, i.checked_in_at`);
      for (const d of done) flipped.set(d.id, isoTimestamp(d.checked_in_at)!);
      const rowById = new Map(accepted.map(({ row }) => [row.id, row]));
      const attended = [...flipped].flatMap(([id, at]) => { const m = rowById.get(id)!.member_id; return m ? [{ memberId: m, at }] : []; });
      await repo.recordFirstAttendances(tx, tenantId, conf.campaignId, attended);
      await recordAuditMany(tx, tenantId, [...flipped.keys()].map((id) => {
        const scan = scans[flipper.get(id)!];
        return { actor: scan.actor, event: {
          action: 'attendance.check_in', entityType: 'conference_invitation', entityId: id,
          before: { status: rowById.get(id)!.status },
          after: { status: 'present', method: 'qr', ...(scan.scannedAt ? { scannedAt: scan.scannedAt.toISOString() } : {}) },
        } };
      }));
    }
    for (const { k, row } of accepted) {
      const own = flipper.get(row.id) === k && flipped.has(row.id);
      outcomes[k] = {
        outcome: own ? 'checked_in' : 'already_present', invitationId: row.id, memberId: row.member_id,
        checkedInAt: flipped.get(row.id) ?? isoTimestamp(row.checked_in_at)!, fullName: row.full_name, branchName: row.branch_name,
      };
    }
    return outcomes;
  });
}

/** The invitations of this conference carrying these tokens, locked in id order (so batches never deadlock each other). */
async function lockInvitationsByToken(tx: Executor, tenantId: string, conferenceId: string, tokens: string[]): Promise<ScannedRow[]> {
  if (tokens.length === 0) return [];
  return queryRows<ScannedRow>(tx, sql`select i.id, i.qr_token, i.status, i.member_id, i.branch_id, i.bridge_point_id, i.checked_in_at,
      coalesce(m.full_name, i.guest_name) as full_name, b.name as branch_name,
      (i.member_id is not null and (m.id is null or m.left_at is not null)) as member_gone
    from unnest(string_to_array(${tokens.join(',')}, ',')) as t(token)
    join conference_invitations i on i.tenant_id = ${tenantId} and i.qr_token = t.token
    left join members m on m.tenant_id = i.tenant_id and m.id = i.member_id
    left join orgs b on b.tenant_id = i.tenant_id and b.id = i.branch_id
    where i.conference_id = ${conferenceId}
    order by i.id
    for update of i`);
}

function memo<T>(fn: (a: Actor) => Promise<T>): (a: Actor) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (a) => {
    const key = `${a.userId}|${a.memberId}|${JSON.stringify(a.grants)}`;
    let p = seen.get(key);
    if (!p) { p = fn(a); seen.set(key, p); }
    return p;
  };
}

/**
 * `checkInScans`, and when the batch as a whole fails (a deadlock with a roster being ticked, a lost
 * connection), each scan again in its own transaction: one scan never fails another.
 */
export async function checkInScansIsolated(db: Db, tenantId: string, conferenceId: string, scans: readonly Scan[]): Promise<Array<ScanOutcome | Error>> {
  try {
    return await checkInScans(db, tenantId, conferenceId, scans);
  } catch (err) {
    if (scans.length === 1) return [err instanceof Error ? err : new Error(String(err))];
    const out: Array<ScanOutcome | Error> = [];
    for (const scan of scans) {
      out.push(await checkInScans(db, tenantId, conferenceId, [scan]).then((r) => r[0], (e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------
// Group commit: single scans of one conference that arrive while its previous batch is being written
// wait for it (a few ms) and are then written together.
// ---------------------------------------------------------------------------------------------------

interface Waiting { scan: Scan; resolve: (r: CheckInResult) => void; reject: (e: Error) => void }
interface Lane { waiting: Waiting[] }

const lanes = new WeakMap<Db, Map<string, Lane>>();

/**
 * Checks in one scanned code. Scans of the same conference that arrive together (a queue at the
 * hall's door, several phones) share one transaction: the first scan starts a batch at once (on the
 * next turn of the event loop, so scans arriving in the same turn join it); scans arriving while it is
 * written form the next batch. At most one batch per conference is in flight in this process.
 */
export function checkIn(db: Db, actor: Actor, conferenceId: string, code: string): Promise<CheckInResult> {
  let byConference = lanes.get(db);
  if (!byConference) { byConference = new Map(); lanes.set(db, byConference); }
  const key = `${actor.tenantId}/${conferenceId}`;
  return new Promise<CheckInResult>((resolve, reject) => {
    const lane = byConference.get(key);
    if (lane) { lane.waiting.push({ scan: { actor, code }, resolve, reject }); return; }
    const fresh: Lane = { waiting: [{ scan: { actor, code }, resolve, reject }] };
    byConference.set(key, fresh);
    setImmediate(() => void drain(db, byConference, key, actor.tenantId, conferenceId, fresh));
  });
}

async function drain(db: Db, byConference: Map<string, Lane>, key: string, tenantId: string, conferenceId: string, lane: Lane) {
  try {
    while (lane.waiting.length) {
      const batch = lane.waiting.splice(0, MAX_SCANS_PER_BATCH);
      let outcomes: Array<ScanOutcome | Error>;
      try {
        outcomes = await checkInScansIsolated(db, tenantId, conferenceId, batch.map((w) => w.scan));
      } catch (err) {
        outcomes = batch.map(() => (err instanceof Error ? err : new Error(String(err))));
      }
      batch.forEach((w, i) => { const o = outcomes[i]; if (o instanceof Error) w.reject(o); else w.resolve(o); });
    }
  } finally {
    byConference.delete(key);
  }
}

// ---------------------------------------------------------------------------------------------------
// Bulk: the organizer's offline queue, sent in one request.
// ---------------------------------------------------------------------------------------------------

export interface QueuedScan { code: string; scannedAt?: string | null }
export type BulkScanResult =
  | ({ code: string; ok: true } & CheckInResult)
  | { code: string; ok: false; error: { status: number; code: string; title: string } };

/**
 * Checks in scans kept by a phone that had no connection, in one transaction, with the checks of a
 * single scan; each code gets its own result, in order. The time of each scan is kept as the check-in
 * time (never later than now, nor earlier than the day before the conference). A caller who cannot
 * see the conference gets 404 for the whole request.
 */
export async function checkInBulk(db: Db, actor: Actor, conferenceId: string, queued: readonly QueuedScan[]) {
  const scans = queued.map((q) => ({ actor, code: q.code, scannedAt: q.scannedAt ? new Date(q.scannedAt) : null }));
  const outcomes = await checkInScansIsolated(db, actor.tenantId, conferenceId, scans);
  const hidden = outcomes.find((o) => o instanceof NotFoundError && o.code === 'conference.not_found');
  if (hidden) throw hidden;
  const unexpected = outcomes.find((o) => o instanceof Error && !(o instanceof AppError));
  if (unexpected) throw unexpected; // nothing of this batch was written: the phone sends it again
  const results: BulkScanResult[] = outcomes.map((o, i) => (o instanceof AppError
    ? { code: queued[i].code, ok: false, error: { status: o.status, code: o.code, title: o.title } }
    : { code: queued[i].code, ok: true, ...(o as CheckInResult) }));
  return {
    checkedIn: results.filter((r) => r.ok && r.outcome === 'checked_in').length,
    alreadyPresent: results.filter((r) => r.ok && r.outcome === 'already_present').length,
    failed: results.filter((r) => !r.ok).length,
    results,
  };
}
