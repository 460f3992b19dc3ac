/** The two shapes of the province: blocs first, then communes (current) or districts (legacy) take the rest. */
import { buildBlocs, currentBlocs, legacyBlocs } from './demo-blocs.js';
import type { Slot } from './demo-commune-slots.js';
import { buildCommune, type CommuneType } from './demo-communes.js';
import type { Enterprises } from './demo-enterprises.js';
import type { PlaceNames } from './demo-places.js';
import type { Budget, Builder, Node, UnitDef } from './demo-tree.js';
import { districtUnits } from './demo-units.js';

export function buildCurrent(b: Builder, total: number, places: PlaceNames, ent: Enterprises): void {
  // Blocs first (they may not use their whole share), communes take the rest.
  const { nodes: blocNodes, rest: budget } = buildBlocs(b, currentBlocs(ent), total);
  const communes: Node[] = [];
  for (let i = 0; !budget.empty; i++) {
    const type: CommuneType =
      i === 0 ? 'xa' : i === 1 ? 'mountain' : i === 2 ? 'phuong' : i === 6 ? 'dac_khu' : ((x) => (x < 0.25 ? 'phuong' : x < 0.5 ? 'mountain' : 'xa'))(b.rng.next());
    const [lo, hi] = type === 'phuong' ? [1300, 3600] : type === 'mountain' ? [400, 1400] : type === 'dac_khu' ? [500, 1200] : [900, 2600];
    const base = places.next(type === 'mountain' ? 'highland' : 'lowland');
    const prefix = type === 'phuong' ? 'P' : type === 'dac_khu' ? 'DK' : 'X';
    communes.push(buildCommune(b, {
      parent: b.root, kind: 'commune_committee', prefix, type, base, budget: budget.split(b.rng, lo, hi, 300),
      enterprises: ent, first: i === 0, legacy: false,
    }));
  }
  b.root.children = [...communes, ...blocNodes];
}

type DistrictType = 'thanh_pho' | 'thi_xa' | 'huyen' | 'huyen_mountain';

const DISTRICT_NAMING: Record<DistrictType, { word: string; committee: string; prefix: string }> = {
  thanh_pho: { word: 'thành phố', committee: 'Thành ủy', prefix: 'TP' },
  thi_xa: { word: 'thị xã', committee: 'Thị ủy', prefix: 'TX' },
  huyen: { word: 'huyện', committee: 'Huyện ủy', prefix: 'H' },
  huyen_mountain: { word: 'huyện', committee: 'Huyện ủy', prefix: 'H' },
};

interface DistrictCtx {
  b: Builder;
  node: Node;
  type: DistrictType;
  budget: Budget;
  places: PlaceNames;
  ent: Enterprises;
  first: boolean;
}

export function buildLegacy(b: Builder, total: number, places: PlaceNames, ent: Enterprises): void {
  const { nodes: blocNodes, rest: budget } = buildBlocs(b, legacyBlocs(ent), total);
  const districts: Node[] = [];
  for (let i = 0; !budget.empty; i++) {
    const type: DistrictType = i === 0 ? 'thanh_pho' : i === 1 ? 'huyen_mountain' : i === 3 ? 'thi_xa' : b.rng.chance(0.3) ? 'huyen_mountain' : 'huyen';
    const base = i === 0 ? 'Minh Sơn' : places.next(type === 'huyen_mountain' ? 'highland' : 'lowland');
    const { word, prefix } = DISTRICT_NAMING[type];
    // Small demo provinces still get several districts: district sizes shrink with the province.
    const f = Math.min(1, Math.max(0.2, total / 120_000));
    const [lo, hi] = (type === 'thanh_pho' ? [9000, 16000] : type === 'huyen_mountain' ? [3000, 7000] : [5000, 12000]).map((x) => Math.round(x * f));
    const node = b.node(b.root, 'district_committee', prefix, `Đảng bộ ${word} ${base}`);
    districts.push(node);
    fillDistrict({ b, node, type, budget: budget.split(b.rng, lo, hi, Math.round(1500 * f)), places, ent, first: i === 0 });
  }
  b.root.children = [...districts, ...blocNodes];
}

function fillDistrict(d: DistrictCtx): void {
  const { b, node, budget } = d;
  const { word, committee } = DISTRICT_NAMING[d.type];
  const urban = d.type === 'thanh_pho' || d.type === 'thi_xa';
  const highSchool = (): UnitDef => ({ unit: `Trường THPT ${d.places.next('lowland')}`, profile: 'school', size: [10, 40] });
  const units: Slot[] = districtUnits(word, committee, highSchool).map((def) => () => void b.unit(node, def(), budget, null));
  const commune = (k: number): Slot => () => addLegacyCommune(d, urban, k);
  // The committee's own agency first, then communes interleaved with the district's units.
  const order: Slot[] = [units[0], commune(0)];
  for (let k = 1; k < units.length; k++) order.push(commune(k), units[k]);
  for (const s of order) {
    if (budget.empty) break;
    s();
  }
  for (let k = units.length; !budget.empty; k++) {
    const x = b.rng.next();
    if (x < 0.8) commune(k)();
    else if (x < 0.86) b.unit(node, highSchool(), budget, null);
    else b.unit(node, d.ent.unit(urban && b.rng.chance(0.3) ? 'fdi' : 'enterprise', b.rng.chance(0.3)), budget, null);
  }
}

/** Before 2025 a commune was a grassroots org under its district. */
function addLegacyCommune(d: DistrictCtx, urban: boolean, k: number): void {
  const rng = d.b.rng;
  const type: CommuneType = urban ? (rng.chance(0.8) ? 'phuong' : 'xa') : d.type === 'huyen_mountain' ? (rng.chance(0.85) ? 'mountain' : 'xa') : 'xa';
  const base = d.places.next(type === 'mountain' ? 'highland' : 'lowland');
  const [lo, hi] = type === 'phuong' ? [250, 1000] : type === 'mountain' ? [80, 400] : [150, 900];
  buildCommune(d.b, {
    parent: d.node, kind: 'grassroots_committee', prefix: 'CS', type, base, budget: d.budget.split(rng, lo, hi, 60),
    enterprises: d.ent, first: d.first && k === 0, legacy: true,
  });
}
