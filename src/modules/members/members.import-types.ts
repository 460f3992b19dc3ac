import type { MemberAttributes } from './members.fields.js';
/** The public result types of the member-sheet import parser (re-exported by members.import-parse.ts). */
import type { ParsedMemberRow } from './members.fields.js';

export interface SheetIssue {
  /** Excel row number (1-based); 0 when the issue concerns the whole file. */
  row: number;
  /** Column letter and header name, e.g. "D (Ngày sinh)"; "" for the whole file. */
  column: string;
  message: string;
}

export interface SheetParseResult {
  rows: ParsedMemberRow[];
  errors: SheetIssue[];
  warnings: SheetIssue[];
  title: string | null;
  /** The lowest org line at the top left (the one that issues the list). */
  issuingOrg: string | null;
  /** The org line above the issuing org, when there is one. */
  superiorOrg: string | null;
  sheetName: string;
  /**
   * The member attributes the sheet has columns for. A re-import updates only these: a list without
   * a CCCD column must not wipe the CCCD numbers already on record.
   */
  fields: Array<keyof MemberAttributes>;
}

export interface ParseMemberSheetOptions {
  onProgress?: (processedRows: number) => void;
}
