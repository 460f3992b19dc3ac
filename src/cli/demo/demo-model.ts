/** The demo province's public types, constants and levels (see demo-generate.ts for the model). */
import type { MemberAttributes } from '../../modules/members/members.fields.js';

export interface DemoLevel {
  code: string;
  name: string;
  rank: number; // 0 = province
}

export interface DemoOrg {
  key: string;
  parentKey: string | null;
  levelCode: string;
  kind: string;
  name: string;
  code: string;
}

export interface DemoMember extends MemberAttributes {
  key: string;
  branchKey: string;
}

export interface DemoProvince {
  tenant: { code: string; name: string };
  levels: DemoLevel[];
  orgs: DemoOrg[];
  members: DemoMember[];
}

export type DemoShape = 'current' | 'legacy';

export interface DemoOptions {
  members: number;
  seed: number;
  shape: DemoShape;
}

export interface DemoAccountsPlan {
  provinceKey: string;
  /** A rank-1 org (xã/phường or huyện and equivalent) with several grassroots orgs. */
  districtLikeKey: string;
  /** A grassroots org under `districtLikeKey` (the one holding `branchKey` when there is one). */
  grassrootsKey: string;
  /** A chi bộ (kind 'branch') under `districtLikeKey`, normally with at least 10 members. */
  branchKey: string;
  /** An ordinary member of `branchKey`, named "Nguyễn Văn An" when the generator put one there. */
  memberKey: string;
}

export const DEMO_TENANT = { code: 'MS', name: 'Đảng bộ tỉnh Minh Sơn' } as const;

/** "Today" for the generated data: ages, probationary periods (admitted within a year of it). */
export const DEMO_REFERENCE_DATE = '2026-06-30';

export const DEMO_ORG_KINDS = [
  'provincial_committee',
  'district_committee',
  'commune_committee',
  'agency_bloc_committee',
  'armed_forces_committee',
  'police_committee',
  'grassroots_committee',
  'grassroots_branch',
  'sub_committee',
  'branch',
] as const;
export type DemoOrgKind = (typeof DEMO_ORG_KINDS)[number];

/** Kinds whose orgs hold members (always leaves). */
export const DEMO_MEMBER_HOLDING_KINDS: readonly DemoOrgKind[] = ['branch', 'grassroots_branch'];

/** The shapes differ only in rank 1: xã/phường since 2025, huyện before. */
function rankOneLevel(shape: DemoShape): DemoLevel {
  return shape === 'current'
    ? { code: 'upper_grassroots', name: 'Xã, phường và tương đương', rank: 1 }
    : { code: 'district', name: 'Huyện và tương đương', rank: 1 };
}

export function demoLevels(shape: DemoShape): DemoLevel[] {
  return [
    { code: 'province', name: 'Tỉnh', rank: 0 },
    rankOneLevel(shape),
    { code: 'grassroots', name: 'Cơ sở', rank: 2 },
    { code: 'sub_grassroots', name: 'Đảng bộ bộ phận', rank: 3 },
    { code: 'branch', name: 'Chi bộ', rank: 4 },
  ];
}

export function levelOfKind(kind: DemoOrgKind, shape: DemoShape): string {
  switch (kind) {
    case 'provincial_committee':
      return 'province';
    case 'district_committee':
    case 'commune_committee':
    case 'agency_bloc_committee':
    case 'armed_forces_committee':
    case 'police_committee':
      return rankOneLevel(shape).code;
    case 'grassroots_committee':
    case 'grassroots_branch':
      return 'grassroots';
    case 'sub_committee':
      return 'sub_grassroots';
    case 'branch':
      return 'branch';
  }
}

