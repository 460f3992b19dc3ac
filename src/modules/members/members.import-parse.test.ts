import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  NOT_XLSX_BYTES, OLD_XLS_BYTES, buildBranchSheetLayout, buildDuplicateCardSheet, buildEmptyWorkbook,
  buildLargeSheet, buildWrongHeaderSheet, sampleMember, type BranchSheetOptions, type DateStyle, type HeaderSpelling,
} from '../../../test/fixtures/member-sheets.js';
import type { MemberAttributes } from './members.fields.js';
import { MSG_NO_HEADER, MSG_NO_ROWS, MSG_NOT_XLSX, parseMemberSheet } from './members.import-parse.js';

const attrs = (r: object): MemberAttributes => {
  const { row: _row, branch: _branch, ...rest } = r as Record<string, unknown>;
  return rest as unknown as MemberAttributes;
};

async function parseBuilt(opts: BranchSheetOptions) {
  const built = await buildBranchSheetLayout(opts);
  return { built, result: await parseMemberSheet(built.buffer) };
}

/** A one-sheet workbook from raw rows (index 0 = column A). */
async function sheetFrom(rows: unknown[][], name = 'DS'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = (v ?? null) as ExcelJS.CellValue)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('parseMemberSheet: realistic layouts', () => {
  it('reads title rows and every attribute of a one-row-header branch list', async () => {
    const { built, result } = await parseBuilt({ count: 6 });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.title).toBe('DANH SÁCH ĐẢNG VIÊN');
    expect(result.issuingOrg).toBe('CHI BỘ ẤP TÂN HÒA');
    expect(result.superiorOrg).toBe('ĐẢNG BỘ XÃ AN BÌNH');
    expect(result.sheetName).toBe('Danh sách');
    expect(result.rows.map((r) => r.row)).toEqual(built.dataRows);
    expect(result.rows.map(attrs)).toEqual([0, 1, 2, 3, 4, 5].map((i) => sampleMember(i)));
    expect(result.rows.every((r) => r.branch === null)).toBe(true);
  });

  it('takes the gender from the Nam/Nữ columns under a merged "Ngày sinh", skipping column numbers and footer', async () => {
    const { built, result } = await parseBuilt({ header: 'two-row', columnNumbers: 'parenthesized', footer: 'both', count: 4 });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.gender, r.birthDate])).toEqual(
      [0, 1, 2, 3].map((i) => [built.dataRows[i], sampleMember(i).gender, sampleMember(i).birthDate]),
    );
  });

  it.each<DateStyle>(['text', 'text-short', 'text-dash', 'text-dot', 'date', 'serial'])('reads dates written as %s', async (dates) => {
    const { result } = await parseBuilt({ dates, count: 3 });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.birthDate, r.admissionDate, r.officialDate, r.birthYearOnly])).toEqual(
      [0, 1, 2].map((i) => [sampleMember(i).birthDate, sampleMember(i).admissionDate, sampleMember(i).officialDate, false]),
    );
  });

  it.each<DateStyle>(['text', 'date'])('reads a bare birth year (%s) as 1 January with birthYearOnly', async (dates) => {
    const { result } = await parseBuilt({ dates, rows: [{ birthDate: '1975-01-01', birthYearOnly: true, admissionDate: '2000-05-05', officialDate: '2001-05-05' }] });
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ birthDate: '1975-01-01', birthYearOnly: true });
  });

  it.each<HeaderSpelling>(['standard', 'short', 'upper', 'no-accents', 'nfd', 'messy'])('recognizes %s header spellings', async (spelling) => {
    for (const header of ['one-row', 'two-row'] as const) {
      const { result } = await parseBuilt({ spelling, header, count: 4 });
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.rows.map(attrs)).toEqual([0, 1, 2, 3].map((i) => sampleMember(i)));
    }
  });

  it('skips blank rows and does not read the total line or the signature block as members', async () => {
    const { built, result } = await parseBuilt({ count: 5, blankRowsAfter: [-1, 1, 3], footer: 'both', columnNumbers: 'plain' });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.row)).toEqual(built.dataRows);
    expect(result.rows.map((r) => r.fullName)).not.toContain('Lê Văn Cường');
  });

  it('reads the branch from a "Chi bộ" column, and from section rows', async () => {
    const { result } = await parseBuilt({ branchColumn: true, rows: [{ branch: 'Chi bộ Ấp 1' }, { branch: 'Chi bộ Ấp 2' }] });
    expect(result.rows.map((r) => r.branch)).toEqual(['Chi bộ Ấp 1', 'Chi bộ Ấp 2']);
    const buffer = await sheetFrom([
      ['STT', 'Họ và tên', 'Ngày sinh'],
      ['I. Chi bộ Ấp Đông'],
      [1, 'Nguyễn Văn An', '01/02/1970'],
      ['II. ĐẢNG VIÊN DỰ BỊ'],
      [2, 'Trần Thị Bình', '03/04/1990'],
      [3],
      ['Cộng: 2 đảng viên'],
    ]);
    const parsed = await parseMemberSheet(buffer);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.branch, r.status])).toEqual([[3, 'Chi bộ Ấp Đông', 'official'], [5, 'Chi bộ Ấp Đông', 'probationary']]);
  });

  it('reads only the first sheet that has a member header', async () => {
    const { result } = await parseBuilt({ extraSheetBefore: true, sheetName: 'Chi bộ 3', count: 2 });
    expect(result.sheetName).toBe('Chi bộ 3');
    expect(result.rows).toHaveLength(2);
  });

  it('normalizes NFD text to NFC and removes the apostrophe that neutralized a formula', async () => {
    const buffer = await sheetFrom([
      ['Họ và tên', 'Quê quán', 'Chức vụ'],
      ['Nguyễn  Văn\nAn'.normalize('NFD'), "'=SUM(A1)", "'Ông"],
    ]);
    const { rows } = await parseMemberSheet(buffer);
    expect(rows[0]).toMatchObject({ fullName: 'Nguyễn Văn An', homeTown: '=SUM(A1)', workPosition: "'Ông" });
  });

  it('accepts a file path and reports progress', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qt-sheet-'));
    const file = join(dir, 'ds.xlsx');
    await writeFile(file, (await buildBranchSheetLayout({ count: 3 })).buffer);
    const seen: number[] = [];
    const result = await parseMemberSheet(file, { onProgress: (n) => seen.push(n) });
    expect(result.rows).toHaveLength(3);
    expect(seen.at(-1)).toBeGreaterThanOrEqual(3);
  });
});

