import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { assertPublishable, cleanFileName, cleanQa, detectFileType, qaIssues } from './materials.content.js';

describe('detectFileType', () => {
  it('judges by the first bytes, whatever the name says', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n…'))?.mime).toBe('application/pdf');
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.mime).toBe('image/png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))?.mime).toBe('image/jpeg');
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml')]);
    expect(detectFileType(docx)?.extension).toBe('docx');
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....xl/workbook.xml')]);
    expect(detectFileType(xlsx)).toBeNull();
    expect(detectFileType(Buffer.from('<html>%PDF-'))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });

  test.prop([fc.uint8Array({ maxLength: 64 })])('never accepts bytes without a known signature', (bytes) => {
    const b = Buffer.from(bytes);
    const known = b.subarray(0, 5).toString('latin1') === '%PDF-' || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) || (b[0] === 0x89 && b[1] === 0x50) || (b[0] === 0x50 && b[1] === 0x4b);
    if (!known) expect(detectFileType(b)).toBeNull();
  });
});

describe('cleanFileName', () => {
  const pdf = { mime: 'application/pdf', extension: 'pdf' };
  it('keeps the name, drops folders and quotes, and takes the detected extension', () => {
    expect(cleanFileName('../../Tài liệu "mới".PDF', pdf)).toBe('Tài liệu mới.pdf');
    expect(cleanFileName('C:\\Users\\a\\bao-cao.exe', pdf)).toBe('bao-cao.pdf');
    expect(cleanFileName('', pdf)).toBe('tai-lieu.pdf');
  });
});

describe('questions and answers', () => {
  it('drops blank rows and names the incomplete pair', () => {
    const qa = cleanQa([{ question: ' Hỏi 1 ', answer: 'Đáp 1' }, { question: '', answer: ' ' }, { question: 'Hỏi 3', answer: '' }]);
    expect(qa).toEqual([{ question: 'Hỏi 1', answer: 'Đáp 1' }, { question: 'Hỏi 3', answer: '' }]);
    expect(qaIssues('qa', qa)).toEqual([{ path: 'qa.1.answer', message: 'Cặp hỏi – đáp thứ 2: chưa nhập câu trả lời' }]);
    expect(qaIssues('qa', [])[0].message).toBe('Tài liệu hỏi – đáp cần ít nhất một câu hỏi kèm câu trả lời');
    expect(qaIssues('study', [])).toEqual([]);
  });

  it('publishes only a material with something to read', () => {
    expect(() => assertPublishable({ kind: 'study', body: '  ', qa: [], fileHash: null })).toThrow();
    expect(() => assertPublishable({ kind: 'study', body: '', qa: [], fileHash: 'a'.repeat(64) })).not.toThrow();
    expect(() => assertPublishable({ kind: 'qa', body: 'x', qa: [], fileHash: null })).toThrow();
  });
});
