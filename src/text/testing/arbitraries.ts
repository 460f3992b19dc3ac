/**
 * fast-check generators of Vietnamese: syllables over every onset, rhyme and tone, rendered with the
 * tone mark placed old-style or new-style from a hand-written table (independent of syllable.ts),
 * sentences and short texts in canonical form (old style, clean spacing).
 */
import { fc } from '@fast-check/vitest';

export type Style = 'old' | 'new';

/** Rhymes with `*` after the vowel that carries the tone in the old style. */
const MARKED_RHYMES = `a* a*c a*ch a*i a*m a*n a*ng a*nh a*o a*p a*t a*u a*y ă*c ă*m ă*n ă*ng ă*p ă*t
  â*c â*m â*n â*ng â*p â*t â*u â*y e* e*c e*m e*n e*ng e*o e*p e*t ê* ê*ch ê*m ê*n ê*nh ê*p ê*t ê*u
  i* i*a i*ch i*m i*n i*nh i*p i*t i*u iê*c iê*m iê*n iê*ng iê*p iê*t iê*u
  o* o*c o*i o*m o*n o*ng o*p o*t ô* ô*c ô*i ô*m ô*n ô*ng ô*p ô*t ơ* ơ*i ơ*m ơ*n ơ*p ơ*t
  u* u*a u*c u*i u*m u*n u*ng u*p u*t uô*c uô*i uô*m uô*n uô*ng uô*t
  ư* ư*a ư*c ư*i ư*m ư*n ư*ng ư*t ư*u ươ*c ươ*i ươ*m ươ*n ươ*ng ươ*p ươ*t ươ*u yê*m yê*n yê*t yê*u
  oa* oa*c oa*ch oa*i oa*m oa*n oa*ng oa*nh oa*p oa*t oa*y oă*c oă*m oă*n oă*ng oă*t oe* oe*n oe*o oe*t
  uâ*n uâ*ng uâ*t uâ*y uê* uê*ch uê*nh uy* uy*ch uyê*n uyê*t uy*n uy*nh uy*p uy*t uy*u uơ*`.split(/\s+/);

/** The open rhymes whose new-style tone goes on the first vowel. */
const NEW_STYLE_MOVES: Record<string, string> = { 'oa*': 'o*a', 'oe*': 'o*e', 'uy*': 'u*y' };

const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const STOP = /(c|ch|p|t)$/;

function compatible(onset: string, rhyme: string): boolean {
  if ((onset === 'g' || onset === 'gi') && /^[iy]/.test(rhyme)) return false;
  if (onset === 'qu' && /^[uoư]/.test(rhyme)) return false;
  return true;
}

export interface SyllableParts { onset: string; rhyme: string; tone: string }

export const syllableParts: fc.Arbitrary<SyllableParts> = fc
  .record({ onset: fc.constantFrom(...ONSETS), rhyme: fc.constantFrom(...MARKED_RHYMES), tone: fc.constantFrom(...TONES) })
  .filter(({ onset, rhyme }) => compatible(onset, rhyme))
  .map((p) => (STOP.test(p.rhyme) && !['', '\u0301', '\u0323'].includes(p.tone) ? { ...p, tone: '\u0301' } : p));

export function renderSyllable(p: SyllableParts, style: Style): string {
  const marked = style === 'new' ? (NEW_STYLE_MOVES[p.rhyme] ?? p.rhyme) : p.rhyme;
  return (p.onset + marked.replace('*', p.tone)).normalize('NFC');
}

export type Token = { kind: 'syllable'; parts: SyllableParts; capital: boolean } | { kind: 'comma' };

const token: fc.Arbitrary<Token> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('syllable' as const), parts: syllableParts, capital: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'comma' as const }) },
);

export interface SentenceModel { tokens: Token[]; end: string }

const sentenceModel: fc.Arbitrary<SentenceModel> = fc.record({
  tokens: fc.array(token, { minLength: 1, maxLength: 12 }).filter((ts) => ts.some((t) => t.kind === 'syllable')),
  end: fc.constantFrom('.', '!', '?'),
});

/** A text model: sentences joined by a space or a line break. */
export const textModel = fc.array(fc.record({ sentence: sentenceModel, newline: fc.boolean() }), { minLength: 1, maxLength: 6 });

export interface RenderOptions {
  style: Style;
  /** Capital letters mid-sentence only where TCVN3 has them (ASCII consonants, Đ). */
  tcvn3Capitals?: boolean;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Canonical text (clean spacing) for a model, in the given tone style. */
export function renderText(model: { sentence: SentenceModel; newline: boolean }[], options: RenderOptions): string {
  const sentences = model.map(({ sentence }) => {
    let out = '';
    let first = true;
    for (const t of sentence.tokens) {
      if (t.kind === 'comma') { if (!first && !out.endsWith(',')) out += ','; continue; }
      let word = renderSyllable(t.parts, options.style);
      const canCapitalize = !options.tcvn3Capitals || /^[bcdghklmnpqrstvxđ]/.test(word);
      if (first) word = capitalize(word);
      else if (t.capital && canCapitalize) word = capitalize(word);
      out += first ? word : ` ${word}`;
      first = false;
    }
    return out.replace(/,$/, '') + sentence.end;
  });
  return sentences.reduce((text, s, i) => (i === 0 ? s : text + (model[i].newline ? '\n' : ' ') + s), '');
}

/** Number of syllables carrying a tone mark in a text model. */
export function tonedSyllables(model: { sentence: SentenceModel }[]): number {
  return model.reduce((n, { sentence }) => n + sentence.tokens.filter((t) => t.kind === 'syllable' && t.parts.tone !== '').length, 0);
}

/** Vietnamese text in canonical form (old style). */
export const vietnameseText = textModel.map((m) => renderText(m, { style: 'old' }));

const MESSY_UNITS = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐĂÂÊÔƠƯÀÁÝ',
  ...'µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦',
  ...'ùøûõïâêáàåãäéèúüëôöñìíæóòî',
  '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031b',
  ' ', ' ', '\u00a0', '\t', '\n', '\r', ',', '.', ';', ':', '!', '?', '(', ')', '“', '”', '…', '-', '1', 'Ð', 'ð', '\u200b',
];

/** Strings of Vietnamese letters, legacy-encoding characters, marks, punctuation and odd spaces. */
export const messyText = fc.string({ unit: fc.constantFrom(...MESSY_UNITS), maxLength: 60 });
