/**
 * Legacy Vietnamese encodings as they look once pasted into Unicode software: every byte became the
 * Latin-1 character of the same code.
 *
 * - TCVN3 (ABC, the ".VnTime" fonts, TCVN 5712:1993 VN3): one byte per precomposed lower-case letter,
 *   0xA1–0xFE ("§¶ng" = "Đảng", "ViÖt" = "Việt", "t­íng" with a soft hyphen = "tướng"). Only Ă Â Ê Ô Ơ
 *   Ư Đ have capitals; other capitals with marks were typed with the capital font ".VnTimeH" on the
 *   same lower-case codes, so the case is lost in the bytes. Decoding restores it at sentence starts
 *   and inside all-capital words.
 * - VNI (VNI-Windows): ASCII base letter followed by one mark character ("Vieät" = "Việt", "Ñaûng" =
 *   "Đảng"); ơ ư đ, the five toned i and ỵ are single characters. Case is kept.
 */

/** TCVN3 code (as Latin-1 character) followed by the letter it stands for. */
const TCVN3_PAIRS = `µà ¸á ¶ả ·ã ¹ạ ¨ă »ằ ¾ắ ¼ẳ ½ẵ Æặ ©â Çầ Êấ Èẩ Éẫ Ëậ ®đ Ìè Ðé Îẻ Ïẽ Ñẹ
  ªê Òề Õế Óể Ôễ Öệ ×ì Ýí Øỉ Üĩ Þị ßò ãó áỏ âõ äọ «ô åồ èố æổ çỗ éộ ¬ơ êờ íớ ëở ìỡ îợ
  ïù óú ñủ òũ ôụ \u00adư õừ øứ öử ÷ữ ùự úỳ ýý ûỷ üỹ þỵ ¡Ă ¢Â §Đ £Ê ¤Ô ¥Ơ ¦Ư`;

const TCVN3_DECODE = new Map<string, string>();
const TCVN3_ENCODE = new Map<string, string>();
for (const pair of TCVN3_PAIRS.trim().split(/[ \n]+/)) {
  const [code, letter] = [...pair];
  TCVN3_DECODE.set(code, letter);
  TCVN3_ENCODE.set(letter, code);
}

/** Latin-1 letters that correct Vietnamese uses: legacy text cannot be told by these alone. */
const VIET_LATIN1 = 'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ';
const TCVN3_CODES = [...TCVN3_DECODE.keys()].join('');
const TCVN3_TELLTALE = [...TCVN3_CODES].filter((c) => !VIET_LATIN1.includes(c)).join('');

const TONE_ORDER = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323']; // sắc huyền hỏi ngã nặng
const VNI_TONE = ['ùÙ', 'øØ', 'ûÛ', 'õÕ', 'ïÏ'];
const VNI_CIRCUMFLEX_TONE = ['áÁ', 'àÀ', 'åÅ', 'ãÃ', 'äÄ'];
const VNI_BREVE_TONE = ['éÉ', 'èÈ', 'úÚ', 'üÜ', 'ëË'];
const VNI_I = ['íÍ', 'ìÌ', 'æÆ', 'óÓ', 'òÒ'];
const VNI_CIRCUMFLEX = 'âÂ';
const VNI_BREVE = 'êÊ';
/** Single VNI characters standing for a whole letter. */
const VNI_LETTERS = new Map<string, string>([
  ['ô', 'ơ'], ['Ô', 'Ơ'], ['ö', 'ư'], ['Ö', 'Ư'], ['ñ', 'đ'], ['Ñ', 'Đ'], ['î', 'ỵ'], ['Î', 'Ỵ'],
  ...VNI_I.flatMap((pair, t) => [[pair[0], `i${TONE_ORDER[t]}`.normalize('NFC')], [pair[1], `I${TONE_ORDER[t]}`.normalize('NFC')]] as [string, string][]),
]);
/** VNI mark characters: the combining marks they add and the base letters that accept them. */
const VNI_MARKS = new Map<string, { marks: string; bases: string }>();
VNI_TONE.forEach((pair, t) => { for (const c of pair) VNI_MARKS.set(c, { marks: TONE_ORDER[t], bases: 'aăâeêoôơuưy' }); });
VNI_CIRCUMFLEX_TONE.forEach((pair, t) => { for (const c of pair) VNI_MARKS.set(c, { marks: `\u0302${TONE_ORDER[t]}`, bases: 'aeo' }); });
VNI_BREVE_TONE.forEach((pair, t) => { for (const c of pair) VNI_MARKS.set(c, { marks: `\u0306${TONE_ORDER[t]}`, bases: 'a' }); });
for (const c of VNI_CIRCUMFLEX) VNI_MARKS.set(c, { marks: '\u0302', bases: 'aeo' });
for (const c of VNI_BREVE) VNI_MARKS.set(c, { marks: '\u0306', bases: 'a' });
const VNI_CHARS = [...VNI_LETTERS.keys(), ...VNI_MARKS.keys()].join('');
const VNI_TELLTALE = [...VNI_CHARS].filter((c) => !VIET_LATIN1.includes(c)).join('');

