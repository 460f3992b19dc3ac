/**
 * A pure, deterministic generator of an invented demo province ("Đảng bộ tỉnh Minh Sơn", tenant "MS").
 * No database, no I/O, no clock, no Math.random: the same options give deep-equal output.
 *
 * Every name is invented: members' names are random combinations of common family, middle and given
 * names; communes, villages and enterprises are built from generic syllables; real province names are
 * excluded.
 *
 * ## Levels and kinds (the choice made here)
 * Levels describe what KIND of organization an org is, not how deep it sits. Both shapes have five levels:
 *
 * | rank | current (since 1/7/2025)                        | legacy (before 2025)                   |
 * |------|--------------------------------------------------|----------------------------------------|
 * | 0    | `province` Tỉnh                                  | `province` Tỉnh                         |
 * | 1    | `upper_grassroots` Xã, phường và tương đương     | `district` Huyện và tương đương         |
 * | 2    | `grassroots` Cơ sở                               | `grassroots` Cơ sở                      |
 * | 3    | `sub_grassroots` Đảng bộ bộ phận                 | `sub_grassroots` Đảng bộ bộ phận        |
 * | 4    | `branch` Chi bộ                                  | `branch` Chi bộ                         |
 *
 * A level is fixed by the org's kind:
 * - `provincial_committee` → province;
 * - `commune_committee` (current), `district_committee` (legacy), `agency_bloc_committee`,
 *   `armed_forces_committee`, `police_committee` → rank 1;
 * - `grassroots_committee` (đảng bộ cơ sở) and `grassroots_branch` (chi bộ cơ sở) → grassroots;
 * - `sub_committee` (đảng bộ bộ phận) → sub_grassroots;
 * - `branch` (chi bộ trực thuộc) → branch.
 *
 * So depth varies per path and ranks may be skipped: a village branch hangs directly under the Đảng bộ xã
 * (rank 1 → rank 4, as chi bộ thôn/tổ dân phố do since 2025), an agency branch under a đảng bộ cơ sở
 * (2 → 4), a hospital ward's branch under a đảng bộ bộ phận (2 → 3 → 4). A chi bộ cơ sở
 * (`grassroots_branch`) has no children and holds members directly. Members belong only to leaves, and
 * every leaf is a `branch` or a `grassroots_branch` with at least one member.
 *
 * ## Keys and codes
 * An org's `key` equals its `code`, a dotted path: "MS", "MS.X01" (xã), "MS.P03" (phường), "MS.DK01"
 * (đặc khu), "MS.CQD", "MS.UBND", "MS.QS", "MS.CA" (legacy: "MS.H01" huyện, "MS.TX01" thị xã, "MS.TP01"
 * thành phố, "MS.KCQ", "MS.KDN"), then ".CS03" (grassroots), ".BP01" (đảng bộ bộ phận), ".CB02" (chi bộ).
 * Numbers are padded to the width their sibling group needs (at least two digits). Members' keys are
 * "m0000001", … in tree order.
 *
 * ## Size
 * Members are spread by budget: each org takes a sampled share of what its parent has left, each leaf
 * a sampled size (mostly 5–150), so the member count is exact and orgs scale with it (about 50 members per
 * leaf in the current shape: 20,000 members → ~485 orgs, 500,000 → ~10,400; the legacy shape has smaller
 * communes and ~35 per leaf: ~710 and ~16,000). Dates are relative to {@link DEMO_REFERENCE_DATE}.
 */
import { choosePlanOrgs } from './demo-accounts-plan.js';
import { Enterprises } from './demo-enterprises.js';
import { makeMembers } from './demo-members.js';
import { DEMO_TENANT, demoLevels, levelOfKind, type DemoOptions, type DemoOrg, type DemoProvince } from './demo-model.js';
import { PlaceNames } from './demo-places.js';
import { Rng } from './demo-random.js';
import { buildCurrent, buildLegacy } from './demo-shapes.js';
import { Builder, finalize } from './demo-tree.js';

export { demoAccountsPlan } from './demo-accounts-plan.js';
export {
  DEMO_MEMBER_HOLDING_KINDS,
  DEMO_ORG_KINDS,
  DEMO_REFERENCE_DATE,
  DEMO_TENANT,
  demoLevels,
  type DemoAccountsPlan,
  type DemoLevel,
  type DemoMember,
  type DemoOptions,
  type DemoOrg,
  type DemoOrgKind,
  type DemoProvince,
  type DemoShape,
} from './demo-model.js';

export function generateDemoProvince(opts: DemoOptions): DemoProvince {
  const { members: total, seed, shape } = opts;
  if (!Number.isSafeInteger(total) || total < 1) throw new RangeError(`members must be a positive integer, got ${total}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (shape !== 'current' && shape !== 'legacy') throw new RangeError(`unknown shape ${String(shape)}`);

  const rng = new Rng(seed);
  const b = new Builder(rng);
  const places = new PlaceNames(rng);
  const ent = new Enterprises(rng, new PlaceNames(rng));
  if (shape === 'current') buildCurrent(b, total, places, ent);
  else buildLegacy(b, total, places, ent);

  const nodes = finalize(b.root);
  const orgs: DemoOrg[] = nodes.map((n) => ({
    key: n.code,
    parentKey: n.parent ? n.parent.code : null,
    levelCode: levelOfKind(n.kind, shape),
    kind: n.kind,
    name: n.name,
    code: n.code,
  }));
  const leaves = nodes.filter((n) => n.leaf !== null);
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const plan = choosePlanOrgs(orgs, (k) => byCode.get(k)?.size ?? 0);
  const planBranch = byCode.get(plan.branchKey) ?? null;
  const members = makeMembers(rng, leaves, planBranch && planBranch.leaf && planBranch.size >= 2 ? planBranch : null);

  return { tenant: { ...DEMO_TENANT }, levels: demoLevels(shape), orgs, members };
}
