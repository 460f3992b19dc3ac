/**
 * Opening the workbook and streaming its rows: the ExcelJS WorkbookReader (with a fix for UTF-8
 * characters split across chunks), sheets read in order until one has a member header.
 */
import { open } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { SheetReader } from './members.import-sheet.js';
import type { ParseMemberSheetOptions } from './members.import-types.js';

const PROGRESS_EVERY = 1000;

/**
 * ExcelJS 4.4.0's streaming reader decodes every inflated chunk on its own, so a Vietnamese letter
 * (2–3 UTF-8 bytes) that straddles a chunk boundary turns into U+FFFD ("Sơ c\ufffd\ufffdp"): about one
 * corrupted cell per 4,000 rows. Its parser passes strings through untouched, so this subclass hands
 * it text decoded with a StringDecoder, which carries split characters over to the next chunk.
 * Overrides internal methods of 4.4.x; the large-sheet tests catch a change.
 */
type ReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
  _parseWorkbook(entry: NodeJS.ReadableStream): unknown;
};
const baseReader = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

const decodedStream = (entry: NodeJS.ReadableStream) => entry.pipe(new PassThrough({ encoding: 'utf8' }));

class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown {
    // A sheet streamed before xl/workbook.xml (ExcelJS writes that entry last) meets no workbook
    // model yet and 4.4.0 throws "reading 'sheets'" (exceljs#3064): give it an empty model; the
    // sheet then goes without its name, which we default.
    const self = this as unknown as { model?: { sheets?: unknown[] } };
    self.model ??= { sheets: [] };
    return baseReader._parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
  }

  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown {
    return baseReader._parseSharedStrings.call(this, decodedStream(entry));
  }

  _parseWorkbook(entry: NodeJS.ReadableStream): unknown {
    return baseReader._parseWorkbook.call(this, decodedStream(entry));
  }
}

/** Whether the file (a path or its bytes) starts like a ZIP archive, as every .xlsx does. */
export async function hasZipMagic(input: Buffer | string): Promise<boolean> {
  let head: Buffer;
  if (typeof input === 'string') {
    const fh = await open(input, 'r');
    try {
      head = Buffer.alloc(4);
      const { bytesRead } = await fh.read(head, 0, 4, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } else head = input.subarray(0, 4);
  return head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export interface WorkbookScan {
  /** The first sheet with a member header, read up to its footer (or its end). */
  found: SheetReader | null;
  /** The name of the first sheet, for results without a member sheet. */
  firstName: string | null;
  /** Whether any sheet read had a non-empty row. */
  sawContent: boolean;
  /** The workbook could not be read (not a valid .xlsx inside). */
  broken: boolean;
}

/**
 * Reads the sheets in order until one has a member header; stops at that sheet's footer, so the rest
 * of the workbook is not read. Reports progress every PROGRESS_EVERY rows and once at the end.
 */
export async function scanWorkbook(input: Buffer | string, opts: ParseMemberSheetOptions): Promise<WorkbookScan> {
  const source = typeof input === 'string' ? input : Readable.from([input]);
  const reader = new Utf8SafeWorkbookReader(source, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const scan: WorkbookScan = { found: null, firstName: null, sawContent: false, broken: false };
  let processed = 0;
  let sheetIndex = 0;
  try {
    for await (const sheetReader of reader) {
      const ws = sheetReader as typeof sheetReader & { name: string };
      const props = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
      const name = ws.name ?? `Sheet${sheetIndex + 1}`;
      sheetIndex++;
      const sheet = new SheetReader(name, props?.model?.date1904 === true);
      scan.firstName ??= name;
      for await (const row of ws) {
        sheet.feed(row.number, row.values as unknown[]);
        if (++processed % PROGRESS_EVERY === 0) opts.onProgress?.(processed);
        if (sheet.state === 'done') break; // the data ended: the rest of the workbook is not read
      }
      scan.sawContent ||= sheet.nonEmptyRows > 0;
      if (sheet.hasHeader) {
        sheet.finish();
        scan.found = sheet;
        break;
      }
    }
  } catch (e) {
    if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) throw e; // a bug, not a bad file
    return { ...scan, broken: true };
  }
  opts.onProgress?.(processed);
  return scan;
}
