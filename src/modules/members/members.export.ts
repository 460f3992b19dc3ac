import type { Actor } from '../../kernel/access/actor.js';
import { can, memberScopeSql, requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db } from '../../kernel/db/client.js';
import { getOrgBrief } from '../org/index.js';
import { writeMemberSheet, type ExportMemberRow } from './members.export-write.js';
import * as repo from './members.repository.js';

/**
 * Prepares the export of every member under an org. CCCD goes out only to those who may read it for
 * the whole org. The write is streamed so a province's half-million rows never sit in one buffer.
 */
export async function exportMembers(db: Db, actor: Actor, orgId: string) {
  await requireAccess(db, actor, 'member.export', orgId);
  const org = (await getOrgBrief(db, actor.tenantId, orgId))!;
  const withPersonalId = await can(db, actor, 'member.read_sensitive', orgId);
  const rows = await repo.listMembersForExport(db, actor.tenantId, orgId, memberScopeSql(actor, 'member.export'));
  await db.transaction((tx) => recordAudit(tx, actor, actor.tenantId, {
    action: 'member.export', entityType: 'org', entityId: orgId, after: { rows: rows.length, withPersonalId },
  }));
  const sheetRows: ExportMemberRow[] = rows.map((r) => ({ ...r, personalId: withPersonalId ? r.personalId : null })) as ExportMemberRow[];
  const fileName = `Danh sách đảng viên - ${org.name}.xlsx`;
  return {
    fileName,
    rowCount: rows.length,
    write: (out: string | NodeJS.WritableStream) => writeMemberSheet(out, {
      title: 'DANH SÁCH ĐẢNG VIÊN', issuingOrg: org.name.toUpperCase(), rows: sheetRows,
    }),
  };
}
