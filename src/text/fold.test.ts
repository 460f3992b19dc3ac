import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { foldAccents, searchKey } from './fold.js';

describe('searchKey', () => {
  it('folds Vietnamese names written in every usual way to one key', () => {
    const forms = ['Nguyễn Văn An', 'NGUYỄN VĂN AN', 'nguyen van an', '  Nguyễn   Văn\tAn ', 'Nguyễn Văn An'.normalize('NFD')];
    expect(new Set(forms.map(searchKey))).toEqual(new Set(['nguyen van an']));
  });

  it('maps đ and Đ to d', () => {
    expect(searchKey('Đặng Thị Đào')).toBe('dang thi dao');
  });

  it('folds every tone and vowel mark', () => {
    expect(foldAccents('àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ'))
      .toBe('a'.repeat(17) + 'e'.repeat(11) + 'i'.repeat(5) + 'o'.repeat(17) + 'u'.repeat(11) + 'y'.repeat(5));
  });
});

const vietnameseText = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ĐÂĂ'.split('')) });

describe('searchKey properties', () => {
  test.prop([vietnameseText])('is idempotent', (s) => {
    expect(searchKey(searchKey(s))).toBe(searchKey(s));
  });
  test.prop([vietnameseText])('gives the same key for NFC and NFD input', (s) => {
    expect(searchKey(s.normalize('NFD'))).toBe(searchKey(s.normalize('NFC')));
  });
  test.prop([vietnameseText])('leaves only ASCII letters and spaces', (s) => {
    expect(searchKey(s)).toMatch(/^[a-z ]*$/);
  });
});