describe('parseMemberSheet: bad rows name row, column and value', () => {
  async function errorsFor(raw: BranchSheetOptions['raw'], opts: BranchSheetOptions = {}) {
    const { built, result } = await parseBuilt({ count: 3, ...opts, raw });
    return { built, result, at: (i: number) => built.dataRows[i] };
  }

  it('names an impossible date, a two-digit year and a bare year where a full date is needed', async () => {
    const { built, result, at } = await errorsFor({
      0: { birthDate: '31/02/1980' }, 1: { admissionDate: '05/03/85' }, 2: { officialDate: 1999 },
    });
    expect(result.errors).toEqual([
      { row: at(0), column: `${built.letter('birthDate')} (Ngày sinh)`, message: 'Ngày sinh "31/02/1980" không hợp lệ (cần dạng ngày/tháng/năm)' },
      { row: at(1), column: `${built.letter('admissionDate')} (Ngày vào Đảng)`, message: 'Ngày vào Đảng "05/03/85" ghi năm bằng 2 chữ số; cần ghi đủ 4 chữ số (ví dụ 05/03/1985)' },
      { row: at(2), column: `${built.letter('officialDate')} (Ngày chính thức)`, message: 'Ngày chính thức "1999" chỉ có năm; cần ghi đủ ngày/tháng/năm' },
    ]);
    expect(result.rows).toEqual([]);
  });

  it('requires a name, 8-digit card numbers, 12-digit CCCD and a valid e-mail', async () => {
    const { built, result, at } = await errorsFor({
      0: { fullName: null }, 1: { cardNumber: '1234-567', personalId: '0790123' }, 2: { email: 'an.example.vn' },
    });
    expect(result.errors).toEqual([
      { row: at(0), column: `${built.letter('fullName')} (Họ và tên)`, message: 'Thiếu họ và tên' },
      { row: at(1), column: `${built.letter('cardNumber')} (Số thẻ đảng viên)`, message: 'Số thẻ đảng viên "1234-567" không hợp lệ (cần đúng 8 chữ số)' },
      { row: at(1), column: `${built.letter('personalId')} (Số CCCD)`, message: 'Số CCCD "0790123" không hợp lệ (cần đúng 12 chữ số)' },
      { row: at(2), column: `${built.letter('email')} (Email)`, message: 'Email "an.example.vn" không hợp lệ' },
    ]);
  });

  it('pads a card number stored as a number, with a warning', async () => {
    const { built, result, at } = await errorsFor({ 0: { cardNumber: 1234567, personalId: 1080012345 } });
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ cardNumber: '01234567', personalId: '001080012345' });
    expect(result.warnings.map((w) => [w.row, w.column])).toEqual([
      [at(0), `${built.letter('cardNumber')} (Số thẻ đảng viên)`],
      [at(0), `${built.letter('personalId')} (Số CCCD)`],
    ]);
    expect(result.warnings[0].message).toContain('"01234567"');
  });

  it('marks every duplicated card number with the first row that has it', async () => {
    const result = await parseMemberSheet(await buildDuplicateCardSheet());
    const card = sampleMember(0).cardNumber;
    expect(result.errors).toEqual([
      { row: 11, column: 'H (Số thẻ đảng viên)', message: `Số thẻ đảng viên ${card} trùng với dòng 9` },
      { row: 12, column: 'H (Số thẻ đảng viên)', message: `Số thẻ đảng viên ${card} trùng với dòng 9` },
    ]);
    expect(result.rows.map((r) => r.row)).toEqual([9, 10]);
  });

  it('checks dates against each other: official after admission, birth not in the future, age 16–110', async () => {
    const { built, result, at } = await errorsFor({
      0: { admissionDate: '10/10/2000', officialDate: '09/10/2000' },
      1: { birthDate: '01/01/2090' },
      2: { birthDate: '01/06/1990', admissionDate: '01/01/2005', officialDate: '01/01/2006' },
    });
    expect(result.errors).toEqual([
      { row: at(0), column: `${built.letter('officialDate')} (Ngày chính thức)`, message: 'Ngày chính thức 09/10/2000 trước ngày vào Đảng 10/10/2000' },
      { row: at(1), column: `${built.letter('birthDate')} (Ngày sinh)`, message: 'Ngày sinh 01/01/2090 ở tương lai' },
      { row: at(2), column: `${built.letter('admissionDate')} (Ngày vào Đảng)`, message: 'Tuổi khi vào Đảng là 14, không hợp lệ (cần từ 16 đến 110; kiểm tra ngày sinh và ngày vào Đảng)' },
    ]);
  });

  it('rejects unknown enumeration values, naming the value', async () => {
    const { built, result, at } = await errorsFor(
      { 0: { gender: 'Khác', status: 'Tạm' }, 1: { theoryLevel: 'Thạc sĩ', workplaceKind: 'Hợp tác xã' }, 2: { isExempt: 'miễn' } },
      { spelling: 'short' },
    );
    expect(result.errors).toEqual([
      { row: at(0), column: `${built.letter('gender')} (Giới)`, message: 'Giới tính "Khác" không hợp lệ (dùng Nam hoặc Nữ)' },
      { row: at(0), column: `${built.letter('status')} (Loại đảng viên)`, message: 'Loại đảng viên "Tạm" không hợp lệ (dùng Chính thức hoặc Dự bị)' },
      { row: at(1), column: `${built.letter('theoryLevel')} (Lý luận chính trị)`, message: 'Trình độ lý luận chính trị "Thạc sĩ" không hợp lệ (dùng Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân)' },
      expect.objectContaining({ row: at(1), column: `${built.letter('workplaceKind')} (Loại hình đơn vị)`, message: expect.stringMatching(/^Loại hình nơi làm việc "Hợp tác xã" không hợp lệ \(dùng một trong: Cơ quan nhà nước, /) }),
      { row: at(2), column: `${built.letter('isExempt')} (Miễn SH)`, message: 'Miễn sinh hoạt "miễn" không hợp lệ (ghi "x" hoặc "Có", hoặc để trống)' },
    ]);
  });

  it('accepts the usual spellings of enumerations and yes/no marks', async () => {
    const marks = ['x', 'X', 'Có', 'có', '1', 'Không', ''];
    const { result } = await errorsFor(
      Object.fromEntries(marks.map((m, i) => [i, { isRemoteArea: m, status: ['CT', 'DB', 'Dự bị'][i % 3], theoryLevel: ['Cao cấp LLCT', 'Cử nhân', 'Sơ cấp'][i % 3], gender: ['nam', 'NỮ', 'Nam'][i % 3] }])),
      { count: marks.length, columns: ['stt', 'fullName', 'gender', 'status', 'theoryLevel', 'isRemoteArea'] },
    );
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.isRemoteArea)).toEqual([true, true, true, true, true, false, false]);
    expect(result.rows.map((r) => r.status).slice(0, 3)).toEqual(['official', 'probationary', 'probationary']);
    expect(result.rows.map((r) => r.theoryLevel).slice(0, 3)).toEqual(['cao_cap', 'cu_nhan', 'so_cap']);
    expect(result.rows.map((r) => r.gender).slice(0, 3)).toEqual(['male', 'female', 'male']);
  });

  it('rejects a birth date written under both Nam and Nữ', async () => {
    const { built, result, at } = await errorsFor({ 0: { birthDateFemale: '02/02/1970' } }, { header: 'two-row' });
    expect(result.errors).toEqual([
      { row: at(0), column: `${built.letter('birthDateFemale')} (Ngày sinh - Nữ)`, message: 'Ngày sinh ghi ở cả hai cột Nam và Nữ' },
    ]);
  });
});

