/**
 * Text commands (the contract automated checks use):
 *   dedupe --input <docs.jsonl> --source <file.txt> [--source ...]
 *     → one JSONL line per flagged pair {"a","b","score"}, then one per document {"id","sourceShare"}
 *   recommendations --input <docs.jsonl>
 *     → one JSONL line per cluster {"cluster","label","size","items":[{"id","sentence"}]}
 * Input lines are {"id","text"}; ids keep their JSON type (string or number). Documents are read as a
 * stream and only compact features are kept, so the input may be far larger than memory would hold
 * as text. Invalid input: a message in Vietnamese on stderr, exit code 1.
 *   text-bench [--docs N] [--seed S]: dedupe throughput and precision/recall on generated essays with
 *     planted copies, against an exact-hash baseline (JSON on stdout).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { createDedupeIndex } from '../../text/dedupe.js';
import { clusterItems, extractRecommendations } from '../../text/recommend.js';
import { runDedupeBench } from '../../text/testing/dedupe-bench.js';

class InputError extends Error {}

type DocId = string | number;

interface InputDoc { id: DocId; text: string }

async function* readDocs(file: string): AsyncGenerator<InputDoc> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = n === 1 ? raw.replace(/^\ufeff/, '') : raw;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError(`Dòng ${n} của ${file} không phải JSON hợp lệ.`);
    }
    const doc = value as Partial<InputDoc> | null;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new InputError(`Dòng ${n}: cần một đối tượng {"id", "text"}.`);
    if (typeof doc.id !== 'string' && typeof doc.id !== 'number') throw new InputError(`Dòng ${n}: thiếu "id" (chuỗi hoặc số).`);
    if (typeof doc.text !== 'string') throw new InputError(`Dòng ${n}: thiếu "text" (chuỗi).`);
    yield { id: doc.id, text: doc.text };
  }
}

function readableFile(path: string | undefined, what: string): string {
  if (!path) throw new InputError(`Thiếu ${what}.`);
  try {
    if (!fs.statSync(path).isFile()) throw new Error();
    fs.accessSync(path, fs.constants.R_OK);
  } catch {
    throw new InputError(`Không đọc được tệp ${path}.`);
  }
  return path;
}

/** Writes lines to stdout in chunks, waiting when the pipe is full. */
async function writeLines(lines: Iterable<string>): Promise<void> {
  let chunk = '';
  const flush = async () => {
    if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
    chunk = '';
  };
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length > 1 << 16) await flush();
  }
  if (chunk) await flush();
}

function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new InputError(`Tham số không hợp lệ: ${(err as Error).message}`);
  }
}

async function guarded(run: () => Promise<void>): Promise<number> {
  try {
    await run();
    return 0;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** `dedupe --input <docs.jsonl> --source <file.txt> [--source ...]` */
export async function runDedupe(args: string[]): Promise<number> {
  return guarded(async () => {
    const { values } = parsed(() => parseArgs({ args, strict: true, options: { input: { type: 'string' }, source: { type: 'string', multiple: true } } }));
    const input = readableFile(values.input, '--input <tệp.jsonl>');
    const sources = (values.source ?? []).map((file) => fs.readFileSync(readableFile(file, '--source'), 'utf8'));
    const index = createDedupeIndex(sources);
    const ids: DocId[] = [];
    const seen = new Set<DocId>();
    for await (const doc of readDocs(input)) {
      if (seen.has(doc.id)) process.stderr.write(`Lưu ý: id ${JSON.stringify(doc.id)} xuất hiện nhiều lần; mỗi lần được xét như một bài riêng.\n`);
      seen.add(doc.id);
      ids.push(doc.id);
      index.add(doc.text);
    }
    const pairs = index.finish();
    await writeLines((function* () {
      for (const p of pairs) yield JSON.stringify({ a: ids[p.a], b: ids[p.b], score: round(p.score) });
      for (let i = 0; i < ids.length; i++) yield JSON.stringify({ id: ids[i], sourceShare: round(index.sourceShare(i)) });
    })());
  });
}

/** `recommendations --input <docs.jsonl>` */
export async function runRecommendations(args: string[]): Promise<number> {
  return guarded(async () => {
    const { values } = parsed(() => parseArgs({ args, strict: true, options: { input: { type: 'string' } } }));
    const input = readableFile(values.input, '--input <tệp.jsonl>');
    const items: { id: DocId; sentence: string }[] = [];
    for await (const doc of readDocs(input)) {
      for (const r of extractRecommendations(doc.text)) items.push({ id: doc.id, sentence: r.sentence }); // not the whole text
    }
    const clusters = clusterItems(items);
    await writeLines(clusters.map((c) => JSON.stringify({ cluster: c.cluster, label: c.label, size: c.size, items: c.items })));
  });
}

/** `text-bench [--docs N] [--seed S]` */
export async function runTextBench(args: string[]): Promise<number> {
  return guarded(async () => {
    const { values } = parsed(() => parseArgs({ args, strict: true, options: { docs: { type: 'string' }, seed: { type: 'string' } } }));
    const docs = Number(values.docs ?? 20000), seed = Number(values.seed ?? 1);
    if (!Number.isInteger(docs) || docs < 100) throw new InputError('--docs phải là số nguyên ≥ 100.');
    const result = runDedupeBench({ docs, seed });
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    await writeLines([JSON.stringify({ ...result, peakRssMb, node: process.version }, null, 2)]);
  });
}
