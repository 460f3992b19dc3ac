import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleMember } from '../../../test/fixtures/member-sheets.js';
import { GENDERS, MEMBER_STATUSES, THEORY_LEVELS, WORKPLACE_KINDS, type MemberAttributes } from './members.fields.js';
import { EXPORT_COLUMNS, writeMemberSheet, type ExportMemberRow, type MemberSheetData } from './members.export-write.js';
import { parseMemberSheet } from './members.import-parse.js';

async function exportToBuffer(data: MemberSheetData): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  await writeMemberSheet(sink, data);
  return Buffer.concat(chunks);
}

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb.worksheets[0];
}

const branch = { branchName: 'Chi bộ Ấp Tân Hòa', branchCode: 'CB-TH' };
const exportRow = (m: MemberAttributes, b = branch): ExportMemberRow => ({ ...m, ...b });
const DANGEROUS = ['=HYPERLINK("http://example.invalid","bấm vào đây")', '+84 912 345 678', '-Phó Bí thư', '@SUM(A1:A9)', ' =1+1', "'=2+2", '\t=3'];

describe('writeMemberSheet: layout', () => {
  it('writes org lines, title, header, column numbers, member rows and the total line', async () => {
    const rows = [0, 1, 2].map((i) => exportRow(sampleMember(i)));
    const ws = await readBack(await exportToBuffer({ title: 'DANH SÁCH ĐẢNG VIÊN', issuingOrg: 'CHI BỘ ẤP TÂN HÒA', superiorOrg: 'ĐẢNG BỘ XÃ AN BÌNH', rows }));
    expect(ws.getCell('A1').value).toBe('ĐẢNG BỘ XÃ AN BÌNH');
    expect(ws.getCell('J1').value).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(ws.getCell('A2').value).toBe('CHI BỘ ẤP TÂN HÒA');
    expect(ws.getCell('A3').value).toBe('*');
    expect(ws.getCell('A4').value).toBe('DANH SÁCH ĐẢNG VIÊN');
    const header = EXPORT_COLUMNS.map((_c, i) => ws.getCell(6, i + 1).value);
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(ws.getCell(7, 1).value).toBe('(1)');
    const col = (h: string) => EXPORT_COLUMNS.findIndex((c) => c.header === h) + 1;
    expect(ws.getCell(8, col('Họ và tên')).value).toBe(rows[0].fullName);
    expect(ws.getCell(8, col('Ngày sinh')).value).toBe('01/01/1945');
    expect(ws.getCell(8, col('Giới tính')).value).toBe('Nam');
    expect(ws.getCell(9, col('Giới tính')).value).toBe('Nữ');
    expect(ws.getCell(8, col('Số thẻ đảng viên')).value).toBe('01000000');
    expect(ws.getCell(8, col('Cấp ủy viên')).value).toBe('Có');
    expect(ws.getCell(8, col('Miễn sinh hoạt')).value).toBeNull();
    expect(ws.getCell(12, 1).value).toBe('Tổng số: 3 đảng viên');
  });

  it('starts with the issuing org when there is no superior org, and accepts an async iterable', async () => {
    async function* members() {
      for (let i = 0; i < 3; i++) yield exportRow(sampleMember(i));
    }
    const buffer = await exportToBuffer({ title: 'DANH SÁCH ĐẢNG VIÊN', issuingOrg: 'CHI BỘ ẤP 3', rows: members() });
    const ws = await readBack(buffer);
    expect(ws.getCell('A1').value).toBe('CHI BỘ ẤP 3');
    const parsed = await parseMemberSheet(buffer);
    expect(parsed).toMatchObject({ errors: [], title: 'DANH SÁCH ĐẢNG VIÊN', issuingOrg: 'CHI BỘ ẤP 3', superiorOrg: null });
    expect(parsed.rows).toHaveLength(3);
  });

  it('stops with an error, instead of hanging, when the output stream is destroyed', async () => {
    const sink = new PassThrough();
    sink.once('data', () => sink.destroy());
    function* members() {
      for (let i = 0; i < 20_000; i++) yield exportRow(sampleMember(i));
    }
    await expect(writeMemberSheet(sink, { title: 'DANH SÁCH ĐẢNG VIÊN', issuingOrg: 'CHI BỘ 1', rows: members() })).rejects.toThrow(/closed/);
  });

  it('never writes a formula: dangerous texts get one leading apostrophe', async () => {
    const rows = DANGEROUS.map((text, i) =>
      exportRow(sampleMember(i, { fullName: text.trim(), homeTown: text, workPosition: text, qualification: text })),
    );
    const buffer = await exportToBuffer({ title: '=1+1', issuingOrg: '@CHI BỘ', rows });
    const ws = await readBack(buffer);
    let quoted = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        const v = cell.value;
        if (typeof v === 'string' && /^'*(\s*[=+\-@]|[\t\r])/.test(v.slice(1))) quoted++;
        if (typeof v === 'string') expect(v).not.toMatch(/^\s*[=+\-@\t\r]/);
      }),
    );
    expect(quoted).toBeGreaterThanOrEqual(DANGEROUS.length * 4 + 2);
    expect(ws.getCell('A1').value).toBe("'@CHI BỘ");
    const parsed = await parseMemberSheet(buffer);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.fullName)).toEqual(DANGEROUS.map((t) => t.trim()));
    expect(parsed.rows[0].homeTown).toBe('=HYPERLINK("http://example.invalid","bấm vào đây")');
    expect(parsed.rows[5].workPosition).toBe("'=2+2");
  });
});

