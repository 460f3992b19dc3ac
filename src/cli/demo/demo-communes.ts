/** Communes: the current shape's rank-1 orgs, the legacy shape's grassroots orgs under a district. */
import { slotKit, UNIT_WORD, type CommuneCtx, type CommuneType, type Slot, type SlotKit } from './demo-commune-slots.js';
import type { Enterprises } from './demo-enterprises.js';
import { HAMLET_FIRST, HAMLET_SECOND, VILLAGE_NAMES } from './demo-places.js';
import type { Rng } from './demo-random.js';
import type { Budget, Builder, Node } from './demo-tree.js';

export type { CommuneType } from './demo-commune-slots.js';

export interface CommuneSpec {
  parent: Node;
  kind: 'commune_committee' | 'grassroots_committee';
  prefix: string;
  type: CommuneType;
  /** "Tân Hòa" */
  base: string;
  budget: Budget;
  enterprises: Enterprises;
  /** The province's first commune, which holds the demo accounts' branch. */
  first: boolean;
  legacy: boolean;
}

/** Adds a commune's committee under `parent` and fills it from `spec.budget`. */
export function buildCommune(b: Builder, spec: CommuneSpec): Node {
  const { type, base } = spec;
  const w = UNIT_WORD[type];
  const node = b.node(spec.parent, spec.kind, spec.prefix, `Đảng bộ ${w} ${base}`);
  fillCommune({
    b, node, type, base, place: `${w} ${base}`, budget: spec.budget, enterprises: spec.enterprises,
    first: spec.first, legacy: spec.legacy, villageNames: villageNamer(b.rng, type), counters: { retired: 0, school: 0 },
  });
  return node;
}

function fillCommune(c: CommuneCtx): void {
  for (const slot of communeSlots(c)) {
    if (c.budget.empty) break;
    slot();
  }
}

function villageNamer(rng: Rng, type: CommuneType): () => string {
  if (type === 'phuong') {
    const stem = rng.chance(0.5) ? 'Khu phố' : 'Tổ dân phố';
    let i = 0;
    return () => `Chi bộ ${stem} ${++i}`;
  }
  if (type === 'dac_khu') {
    let i = 0;
    return () => `Chi bộ Khu dân cư số ${++i}`;
  }
  if (type === 'mountain') {
    const names: string[] = [];
    for (const a of HAMLET_FIRST) for (const c of HAMLET_SECOND) names.push(`${a} ${c}`);
    rng.shuffle(names);
    let i = 0;
    return () => {
      const k = i++;
      return k < names.length ? `Chi bộ bản ${names[k]}` : `Chi bộ bản ${k + 1}`;
    };
  }
  if (rng.chance(0.4)) {
    let i = 0;
    return () => `Chi bộ thôn ${++i}`;
  }
  const names = rng.shuffle([...VILLAGE_NAMES]);
  let i = 0;
  return () => {
    const k = i++;
    return k < names.length ? `Chi bộ thôn ${names[k]}` : `Chi bộ thôn ${k - names.length + 1}`;
  };
}

function* communeSlots(c: CommuneCtx): Generator<Slot> {
  const k = slotKit(c);
  if (c.legacy) yield* legacySlots(c, k);
  else yield* currentSlots(c, k);
}

/** Before 2025 a commune was itself the grassroots org: everything in it is a branch. */
function* legacySlots(c: CommuneCtx, k: SlotKit): Generator<Slot> {
  yield k.firstVillage();
  yield k.partyAgency;
  yield k.village;
  yield k.school('Trường Tiểu học');
  yield k.village;
  yield k.armed;
  yield k.police;
  yield k.school('Trường THCS');
  if (c.type === 'phuong') yield k.retired();
  yield k.school('Trường Mầm non');
  for (;;) {
    const x = c.b.rng.next();
    if (c.type === 'phuong' && x < 0.12) yield k.retired();
    else if (x > 0.95) yield k.school();
    else yield k.village;
  }
}

function* currentSlots(c: CommuneCtx, k: SlotKit): Generator<Slot> {
  yield k.firstVillage();
  if (c.type !== 'mountain') yield k.enterprise('enterprise', true, c.first ? 15 : undefined);
  yield k.school('Trường THCS');
  yield k.village;
  yield k.partyAgency;
  yield k.school('Trường Tiểu học');
  yield k.village;
  yield k.government;
  if (c.type === 'phuong' || c.type === 'dac_khu') yield k.retired();
  yield k.health;
  yield k.school('Trường Mầm non');
  yield k.village;
  yield k.armed;
  if (c.type === 'phuong') yield k.school('Trường THPT');
  for (;;) yield moreCurrent(c, k, c.b.rng.next());
}

/** After the fixed start, a current commune grows by mostly villages, with some schools and enterprises. */
function moreCurrent(c: CommuneCtx, k: SlotKit, x: number): Slot {
  const rng = c.b.rng;
  if (c.type === 'mountain') {
    if (x < 0.06) return k.school();
    if (x < 0.09) return k.enterprise('enterprise', false);
    return k.village;
  }
  if (c.type === 'phuong' || c.type === 'dac_khu') {
    if (x < 0.14) return k.retired();
    if (x < 0.19) return k.school();
    if (x < 0.26) return k.enterprise(rng.chance(0.3) ? 'fdi' : 'enterprise', false);
    if (x < 0.29) return k.enterprise(rng.chance(0.3) ? 'fdi' : 'enterprise', true);
    return k.village;
  }
  if (x < 0.04) return k.retired();
  if (x < 0.1) return k.school();
  if (x < 0.16) return k.enterprise('enterprise', false);
  if (x < 0.18) return k.enterprise('enterprise', true);
  return k.village;
}
