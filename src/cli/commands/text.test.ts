import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeTcvn3 } from '../../text/normalize.js';
import { RESOLUTION_TEXT } from '../../text/testing/essays.js';
import { plantedCorpus } from '../../text/testing/planted.js';
import { runDedupe, runRecommendations } from './text.js';

let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qt-text-'));
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out.push(String(chunk)); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { err.push(String(chunk)); return true; });
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

const jsonl = () => out.join('').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

describe('dedupe command', () => {
  it('prints the flagged pairs, then every document with its source share, ids in their JSON type', async () => {
    const corpus = plantedCorpus({ families: 2, independent: 8, seed: 11 });
    const ids = corpus.docs.map((d, i) => (i % 2 ? d.id : i));
    const input = file('docs.jsonl', `\ufeff${corpus.docs.map((d, i) => JSON.stringify({ id: ids[i], text: d.text })).join('\r\n')}\n\n`);
    const source = file('nq.txt', encodeTcvn3(RESOLUTION_TEXT));
    expect(await runDedupe(['--input', input, '--source', source])).toBe(0);
    const lines = jsonl();
    const pairs = lines.filter((l) => 'a' in l), shares = lines.filter((l) => 'sourceShare' in l);
    expect(lines).toEqual([...pairs, ...shares]);
    expect(shares.map((s) => s.id)).toEqual(ids);
    for (const s of shares) expect(Object.keys(s)).toEqual(['id', 'sourceShare']);
    for (const p of pairs) {
      expect(Object.keys(p)).toEqual(['a', 'b', 'score']);
      expect(p.score).toBeGreaterThan(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
    const idOf = new Map(corpus.docs.map((d, i) => [d.id, ids[i]]));
    const flagged = new Set(pairs.map((p) => `${p.a}|${p.b}`));
    for (const [o, c] of corpus.planted) expect(flagged.has(`${idOf.get(o)}|${idOf.get(c)}`) || flagged.has(`${idOf.get(c)}|${idOf.get(o)}`)).toBe(true);
    expect(shares.some((s) => s.sourceShare > 0)).toBe(true);
  });

  it('works without sources', async () => {
    const input = file('docs.jsonl', [{ id: 'x', text: 'Một câu.' }].map((d) => JSON.stringify(d)).join('\n'));
    expect(await runDedupe(['--input', input])).toBe(0);
    expect(jsonl()).toEqual([{ id: 'x', sourceShare: 0 }]);
  });

  it.each([
    [[], 'Thiếu --input'],
    [['--input', '/không/có/tệp.jsonl'], 'Không đọc được tệp'],
    [['--input', 'X', '--bogus'], 'Tham số không hợp lệ'],
  ])('rejects bad arguments %j with a message in Vietnamese', async (args, message) => {
    expect(await runDedupe(args as string[])).toBe(1);
    expect(err.join('')).toContain(message);
    expect(out).toEqual([]);
  });

  it.each([
    ['{"id": 1, "text": "a"}\n{not json}', 'Dòng 2'],
    ['{"text": "a"}', 'thiếu "id"'],
    ['{"id": 1, "text": 5}', 'thiếu "text"'],
    ['[1, 2]', 'cần một đối tượng'],
  ])('rejects invalid input lines', async (content, message) => {
    expect(await runDedupe(['--input', file('bad.jsonl', content)])).toBe(1);
    expect(err.join('')).toContain(message);
  });
});

describe('recommendations command', () => {
  it('prints one line per cluster with its label, size and items', async () => {
    const docs = [
      { id: 1, text: 'IV. Đề xuất, kiến nghị\n- Đề nghị cấp trên tăng cường tập huấn nghiệp vụ cho cán bộ cơ sở.\n- Hỗ trợ kinh phí hoạt động cho chi bộ thôn.' },
      { id: 'b', text: 'Kien nghi to chuc them lop tap huan nghiep vu cho can bo co so. Toi da hoc tap nghiem tuc.' },
      { id: 3, text: 'Bài này không có kiến nghị gì cả vì tôi đồng ý với tất cả.' },
    ];
    const input = file('docs.jsonl', docs.map((d) => JSON.stringify(d)).join('\n'));
    expect(await runRecommendations(['--input', input])).toBe(0);
    const clusters = jsonl();
    for (const c of clusters) {
      expect(Object.keys(c)).toEqual(['cluster', 'label', 'size', 'items']);
      expect(c.size).toBe(c.items.length);
      for (const item of c.items) expect(Object.keys(item)).toEqual(['id', 'sentence']);
    }
    expect(clusters[0].items.map((i: { id: unknown }) => i.id)).toEqual([1, 'b']);
    expect(clusters.map((c) => c.cluster)).toEqual(clusters.map((_, i) => i + 1));
    expect(clusters.flatMap((c) => c.items).length).toBe(3);
  });

  it('rejects a missing input file', async () => {
    expect(await runRecommendations(['--input', path.join(dir, 'none.jsonl')])).toBe(1);
    expect(err.join('')).toContain('Không đọc được tệp');
  });
});
