import { PDFDocument } from 'pdf-lib';
import { RuleViolationError } from '../../kernel/errors/app-error.js';
import type { Upload } from './reflections.files.js';

/** A scanned stack is larger than one member's file: up to the server's multipart limit and this many pages. */
export const MAX_BATCH_PDF_BYTES = 60 * 1024 * 1024;
export const MAX_BATCH_PAGES = 500;

/**
 * Opens a PDF and counts its pages; an encrypted (password-protected) or broken PDF, or one without
 * pages, is refused with a message naming the file.
 */
export async function openPdf(file: Upload): Promise<{ doc: PDFDocument; pageCount: number }> {
  let doc: PDFDocument;
  let pageCount: number;
  try {
    doc = await PDFDocument.load(file.bytes, { updateMetadata: false, throwOnInvalidObject: true });
    pageCount = doc.getPageCount();
  } catch (err) {
    // pdf-lib's EncryptedPDFError is compiled to ES5, so instanceof does not see it: judge by its message.
    if (/is encrypted/i.test((err as Error)?.message ?? '')) {
      throw new RuleViolationError('reflection.pdf_encrypted', `${file.name}: encrypted`, {
        title: `Tệp PDF "${file.name}" có mật khẩu hoặc bị mã hóa; hãy quét lại hoặc lưu thành tệp PDF không đặt mật khẩu`,
      });
    }
    throw unreadablePdf(file);
  }
  if (pageCount === 0) throw unreadablePdf(file);
  if (pageCount > MAX_BATCH_PAGES) {
    throw new RuleViolationError('reflection.too_many_pages', `${file.name}: ${pageCount} pages`, {
      title: `Tệp PDF "${file.name}" có ${pageCount} trang, vượt quá ${MAX_BATCH_PAGES} trang của một tập; hãy chia thành nhiều tệp`,
    });
  }
  return { doc, pageCount };
}

/**
 * A new PDF holding the given pages (0-based) of `src`, in order, and nothing of the source's
 * document information or metadata: used both to strip a whole upload and to cut one member's pages.
 */
export async function pdfOfPages(src: PDFDocument, indices: number[], name = 'PDF'): Promise<Buffer> {
  try {
    const out = await PDFDocument.create({ updateMetadata: false });
    for (const page of await out.copyPages(src, indices)) out.addPage(page);
    return Buffer.from(await out.save());
  } catch {
    throw unreadablePdf({ name });
  }
}

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function unreadablePdf(file: Pick<Upload, 'name'>) {
  return new RuleViolationError('reflection.pdf_unreadable', `${file.name}: cannot parse`, {
    title: `Không đọc được tệp PDF "${file.name}" (tệp hỏng hoặc không có trang nào); hãy quét lại hoặc xuất lại tệp PDF`,
  });
}
