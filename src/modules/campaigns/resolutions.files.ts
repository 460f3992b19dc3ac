/** Resolution documents are PDF or Word (.docx) files up to 30 MB, recognised by content, not by name. */
export const MAX_DOCUMENT_BYTES = 30 * 1024 * 1024;

const PDF = Buffer.from('%PDF-', 'latin1');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const WORD_ENTRY = Buffer.from('word/', 'latin1');

export interface DocumentFileKind { mime: string; ext: 'pdf' | 'docx' }

/** PDF by its `%PDF-` header; DOCX as a zip container holding a `word/` entry (names are stored in clear). */
export function inspectDocumentFile(bytes: Buffer): DocumentFileKind | null {
  if (bytes.subarray(0, PDF.length).equals(PDF)) return { mime: 'application/pdf', ext: 'pdf' };
  if (bytes.subarray(0, ZIP.length).equals(ZIP) && bytes.includes(WORD_ENTRY)) {
    return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
  }
  return null;
}
