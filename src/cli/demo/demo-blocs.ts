/** Provincial blocs (party and state agencies, enterprises, armed forces, police): each takes a share of the members. */
import type { Enterprises } from './demo-enterprises.js';
import type { DemoOrgKind } from './demo-model.js';
import { Budget, type Builder, type Node, type UnitDef } from './demo-tree.js';
import { defenceZone, GOVERNMENT_UNITS, MILITARY_UNITS, PARTY_AGENCY_UNITS, POLICE_UNITS } from './demo-units.js';

interface Bloc {
  prefix: string;
  name: string;
  kind: DemoOrgKind;
  share: number;
  cap: number;
  units: UnitDef[];
  more: ((i: number) => UnitDef) | null;
}

export function currentBlocs(ent: Enterprises): Bloc[] {
  return [
    { prefix: 'CQD', name: 'Đảng bộ các cơ quan Đảng tỉnh', kind: 'agency_bloc_committee', share: 0.03, cap: 6000, units: PARTY_AGENCY_UNITS, more: null },
    { prefix: 'UBND', name: 'Đảng bộ Ủy ban nhân dân tỉnh', kind: 'agency_bloc_committee', share: 0.08, cap: 30000, units: GOVERNMENT_UNITS, more: (i) => ent.unit(i % 4 === 3 ? 'fdi' : 'enterprise', i % 3 === 0) },
    { prefix: 'QS', name: 'Đảng bộ Quân sự tỉnh', kind: 'armed_forces_committee', share: 0.025, cap: 8000, units: MILITARY_UNITS, more: defenceZone },
    { prefix: 'CA', name: 'Đảng bộ Công an tỉnh', kind: 'police_committee', share: 0.03, cap: 10000, units: POLICE_UNITS, more: null },
  ];
}

export function legacyBlocs(ent: Enterprises): Bloc[] {
  return [
    { prefix: 'KCQ', name: 'Đảng bộ Khối các cơ quan tỉnh', kind: 'agency_bloc_committee', share: 0.12, cap: 15000, units: [...PARTY_AGENCY_UNITS, ...GOVERNMENT_UNITS.filter((u) => u.profile !== 'state_enterprise')], more: null },
    { prefix: 'KDN', name: 'Đảng bộ Khối Doanh nghiệp tỉnh', kind: 'agency_bloc_committee', share: 0.06, cap: 15000, units: GOVERNMENT_UNITS.filter((u) => u.profile === 'state_enterprise'), more: (i) => ent.unit(i % 4 === 3 ? 'fdi' : 'enterprise', i % 3 !== 1) },
    { prefix: 'QS', name: 'Đảng bộ Quân sự tỉnh', kind: 'armed_forces_committee', share: 0.03, cap: 6000, units: MILITARY_UNITS, more: defenceZone },
    { prefix: 'CA', name: 'Đảng bộ Công an tỉnh', kind: 'police_committee', share: 0.04, cap: 8000, units: POLICE_UNITS, more: null },
  ];
}

/** Builds a bloc with a share of the members; returns how many members it took. */
function buildBloc(b: Builder, bloc: Bloc, total: number): { node: Node | null; used: number } {
  const want = Math.min(Math.round(total * bloc.share), bloc.cap);
  if (want <= 0) return { node: null, used: 0 };
  const budget = new Budget(want);
  const node = b.node(b.root, bloc.kind, bloc.prefix, bloc.name, false);
  for (const def of bloc.units) {
    if (budget.empty) break;
    b.unit(node, def, budget, null);
  }
  for (let i = 0; bloc.more && !budget.empty; i++) b.unit(node, bloc.more(i), budget, null);
  return { node, used: want - budget.rem };
}

/** Builds the blocs in order (they may not use their whole share); returns their nodes and what is left. */
export function buildBlocs(b: Builder, blocs: readonly Bloc[], total: number): { nodes: Node[]; rest: Budget } {
  let used = 0;
  const nodes: Node[] = [];
  for (const bloc of blocs) {
    const r = buildBloc(b, bloc, total);
    if (r.node) nodes.push(r.node);
    used += r.used;
  }
  return { nodes, rest: new Budget(total - used) };
}
