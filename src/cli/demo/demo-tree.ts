/** The org tree under construction: nodes, member budgets, grassroots units and branches, final codes. */
import { DEMO_TENANT, type DemoOrgKind } from './demo-model.js';
import type { Profile } from './demo-profiles.js';
import type { Rng } from './demo-random.js';

export interface LeafInfo {
  profile: Profile;
  /** "xã Tân Hòa", the home town most of its members have; null for provincial units. */
  place: string | null;
  mountain: boolean;
}

export interface Node {
  name: string;
  kind: DemoOrgKind;
  prefix: string;
  seq: number;
  parent: Node | null;
  children: Node[];
  counters: Map<string, number> | null;
  size: number;
  leaf: LeafInfo | null;
  code: string;
  /** False for one-of-a-kind orgs whose code is the bare prefix ("MS.CA"). */
  numbered: boolean;
}

const MIN_LEAF = 5;

/** What is left to hand out to a subtree. */
export class Budget {
  constructor(public rem: number) {}
  get empty(): boolean {
    return this.rem <= 0;
  }
  /** Takes a share sampled in [lo, hi] (or all that is left); a leftover under `minRest` joins the share. */
  take(rng: Rng, lo: number, hi: number, minRest = MIN_LEAF): number {
    if (this.rem <= 0) return 0;
    let t = Math.min(rng.int(lo, hi), this.rem);
    this.rem -= t;
    if (this.rem > 0 && this.rem < minRest) {
      t += this.rem;
      this.rem = 0;
    }
    return t;
  }
  /** A sub-budget of a sampled share. */
  split(rng: Rng, lo: number, hi: number, minRest: number): Budget {
    return new Budget(this.take(rng, lo, hi, minRest));
  }
}

export type Range = readonly [number, number];

/** A group of branches (chi bộ trực thuộc) under one parent. */
export interface BranchGroup {
  names: (i: number) => string;
  count: Range;
  size: Range;
  /** Smallest size of the first branch (to make sure some branch is big enough). */
  firstMin?: number;
  profile?: Profile;
}

/** A grassroots unit: a chi bộ cơ sở when it has no branches, else a đảng bộ cơ sở. */
export interface UnitDef {
  /** The unit's own name without "Đảng bộ"/"Chi bộ", e.g. "Sở Tài chính". */
  unit: string;
  profile: Profile;
  /** Members of a chi bộ cơ sở. */
  size?: Range;
  subs?: { unit: string; branches: BranchGroup }[];
  branches?: BranchGroup;
}

export class Builder {
  readonly root: Node;
  constructor(readonly rng: Rng) {
    this.root = this.node(null, 'provincial_committee', '', DEMO_TENANT.name);
  }

  node(parent: Node | null, kind: DemoOrgKind, prefix: string, name: string, numbered = true): Node {
    let seq = 0;
    if (parent) {
      parent.counters ??= new Map();
      seq = (parent.counters.get(prefix) ?? 0) + 1;
      parent.counters.set(prefix, seq);
    }
    const n: Node = { name, kind, prefix, seq, parent, children: [], counters: null, size: 0, leaf: null, code: '', numbered };
    parent?.children.push(n);
    return n;
  }

  leaf(parent: Node, kind: 'branch' | 'grassroots_branch', name: string, info: LeafInfo, size: number): Node {
    const n = this.node(parent, kind, kind === 'branch' ? 'CB' : 'CS', name);
    n.leaf = info;
    n.size = size;
    return n;
  }

  branches(parent: Node, g: BranchGroup, info: LeafInfo, budget: Budget): void {
    const count = this.rng.int(g.count[0], g.count[1]);
    const leafInfo = g.profile ? { ...info, profile: g.profile } : info;
    for (let i = 0; i < count && !budget.empty; i++) {
      const lo = i === 0 && g.firstMin ? Math.max(g.firstMin, g.size[0]) : g.size[0];
      this.leaf(parent, 'branch', g.names(i), leafInfo, budget.take(this.rng, lo, Math.max(lo, g.size[1])));
    }
  }

  /** A unit without branches as one leaf: a chi bộ cơ sở, or (legacy communes) a chi bộ of the commune. */
  soleBranch(parent: Node, kind: 'branch' | 'grassroots_branch', def: UnitDef, info: LeafInfo, budget: Budget): Node {
    const [lo, hi] = def.size ?? [8, 30];
    return this.leaf(parent, kind, `Chi bộ ${def.unit}`, info, budget.take(this.rng, lo, hi));
  }

  /** Builds a grassroots unit under `parent`, if the budget is not empty. */
  unit(parent: Node, def: UnitDef, budget: Budget, place: string | null, mountain = false): Node | null {
    if (budget.empty) return null;
    const info: LeafInfo = { profile: def.profile, place, mountain };
    if (!def.subs && !def.branches) return this.soleBranch(parent, 'grassroots_branch', def, info, budget);
    const g = this.node(parent, 'grassroots_committee', 'CS', `Đảng bộ ${def.unit}`);
    for (const s of def.subs ?? []) {
      if (budget.empty) break;
      const sub = this.node(g, 'sub_committee', 'BP', `Đảng bộ bộ phận ${s.unit}`);
      this.branches(sub, s.branches, info, budget);
    }
    if (def.branches && !budget.empty) this.branches(g, def.branches, info, budget);
    return g;
  }
}

export const numbered = (stem: string, from = 1) => (i: number) => `${stem} ${i + from}`;
export const listed = (names: readonly string[], more: string) => (i: number) =>
  i < names.length ? names[i] : `${more} ${i - names.length + 2}`;

export function finalize(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (n.parent && !n.numbered) {
      n.code = `${n.parent.code}.${n.prefix}`;
    } else if (n.parent) {
      const siblings = n.parent.counters?.get(n.prefix) ?? n.seq;
      const width = Math.max(2, String(siblings).length);
      n.code = `${n.parent.code}.${n.prefix}${String(n.seq).padStart(width, '0')}`;
    } else {
      n.code = DEMO_TENANT.code;
    }
    out.push(n);
    for (const c of n.children) walk(c);
  };
  walk(root);
  return out;
}
