/**
 * The parts of a member sheet around the table: the title block above the header (org lines and the
 * "Danh sách …" title), section headings between member rows, and the footer that ends the data.
 */
import type { MemberStatus } from './members.fields.js';
import { foldVietnamese } from './members.import-cells.js';

/** A non-empty row above the header, kept for the title block: its non-empty cells. */
export interface PreRow { row: number; cells: { col: number; text: string }[] }

export interface SheetTitles {
  title: string | null;
  issuingOrg: string | null;
  superiorOrg: string | null;
}

const FOOTER_FOLDED =
  /^(tong so|tong cong|nguoi lap|t\/m|tm\.? (chi|dang)|k\/t|bi thu|pho bi thu|xac nhan|danh sach (nay|co|gom))\b|ngay.{0,15}thang.{0,15}nam/;

/** "Tổng số…", "Người lập", "T/M Chi bộ", a dated signature line…: the data has ended. */
export function isFooter(text: string): boolean {
  return FOOTER_FOLDED.test(foldVietnamese(text)) || /^cộng(\s|:|$)/i.test(text.normalize('NFC'));
}

const SECTION_ENUM = /^(?:[ivxlcdm]+|\d+|[a-z])\s*[.)/-]\s*/;
const SECTION_ENUM_ORIGINAL = /^(?:[IVXLCDMivxlcdm]+|\d+|[A-Za-z])\s*[.)/-]\s*/;

/** What a heading between member rows sets: the branch of the rows below, their status, or nothing. */
export type SectionHeading = { group: string } | { status: MemberStatus } | { other: true };

/** "Chi bộ Ấp 1", "I. ĐẢNG VIÊN CHÍNH THỨC", "II. Đảng viên dự bị"; null when the line is not a heading. */
export function readSectionHeading(text: string): SectionHeading | null {
  const folded = foldVietnamese(text);
  const enumerated = SECTION_ENUM.test(folded);
  const rest = folded.replace(SECTION_ENUM, '');
  if (/^(chi bo|dang bo bo phan)\b/.test(rest)) return { group: text.replace(SECTION_ENUM_ORIGINAL, '').trim() };
  if (/^(dang vien )?du bi\b/.test(rest)) return { status: 'probationary' };
  if (/^(dang vien )?chinh thuc\b/.test(rest)) return { status: 'official' };
  return enumerated && /\bdang vien\b/.test(rest) ? { other: true } : null;
}

const ORG_LINE = /^(dang bo|dang uy|chi bo|chi uy|to chuc co so dang|ban thuong vu|ban chap hanh|(tinh|thanh|huyen|quan|thi|xa|phuong) uy)\b/;

/** The title and the org lines (issuing org last) from the rows above the header. */
export function readTitles(pre: PreRow[]): SheetTitles {
  const left = (p: PreRow) => p.cells[0]?.text ?? '';
  const titleAt = pre.findIndex((p) => p.cells.some((c) => /^danh sach\b/.test(foldVietnamese(c.text))));
  const orgs: string[] = [];
  let lastHeadRow = -1;
  for (let i = 0; i < (titleAt < 0 ? pre.length : titleAt); i++) {
    const f = foldVietnamese(left(pre[i]));
    if (ORG_LINE.test(f)) {
      orgs.push(left(pre[i]));
      lastHeadRow = i;
    } else if (f === '*' || /^dang cong san viet nam$/.test(f)) lastHeadRow = i;
  }
  let title: string | null = null;
  if (titleAt >= 0) title = pre[titleAt].cells.find((c) => /^danh sach\b/.test(foldVietnamese(c.text)))!.text;
  else {
    const candidate = pre.slice(lastHeadRow + 1).find((p) => {
      const f = foldVietnamese(left(p));
      return !(f === '*' || ORG_LINE.test(f) || isFooter(left(p)) || /^dang cong san viet nam$/.test(f));
    });
    title = candidate ? left(candidate) : null;
  }
  return { title, issuingOrg: orgs.at(-1) ?? null, superiorOrg: orgs.length > 1 ? orgs[orgs.length - 2] : null };
}
