/**
 * A corpus of independent essays with planted copies (every re-typing, alone and combined), its
 * ground truth, and precision/recall of a list of flagged pairs against it.
 */
import { foldAccents } from '../fold.js';
import { encodeTcvn3, encodeVni } from '../legacy.js';
import { generateEssay, retype, Rng, type Essay, type Retyping } from './essays.js';

export type Plant = Retyping | Retyping[];

export const DEFAULT_PLANTS: Plant[] = [
  'accentless', 'nfd', 'tcvn3', 'vni', 'changed', 'shuffled', 'partial',
  ['shuffled', 'tcvn3'], ['changed', 'vni'], ['partial', 'accentless'], ['changed', 'nfd'], ['shuffled', 'changed', 'accentless'],
];

export interface PlantedCorpus {
  docs: { id: string; text: string }[];
  /** Family of each document: copies share their original's family; independent essays have their own. */
  family: Map<string, string>;
  /** [original id, copy id, how it was made] */
  planted: [string, string, string][];
}

const ENCODINGS: Partial<Record<Retyping, (s: string) => string>> = {
  accentless: foldAccents, nfd: (s) => s.normalize('NFD'), tcvn3: encodeTcvn3, vni: encodeVni,
};

/** A copy of `essay` made as `plant` says (the structural change first, then the re-encoding). */
export function makeCopy(essay: Essay, plant: Plant, rng: Rng): string {
  const steps = Array.isArray(plant) ? plant : [plant];
  const structural = steps.find((s) => !ENCODINGS[s]);
  let text = structural ? retype(essay, structural, rng) : essay.text;
  for (const step of steps) text = ENCODINGS[step]?.(text) ?? text;
  return text;
}

export interface PlantedOptions {
  families: number;
  independent: number;
  seed: number;
  plants?: Plant[];
}

export function plantedCorpus(options: PlantedOptions): PlantedCorpus {
  const rng = new Rng(options.seed);
  const plants = options.plants ?? DEFAULT_PLANTS;
  const docs: { id: string; text: string }[] = [];
  const family = new Map<string, string>();
  const planted: [string, string, string][] = [];
  for (let f = 0; f < options.families; f++) {
    const essay = generateEssay(options.seed * 7919 + f);
    const original = `o${f}`;
    docs.push({ id: original, text: essay.text });
    family.set(original, original);
    plants.forEach((plant, i) => {
      const id = `o${f}-c${i}`;
      docs.push({ id, text: makeCopy(essay, plant, rng) });
      family.set(id, original);
      planted.push([original, id, Array.isArray(plant) ? plant.join('+') : plant]);
    });
  }
  for (let i = 0; i < options.independent; i++) {
    const id = `e${i}`;
    docs.push({ id, text: generateEssay(options.seed * 104729 + 1_000_003 + i).text });
    family.set(id, id);
  }
  return { docs: rng.shuffle(docs), family, planted };
}

export interface PlantedScore {
  flagged: number;
  truePositives: number;
  falsePositives: [string, string, number][];
  recall: number;
  precision: number;
  missed: [string, string, string][];
}

/**
 * Recall over the planted (original, copy) pairs; precision over all flagged pairs, counting a pair
 * inside one family (two copies of the same original) as correct and any other as false.
 */
export function scorePlanted(corpus: PlantedCorpus, pairs: { a: string | number; b: string | number; score: number }[]): PlantedScore {
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const flagged = new Set(pairs.map((p) => key(String(p.a), String(p.b))));
  const missed = corpus.planted.filter(([o, c]) => !flagged.has(key(o, c)));
  const falsePositives = pairs.filter((p) => corpus.family.get(String(p.a)) !== corpus.family.get(String(p.b)))
    .map((p): [string, string, number] => [String(p.a), String(p.b), p.score]);
  const truePositives = pairs.length - falsePositives.length;
  return {
    flagged: pairs.length, truePositives, falsePositives, missed,
    recall: corpus.planted.length === 0 ? 1 : 1 - missed.length / corpus.planted.length,
    precision: pairs.length === 0 ? 1 : truePositives / pairs.length,
  };
}