export const legacyCharsets = { TCVN3_CODES, TCVN3_TELLTALE, VNI_CHARS, VNI_TELLTALE };

/** Correct Vietnamese text → how it looks when typed in TCVN3 and pasted (capitals with marks lose case). */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += TCVN3_ENCODE.get(ch) ?? TCVN3_ENCODE.get(ch.toLowerCase()) ?? ch;
  return out;
}

/** Correct Vietnamese text → how it looks when typed in VNI-Windows and pasted. */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += encodeVniLetter(ch);
  return out;
}

function encodeVniLetter(ch: string): string {
  if (ch === 'đ') return 'ñ';
  if (ch === 'Đ') return 'Ñ';
  const nfd = ch.normalize('NFD');
  const base = nfd[0];
  if (nfd.length === 1 || !/[aeiouyAEIOUY]/.test(base)) return ch;
  const upper = base === base.toUpperCase() ? 1 : 0;
  const tone = TONE_ORDER.findIndex((t) => nfd.includes(t));
  const lower = base.toLowerCase();
  if (lower === 'i') return tone >= 0 ? VNI_I[tone][upper] : base;
  if (lower === 'y' && tone === 4) return 'îÎ'[upper];
  const toneChar = tone >= 0 ? VNI_TONE[tone][upper] : '';
  if (nfd.includes('\u031b')) return (lower === 'o' ? 'ôÔ' : 'öÖ')[upper] + toneChar;
  if (nfd.includes('\u0302')) return base + (tone >= 0 ? VNI_CIRCUMFLEX_TONE[tone][upper] : VNI_CIRCUMFLEX[upper]);
  if (nfd.includes('\u0306')) return base + (tone >= 0 ? VNI_BREVE_TONE[tone][upper] : VNI_BREVE[upper]);
  return base + toneChar;
}

/** VNI garbage → Unicode (NFC). Mark characters only count after a vowel that can take them. */
export function decodeVni(text: string): string {
  let out = '';
  let base = ''; // lower-case base letter that may still take a mark
  for (const ch of text) {
    const letter = VNI_LETTERS.get(ch);
    if (letter !== undefined) {
      out += letter;
      base = letter === 'ơ' || letter === 'Ơ' || letter === 'ư' || letter === 'Ư' ? letter.toLowerCase() : '';
      continue;
    }
    const mark = VNI_MARKS.get(ch);
    if (mark && base && mark.bases.includes(base)) {
      out += mark.marks;
      base = mark.marks === '\u0302' || mark.marks === '\u0306' ? 'â' : ''; // may still take a tone
      continue;
    }
    out += ch;
    const lower = ch.toLowerCase();
    base = 'aeouy'.includes(lower) && lower.length === 1 ? lower : '';
  }
  return out.normalize('NFC');
}

const LOWER_ASCII = /[a-z]/;
const CAPITALS = /[A-Z¡¢§£¤¥¦]/g;
const WORD_SPLIT = /([\p{L}\p{M}¡-¾×÷]+)/u;
const ENDS_SENTENCE = /[.!?…]["”’)\]]*\s|\n/;
const OPENING_ONLY = /^[\s"“'‘(\[–-]*$/;

/**
 * TCVN3 garbage → Unicode (NFC). A decoded letter becomes a capital at the start of a sentence or a
 * line, and in words typed in capitals, since TCVN3 has no such capitals.
 */
export function decodeTcvn3(text: string): string {
  const parts = text.split(WORD_SPLIT); // separators at even indexes, words at odd ones
  const caps = parts.map((w, i) => i % 2 === 1 && capitals(w) >= 2 && !LOWER_ASCII.test(w));
  let sentenceStart = true;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i % 2 === 0) {
      if (ENDS_SENTENCE.test(part)) sentenceStart = true;
      else if (!OPENING_ONLY.test(part)) sentenceStart = false;
      out += part;
      continue;
    }
    let decoded = '';
    for (const ch of part) decoded += TCVN3_DECODE.get(ch) ?? ch;
    const noCaseOfItsOwn = capitals(part) <= 1 && !LOWER_ASCII.test(part);
    if (caps[i] || (noCaseOfItsOwn && (caps[i - 2] || caps[i + 2]))) decoded = decoded.toUpperCase();
    else if (sentenceStart && TCVN3_DECODE.has(part[0])) decoded = decoded[0].toUpperCase() + decoded.slice(1);
    out += decoded;
    sentenceStart = false;
  }
  return out.normalize('NFC');
}

function capitals(w: string): number {
  return w.match(CAPITALS)?.length ?? 0;
}

/** Character-by-character TCVN3 decoding of one word, without the case rules (for scoring). */
export function mapTcvn3(word: string): string {
  let out = '';
  for (const ch of word) out += TCVN3_DECODE.get(ch) ?? ch;
  return out;
}