describe('parseMemberSheet: file problems', () => {
  const fileError = (message: string) => [{ row: 0, column: '', message }];

  it.each([['CSV bytes', NOT_XLSX_BYTES], ['an old .xls', OLD_XLS_BYTES], ['nothing', Buffer.alloc(0)]])('rejects %s', async (_n, bytes) => {
    expect((await parseMemberSheet(bytes)).errors).toEqual(fileError(MSG_NOT_XLSX));
  });

  it('reports an empty workbook and a header without members', async () => {
    expect((await parseMemberSheet(await buildEmptyWorkbook())).errors).toEqual(fileError(MSG_NO_ROWS));
    const headerOnly = await sheetFrom([['DANH SÁCH ĐẢNG VIÊN'], ['STT', 'Họ và tên'], ['Tổng số: 0 đảng viên']]);
    expect((await parseMemberSheet(headerOnly)).errors).toEqual(fileError(MSG_NO_ROWS));
  });

  it('reports a sheet without the "Họ và tên" header and lists what it expects', async () => {
    const { errors, rows } = await parseMemberSheet(await buildWrongHeaderSheet());
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 0, column: '' });
    expect(errors[0].message).toMatch(new RegExp(`^${MSG_NO_HEADER}\\. Cần một dòng tiêu đề gồm các cột như: STT, Họ và tên, Ngày sinh`));
  });

  it('reports a damaged ZIP instead of throwing', async () => {
    const good = (await buildBranchSheetLayout({ count: 2 })).buffer;
    const { errors } = await parseMemberSheet(good.subarray(0, Math.floor(good.length / 2)));
    expect(errors).toEqual(fileError('Tệp bảng tính bị hỏng, không đọc được'));
  });
});

describe('parseMemberSheet: size', () => {
  it('keeps every Vietnamese letter of shared strings across stream chunks', async () => {
    const rows = Array.from({ length: 3000 }, (_v, i) => ({ fullName: `Nguyễn Thị Hường Ánh ${i}`, homeTown: `Xã Đắk Rơ Nga ${i}, huyện Đắk Hà` }));
    const { result } = await parseBuilt({ rows, columns: ['stt', 'fullName', 'homeTown', 'cardNumber'] });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.fullName, r.homeTown])).toEqual(rows.map((r) => [r.fullName, r.homeTown]));
  });


  it('parses a 50,000-member sheet', async () => {
    const buffer = await buildLargeSheet(50_000);
    const progress: number[] = [];
    const result = await parseMemberSheet(buffer, { onProgress: (n) => progress.push(n) });
    expect(result.errors).toEqual([]);
    expect(result.rows.length).toBe(50_000);
    expect(result.rows[1]).toMatchObject({ gender: 'female', birthDate: sampleMember(1).birthDate, branch: 'Chi bộ số 2' });
    expect(progress.length).toBeGreaterThanOrEqual(50);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});
