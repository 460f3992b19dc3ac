import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { legacyCharsets } from './legacy.js';
import { detectEncoding, encodeTcvn3, encodeVni, normalizeText } from './normalize.js';
import { messyText, renderText, textModel, tonedSyllables, vietnameseText } from './testing/arbitraries.js';

const charClass = (chars: string) => new RegExp(`[${chars.replace(/[\]\\^-]/g, '\\$&')}]`);
const TCVN3_TELL = charClass(legacyCharsets.TCVN3_TELLTALE);
const VNI_TELL = charClass(legacyCharsets.VNI_TELLTALE);

describe('normalizeText', () => {
  it('puts tone marks old-style: hoà, khoẻ, thuỷ', () => {
    expect(normalizeText('hòa bình, khỏe mạnh, thủy lợi, Hòa, HÒA, tùy, lòa xòa')).toBe('hoà bình, khoẻ mạnh, thuỷ lợi, Hoà, HOÀ, tuỳ, loà xoà');
  });

  it('leaves tone marks that both styles agree on', () => {
    const text = 'mùa mía người hoàng thuyền quý già giữa ngoài khuỷu quốc gì thuở của';
    expect(normalizeText(text)).toBe(text);
  });

  it('composes NFD input', () => {
    expect(normalizeText('Nghị quyết'.normalize('NFD'))).toBe('Nghị quyết');
  });

  it('repairs TCVN3 garbage', () => {
    expect(normalizeText('§¶ng Céng s¶n ViÖt Nam')).toBe('Đảng Cộng sản Việt Nam');
    expect(normalizeText('Thñ t\u00adíng ChÝnh phñ')).toBe('Thủ tướng Chính phủ');
    expect(normalizeText('ë ®Þa ph\u00ad¬ng, viÖc häc tËp nghÞ quyÕt ®\u00adîc tæ chøc nghiªm tóc.')).toBe('Ở địa phương, việc học tập nghị quyết được tổ chức nghiêm túc.');
  });

  it('repairs VNI garbage', () => {
    expect(normalizeText('Ñaûng Coäng saûn Vieät Nam')).toBe('Đảng Cộng sản Việt Nam');
    expect(normalizeText('BOÄ CHÍNH TRÒ ban haønh Nghò quyeát soá 57.')).toBe('BỘ CHÍNH TRỊ ban hành Nghị quyết số 57.');
  });

  it('leaves English and ASCII alone (but tidies spaces)', () => {
    expect(normalizeText('Hello  world , this is English !')).toBe('Hello world, this is English!');
    expect(normalizeText('Café in Zürich, señor Peña, Øresund.')).toBe('Café in Zürich, señor Peña, Øresund.');
    expect(normalizeText('Nghi quyet Dai hoi Dang bo tinh')).toBe('Nghi quyet Dai hoi Dang bo tinh');
  });

  it('cleans spacing and punctuation', () => {
    expect(normalizeText('  Kính gửi :Chi uỷ\u00a0chi bộ ;tên tôi là  An .Năm 2020 có 1.000 người ( 99,5 % ) !\r\n\r\n\r\nHết')).toBe(
      'Kính gửi: Chi uỷ chi bộ; tên tôi là An. Năm 2020 có 1.000 người (99,5 %)!\n\nHết');
  });

  it('maps Icelandic eth typed for Đ', () => {
    expect(normalizeText('Ðảng ủy ðồng chí')).toBe('Đảng uỷ đồng chí');
  });
});

describe('detectEncoding', () => {
  it('tells the three apart', () => {
    const text = 'Đảng bộ xã tổ chức học tập, quán triệt Nghị quyết cho toàn thể đảng viên.';
    expect(detectEncoding(text)).toBe('unicode');
    expect(detectEncoding(encodeTcvn3(text))).toBe('tcvn3');
    expect(detectEncoding(encodeVni(text))).toBe('vni');
  });

  it('says unicode for English, German, Spanish, ASCII and empty text', () => {
    for (const s of ['', 'Hello world', 'Größe für Übermäßig', 'El niño añade ñandú', '© 2024 Company® — 30°C']) expect(detectEncoding(s)).toBe('unicode');
  });
});

describe('normalizeText properties', () => {
  test.prop([messyText])('is idempotent on any text', (s) => {
    const once = normalizeText(s);
    expect(normalizeText(once)).toBe(once);
  });

  test.prop([vietnameseText])('never changes already-normalized text', (s) => {
    expect(normalizeText(s)).toBe(s);
  });

  test.prop([fc.oneof(vietnameseText, messyText)])('gives the same result for NFD and NFC input', (s) => {
    expect(normalizeText(s.normalize('NFD'))).toBe(normalizeText(s.normalize('NFC')));
  });

  test.prop([textModel])('makes old-style and new-style tone placement converge', (m) => {
    const old = renderText(m, { style: 'old' });
    expect(normalizeText(renderText(m, { style: 'new' }))).toBe(old);
    expect(normalizeText(old)).toBe(old);
  });

  test.prop([textModel])('round-trips text typed in VNI', (m) => {
    const text = renderText(m, { style: 'old' });
    const garbled = encodeVni(text);
    fc.pre(detectEncoding(garbled) === 'vni' || garbled === text);
    expect(normalizeText(garbled)).toBe(normalizeText(text));
  });

  // TCVN3 has no capitals with tone marks (they were typed with the ".VnTimeH" font on lower-case
  // codes): the repair restores them at sentence starts and in all-capital words only, so the
  // generated text capitalizes other words only on letters TCVN3 has.
  test.prop([textModel])('round-trips text typed in TCVN3', (m) => {
    const text = renderText(m, { style: 'old', tcvn3Capitals: true });
    const garbled = encodeTcvn3(text);
    fc.pre(detectEncoding(garbled) === 'tcvn3' || garbled === text);
    expect(normalizeText(garbled)).toBe(normalizeText(text));
  });

  // A text made only of, say, ã and á looks the same in every encoding; with ten toned syllables and
  // one character the encoding has and Vietnamese has not, detection must be right.
  test.prop([textModel.filter((m) => tonedSyllables(m) >= 10)])('detects TCVN3 and VNI given ten toned syllables and a telltale', (m) => {
    const text = renderText(m, { style: 'old' });
    expect(detectEncoding(text)).toBe('unicode');
    const tcvn3 = encodeTcvn3(text), vni = encodeVni(text);
    if (TCVN3_TELL.test(tcvn3)) expect(detectEncoding(tcvn3)).toBe('tcvn3');
    if (VNI_TELL.test(vni)) expect(detectEncoding(vni)).toBe('vni');
  });
});
