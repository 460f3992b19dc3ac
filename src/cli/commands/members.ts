import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveOrgRef } from '../../modules/org/index.js';
import { parseMemberSheet } from '../../modules/members/members.import-parse.js';
import { importParsedSheet } from '../../modules/members/members.import.js';
import { exportMembers } from '../../modules/members/members.export.js';
import { cliActor, openCliDatabase } from '../cli-context.js';

export async function runImportMembers(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    under: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
  } });
  const file = positionals[0];
  if (!file) throw new Error('Thiếu đường dẫn tệp Excel: import-members <tệp.xlsx>');
  if (!fs.existsSync(file)) throw new Error(`Không tìm thấy tệp ${file}`);
  const database = await openCliDatabase();
  try {
    const actor = await cliActor(database);
    const target = await resolveOrgRef(database.db, actor.tenantId, values.under ?? actor.grants[0].orgId);
    const parsed = await parseMemberSheet(fs.readFileSync(file));
    const result = await importParsedSheet(database.db, actor, { target, parsed, dryRun: values['dry-run'], fileName: path.basename(file) });
    const accepted = result.errors.length === 0;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ rows: result.rows, created: result.created, updated: result.updated, errors: result.errors, warnings: result.warnings })}\n`);
    } else {
      process.stdout.write(`${accepted ? (result.committed ? 'Đã nhập' : 'Kiểm tra xong (chưa ghi)') : 'Tệp bị từ chối, không ghi dòng nào'}: ` +
        `${result.rows} dòng đảng viên, ${result.created} thêm mới, ${result.updated} cập nhật, ${result.errors.length} lỗi.\n`);
      for (const e of result.errors) process.stdout.write(`  Dòng ${e.row}${e.column ? `, cột ${e.column}` : ''}: ${e.message}\n`);
      for (const w of result.warnings) process.stdout.write(`  (lưu ý) Dòng ${w.row}${w.column ? `, cột ${w.column}` : ''}: ${w.message}\n`);
    }
    return accepted ? 0 : 2;
  } finally {
    await database.close();
  }
}

export async function runExportMembers(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { under: { type: 'string' } } });
  const out = positionals[0];
  if (!out) throw new Error('Thiếu đường dẫn tệp kết quả: export-members <tệp.xlsx>');
  const database = await openCliDatabase();
  try {
    const actor = await cliActor(database);
    const target = await resolveOrgRef(database.db, actor.tenantId, values.under ?? actor.grants[0].orgId);
    const job = await exportMembers(database.db, actor, target.id);
    await job.write(out);
    process.stdout.write(`Đã xuất ${job.rowCount} đảng viên của ${target.name} ra ${out}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
