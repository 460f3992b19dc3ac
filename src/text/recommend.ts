/**
 * Recommendations in reflections: the sentences in which a writer proposes or recommends, and their
 * grouping across thousands of reflections into a list a Standing Committee can act on.
 *
 * A sentence is a recommendation when
 *  - it says so: đề nghị, kiến nghị, đề xuất, cần / cần phải, mong / mong muốn / rất mong, nên (as
 *    "should", not "trở nên", "cho nên", nor "nền" in accent-free text); accents optional; not the
 *    writer's own resolutions ("tôi cần …", "bản thân tôi nên …"), which belong to part (c); or
 *  - it stands in the part of the reflection headed as the recommendations part: "IV. Đề xuất, kiến
 *    nghị", "4. Kiến nghị:", "(d) …", "d) …" (criterion (d) of the rubric), until the next heading or
 *    the closing formula ("Trên đây là …", "Người viết …", "Xin chân thành cảm ơn").
 */
import { clusterTexts, type ClusterOptions } from './cluster.js';
import { normalizeText } from './normalize.js';
import { foldLower, sentencesOfNormalized, syllablesOfNormalized } from './tokenize.js';

export type DocId = string | number;

export interface Extracted {
  sentence: string;
  /** Index of the sentence among the recommendations of its document. */
  index: number;
  reason: 'cue' | 'section';
}

const L = '\\p{L}';
const word = (alternatives: string) => new RegExp(`(?<!${L})(?:${alternatives})(?!${L})`, 'u');
const ACCENTED_CUES = word('đề nghị|kiến nghị|đề xuất|cần|mong');
const ACCENTED_NOT = word('không (?:có )?(?:[\\p{L}]+ ){0,2}(?:kiến nghị|đề xuất|đề nghị)(?: gì)?|cần thiết(?! phải)|cần sự|cần có sự|trở nên|cho nên|vì vậy nên|vì thế nên|do đó nên|nên đã|(?:tôi|mình|bản thân)(?: [\\p{L}]+){0,3} (?:cần|nên)');
const ACCENTED_SHOULD = word('nên');
const FOLDED_CUES = word('de nghi|kien nghi|de xuat|can phai|mong muon|rat mong|mong (?:cap|cac|dang|ban|uy|chinh|nha|trung|tinh|huyen|xa)');
const FOLDED_NONE = word('khong (?:co )?(?:\\p{L}+ ){0,2}(?:kien nghi|de xuat|de nghi)(?: gi)?');
const FOLDED_NEED = word(`can (?:co|tang|quan|day|nang|tiep|chu|som|duoc|xay|doi|tao|ho tro|dau tu|bo sung|bo tri|them|ra soat|xem xet|trien|lam|thuc|nghien|uu tien|giai|khac phuc|mo|to chuc|dam bao|kiem|cai|dieu|huong|phat|ho)`);
const FOLDED_SHOULD = word('nen');
const FOLDED_NOT_SHOULD = word('(?:tro|cho|vay|the|do|mot|cac|xay dung) nen|nen (?:tang|kinh|van|quoc|nep|hanh|mong|san|da)');
const FOLDED_SELF = word('(?:toi|minh|ban than)(?: \\p{L}+){0,3} (?:can|nen)');
const VIETNAMESE_MARKS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** True when the sentence proposes or recommends (accents optional). */
export function isRecommendation(sentence: string): boolean {
  return saysRecommendation(normalizeText(sentence).toLowerCase());
}

/** isRecommendation for a normalized, lower-case sentence. */
function saysRecommendation(lower: string): boolean {
  if (VIETNAMESE_MARKS.test(lower)) {
    const rest = lower.replace(ACCENTED_NOT, ' ');
    return ACCENTED_CUES.test(rest) || ACCENTED_SHOULD.test(rest);
  }
  const folded = foldLower(lower).replace(FOLDED_NONE, ' ');
  if (FOLDED_CUES.test(folded)) return true;
  const rest = folded.replace(FOLDED_SELF, ' ');
  return FOLDED_NEED.test(rest) || FOLDED_SHOULD.test(rest.replace(FOLDED_NOT_SHOULD, ' '));
}

const ROMAN = /^\s*\(?[IVX]{1,4}[.)]\s/;
const MARKER = /^\s*(?:\(?[0-9]{1,2}[.)]|\(?[IVX]{1,4}[.)]|\(?[a-zđ][.)]|\([a-zđ0-9]{1,4}\))\s*/iu;
const RECOMMENDATION_HEADING = /kien nghi|de xuat|de nghi/;
const RUBRIC_D = /^\s*(?:\(d\)|d[.)])/i;
const CLOSING = /^\s*(?:tren day la|nguoi viet|xac nhan|noi nhan|(?:toi )?xin (?:chan thanh )?cam on|ky,? ghi ro)/;
const BULLET = /^\s*(?:[-+•*–]+|\(?[0-9]{1,2}[.)]|\(?[a-zđ][.)]|(?:mot|hai|ba|bon|nam) la,|thu (?:nhat|hai|ba|tu|nam),)\s*/iu;

