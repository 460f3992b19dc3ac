/** Which orgs and member the demo accounts get. */
import type { DemoAccountsPlan, DemoMember, DemoOrg, DemoProvince } from './demo-model.js';
import { SPECIAL_NAME } from './demo-names.js';

interface PlanOrgs {
  provinceKey: string;
  districtLikeKey: string;
  grassrootsKey: string;
  branchKey: string;
}

/** The org tree as a parent → children index, with branch sizes. */
class PlanTree {
  readonly root: DemoOrg;
  private readonly children = new Map<string, DemoOrg[]>();
  constructor(orgs: readonly DemoOrg[], private readonly sizeOf: (key: string) => number) {
    let root: DemoOrg | undefined;
    for (const o of orgs) {
      if (o.parentKey === null) root = o;
      else {
        let list = this.children.get(o.parentKey);
        if (!list) this.children.set(o.parentKey, (list = []));
        list.push(o);
      }
    }
    if (!root) throw new Error('demo province has no root org');
    this.root = root;
  }
  kids(key: string): DemoOrg[] {
    return this.children.get(key) ?? [];
  }
  /** The first chi bộ below `from` (depth first) with at least `min` members. */
  firstBranch(from: DemoOrg, min: number): DemoOrg | null {
    for (const c of this.kids(from.key)) {
      if (c.kind === 'branch' && this.sizeOf(c.key) >= min) return c;
      const deeper = this.firstBranch(c, min);
      if (deeper) return deeper;
    }
    return null;
  }
}

/** Picks the orgs for the demo accounts; shared by the generator (before members exist) and the plan. */
export function choosePlanOrgs(orgs: readonly DemoOrg[], sizeOf: (key: string) => number): PlanOrgs {
  const tree = new PlanTree(orgs, sizeOf);
  for (const minGrassroots of [2, 1]) {
    for (const minSize of [10, 1]) {
      const found = planUnderRankOne(tree, minGrassroots, minSize);
      if (found) return found;
    }
  }
  // Tiny provinces: whatever exists.
  const root = tree.root;
  const d = tree.kids(root.key)[0] ?? root;
  const leaf = orgs.find((o) => o.kind === 'branch') ?? orgs.find((o) => o.kind === 'grassroots_branch') ?? root;
  const g = orgs.find((o) => o.levelCode === 'grassroots') ?? leaf;
  return { provinceKey: root.key, districtLikeKey: d.key, grassrootsKey: g.key, branchKey: leaf.key };
}

/**
 * The first rank-1 org with `minGrassroots` grassroots orgs, one of which holds a branch of `minSize`;
 * failing that, the first whose branch of `minSize` sits elsewhere under it.
 */
function planUnderRankOne(tree: PlanTree, minGrassroots: number, minSize: number): PlanOrgs | null {
  const plan = (d: DemoOrg, g: DemoOrg, br: DemoOrg): PlanOrgs =>
    ({ provinceKey: tree.root.key, districtLikeKey: d.key, grassrootsKey: g.key, branchKey: br.key });
  let fallback: PlanOrgs | null = null;
  for (const d of tree.kids(tree.root.key)) {
    const grassroots = tree.kids(d.key).filter((c) => c.levelCode === 'grassroots');
    if (grassroots.length < minGrassroots) continue;
    for (const g of grassroots) {
      const br = tree.firstBranch(g, minSize);
      if (br) return plan(d, g, br);
    }
    const br = tree.firstBranch(d, minSize);
    if (br && grassroots.length > 0) fallback ??= plan(d, grassroots[0], br);
  }
  return fallback;
}

export function demoAccountsPlan(p: DemoProvince): DemoAccountsPlan {
  const counts = new Map<string, number>();
  for (const m of p.members) counts.set(m.branchKey, (counts.get(m.branchKey) ?? 0) + 1);
  const orgs = choosePlanOrgs(p.orgs, (k) => counts.get(k) ?? 0);
  const inBranch = p.members.filter((m) => m.branchKey === orgs.branchKey);
  const ordinary = (m: DemoMember) => m.partyPosition === 'Đảng viên' && !m.isCommitteeMember && !m.isExempt;
  const member =
    inBranch.find((m) => m.fullName === SPECIAL_NAME && ordinary(m)) ??
    inBranch.find(ordinary) ??
    inBranch[0] ??
    p.members[0];
  if (!member) throw new Error('demo province has no members');
  return { ...orgs, memberKey: member.key };
}