// ---------------------------------------------------------------------------------------------------
// Round trip: random attribute values survive export → parse unchanged.

const SYLLABLES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đặng', 'Văn', 'Thị', 'Hữu', 'Ngọc', 'Ánh', 'Bình', 'Cường', 'Dũng',
  'Hằng', 'Hương', 'Khuê', 'Lộc', 'Mỹ', 'Nhung', 'Phượng', 'Quỳnh', 'Sơn', 'Thủy', 'Tuấn', 'Uyên', 'Việt', 'Xuân', 'Yến', 'Ê', 'Đê', 'H\'Hen'];
const PREFIXES = ['', '', '', '=', '+', '-', '@', "'", "'=", '(', '1. '];
const words = (min: number, max: number) => fc.array(fc.constantFrom(...SYLLABLES), { minLength: min, maxLength: max }).map((w) => w.join(' '));
const text = (min = 1, max = 4) => fc.tuple(fc.constantFrom(...PREFIXES), words(min, max)).map(([p, w]) => p + w);
const day = fc.record({ y: fc.integer({ min: 1930, max: 1990 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const memberArb = fc
  .record({
    fullName: text(2, 4),
    gender: fc.option(fc.constantFrom(...GENDERS)),
    birth: fc.option(fc.tuple(day, fc.boolean())),
    admissionAfter: fc.option(fc.tuple(fc.integer({ min: 18, max: 35 }), day, fc.option(fc.integer({ min: 0, max: 3 })))),
    homeTown: fc.option(text()), ethnicity: fc.option(fc.constantFrom('Kinh', 'Tày', 'Thái', 'Mường', 'Khmer', 'Ê Đê', "H'Mông")),
    religion: fc.option(fc.constantFrom('Không', 'Phật giáo', 'Công giáo', 'Cao Đài', 'Hòa Hảo')),
    hasCard: fc.boolean(), hasId: fc.boolean(),
    recordNumber: fc.option(fc.stringMatching(/^\d{6}[A-Z]{1,3}$/)),
    status: fc.constantFrom(...MEMBER_STATUSES), qualification: fc.option(text(1, 3)),
    theoryLevel: fc.option(fc.constantFrom(...THEORY_LEVELS)), partyPosition: fc.option(text(1, 3)), workPosition: fc.option(text(1, 5)),
    workplaceKind: fc.option(fc.constantFrom(...WORKPLACE_KINDS)),
    isRemoteArea: fc.boolean(), isExempt: fc.boolean(), isHeadOfUnit: fc.boolean(), isCommitteeMember: fc.boolean(),
    phone: fc.option(fc.oneof(fc.stringMatching(/^0\d{9}$/), fc.stringMatching(/^\+84 \d{3} \d{3} \d{3}$/))),
    email: fc.option(fc.emailAddress()),
    branchName: text(2, 3).map((t) => `Chi bộ ${t}`), branchCode: fc.stringMatching(/^[A-Z]{2}\d{2,4}$/),
  })
  .map((g) => {
    const birthYearOnly = g.birth?.[1] ?? false;
    const birthDate = g.birth ? (birthYearOnly ? iso(g.birth[0].y, 1, 1) : iso(g.birth[0].y, g.birth[0].m, g.birth[0].d)) : null;
    const by = g.birth?.[0].y ?? 1950;
    const adm = g.admissionAfter ? { y: by + g.admissionAfter[0], m: g.admissionAfter[1].m, d: g.admissionAfter[1].d } : null;
    const admissionDate = adm ? iso(adm.y, adm.m, adm.d) : null;
    const officialYears = g.admissionAfter?.[2];
    const officialDate = adm && officialYears != null ? iso(adm.y + officialYears, adm.m, adm.d) : null;
    const { birth: _b, admissionAfter: _a, hasCard: _c, hasId: _i, ...rest } = g;
    return { hasCard: g.hasCard, hasId: g.hasId, row: { ...rest, birthDate, birthYearOnly, admissionDate, officialDate } };
  });

describe('writeMemberSheet → parseMemberSheet round trip', () => {
  it('keeps every Vietnamese letter of 5,000 members (UTF-8 split across stream chunks)', async () => {
    const rows = Array.from({ length: 5000 }, (_v, i) => exportRow(sampleMember(i, {
      fullName: `Huỳnh Thị Phượng Ánh ${i}`, homeTown: `Xã Phước Hưng ${i}, huyện Tuy Phước, tỉnh Bình Định`,
      workPosition: `Phó Chủ tịch Ủy ban Mặt trận Tổ quốc xã Đắk Rơ Nga ${i}`,
    })));
    const parsed = await parseMemberSheet(await exportToBuffer({ title: 'DANH SÁCH ĐẢNG VIÊN', issuingOrg: 'CHI BỘ ẤP 1', rows }));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.fullName, r.homeTown, r.workPosition])).toEqual(rows.map((r) => [r.fullName, r.homeTown, r.workPosition]));
  });


  it('gives back every attribute of random members', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(memberArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 89_000_000 }), async (generated, base) => {
        const rows: ExportMemberRow[] = generated.map((g, i) => ({
          ...g.row,
          cardNumber: g.hasCard ? String(base + i).padStart(8, '0') : null,
          personalId: g.hasId ? String(base * 10 + i).padStart(12, '0') : null,
        }));
        const parsed = await parseMemberSheet(await exportToBuffer({ title: 'DANH SÁCH ĐẢNG VIÊN', issuingOrg: 'CHI BỘ ẤP 1', superiorOrg: 'ĐẢNG BỘ XÃ AN BÌNH', rows }));
        expect(parsed.errors).toEqual([]);
        expect(parsed).toMatchObject({ title: 'DANH SÁCH ĐẢNG VIÊN', issuingOrg: 'CHI BỘ ẤP 1', superiorOrg: 'ĐẢNG BỘ XÃ AN BÌNH' });
        expect(parsed.rows.map(({ row: _r, branch, ...attrs }) => ({ ...attrs, branch }))).toEqual(
          rows.map(({ branchName: _n, branchCode, ...attrs }) => ({ ...attrs, branch: branchCode })),
        );
      }),
      { numRuns: 40 },
    );
  });
});
