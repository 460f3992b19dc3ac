import { parseArgs } from 'node:util';
import { DatabaseLockedError } from '../kernel/db/lock.js';
import { runDemoAccounts, runSeedDemo } from './commands/seed-demo.js';
import { runExportMembers, runImportMembers } from './commands/members.js';
import { runDedupe, runRecommendations } from './commands/text.js';

const HELP = `Quán Triệt — dòng lệnh

Cách dùng: npm run --silent cli -- <lệnh> [tuỳ chọn]

  seed-demo [--members N] [--seed S] [--shape current|legacy]
                      Tạo đảng bộ tỉnh mẫu (tên bịa) với N đảng viên (mặc định 20000), cùng các tài khoản mẫu.
  demo-accounts [--json]
                      In các tài khoản mẫu (tên đăng nhập, mật khẩu, vai trò, tổ chức).
  import-members <tệp.xlsx> [--under <mã hoặc id tổ chức>] [--dry-run] [--json]
                      Nhập danh sách đảng viên từ Excel: tất cả các dòng hoặc không dòng nào.
                      Mã thoát 0: tệp được chấp nhận; 2: tệp bị từ chối (không ghi gì).
  export-members <tệp.xlsx> [--under <mã hoặc id tổ chức>]
                      Xuất danh sách đảng viên của một tổ chức (cả các tổ chức trực thuộc) ra Excel.

  dedupe --input <docs.jsonl> --source <tệp.txt> [--source ...]
                      Tìm bài thu hoạch sao chép nhau hoặc chép từ văn kiện: in JSONL {"a","b","score"} và {"id","sourceShare"}.
  recommendations --input <docs.jsonl>
                      Gom các kiến nghị, đề xuất trong bài thu hoạch thành cụm: in JSONL {"cluster","label","size","items"}.

Cơ sở dữ liệu: DATABASE_URL=postgres://... dùng PostgreSQL; nếu không, dùng PGlite tại QT_DATA_DIR (mặc định ./data).
`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  'seed-demo': runSeedDemo,
  'demo-accounts': runDemoAccounts,
  'import-members': runImportMembers,
  'export-members': runExportMembers,
  dedupe: runDedupe,
  recommendations: runRecommendations,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help' || command === '-h') {
    process.stdout.write(HELP);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`Không có lệnh "${command}".\n\n${HELP}`);
    return 1;
  }
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof DatabaseLockedError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`Lỗi: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof DatabaseLockedError ? 3 : 1);
  },
);

export { parseArgs };
