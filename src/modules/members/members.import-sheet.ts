/**
 * The per-sheet state machine, fed one row at a time: look for the header row (a "Họ và tên" column)
 * within the first rows, take an optional sub-header and column-number row, then read member rows,
 * section headings and the footer that ends the data.
 */
import type { MemberAttributes, ParsedMemberRow } from './members.fields.js';
import { headerKey, textOf, toCell, type Cell } from './members.import-cells.js';
import { buildColumns, classifyHeader, fieldsOf, isColumnNumberRow, isSubHeader } from './members.import-headers.js';
import { isFooter, readSectionHeading, type PreRow } from './members.import-layout.js';
import { MemberRowReader, type SectionState } from './members.import-member.js';
import type { SheetIssue } from './members.import-types.js';

const HEADER_SCAN_ROWS = 30;

export class SheetReader {
  readonly errors: SheetIssue[] = [];
  readonly warnings: SheetIssue[] = [];
  readonly rows: ParsedMemberRow[] = [];
  readonly pre: PreRow[] = [];
  fields: Array<keyof MemberAttributes> = [];
  state: 'seek' | 'sub' | 'numbers' | 'data' | 'done' | 'none' = 'seek';
  dataRowsSeen = 0;
  nonEmptyRows = 0;
  private head: Cell[] = [];
  private headRow = 0;
  private nameCol = 0;
  private sttCol = -1;
  /** Set with the columns, once the header (and its sub-header, if any) is read. */
  private members: MemberRowReader | null = null;
  private readonly section: SectionState = { group: null, status: null };
  private readonly today = new Date().toISOString().slice(0, 10);

  constructor(readonly name: string, private readonly date1904: boolean) {}

  get hasHeader(): boolean {
    return this.state !== 'seek' && this.state !== 'none';
  }

  feed(rowNumber: number, raw: unknown[]): void {
    if (this.state === 'done' || this.state === 'none') return;
    const cells = Array.from(raw, toCell); // row.values is sparse
    const texts = cells.map(textOf);
    if (texts.every((t) => t === '')) return;
    this.nonEmptyRows++;
    if (this.state === 'seek') return this.seekHeader(rowNumber, cells, texts);
    if (this.state === 'sub') {
      const isSub = rowNumber === this.headRow + 1 && isSubHeader(this.head, this.nameCol, texts);
      this.setColumns(isSub ? cells : null);
      if (isSub) return;
    }
    if (this.state === 'numbers') {
      this.state = 'data';
      if (isColumnNumberRow(texts, this.nameCol)) return;
    }
    this.dataRow(rowNumber, cells, texts);
  }

  /** Finishes the header when the sheet ends right after it. */
  finish(): void {
    if (this.state === 'sub') this.setColumns(null);
  }

  private seekHeader(rowNumber: number, cells: Cell[], texts: string[]): void {
    const nameCol = texts.findIndex((t, i) => i > 0 && classifyHeader(headerKey(t)) === 'fullName');
    if (nameCol < 0) {
      const kept = texts.map((text, col) => ({ col, text })).filter((x) => x.text !== '');
      this.pre.push({ row: rowNumber, cells: kept });
      if (this.nonEmptyRows >= HEADER_SCAN_ROWS) this.state = 'none';
      return;
    }
    this.head = cells;
    this.headRow = rowNumber;
    this.nameCol = nameCol;
    this.sttCol = texts.findIndex((t, i) => i > 0 && classifyHeader(headerKey(t)) === 'stt');
    this.state = 'sub';
  }

  private setColumns(sub: Cell[] | null): void {
    const columns = buildColumns(this.head, sub, this.headRow, this.warnings);
    this.fields = fieldsOf(columns);
    const { section, date1904, today, errors, warnings } = this;
    this.members = new MemberRowReader({ columns, section, date1904, today, errors, warnings });
    this.state = 'numbers';
  }

  private dataRow(rowNumber: number, cells: Cell[], texts: string[]): void {
    const first = texts.find((t, i) => i > 0 && t !== '') ?? '';
    if (isFooter(first)) {
      this.state = 'done';
      return;
    }
    const nonEmpty = texts.filter((t, i) => i > 0 && t !== '').length;
    if (nonEmpty === 1 && this.sttCol > 0 && /^\d+\.?$/.test(texts[this.sttCol] ?? '')) return; // a numbered line left empty
    if (nonEmpty === 1 && this.sectionRow(first)) return;
    this.dataRowsSeen++;
    const member = this.members!.read(rowNumber, cells, texts); // data rows come after setColumns
    if (member) this.rows.push(member);
  }

  /** Applies a heading between member rows to the rows below it; false when the line is not one. */
  private sectionRow(text: string): boolean {
    const heading = readSectionHeading(text);
    if (heading === null) return false;
    if ('group' in heading) this.section.group = heading.group;
    if ('status' in heading) this.section.status = heading.status;
    return true;
  }
}
