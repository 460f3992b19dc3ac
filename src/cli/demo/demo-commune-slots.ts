/** The pieces a commune is filled with: villages, retirees', agencies' and units' branches ("slots"). */
import type { Enterprises } from './demo-enterprises.js';
import type { Profile } from './demo-profiles.js';
import type { Builder, Budget, Node, Range, UnitDef } from './demo-tree.js';

export type CommuneType = 'xa' | 'phuong' | 'mountain' | 'dac_khu';

export interface CommuneCtx {
  b: Builder;
  node: Node;
  type: CommuneType;
  /** "Tân Hòa" */
  base: string;
  /** "xã Tân Hòa" */
  place: string;
  budget: Budget;
  enterprises: Enterprises;
  first: boolean;
  legacy: boolean;
  villageNames: () => string;
  counters: { retired: number; school: number };
}

export const UNIT_WORD: Record<CommuneType, string> = { xa: 'xã', phuong: 'phường', mountain: 'xã', dac_khu: 'đặc khu' };

/** Builds one piece of the commune when called. */
export type Slot = () => void;

const SCHOOLS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS', 'Trường THPT'] as const;

function schoolName(c: CommuneCtx, prefer?: (typeof SCHOOLS)[number]): string {
  const i = c.counters.school++;
  const kind = prefer ?? SCHOOLS[i % (c.type === 'phuong' ? 4 : 3)];
  const nth = i >= 3 ? ` số ${Math.floor(i / 3) + 1}` : '';
  const named = c.type === 'mountain' && kind !== 'Trường Mầm non' ? `Trường Phổ thông dân tộc bán trú ${kind.slice('Trường '.length)}` : kind;
  return `${named} ${c.base}${nth}`;
}

/** A branch directly under the commune (current) or commune committee (legacy). */
function addBranch(c: CommuneCtx, name: string, profile: Profile, size: number, mountain = c.type === 'mountain'): void {
  c.b.leaf(c.node, 'branch', name, { profile, place: c.place, mountain }, size);
}

/** One village / residential branch directly under the commune (current) or commune committee (legacy). */
function villageSlot(c: CommuneCtx, min?: number): Slot {
  return () => {
    const profile: Profile = c.type === 'phuong' || c.type === 'dac_khu' ? 'residential' : c.type === 'mountain' ? 'hamlet' : 'village';
    const [lo, hi] = c.legacy
      ? profile === 'hamlet' ? [10, 50] : [25, 95]
      : profile === 'hamlet' ? [15, 70] : profile === 'residential' ? [45, 140] : [40, 130];
    const size = c.budget.take(c.b.rng, Math.max(lo, min ?? 0), Math.max(hi, min ?? 0));
    addBranch(c, c.villageNames(), profile, size);
  };
}

function retiredSlot(c: CommuneCtx): Slot {
  return () => {
    const big = c.type === 'phuong' || c.type === 'dac_khu';
    const size = c.budget.take(c.b.rng, big ? 70 : 25, big ? 145 : 80);
    addBranch(c, `Chi bộ Hưu trí số ${++c.counters.retired}`, 'retired', size, false);
  };
}

/** A branch of the commune's own agencies: directly under the commune. */
function agencySlot(c: CommuneCtx, name: string, profile: Profile, size: Range): Slot {
  return () => addBranch(c, name, profile, c.budget.take(c.b.rng, size[0], size[1]));
}

/**
 * A school, health station or enterprise. Current shape: a grassroots org (chi bộ cơ sở or đảng bộ cơ sở)
 * under the commune. Legacy: a branch under the commune committee (schools), or nothing else.
 */
function unitSlot(c: CommuneCtx, def: () => UnitDef): Slot {
  return () => {
    const d = def();
    const mountain = c.type === 'mountain';
    if (c.legacy && !d.branches && !d.subs) c.b.soleBranch(c.node, 'branch', d, { profile: d.profile, place: c.place, mountain }, c.budget);
    else c.b.unit(c.node, d, c.budget, c.place, mountain);
  };
}

/** The kinds of slot a commune is made of, bound to one commune. */
export interface SlotKit {
  village: Slot;
  /** The first village branch, big enough for the demo accounts in the first commune. */
  firstVillage: () => Slot;
  retired: () => Slot;
  school: (prefer?: (typeof SCHOOLS)[number]) => Slot;
  health: Slot;
  enterprise: (kind: 'enterprise' | 'fdi', committee: boolean, firstMin?: number) => Slot;
  partyAgency: Slot;
  government: Slot;
  armed: Slot;
  police: Slot;
}

export function slotKit(c: CommuneCtx): SlotKit {
  const w = UNIT_WORD[c.type];
  return {
    village: villageSlot(c),
    firstVillage: () => villageSlot(c, c.first ? 20 : undefined),
    retired: () => retiredSlot(c),
    school: (prefer) => unitSlot(c, () => ({ unit: schoolName(c, prefer), profile: 'school', size: [10, 45] })),
    health: unitSlot(c, () => ({ unit: `Trạm Y tế ${w} ${c.base}`, profile: 'health', size: [6, 25] })),
    enterprise: (kind, committee, firstMin) => unitSlot(c, () => c.enterprises.unit(kind, committee, c.base, firstMin)),
    partyAgency: agencySlot(c, c.legacy ? `Chi bộ Cơ quan Đảng ủy – Mặt trận ${w}` : `Chi bộ Cơ quan Đảng – Đoàn thể ${w}`, 'commune_agency', [15, 40]),
    government: agencySlot(c, `Chi bộ Ủy ban nhân dân ${w}`, 'commune_agency', [15, 40]),
    armed: agencySlot(c, `Chi bộ Quân sự ${w}`, 'commune_armed', [5, 15]),
    police: agencySlot(c, `Chi bộ Công an ${w}`, 'commune_armed', [5, 15]),
  };
}