interface Line { heading?: string; body: string }

/**
 * Splits a line into a heading and its body. Headings: "IV. …" (Roman numerals), "(d) …" / "d) …",
 * any numbered line without final punctuation ("2. Liên hệ thực tiễn"), a numbered title before a
 * colon ("4. Kiến nghị: …"), and an unnumbered short line naming the recommendations ("Đề xuất, kiến
 * nghị"). A numbered line ending like a sentence ("1. Tăng kinh phí cho chi bộ.") is a list item.
 */
function readLine(line: string): Line {
  const folded = foldLower(line);
  const trimmed = line.trim();
  const colon = line.indexOf(':');
  const head = colon > 0 ? line.slice(0, colon) : line;
  const headSyllables = syllablesOfNormalized(head).length;
  const title = ROMAN.test(line) || RUBRIC_D.test(folded) || RECOMMENDATION_HEADING.test(foldLower(head));
  if (MARKER.test(line) && headSyllables <= 12) {
    if (colon > 0 && title) return { heading: head, body: line.slice(colon + 1) };
    if (colon < 0 && (!/[.!?;]$/.test(trimmed) || (ROMAN.test(line) && headSyllables <= 8))) return { heading: line, body: '' };
  }
  if (headSyllables <= 8 && !/[.!?;]$/.test(trimmed) && colon < 0 && RECOMMENDATION_HEADING.test(folded)) return { heading: line, body: '' };
  return { body: line };
}

/** Cleans a recommendation for display: no leading bullet, numbering or "Một là,". */
function cleanSentence(s: string): string {
  let out = s.trim();
  for (let i = 0; i < 2; i++) {
    const bullet = foldLower(out).match(BULLET);
    if (!bullet) break;
    out = out.slice(bullet[0].length);
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** The recommendation sentences of one reflection, in order. */
export function extractRecommendations(text: string): Extracted[] {
  const out: Extracted[] = [];
  let inSection = false;
  for (const raw of normalizeText(text).split('\n')) {
    if (CLOSING.test(foldLower(raw))) { inSection = false; continue; }
    const line = readLine(raw);
    if (line.heading !== undefined) {
      const folded = foldLower(line.heading);
      inSection = RECOMMENDATION_HEADING.test(folded) || RUBRIC_D.test(folded);
    }
    for (const s of line.body.trim() ? sentencesOfNormalized(line.body.trim()) : []) {
      const sentence = cleanSentence(s);
      if (syllablesOfNormalized(sentence).length < 4) continue;
      const cue = saysRecommendation(sentence.toLowerCase());
      if (cue || inSection) out.push({ sentence, index: out.length, reason: cue ? 'cue' : 'section' });
    }
  }
  return out;
}

export interface RecommendationDoc {
  id: DocId;
  text: string;
  /** The writer's org, to count recommendations per org. */
  org?: string;
}

export interface RecommendationCluster {
  /** 1-based, largest cluster first. */
  cluster: number;
  /** The sentence closest to the cluster's centroid (one written with accents, if one is nearly as close). */
  label: string;
  size: number;
  items: { id: DocId; sentence: string }[];
  /** Items per org, when the documents carry one. */
  orgs?: Record<string, number>;
}

export interface RecommendationItem {
  id: DocId;
  sentence: string;
  org?: string;
}

/** Extracts the recommendations of every document and groups those that say the same thing. */
export function clusterRecommendations(docs: RecommendationDoc[], options: ClusterOptions = {}): RecommendationCluster[] {
  return clusterItems(docs.flatMap((doc) => extractRecommendations(doc.text).map((r) => ({ id: doc.id, org: doc.org, sentence: r.sentence }))), options);
}

/** Groups already extracted recommendations (see clusterRecommendations). */
export function clusterItems(items: RecommendationItem[], options: ClusterOptions = {}): RecommendationCluster[] {
  const accented = (i: number) => VIETNAMESE_MARKS.test(items[i].sentence);
  return clusterTexts(items.map((i) => i.sentence), { prefer: accented, ...options, normalized: true }).map((c, n) => {
    const members = c.members.map((m) => items[m]);
    const cluster: RecommendationCluster = {
      cluster: n + 1, label: items[c.representative].sentence, size: members.length,
      items: members.map((m) => ({ id: m.id, sentence: m.sentence })),
    };
    if (members.some((m) => m.org !== undefined)) {
      cluster.orgs = {};
      for (const m of members) if (m.org !== undefined) cluster.orgs[m.org] = (cluster.orgs[m.org] ?? 0) + 1;
    }
    return cluster;
  });
}
