import { ValidationError, type FieldIssue } from '../../kernel/errors/app-error.js';
import { normalizeText } from '../../text/index.js';
import type { QaItem } from './materials.table.js';

/** Rules on what a material holds: kinds, questions and answers, attached files. Pure functions. */

export const MATERIAL_KINDS = ['study', 'research', 'qa'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export const MATERIAL_STATUSES = ['draft', 'published', 'withdrawn'] as const;

export const KIND_LABELS: Record<MaterialKind, string> = {
  study: 'Tài liệu học tập', research: 'Tài liệu nghiên cứu', qa: 'Tài liệu hỏi – đáp',
};

/** Trims each pair and drops pairs left entirely blank (an empty row in the editor). */
export function cleanQa(qa: QaItem[]): QaItem[] {
  return qa
    .map((p) => ({ question: normalizeText(p.question).trim(), answer: normalizeText(p.answer).trim() }))
    .filter((p) => p.question !== '' || p.answer !== '');
}

/** What is wrong with the questions and answers of a material of this kind, in Vietnamese. */
export function qaIssues(kind: MaterialKind, qa: QaItem[]): FieldIssue[] {
  if (kind !== 'qa') return qa.length ? [{ path: 'qa', message: 'Chỉ tài liệu hỏi – đáp mới có phần câu hỏi và trả lời' }] : [];
  if (qa.length === 0) return [{ path: 'qa', message: 'Tài liệu hỏi – đáp cần ít nhất một câu hỏi kèm câu trả lời' }];
  const issues: FieldIssue[] = [];
  qa.forEach((p, i) => {
    if (!p.question) issues.push({ path: `qa.${i}.question`, message: `Cặp hỏi – đáp thứ ${i + 1}: chưa nhập câu hỏi` });
    if (!p.answer) issues.push({ path: `qa.${i}.answer`, message: `Cặp hỏi – đáp thứ ${i + 1}: chưa nhập câu trả lời` });
  });
  return issues;
}

export function assertQa(kind: MaterialKind, qa: QaItem[]): void {
  const errors = qaIssues(kind, qa);
  if (errors.length) throw new ValidationError('validation.failed', 'invalid questions and answers', { errors, title: errors[0].message });
}

/** A material may go out only with something to read: its text, its questions, or an attached file. */
export function assertPublishable(m: { kind: string; body: string; qa: QaItem[]; fileHash: string | null }): void {
  const hasContent = m.kind === 'qa' ? m.qa.length > 0 : m.body.trim() !== '' || m.fileHash !== null;
  if (!hasContent) {
    const message = 'Tài liệu chưa có nội dung hoặc tệp đính kèm, chưa thể phát hành';
    throw new ValidationError('validation.failed', 'nothing to publish', { errors: [{ path: 'body', message }], title: message });
  }
}

export const MAX_FILE_BYTES = 30 * 1024 * 1024;

export interface FileType { mime: string; extension: string }

/**
 * The type of an uploaded file judged by its first bytes, never by its name: PDF, DOCX (a ZIP
 * holding word/document.xml), JPEG or PNG. Anything else is null.
 */
export function detectFileType(bytes: Buffer): FileType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { mime: 'application/pdf', extension: 'pdf' };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', extension: 'png' };
  if (starts([0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', extension: 'jpg' };
  if (starts([0x50, 0x4b, 0x03, 0x04]) && bytes.includes('word/document.xml')) {
    return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
  }
  return null;
}

/** A file name safe to store and send back: no folders, no control characters, the detected extension. */
export function cleanFileName(name: string, type: FileType): string {
  const base = (name.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 150) || 'tai-lieu';
  return `${stem}.${type.extension}`;
}
