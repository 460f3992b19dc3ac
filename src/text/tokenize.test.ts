import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { foldAccents } from './fold.js';
import { detectEncoding, encodeTcvn3, encodeVni } from './normalize.js';
import { repairEncoding } from './encoding.js';
import { sentences, syllableHashes, syllables, syllableStream } from './tokenize.js';
import { vietnameseText } from './testing/arbitraries.js';

describe('syllables', () => {
  it('gives lower-case normalized syllables without punctuation', () => {
    expect(syllables('Đảng, Nhà nước và nhân dân!  Hòa bình.')).toEqual(['đảng', 'nhà', 'nước', 'và', 'nhân', 'dân', 'hoà', 'bình']);
  });

  it('gives accent-folded keys on request', () => {
    expect(syllables('Nghị quyết Đại hội XIII', { fold: true })).toEqual(['nghi', 'quyet', 'dai', 'hoi', 'xiii']);
  });

  it('keeps numbers with their separators as one token', () => {
    expect(syllables('1.000 người, tỷ lệ 99,5%, năm 2025')).toEqual(['1000', 'người', 'tỷ', 'lệ', '995', 'năm', '2025']);
  });

  it('reads legacy encodings and NFD the same', () => {
    const text = 'Ủy ban nhân dân tỉnh tổ chức hội nghị.';
    for (const typed of [encodeTcvn3(text), encodeVni(text), text.normalize('NFD')]) expect(syllables(typed)).toEqual(syllables(text));
  });
});

describe('sentences', () => {
  it('splits on . ! ? ; and line breaks', () => {
    expect(sentences('Một. Hai! Ba? Bốn; năm\nSáu')).toEqual(['Một.', 'Hai!', 'Ba?', 'Bốn;', 'năm', 'Sáu']);
  });

  it('keeps abbreviations, initials and numbers inside the sentence', () => {
    expect(sentences('Tôi công tác tại TP. Hồ Chí Minh từ năm 2010. Đồng chí Nguyễn V. An có 1.500 hội viên. TS. Lê Hà phát biểu.')).toEqual([
      'Tôi công tác tại TP. Hồ Chí Minh từ năm 2010.', 'Đồng chí Nguyễn V. An có 1.500 hội viên.', 'TS. Lê Hà phát biểu.']);
  });

  it('attaches closing quotes and leaves list bullets to the next sentence', () => {
    expect(sentences('Tôi hỏi: “Vì sao?” Không ai trả lời.\n- Đề nghị tăng cường.')).toEqual(['Tôi hỏi: “Vì sao?”', 'Không ai trả lời.', '- Đề nghị tăng cường.']);
  });

  it('does not split inside a word or a web address', () => {
    expect(sentences('Xem thêm tại dangcongsan.vn hoặc email a.b@x.vn nhé.')).toHaveLength(1);
  });
});

describe('syllableStream', () => {
  it('hashes the same syllables as syllableHashes, and marks sentence starts', () => {
    const text = 'Kính gửi: Chi uỷ. Tên tôi là An;\ncông tác tại xã.';
    const stream = syllableStream(text);
    expect(Array.from(stream.hashes)).toEqual(syllableHashes(text));
    expect(Array.from(stream.breaks)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
  });

  test.prop([vietnameseText])('gives equal hashes for accented, accent-free, NFD and VNI-typed text', (text) => {
    const expected = Array.from(syllableStream(text).hashes);
    const vni = encodeVni(text);
    fc.pre(detectEncoding(vni) === 'vni' || vni === text);
    for (const typed of [foldAccents(text), text.normalize('NFD'), repairEncoding(vni)]) {
      expect(Array.from(syllableStream(typed).hashes)).toEqual(expected);
    }
  });
});
