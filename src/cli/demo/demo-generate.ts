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
import type { Gender, MemberAttributes, MemberStatus, TheoryLevel, WorkplaceKind } from '../../modules/members/members.fields.js';

// ---------------------------------------------------------------------------------------------------------
// Public API

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

const CURRENT_LEVELS: readonly DemoLevel[] = [
  { code: 'province', name: 'Tỉnh', rank: 0 },
  { code: 'upper_grassroots', name: 'Xã, phường và tương đương', rank: 1 },
  { code: 'grassroots', name: 'Cơ sở', rank: 2 },
  { code: 'sub_grassroots', name: 'Đảng bộ bộ phận', rank: 3 },
  { code: 'branch', name: 'Chi bộ', rank: 4 },
];

const LEGACY_LEVELS: readonly DemoLevel[] = [
  { code: 'province', name: 'Tỉnh', rank: 0 },
  { code: 'district', name: 'Huyện và tương đương', rank: 1 },
  { code: 'grassroots', name: 'Cơ sở', rank: 2 },
  { code: 'sub_grassroots', name: 'Đảng bộ bộ phận', rank: 3 },
  { code: 'branch', name: 'Chi bộ', rank: 4 },
];

export function demoLevels(shape: DemoShape): DemoLevel[] {
  return (shape === 'current' ? CURRENT_LEVELS : LEGACY_LEVELS).map((l) => ({ ...l }));
}

function levelOfKind(kind: DemoOrgKind, shape: DemoShape): string {
  switch (kind) {
    case 'provincial_committee':
      return 'province';
    case 'district_committee':
    case 'commune_committee':
    case 'agency_bloc_committee':
    case 'armed_forces_committee':
    case 'police_committee':
      return shape === 'current' ? 'upper_grassroots' : 'district';
    case 'grassroots_committee':
    case 'grassroots_branch':
      return 'grassroots';
    case 'sub_committee':
      return 'sub_grassroots';
    case 'branch':
      return 'branch';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: tiny, fast, good enough for demo data. */
class Rng {
  private a: number;
  constructor(seed: number) {
    // Mix all the bits of an integer seed (beyond 32 bits too) into the 32-bit state.
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    this.a = (lo ^ Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b)) >>> 0;
    for (let i = 0; i < 4; i++) this.next();
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** Integer in [lo, hi], skewed towards lo when skew > 1. */
  skewed(lo: number, hi: number, skew: number): number {
    return lo + Math.floor(Math.pow(this.next(), skew) * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }
}

/** A weighted choice, prepared once. */
class Picker<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;
  constructor(table: ReadonlyArray<readonly [T, number]>) {
    this.items = table.map((e) => e[0]);
    let sum = 0;
    this.cumulative = table.map((e) => (sum += e[1]));
    this.total = sum;
  }
  pick(rng: Rng): T {
    return this.items[this.pickIndex(rng)];
  }
  pickIndex(rng: Rng): number {
    const x = rng.next() * this.total;
    const c = this.cumulative;
    for (let i = 0; i < c.length; i++) if (x < c[i]) return i;
    return c.length - 1;
  }
  item(i: number): T {
    return this.items[i];
  }
}

const uniform = <T>(items: readonly T[]): Picker<T> => new Picker(items.map((x) => [x, 1] as const));

// ---------------------------------------------------------------------------------------------------------
// Dates (proleptic Gregorian day numbers, 0 = 1970-01-01)

function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
const isoOf = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;

const REF_Y = 2026;
const REF_DAY = daysFromCivil(2026, 6, 30);
const MIN_BIRTH_YEAR = 1940;
const MAX_BIRTH_YEAR = 2004;
const MIN_AGE = REF_Y - MAX_BIRTH_YEAR; // 22
const MAX_AGE = REF_Y - MIN_BIRTH_YEAR; // 86

/** Interned ISO strings: all dates fall between 1940 and the reference date (~31,000 days). */
class DateStrings {
  private static readonly BASE = daysFromCivil(MIN_BIRTH_YEAR, 1, 1);
  private readonly iso: (string | undefined)[] = [];
  private readonly plusYear: (string | undefined)[] = [];
  day(z: number): string {
    const i = z - DateStrings.BASE;
    let s = this.iso[i];
    if (s === undefined) {
      const [y, m, d] = civilFromDays(z);
      s = this.iso[i] = isoOf(y, m, d);
    }
    return s;
  }
  /** The same calendar day one year later (29/2 → 28/2). */
  dayPlusYear(z: number): string {
    const i = z - DateStrings.BASE;
    let s = this.plusYear[i];
    if (s === undefined) {
      const [y, m, d] = civilFromDays(z);
      s = this.plusYear[i] = isoOf(y + 1, m, m === 2 && d === 29 ? 28 : d);
    }
    return s;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Place names (invented from generic syllables)

const REAL_PROVINCE_AND_CITY_NAMES = new Set([
  'An Giang', 'Bà Rịa', 'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh', 'Bến Tre', 'Bình Định', 'Bình Dương',
  'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cần Thơ', 'Cao Bằng', 'Đà Nẵng', 'Đắk Lắk', 'Đắk Nông', 'Điện Biên',
  'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Nội', 'Hà Tĩnh', 'Hải Dương', 'Hải Phòng',
  'Hậu Giang', 'Hòa Bình', 'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lâm Đồng', 'Lạng Sơn',
  'Lào Cai', 'Long An', 'Nam Định', 'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình',
  'Quảng Nam', 'Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình',
  'Thái Nguyên', 'Thanh Hóa', 'Thừa Thiên', 'Tiền Giang', 'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc',
  'Yên Bái', 'Vũng Tàu', 'Hạ Long', 'Nha Trang', 'Đà Lạt', 'Biên Hòa', 'Thủ Đức', 'Vĩnh Yên', 'Sa Pa',
  'Minh Sơn', 'Lam Giang', 'Vân Châu', 'Hải Trung', 'Bình Nguyên',
]);

const LOWLAND_FIRST = [
  'Tân', 'Đông', 'Tây', 'Nam', 'Bắc', 'Bình', 'Hòa', 'An', 'Phú', 'Vĩnh', 'Thạnh', 'Hưng', 'Long', 'Xuân',
  'Thanh', 'Minh', 'Quảng', 'Hải', 'Sơn', 'Trung', 'Thượng', 'Hạ', 'Phước', 'Mỹ', 'Đức', 'Yên', 'Kim', 'Ngọc',
  'Cẩm', 'Lạc', 'Thiện', 'Tiên', 'Hồng', 'Quang', 'Đại', 'Gia', 'Thuận', 'Phong', 'Vân', 'Nghĩa',
] as const;
const LOWLAND_SECOND = [
  'Hòa', 'Lạc', 'Minh', 'Bình', 'An', 'Phú', 'Thịnh', 'Hưng', 'Lợi', 'Thành', 'Phong', 'Sơn', 'Hải', 'Long',
  'Tiến', 'Thuận', 'Xuân', 'Khánh', 'Lộc', 'Mỹ', 'Đông', 'Tân', 'Nghĩa', 'Trung', 'Quang', 'Hiệp', 'Định',
  'Tường', 'Vinh', 'Điền',
] as const;
const HIGHLAND_FIRST = ['Nậm', 'Pá', 'Mường', 'Sà', 'Tả', 'Nà', 'Lũng', 'Khau', 'Phìn', 'Huổi', 'Co', 'Chiềng'] as const;
const HIGHLAND_SECOND = ['Lìn', 'Chải', 'Pao', 'Hồ', 'Ván', 'Sán', 'Mò', 'Tủng', 'Lọng', 'Páu', 'Chang', 'Sảng', 'Hon', 'Ngòa'] as const;
const OTHER_PROVINCES = ['Lam Giang', 'Vân Châu', 'Hải Trung', 'Bình Nguyên'] as const;

/** Hands out unique place names from a deterministically shuffled pool; numbers them when it runs dry. */
class PlaceNames {
  private readonly pools: Record<'lowland' | 'highland', string[]>;
  private readonly cursor = { lowland: 0, highland: 0 };
  private readonly used = new Set<string>();
  constructor(rng: Rng) {
    const combos = (a: readonly string[], b: readonly string[]) => {
      const out: string[] = [];
      for (const x of a) for (const y of b) if (x !== y && !REAL_PROVINCE_AND_CITY_NAMES.has(`${x} ${y}`)) out.push(`${x} ${y}`);
      return rng.shuffle(out);
    };
    this.pools = { lowland: combos(LOWLAND_FIRST, LOWLAND_SECOND), highland: combos(HIGHLAND_FIRST, HIGHLAND_SECOND) };
  }
  next(kind: 'lowland' | 'highland'): string {
    const pool = this.pools[kind];
    for (;;) {
      const i = this.cursor[kind]++;
      const base = pool[i % pool.length];
      const round = Math.floor(i / pool.length);
      const name = round === 0 ? base : `${base} ${round + 1}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

const VILLAGE_NAMES = [
  'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Tân Lập', 'Tân Thành', 'Đồng Tâm', 'Thống Nhất', 'Quyết Tiến',
  'Hợp Nhất', 'Đoàn Kết', 'Tiền Phong', 'Thắng Lợi', 'Cầu Đá', 'Bãi Sậy', 'Đồng Xanh', 'Gò Mít', 'Phú Mỹ',
  'Bình An', 'Trại Mới', 'Xóm Chùa', 'Đồng Bông', 'Cây Đa', 'Thượng', 'Hạ', 'Ngọc Hà', 'Làng Vạn',
] as const;
const HAMLET_FIRST = ['Nà', 'Pá', 'Khau', 'Lũng', 'Phiêng', 'Huổi', 'Co', 'Nậm', 'Bó', 'Cốc'] as const;
const HAMLET_SECOND = ['Lìn', 'Chang', 'Mạ', 'Sảng', 'Tà', 'Hon', 'Pẻn', 'Ngòa', 'Cuổi', 'Mòn', 'Khét', 'Lay'] as const;

const INDUSTRIES = [
  'May mặc', 'Xây dựng', 'Chế biến Nông sản', 'Thủy sản', 'Vận tải', 'Cơ khí', 'Gạch ngói', 'Thương mại',
  'Dịch vụ Du lịch', 'Nước sạch', 'Môi trường Đô thị', 'Giống cây trồng', 'Vật liệu Xây dựng', 'Chè', 'Cà phê',
  'Lâm nghiệp', 'Đầu tư Phát triển', 'Dược phẩm', 'Thức ăn Chăn nuôi', 'Điện cơ', 'In và Bao bì', 'Gỗ mỹ nghệ',
] as const;
const FOREIGN_HEADS = ['Vel', 'Kas', 'Nor', 'Tam', 'Bren', 'Lum', 'Sol', 'Dae', 'Mir', 'Hex', 'Cor', 'Zen', 'Alt', 'Fen', 'Gal', 'Qu'] as const;
const FOREIGN_TAILS = ['ora', 'tim', 'vik', 'sun', 'co', 'era', 'tek', 'win', 'aka', 'lan', 'vana', 'tio'] as const;
const FDI_TRADES = ['Điện tử', 'May', 'Giày da', 'Linh kiện', 'Nhựa', 'Dệt', 'Cơ khí chính xác', 'Thực phẩm'] as const;

// ---------------------------------------------------------------------------------------------------------
// Person names

type NameStyle = 'kinh' | 'tay' | 'thai' | 'muong' | 'hmong' | 'dao';

interface NameTable {
  family: Picker<string>;
  middle: Record<Gender, Picker<string>>;
  given: Record<Gender, Picker<string>>;
}

const KINH_MALE_GIVEN = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Huy', 'Khánh', 'Kiên', 'Long',
  'Mạnh', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quang', 'Quân', 'Sơn', 'Tài', 'Tâm', 'Thắng', 'Thành',
  'Thịnh', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Vinh', 'Việt', 'Hưng', 'Lâm', 'Lợi', 'Tiến', 'Hoàng', 'Đạt',
  'Thanh', 'Hậu', 'Chiến', 'Dương', 'Hiệp', 'Khoa', 'Lộc', 'Nhân', 'Sang', 'Tú', 'Vũ', 'Bảo', 'Công', 'Định',
  'Hào', 'Kiệt', 'Luân', 'Phương', 'Thái', 'Trọng',
] as const;
const KINH_FEMALE_GIVEN = [
  'Anh', 'Châu', 'Chi', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hồng', 'Huệ', 'Hương', 'Lan',
  'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Quỳnh', 'Tâm',
  'Thảo', 'Thu', 'Thủy', 'Trang', 'Trinh', 'Tuyết', 'Vân', 'Xuân', 'Yến', 'Huyền', 'Lý', 'Nhàn', 'Thoa', 'Thúy',
  'Diệp', 'Duyên', 'Hậu', 'Lệ', 'Mơ', 'Nguyệt', 'Phượng', 'Vy',
] as const;

const NAME_TABLES: Record<NameStyle, NameTable> = {
  kinh: {
    family: new Picker([
      ['Nguyễn', 31], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Huỳnh', 3], ['Phan', 4.5], ['Vũ', 4],
      ['Võ', 3], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
      ['Đinh', 1], ['Trịnh', 0.8], ['Đoàn', 0.8], ['Lương', 0.6], ['Mai', 0.6], ['Cao', 0.5], ['Tạ', 0.3],
      ['Hà', 0.5], ['Chu', 0.3], ['Lưu', 0.3], ['Kiều', 0.2], ['Tô', 0.3], ['Vương', 0.2], ['Lâm', 0.3],
      ['Trương', 0.8], ['Tống', 0.2],
    ]),
    middle: {
      male: new Picker([
        ['Văn', 40], ['Đức', 8], ['Minh', 7], ['Quang', 5], ['Hữu', 6], ['Công', 5], ['Thanh', 4], ['Xuân', 3],
        ['Ngọc', 3], ['Tiến', 2], ['Duy', 2], ['Mạnh', 2], ['Đình', 4], ['Trọng', 2], ['Anh', 2], ['Quốc', 3],
        ['Bá', 1], ['Thế', 2],
      ]),
      female: new Picker([
        ['Thị', 50], ['Thu', 5], ['Ngọc', 4], ['Thanh', 4], ['Minh', 2], ['Hồng', 3], ['Phương', 2], ['Thùy', 2],
        ['Kim', 2], ['Bích', 2], ['Thị Thu', 4], ['Thị Thanh', 3], ['Thị Ngọc', 3], ['Thị Kim', 2], ['Thị Minh', 2],
        ['Thị Hồng', 2], ['Thị Bích', 1], ['Khánh', 1], ['Mai', 1], ['Diệu', 1],
      ]),
    },
    given: { male: uniform(KINH_MALE_GIVEN), female: uniform(KINH_FEMALE_GIVEN) },
  },
  tay: {
    family: new Picker([
      ['Nông', 3], ['Hoàng', 3], ['Lục', 1], ['Hà', 1], ['Lương', 1], ['Ma', 1], ['Vi', 1], ['Lăng', 0.5],
      ['Đàm', 0.5], ['Lành', 0.5], ['Triệu', 0.5],
    ]),
    middle: { male: new Picker([['Văn', 8], ['Đức', 1], ['Thanh', 1]]), female: new Picker([['Thị', 9], ['Thu', 1]]) },
    given: {
      male: uniform([...KINH_MALE_GIVEN.slice(0, 30), 'Pháng', 'Slao', 'Thưởng']),
      female: uniform([...KINH_FEMALE_GIVEN.slice(0, 30), 'Slinh', 'Pền']),
    },
  },
  thai: {
    family: new Picker([
      ['Lò', 3], ['Cầm', 2], ['Quàng', 2], ['Lường', 2], ['Hà', 2], ['Vi', 1], ['Tòng', 1], ['Điêu', 1], ['Lù', 1],
    ]),
    middle: { male: new Picker([['Văn', 10]]), female: new Picker([['Thị', 10]]) },
    given: {
      male: uniform(['Khằm', 'Xôm', 'Phóng', 'Inh', 'Ban', 'Sương', 'Chiến', 'Thanh', 'Hùng', 'Pọm', 'Ngoan', 'Tiến', 'Lả', 'Khiêm', 'Dũng']),
      female: uniform(['Ún', 'Panh', 'Xiêng', 'Ngân', 'Hương', 'Ỏn', 'Lả', 'Mai', 'Thoa', 'Xuân', 'Hoa', 'Pâng', 'Ẻn']),
    },
  },
  muong: {
    family: new Picker([['Bùi', 4], ['Đinh', 3], ['Quách', 1], ['Hà', 1], ['Xa', 0.5], ['Cao', 0.5]]),
    middle: { male: new Picker([['Văn', 9], ['Công', 1]]), female: new Picker([['Thị', 10]]) },
    given: { male: uniform(KINH_MALE_GIVEN.slice(0, 40)), female: uniform(KINH_FEMALE_GIVEN.slice(0, 40)) },
  },
  hmong: {
    family: new Picker([
      ['Giàng', 3], ['Vàng', 3], ['Sùng', 2], ['Thào', 2], ['Lầu', 1], ['Mùa', 1], ['Hầu', 1], ['Lý', 1], ['Hạng', 0.5],
    ]),
    middle: { male: new Picker([['A', 7], ['Văn', 2], ['Seo', 1]]), female: new Picker([['Thị', 10]]) },
    given: {
      male: uniform(['Páo', 'Chứ', 'Sính', 'Dình', 'Lử', 'Tủa', 'Mua', 'Dế', 'Sử', 'Chinh', 'Pó', 'Hờ', 'Lềnh', 'Vư', 'Chá']),
      female: uniform(['Mỷ', 'Dợ', 'Súa', 'Chua', 'Sua', 'Mai', 'Dung', 'Pà', 'Lan', 'Mỉ', 'Xúa', 'Giống']),
    },
  },
  dao: {
    family: new Picker([['Triệu', 3], ['Bàn', 3], ['Đặng', 2], ['Lý', 2], ['Phùng', 1], ['Chảo', 1], ['Tẩn', 1]]),
    middle: { male: new Picker([['Văn', 7], ['Tiến', 1], ['Tài', 2]]), female: new Picker([['Thị', 9], ['Mùi', 1]]) },
    given: {
      male: uniform([...KINH_MALE_GIVEN.slice(10, 35), 'Chòi', 'Sành', 'Quẩy', 'Kiềm', 'Phin']),
      female: uniform([...KINH_FEMALE_GIVEN.slice(10, 35), 'Mẩy', 'Nải', 'Dảo']),
    },
  },
};

const STYLE_OF_ETHNICITY: Record<string, NameStyle> = {
  Kinh: 'kinh', Tày: 'tay', Nùng: 'tay', Thái: 'thai', Mường: 'muong', "H'Mông": 'hmong', Dao: 'dao', Hoa: 'kinh',
};

const ETHNICITY = {
  lowland: new Picker([['Kinh', 97], ['Mường', 1], ['Tày', 0.8], ['Thái', 0.6], ['Nùng', 0.3], ['Dao', 0.2], ['Hoa', 0.1]]),
  highland: new Picker([['Kinh', 22], ['Tày', 15], ['Thái', 20], ['Mường', 10], ["H'Mông", 20], ['Dao', 9], ['Nùng', 4]]),
  agency: new Picker([['Kinh', 92], ['Tày', 2.5], ['Thái', 2], ['Mường', 1.5], ['Nùng', 1], ["H'Mông", 0.5], ['Dao', 0.5]]),
} as const;

const RELIGION = {
  lowland: new Picker([['Không', 89], ['Phật giáo', 7], ['Công giáo', 3.5], ['Cao Đài', 0.3], ['Tin lành', 0.2]]),
  highland: new Picker([['Không', 90], ['Tin lành', 5], ['Phật giáo', 3], ['Công giáo', 2]]),
} as const;

const NAME_STYLES: readonly NameStyle[] = ['kinh', 'tay', 'thai', 'muong', 'hmong', 'dao'];

/** Full names and their e-mail slugs, interned (a few tens of thousands of distinct names). */
class Names {
  private readonly ids = new Map<number, number>();
  private readonly full: string[] = [];
  private readonly slugs: (string | undefined)[] = [];
  private readonly fixedIds = new Map<string, number>();
  /** A random name in the style; returns its id. */
  random(rng: Rng, style: NameStyle, gender: Gender): number {
    const t = NAME_TABLES[style];
    const f = t.family.pickIndex(rng);
    const m = t.middle[gender].pickIndex(rng);
    const g = t.given[gender].pickIndex(rng);
    const key = ((((NAME_STYLES.indexOf(style) * 2 + (gender === 'male' ? 0 : 1)) * 64 + f) * 64 + m) * 128) + g;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.full.length;
      this.full.push(`${t.family.item(f)} ${t.middle[gender].item(m)} ${t.given[gender].item(g)}`);
      this.ids.set(key, id);
    }
    return id;
  }
  /** The id of a fixed name. */
  fixed(fullName: string): number {
    let id = this.fixedIds.get(fullName);
    if (id === undefined) {
      id = this.full.length;
      this.full.push(fullName);
      this.fixedIds.set(fullName, id);
    }
    return id;
  }
  name(id: number): string {
    return this.full[id];
  }
  slug(id: number): string {
    let s = this.slugs[id];
    if (s === undefined) {
      const words = this.full[id]
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .replace(/'/g, '')
        .toLowerCase()
        .split(' ');
      s = words[words.length - 1] + words.slice(0, -1).map((w) => w[0]).join('');
      this.slugs[id] = s;
    }
    return s;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Member profiles: what a branch's members look like

type Profile =
  | 'village'
  | 'hamlet'
  | 'residential'
  | 'retired'
  | 'commune_agency'
  | 'commune_armed'
  | 'school'
  | 'health'
  | 'agency'
  | 'public_unit'
  | 'state_enterprise'
  | 'enterprise'
  | 'fdi'
  | 'military'
  | 'police';

type AgeShape = 'working' | 'mixed' | 'old' | 'young';

interface ProfileCfg {
  male: number;
  age: AgeShape;
  /** For 'mixed': the share of members past working age. */
  oldShare?: number;
  workplace: WorkplaceKind | 'mixed';
  /** Work position of the head of the unit; null: no head in this kind of branch. */
  head: string | null;
  /** Work position the secretary holds, if the kind of unit has a fixed one (a political officer). */
  secretaryWork?: string;
  staff: Picker<string | null>;
  qualification: Picker<string | null>;
  theory: Picker<TheoryLevel | null>;
  leaderTheory: Picker<TheoryLevel | null>;
  email: number;
  ethnicity: 'local' | 'agency';
}

const LEADER_THEORY = new Picker<TheoryLevel | null>([['trung_cap', 55], ['cao_cap', 25], ['cu_nhan', 5], ['so_cap', 15]]);
const LOCAL_LEADER_THEORY = new Picker<TheoryLevel | null>([['so_cap', 55], ['trung_cap', 40], ['cao_cap', 3], [null, 2]]);
const STAFF_THEORY = new Picker<TheoryLevel | null>([['so_cap', 45], ['trung_cap', 25], ['cao_cap', 5], ['cu_nhan', 1], [null, 24]]);
const LOCAL_THEORY = new Picker<TheoryLevel | null>([['so_cap', 55], ['trung_cap', 5], [null, 40]]);
const RETIRED_THEORY = new Picker<TheoryLevel | null>([['so_cap', 40], ['trung_cap', 30], ['cao_cap', 10], ['cu_nhan', 2], [null, 18]]);

const AGENCY_QUAL = new Picker<string | null>([
  ['Đại học Luật', 12], ['Đại học Kinh tế', 12], ['Thạc sĩ Quản lý kinh tế', 8], ['Thạc sĩ Quản lý công', 5],
  ['Đại học Hành chính', 8], ['Đại học Công nghệ thông tin', 5], ['Đại học Tài chính – Ngân hàng', 6],
  ['Tiến sĩ Kinh tế', 1], ['Đại học Xây dựng', 4], ['Cao đẳng Kế toán', 4], ['Đại học Nông nghiệp', 4],
  ['Thạc sĩ Luật', 3], ['Đại học Quản lý đất đai', 3],
]);
const LOCAL_QUAL = new Picker<string | null>([
  [null, 45], ['Sơ cấp nghề', 10], ['Trung cấp Nông nghiệp', 9], ['Trung cấp Kế toán', 5], ['Cao đẳng Sư phạm', 4],
  ['Đại học Kinh tế', 6], ['Đại học Luật', 3], ['Trung cấp Y', 4], ['Đại học Nông nghiệp', 5], ['Đại học Hành chính', 4],
]);
const SCHOOL_QUAL = new Picker<string | null>([
  ['Đại học Sư phạm Toán', 10], ['Đại học Sư phạm Ngữ văn', 10], ['Đại học Sư phạm Tiếng Anh', 6],
  ['Đại học Sư phạm Vật lý', 5], ['Đại học Sư phạm Lịch sử', 4], ['Đại học Giáo dục Tiểu học', 12],
  ['Cao đẳng Sư phạm Mầm non', 8], ['Đại học Giáo dục Mầm non', 6], ['Thạc sĩ Lý luận và phương pháp dạy học', 4],
  ['Đại học Sư phạm Hóa học', 4], ['Đại học Sư phạm Sinh học', 3], ['Đại học Sư phạm Tin học', 3],
]);
const HEALTH_QUAL = new Picker<string | null>([
  ['Bác sĩ đa khoa', 20], ['Bác sĩ chuyên khoa I', 10], ['Bác sĩ chuyên khoa II', 3], ['Cao đẳng Điều dưỡng', 20],
  ['Đại học Điều dưỡng', 10], ['Trung cấp Y sĩ', 10], ['Dược sĩ đại học', 6], ['Thạc sĩ Y học', 4], ['Cao đẳng Hộ sinh', 5],
]);
const ENTERPRISE_QUAL = new Picker<string | null>([
  ['Đại học Kinh tế', 12], ['Kỹ sư Cơ khí', 8], ['Kỹ sư Điện', 8], ['Cao đẳng Kế toán', 10], ['Trung cấp nghề', 15],
  ['Đại học Quản trị kinh doanh', 10], ['Kỹ sư Xây dựng', 6], [null, 15], ['Đại học Ngoại ngữ', 4],
]);
const MILITARY_QUAL = new Picker<string | null>([
  ['Đại học Chỉ huy tham mưu', 25], ['Cao đẳng Quân sự', 15], ['Trung cấp Quân sự', 20], [null, 30], ['Đại học Chính trị', 10],
]);
const POLICE_QUAL = new Picker<string | null>([
  ['Đại học An ninh nhân dân', 25], ['Đại học Cảnh sát nhân dân', 35], ['Trung cấp Cảnh sát', 20], ['Thạc sĩ Luật', 8], ['Đại học Luật', 12],
]);
const RETIRED_QUAL = new Picker<string | null>([
  [null, 30], ['Đại học Sư phạm', 12], ['Trung cấp Y', 6], ['Đại học Kinh tế', 10], ['Trung cấp Kế toán', 8],
  ['Đại học Luật', 6], ['Trung cấp Quân sự', 10], ['Kỹ sư Nông nghiệp', 8], ['Đại học Hành chính', 6], ['Cao đẳng Sư phạm', 4],
]);

const PROFILES: Record<Profile, ProfileCfg> = {
  village: {
    male: 0.62, age: 'mixed', oldShare: 0.32, workplace: 'mixed', head: 'Trưởng thôn',
    staff: new Picker([
      [null, 70], ['Chi hội trưởng Hội Nông dân', 5], ['Chi hội trưởng Hội Cựu chiến binh', 4],
      ['Chi hội trưởng Hội Liên hiệp Phụ nữ', 4], ['Bí thư Chi đoàn', 4], ['Công an viên', 3],
      ['Trưởng Ban công tác Mặt trận', 4], ['Phó Trưởng thôn', 3],
    ]),
    qualification: LOCAL_QUAL, theory: LOCAL_THEORY, leaderTheory: LOCAL_LEADER_THEORY, email: 0.05, ethnicity: 'local',
  },
  hamlet: {
    male: 0.66, age: 'mixed', oldShare: 0.2, workplace: 'mixed', head: 'Trưởng bản',
    staff: new Picker([
      [null, 75], ['Chi hội trưởng Hội Nông dân', 5], ['Chi hội trưởng Hội Liên hiệp Phụ nữ', 5], ['Bí thư Chi đoàn', 5],
      ['Công an viên', 4], ['Phó Trưởng bản', 3], ['Người có uy tín', 3],
    ]),
    qualification: LOCAL_QUAL, theory: LOCAL_THEORY, leaderTheory: LOCAL_LEADER_THEORY, email: 0.02, ethnicity: 'local',
  },
  residential: {
    male: 0.55, age: 'mixed', oldShare: 0.45, workplace: 'mixed', head: 'Tổ trưởng tổ dân phố',
    staff: new Picker([
      [null, 72], ['Tổ phó tổ dân phố', 5], ['Chi hội trưởng Hội Cựu chiến binh', 5], ['Chi hội trưởng Hội Liên hiệp Phụ nữ', 5],
      ['Trưởng Ban công tác Mặt trận', 5], ['Bí thư Chi đoàn', 4], ['Tổ trưởng an ninh trật tự', 4],
    ]),
    qualification: LOCAL_QUAL, theory: STAFF_THEORY, leaderTheory: LOCAL_LEADER_THEORY, email: 0.12, ethnicity: 'local',
  },
  retired: {
    male: 0.62, age: 'old', workplace: 'retired', head: null,
    staff: new Picker([[null, 88], ['Chi hội trưởng Hội Người cao tuổi', 4], ['Chi hội trưởng Hội Cựu chiến binh', 4], ['Hội viên Hội Cựu giáo chức', 4]]),
    qualification: RETIRED_QUAL, theory: RETIRED_THEORY, leaderTheory: LEADER_THEORY, email: 0.03, ethnicity: 'local',
  },
  commune_agency: {
    male: 0.55, age: 'working', workplace: 'state_agency', head: 'Chánh Văn phòng',
    staff: new Picker([
      ['Chuyên viên', 40], ['Phó Trưởng phòng', 10], ['Trưởng phòng', 6], ['Chủ tịch Ủy ban Mặt trận Tổ quốc', 2],
      ['Chủ tịch Hội Nông dân', 2], ['Chủ tịch Hội Liên hiệp Phụ nữ', 2], ['Bí thư Đoàn Thanh niên', 2],
      ['Chủ tịch Hội Cựu chiến binh', 2], ['Phó Chủ tịch Ủy ban nhân dân', 3], ['Nhân viên', 10],
    ]),
    qualification: AGENCY_QUAL, theory: STAFF_THEORY, leaderTheory: LEADER_THEORY, email: 0.5, ethnicity: 'local',
  },
  commune_armed: {
    male: 0.92, age: 'working', workplace: 'armed_forces', head: 'Chỉ huy trưởng Ban Chỉ huy Quân sự',
    staff: new Picker([['Chỉ huy phó', 15], ['Trung đội trưởng dân quân', 20], ['Tiểu đội trưởng dân quân', 25], ['Dân quân thường trực', 40]]),
    qualification: MILITARY_QUAL, theory: STAFF_THEORY, leaderTheory: LEADER_THEORY, email: 0.15, ethnicity: 'local',
  },
  school: {
    male: 0.3, age: 'working', workplace: 'public_service_unit', head: 'Hiệu trưởng',
    staff: new Picker([['Giáo viên', 75], ['Phó Hiệu trưởng', 6], ['Tổ trưởng chuyên môn', 12], ['Nhân viên', 7]]),
    qualification: SCHOOL_QUAL, theory: STAFF_THEORY, leaderTheory: LEADER_THEORY, email: 0.6, ethnicity: 'local',
  },
  health: {
    male: 0.35, age: 'working', workplace: 'public_service_unit', head: 'Trưởng khoa',
    staff: new Picker([['Bác sĩ', 35], ['Điều dưỡng', 35], ['Y sĩ', 10], ['Phó Trưởng khoa', 6], ['Dược sĩ', 6], ['Kỹ thuật viên', 8]]),
    qualification: HEALTH_QUAL, theory: STAFF_THEORY, leaderTheory: LEADER_THEORY, email: 0.5, ethnicity: 'agency',
  },
  agency: {
    male: 0.55, age: 'working', workplace: 'state_agency', head: 'Trưởng phòng',
    staff: new Picker([['Chuyên viên', 45], ['Chuyên viên chính', 20], ['Phó Trưởng phòng', 15], ['Nhân viên', 10], ['Thanh tra viên', 5], ['Kế toán', 5]]),
    qualification: AGENCY_QUAL, theory: STAFF_THEORY, leaderTheory: LEADER_THEORY, email: 0.65, ethnicity: 'agency',
  },
  public_unit: {
    male: 0.5, age: 'working', workplace: 'public_service_unit', head: 'Trưởng phòng',
    staff: new Picker([['Viên chức', 45], ['Phóng viên', 10], ['Biên tập viên', 10], ['Phó Trưởng phòng', 12], ['Giảng viên', 13], ['Nhân viên', 10]]),
    qualification: AGENCY_QUAL, theory: STAFF_THEORY, leaderTheory: LEADER_THEORY, email: 0.6, ethnicity: 'agency',
  },
  state_enterprise: {
    male: 0.65, age: 'working', workplace: 'state_enterprise', head: 'Giám đốc',
    staff: new Picker([['Nhân viên', 40], ['Kỹ sư', 15], ['Công nhân', 20], ['Trưởng phòng', 8], ['Phó Giám đốc', 4], ['Kế toán', 8], ['Quản đốc', 5]]),
    qualification: ENTERPRISE_QUAL, theory: STAFF_THEORY, leaderTheory: LEADER_THEORY, email: 0.4, ethnicity: 'agency',
  },
  enterprise: {
    male: 0.56, age: 'working', workplace: 'non_state_enterprise', head: 'Giám đốc',
    staff: new Picker([['Nhân viên', 40], ['Công nhân', 30], ['Kỹ sư', 8], ['Trưởng phòng', 7], ['Quản đốc', 5], ['Kế toán', 7], ['Phó Giám đốc', 3]]),
    qualification: ENTERPRISE_QUAL, theory: STAFF_THEORY, leaderTheory: LEADER_THEORY, email: 0.4, ethnicity: 'agency',
  },
  fdi: {
    male: 0.42, age: 'working', workplace: 'foreign_invested_enterprise', head: 'Trưởng bộ phận',
    staff: new Picker([['Công nhân', 50], ['Nhân viên', 25], ['Tổ trưởng sản xuất', 12], ['Kỹ sư', 8], ['Phiên dịch viên', 5]]),
    qualification: ENTERPRISE_QUAL, theory: STAFF_THEORY, leaderTheory: LEADER_THEORY, email: 0.35, ethnicity: 'agency',
  },
  military: {
    male: 0.95, age: 'young', workplace: 'armed_forces', head: 'Đại đội trưởng', secretaryWork: 'Chính trị viên',
    staff: new Picker([['Trung đội trưởng', 20], ['Trợ lý', 25], ['Tiểu đội trưởng', 20], ['Nhân viên', 15], ['Chiến sĩ', 20]]),
    qualification: MILITARY_QUAL, theory: STAFF_THEORY, leaderTheory: LEADER_THEORY, email: 0.25, ethnicity: 'agency',
  },
  police: {
    male: 0.88, age: 'working', workplace: 'armed_forces', head: 'Đội trưởng',
    staff: new Picker([['Cán bộ', 55], ['Phó Đội trưởng', 15], ['Điều tra viên', 10], ['Chiến sĩ', 15], ['Trinh sát viên', 5]]),
    qualification: POLICE_QUAL, theory: STAFF_THEORY, leaderTheory: LEADER_THEORY, email: 0.3, ethnicity: 'agency',
  },
};

/** Workplaces of members who live in a village or residential area (not in a workplace branch). */
const MIXED_WORKPLACE = new Picker<WorkplaceKind>([
  ['other', 55], ['non_state_enterprise', 15], ['public_service_unit', 10], ['state_agency', 6], ['armed_forces', 3],
  ['state_enterprise', 3], ['foreign_invested_enterprise', 2], ['retired', 6],
]);

// ---------------------------------------------------------------------------------------------------------
// The tree under construction

interface LeafInfo {
  profile: Profile;
  /** "xã Tân Hòa", the home town most of its members have; null for provincial units. */
  place: string | null;
  mountain: boolean;
}

interface Node {
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
class Budget {
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

type Range = readonly [number, number];

/** A group of branches (chi bộ trực thuộc) under one parent. */
interface BranchGroup {
  names: (i: number) => string;
  count: Range;
  size: Range;
  /** Smallest size of the first branch (to make sure some branch is big enough). */
  firstMin?: number;
  profile?: Profile;
}

/** A grassroots unit: a chi bộ cơ sở when it has no branches, else a đảng bộ cơ sở. */
interface UnitDef {
  /** The unit's own name without "Đảng bộ"/"Chi bộ", e.g. "Sở Tài chính". */
  unit: string;
  profile: Profile;
  /** Members of a chi bộ cơ sở. */
  size?: Range;
  subs?: { unit: string; branches: BranchGroup }[];
  branches?: BranchGroup;
}

class Builder {
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

  /** Builds a grassroots unit under `parent`, if the budget is not empty. */
  unit(parent: Node, def: UnitDef, budget: Budget, place: string | null, mountain = false): Node | null {
    if (budget.empty) return null;
    const info: LeafInfo = { profile: def.profile, place, mountain };
    if (!def.subs && !def.branches) {
      const [lo, hi] = def.size ?? [8, 30];
      return this.leaf(parent, 'grassroots_branch', `Chi bộ ${def.unit}`, info, budget.take(this.rng, lo, hi));
    }
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

const numbered = (stem: string, from = 1) => (i: number) => `${stem} ${i + from}`;
const listed = (names: readonly string[], more: string) => (i: number) =>
  i < names.length ? names[i] : `${more} ${i - names.length + 2}`;

// ---------------------------------------------------------------------------------------------------------
// Provincial units (blocs, armed forces, police)

const DEPARTMENT_BRANCHES = [
  'Chi bộ Văn phòng', 'Chi bộ Phòng Kế hoạch – Tài chính', 'Chi bộ Phòng Tổ chức cán bộ', 'Chi bộ Thanh tra',
  'Chi bộ Phòng Quản lý chuyên ngành', 'Chi bộ Trung tâm Dịch vụ', 'Chi bộ Phòng Pháp chế',
] as const;

function department(unit: string, extra?: UnitDef['subs']): UnitDef {
  return {
    unit,
    profile: 'agency',
    subs: extra,
    branches: { names: listed(DEPARTMENT_BRANCHES, 'Chi bộ Phòng Nghiệp vụ'), count: [3, 6], size: [12, 50] },
  };
}

const PARTY_AGENCY_UNITS: UnitDef[] = [
  {
    unit: 'Văn phòng Tỉnh ủy', profile: 'agency',
    branches: { names: listed(['Chi bộ Phòng Tổng hợp', 'Chi bộ Phòng Hành chính – Lưu trữ', 'Chi bộ Phòng Tài chính – Quản trị', 'Chi bộ Nhà khách Tỉnh ủy', 'Chi bộ Phòng Cơ yếu – Công nghệ thông tin'], 'Chi bộ Phòng'), count: [3, 5], size: [8, 30] },
  },
  { unit: 'Ban Tổ chức Tỉnh ủy', profile: 'agency', size: [15, 45] },
  { unit: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', profile: 'agency', size: [20, 50] },
  { unit: 'Ủy ban Kiểm tra Tỉnh ủy', profile: 'agency', size: [15, 40] },
  { unit: 'Ban Nội chính Tỉnh ủy', profile: 'agency', size: [10, 30] },
  {
    unit: 'Trường Chính trị tỉnh', profile: 'public_unit',
    branches: { names: listed(['Chi bộ Khoa Lý luận cơ sở', 'Chi bộ Khoa Xây dựng Đảng', 'Chi bộ Khoa Nhà nước và Pháp luật', 'Chi bộ Phòng Tổ chức – Hành chính'], 'Chi bộ Khoa'), count: [3, 4], size: [8, 25] },
  },
  {
    unit: 'Báo và Phát thanh, Truyền hình Minh Sơn', profile: 'public_unit',
    branches: { names: listed(['Chi bộ Ban Thời sự', 'Chi bộ Ban Biên tập Báo in', 'Chi bộ Ban Kỹ thuật – Công nghệ', 'Chi bộ Ban Chuyên đề', 'Chi bộ Phòng Hành chính – Tổng hợp', 'Chi bộ Ban Điện tử'], 'Chi bộ Ban'), count: [4, 6], size: [10, 35] },
  },
  {
    unit: 'Tòa án nhân dân tỉnh', profile: 'agency',
    branches: { names: (i) => (i === 0 ? 'Chi bộ Văn phòng Tòa án nhân dân tỉnh' : `Chi bộ Tòa án nhân dân khu vực ${i}`), count: [4, 9], size: [8, 30] },
  },
  {
    unit: 'Viện Kiểm sát nhân dân tỉnh', profile: 'agency',
    branches: { names: (i) => (i === 0 ? 'Chi bộ Văn phòng Viện Kiểm sát nhân dân tỉnh' : `Chi bộ Viện Kiểm sát nhân dân khu vực ${i}`), count: [4, 9], size: [8, 30] },
  },
  {
    unit: 'Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', profile: 'agency',
    branches: { names: listed(['Chi bộ Văn phòng', 'Chi bộ Ban Công tác Mặt trận', 'Chi bộ Hội Nông dân', 'Chi bộ Hội Liên hiệp Phụ nữ', 'Chi bộ Tỉnh đoàn', 'Chi bộ Liên đoàn Lao động', 'Chi bộ Hội Cựu chiến binh'], 'Chi bộ Ban'), count: [4, 7], size: [8, 25] },
  },
  { unit: 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh', profile: 'agency', size: [15, 40] },
];

const GOVERNMENT_UNITS: UnitDef[] = [
  department('Văn phòng Ủy ban nhân dân tỉnh'),
  department('Sở Tài chính'),
  department('Sở Nội vụ'),
  department('Sở Tư pháp'),
  department('Sở Công Thương'),
  department('Sở Nông nghiệp và Môi trường', [
    { unit: 'Chi cục Kiểm lâm', branches: { names: (i) => (i === 0 ? 'Chi bộ Văn phòng Chi cục' : `Chi bộ Hạt Kiểm lâm khu vực ${i}`), count: [3, 8], size: [8, 30] } },
    { unit: 'Chi cục Thủy lợi', branches: { names: listed(['Chi bộ Văn phòng Chi cục', 'Chi bộ Phòng Quản lý đê điều'], 'Chi bộ Trạm'), count: [2, 3], size: [6, 20] } },
  ]),
  department('Sở Xây dựng'),
  department('Sở Giáo dục và Đào tạo'),
  department('Sở Y tế'),
  department('Sở Khoa học và Công nghệ'),
  department('Sở Văn hóa, Thể thao và Du lịch'),
  department('Sở Dân tộc và Tôn giáo'),
  department('Thanh tra tỉnh'),
  {
    unit: 'Bệnh viện Đa khoa tỉnh', profile: 'health',
    subs: [
      { unit: 'Khối Nội', branches: { names: listed(['Chi bộ Khoa Nội tổng hợp', 'Chi bộ Khoa Tim mạch', 'Chi bộ Khoa Nhi', 'Chi bộ Khoa Truyền nhiễm', 'Chi bộ Khoa Hồi sức tích cực'], 'Chi bộ Khoa Nội'), count: [3, 5], size: [8, 30] } },
      { unit: 'Khối Ngoại', branches: { names: listed(['Chi bộ Khoa Ngoại tổng hợp', 'Chi bộ Khoa Chấn thương chỉnh hình', 'Chi bộ Khoa Gây mê hồi sức', 'Chi bộ Khoa Sản'], 'Chi bộ Khoa Ngoại'), count: [3, 4], size: [8, 30] } },
      { unit: 'Khối Cận lâm sàng', branches: { names: listed(['Chi bộ Khoa Xét nghiệm', 'Chi bộ Khoa Chẩn đoán hình ảnh', 'Chi bộ Khoa Dược'], 'Chi bộ Khoa'), count: [2, 3], size: [6, 20] } },
    ],
    branches: { names: listed(['Chi bộ Phòng Kế hoạch tổng hợp', 'Chi bộ Phòng Tổ chức cán bộ', 'Chi bộ Phòng Tài chính kế toán'], 'Chi bộ Phòng'), count: [2, 3], size: [6, 20] },
  },
  {
    unit: 'Trường Cao đẳng Minh Sơn', profile: 'school',
    branches: { names: listed(['Chi bộ Khoa Sư phạm', 'Chi bộ Khoa Kinh tế', 'Chi bộ Khoa Kỹ thuật – Công nghệ', 'Chi bộ Khoa Y dược', 'Chi bộ Phòng Đào tạo'], 'Chi bộ Khoa'), count: [3, 5], size: [8, 30] },
  },
  { unit: 'Công ty TNHH Một thành viên Xổ số kiến thiết Minh Sơn', profile: 'state_enterprise', size: [8, 25] },
  {
    unit: 'Công ty TNHH Một thành viên Khai thác công trình thủy lợi Minh Sơn', profile: 'state_enterprise',
    branches: { names: (i) => (i === 0 ? 'Chi bộ Văn phòng Công ty' : `Chi bộ Xí nghiệp thủy lợi số ${i}`), count: [3, 6], size: [8, 30] },
  },
];

const MILITARY_UNITS: UnitDef[] = [
  {
    unit: 'Cơ quan Bộ Chỉ huy Quân sự tỉnh', profile: 'military',
    subs: [
      { unit: 'Phòng Tham mưu', branches: { names: listed(['Chi bộ Ban Tác chiến', 'Chi bộ Ban Quân lực', 'Chi bộ Ban Thông tin', 'Chi bộ Ban Quân huấn'], 'Chi bộ Ban'), count: [2, 4], size: [8, 25] } },
      { unit: 'Phòng Chính trị', branches: { names: listed(['Chi bộ Ban Tổ chức', 'Chi bộ Ban Cán bộ', 'Chi bộ Ban Tuyên huấn'], 'Chi bộ Ban'), count: [2, 3], size: [6, 20] } },
      { unit: 'Phòng Hậu cần – Kỹ thuật', branches: { names: listed(['Chi bộ Ban Quân nhu', 'Chi bộ Ban Quân khí', 'Chi bộ Kho K1'], 'Chi bộ Kho K'), count: [2, 4], size: [8, 25] } },
    ],
  },
  ...[1, 2].map<UnitDef>((r) => ({
    unit: `Trung đoàn Bộ binh ${r}`, profile: 'military',
    subs: [1, 2, 3].map((b) => ({
      unit: `Tiểu đoàn ${b}`,
      branches: { names: (i: number) => (i === 0 ? `Chi bộ Cơ quan Tiểu đoàn ${b}` : `Chi bộ Đại đội ${(b - 1) * 4 + i}`), count: [3, 4] as Range, size: [18, 45] as Range },
    })),
    branches: { names: listed(['Chi bộ Cơ quan Trung đoàn', 'Chi bộ Đại đội Trinh sát', 'Chi bộ Đại đội Thông tin'], 'Chi bộ Đại đội'), count: [2, 3], size: [10, 30] },
  })),
  {
    unit: 'Trường Quân sự tỉnh', profile: 'military',
    branches: { names: listed(['Chi bộ Cơ quan', 'Chi bộ Khoa Quân sự', 'Chi bộ Khoa Chính trị'], 'Chi bộ Khoa'), count: [2, 3], size: [8, 25] },
  },
];

const defenceZone = (i: number): UnitDef => ({
  unit: `Ban Chỉ huy Phòng thủ khu vực ${i + 1}`, profile: 'military',
  branches: { names: listed(['Chi bộ Cơ quan', 'Chi bộ Trung đội Dân quân thường trực', 'Chi bộ Kho vũ khí'], 'Chi bộ Trung đội'), count: [2, 4], size: [12, 40] },
});

const POLICE_DEPARTMENTS = [
  'Phòng Tham mưu', 'Phòng Công tác Đảng và Công tác chính trị', 'Phòng An ninh chính trị nội bộ', 'Phòng An ninh kinh tế',
  'Phòng Cảnh sát hình sự', 'Phòng Cảnh sát kinh tế', 'Phòng Cảnh sát điều tra tội phạm về ma túy', 'Phòng Cảnh sát giao thông',
  'Phòng Cảnh sát quản lý hành chính về trật tự xã hội', 'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  'Phòng Hậu cần', 'Trại tạm giam', 'Phòng Cảnh sát cơ động', 'Phòng Cảnh sát điều tra', 'Phòng An ninh điều tra',
] as const;
const POLICE_UNITS: UnitDef[] = POLICE_DEPARTMENTS.map((unit) => ({
  unit, profile: 'police',
  branches: { names: numbered('Chi bộ Đội'), count: [2, 6], size: [20, 65] },
}));

/** Enterprises, endless; names unique across the province. */
class Enterprises {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng, private readonly places: PlaceNames) {}
  name(kind: 'enterprise' | 'fdi', place?: string): string {
    for (let attempt = 0; ; attempt++) {
      const where = place && attempt < 3 ? place : this.places.next('lowland');
      const brand = this.rng.pick(FOREIGN_HEADS) + this.rng.pick(FOREIGN_TAILS);
      const n =
        kind === 'enterprise'
          ? `Công ty Cổ phần ${this.rng.pick(INDUSTRIES)} ${where}`
          : attempt < 10
            ? `Công ty TNHH ${this.rng.pick(FDI_TRADES)} ${brand} Việt Nam`
            : `Công ty TNHH ${this.rng.pick(FDI_TRADES)} ${brand} Việt Nam – Chi nhánh ${where}`;
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
  }
  unit(kind: 'enterprise' | 'fdi', committee: boolean, place?: string, firstMin?: number): UnitDef {
    const unit = this.name(kind, place);
    if (!committee) return { unit, profile: kind, size: [6, 40] };
    return {
      unit, profile: kind,
      branches: {
        names: listed(['Chi bộ Văn phòng Công ty', 'Chi bộ Phân xưởng 1', 'Chi bộ Phân xưởng 2', 'Chi bộ Phòng Kỹ thuật', 'Chi bộ Xí nghiệp số 1'], 'Chi bộ Xí nghiệp số'),
        count: [2, 5], size: [10, 60], firstMin,
      },
    };
  }
}

interface Bloc {
  prefix: string;
  name: string;
  kind: DemoOrgKind;
  share: number;
  cap: number;
  units: UnitDef[];
  more: ((i: number) => UnitDef) | null;
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

// ---------------------------------------------------------------------------------------------------------
// Communes (current shape: rank 1; legacy: grassroots under a district)

type CommuneType = 'xa' | 'phuong' | 'mountain' | 'dac_khu';

interface CommuneCtx {
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

const UNIT_WORD: Record<CommuneType, string> = { xa: 'xã', phuong: 'phường', mountain: 'xã', dac_khu: 'đặc khu' };

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

const SCHOOLS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS', 'Trường THPT'] as const;

function schoolName(c: CommuneCtx, prefer?: (typeof SCHOOLS)[number]): string {
  const i = c.counters.school++;
  const kind = prefer ?? SCHOOLS[i % (c.type === 'phuong' ? 4 : 3)];
  const nth = i >= 3 ? ` số ${Math.floor(i / 3) + 1}` : '';
  const named = c.type === 'mountain' && kind !== 'Trường Mầm non' ? `Trường Phổ thông dân tộc bán trú ${kind.slice('Trường '.length)}` : kind;
  return `${named} ${c.base}${nth}`;
}

type Slot = () => void;

/** One village / residential branch directly under the commune (current) or commune committee (legacy). */
function villageSlot(c: CommuneCtx, min?: number): Slot {
  return () => {
    const profile: Profile = c.type === 'phuong' || c.type === 'dac_khu' ? 'residential' : c.type === 'mountain' ? 'hamlet' : 'village';
    const [lo, hi] = c.legacy
      ? profile === 'hamlet' ? [10, 50] : [25, 95]
      : profile === 'hamlet' ? [15, 70] : profile === 'residential' ? [45, 140] : [40, 130];
    const size = c.budget.take(c.b.rng, Math.max(lo, min ?? 0), Math.max(hi, min ?? 0));
    c.b.leaf(c.node, 'branch', c.villageNames(), { profile, place: c.place, mountain: c.type === 'mountain' }, size);
  };
}

function retiredSlot(c: CommuneCtx): Slot {
  return () => {
    const big = c.type === 'phuong' || c.type === 'dac_khu';
    const size = c.budget.take(c.b.rng, big ? 70 : 25, big ? 145 : 80);
    c.b.leaf(c.node, 'branch', `Chi bộ Hưu trí số ${++c.counters.retired}`, { profile: 'retired', place: c.place, mountain: false }, size);
  };
}

/** A branch of the commune's own agencies: directly under the commune. */
function agencySlot(c: CommuneCtx, name: string, profile: Profile, size: Range): Slot {
  return () => {
    c.b.leaf(c.node, 'branch', name, { profile, place: c.place, mountain: c.type === 'mountain' }, c.budget.take(c.b.rng, size[0], size[1]));
  };
}

/**
 * A school, health station or enterprise. Current shape: a grassroots org (chi bộ cơ sở or đảng bộ cơ sở)
 * under the commune. Legacy: a branch under the commune committee (schools), or nothing else.
 */
function unitSlot(c: CommuneCtx, def: () => UnitDef): Slot {
  return () => {
    const d = def();
    if (c.legacy && !d.branches && !d.subs) {
      const [lo, hi] = d.size ?? [8, 30];
      c.b.leaf(c.node, 'branch', `Chi bộ ${d.unit}`, { profile: d.profile, place: c.place, mountain: c.type === 'mountain' }, c.budget.take(c.b.rng, lo, hi));
    } else {
      c.b.unit(c.node, d, c.budget, c.place, c.type === 'mountain');
    }
  };
}

function* communeSlots(c: CommuneCtx): Generator<Slot> {
  const rng = c.b.rng;
  const w = UNIT_WORD[c.type];
  const school = (prefer?: (typeof SCHOOLS)[number]) => unitSlot(c, () => ({ unit: schoolName(c, prefer), profile: 'school', size: [10, 45] }));
  const health = unitSlot(c, () => ({ unit: `Trạm Y tế ${w} ${c.base}`, profile: 'health', size: [6, 25] }));
  const enterprise = (kind: 'enterprise' | 'fdi', committee: boolean, firstMin?: number) =>
    unitSlot(c, () => c.enterprises.unit(kind, committee, c.base, firstMin));
  const partyAgency = agencySlot(c, c.legacy ? `Chi bộ Cơ quan Đảng ủy – Mặt trận ${w}` : `Chi bộ Cơ quan Đảng – Đoàn thể ${w}`, 'commune_agency', [15, 40]);
  const government = agencySlot(c, `Chi bộ Ủy ban nhân dân ${w}`, 'commune_agency', [15, 40]);
  const armed = agencySlot(c, `Chi bộ Quân sự ${w}`, 'commune_armed', [5, 15]);
  const police = agencySlot(c, `Chi bộ Công an ${w}`, 'commune_armed', [5, 15]);
  const village = villageSlot(c);

  if (c.legacy) {
    // Before 2025 a commune was itself the grassroots org: everything in it is a branch.
    yield villageSlot(c, c.first ? 20 : undefined);
    yield partyAgency;
    yield village;
    yield school('Trường Tiểu học');
    yield village;
    yield armed;
    yield police;
    yield school('Trường THCS');
    if (c.type === 'phuong') yield retiredSlot(c);
    yield school('Trường Mầm non');
    for (;;) {
      const x = rng.next();
      if (c.type === 'phuong' && x < 0.12) yield retiredSlot(c);
      else if (x > 0.95) yield school();
      else yield village;
    }
  }

  yield villageSlot(c, c.first ? 20 : undefined);
  if (c.type !== 'mountain') yield enterprise('enterprise', true, c.first ? 15 : undefined);
  yield school('Trường THCS');
  yield village;
  yield partyAgency;
  yield school('Trường Tiểu học');
  yield village;
  yield government;
  if (c.type === 'phuong' || c.type === 'dac_khu') yield retiredSlot(c);
  yield health;
  yield school('Trường Mầm non');
  yield village;
  yield armed;
  if (c.type === 'phuong') yield school('Trường THPT');
  for (;;) {
    const x = rng.next();
    if (c.type === 'mountain') {
      if (x < 0.06) yield school();
      else if (x < 0.09) yield enterprise('enterprise', false);
      else yield village;
    } else if (c.type === 'phuong' || c.type === 'dac_khu') {
      if (x < 0.14) yield retiredSlot(c);
      else if (x < 0.19) yield school();
      else if (x < 0.26) yield enterprise(rng.chance(0.3) ? 'fdi' : 'enterprise', false);
      else if (x < 0.29) yield enterprise(rng.chance(0.3) ? 'fdi' : 'enterprise', true);
      else yield village;
    } else {
      if (x < 0.04) yield retiredSlot(c);
      else if (x < 0.1) yield school();
      else if (x < 0.16) yield enterprise('enterprise', false);
      else if (x < 0.18) yield enterprise('enterprise', true);
      else yield village;
    }
  }
}

function fillCommune(c: CommuneCtx): void {
  for (const slot of communeSlots(c)) {
    if (c.budget.empty) break;
    slot();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Shapes

function buildCurrent(b: Builder, total: number, places: PlaceNames, ent: Enterprises): void {
  const blocs: Bloc[] = [
    { prefix: 'CQD', name: 'Đảng bộ các cơ quan Đảng tỉnh', kind: 'agency_bloc_committee', share: 0.03, cap: 6000, units: PARTY_AGENCY_UNITS, more: null },
    { prefix: 'UBND', name: 'Đảng bộ Ủy ban nhân dân tỉnh', kind: 'agency_bloc_committee', share: 0.08, cap: 30000, units: GOVERNMENT_UNITS, more: (i) => ent.unit(i % 4 === 3 ? 'fdi' : 'enterprise', i % 3 === 0) },
    { prefix: 'QS', name: 'Đảng bộ Quân sự tỉnh', kind: 'armed_forces_committee', share: 0.025, cap: 8000, units: MILITARY_UNITS, more: defenceZone },
    { prefix: 'CA', name: 'Đảng bộ Công an tỉnh', kind: 'police_committee', share: 0.03, cap: 10000, units: POLICE_UNITS, more: null },
  ];
  // Blocs first (they may not use their whole share), communes take the rest.
  let used = 0;
  const blocNodes: Node[] = [];
  for (const bloc of blocs) {
    const r = buildBloc(b, bloc, total);
    if (r.node) blocNodes.push(r.node);
    used += r.used;
  }
  const budget = new Budget(total - used);
  const communes: Node[] = [];
  for (let i = 0; !budget.empty; i++) {
    const type: CommuneType =
      i === 0 ? 'xa' : i === 1 ? 'mountain' : i === 2 ? 'phuong' : i === 6 ? 'dac_khu' : ((x) => (x < 0.25 ? 'phuong' : x < 0.5 ? 'mountain' : 'xa'))(b.rng.next());
    const [lo, hi] = type === 'phuong' ? [1300, 3600] : type === 'mountain' ? [400, 1400] : type === 'dac_khu' ? [500, 1200] : [900, 2600];
    const base = places.next(type === 'mountain' ? 'highland' : 'lowland');
    const w = UNIT_WORD[type];
    const prefix = type === 'phuong' ? 'P' : type === 'dac_khu' ? 'DK' : 'X';
    const node = b.node(b.root, 'commune_committee', prefix, `Đảng bộ ${w} ${base}`);
    communes.push(node);
    fillCommune({
      b, node, type, base, place: `${w} ${base}`, budget: budget.split(b.rng, lo, hi, 300), enterprises: ent,
      first: i === 0, legacy: false, villageNames: villageNamer(b.rng, type), counters: { retired: 0, school: 0 },
    });
  }
  b.root.children = [...communes, ...blocNodes];
}

type DistrictType = 'thanh_pho' | 'thi_xa' | 'huyen' | 'huyen_mountain';

function buildLegacy(b: Builder, total: number, places: PlaceNames, ent: Enterprises): void {
  const blocs: Bloc[] = [
    { prefix: 'KCQ', name: 'Đảng bộ Khối các cơ quan tỉnh', kind: 'agency_bloc_committee', share: 0.12, cap: 15000, units: [...PARTY_AGENCY_UNITS, ...GOVERNMENT_UNITS.filter((u) => u.profile !== 'state_enterprise')], more: null },
    { prefix: 'KDN', name: 'Đảng bộ Khối Doanh nghiệp tỉnh', kind: 'agency_bloc_committee', share: 0.06, cap: 15000, units: GOVERNMENT_UNITS.filter((u) => u.profile === 'state_enterprise'), more: (i) => ent.unit(i % 4 === 3 ? 'fdi' : 'enterprise', i % 3 !== 1) },
    { prefix: 'QS', name: 'Đảng bộ Quân sự tỉnh', kind: 'armed_forces_committee', share: 0.03, cap: 6000, units: MILITARY_UNITS, more: defenceZone },
    { prefix: 'CA', name: 'Đảng bộ Công an tỉnh', kind: 'police_committee', share: 0.04, cap: 8000, units: POLICE_UNITS, more: null },
  ];
  let used = 0;
  const blocNodes: Node[] = [];
  for (const bloc of blocs) {
    const r = buildBloc(b, bloc, total);
    if (r.node) blocNodes.push(r.node);
    used += r.used;
  }
  const budget = new Budget(total - used);
  const districts: Node[] = [];
  for (let i = 0; !budget.empty; i++) {
    const type: DistrictType = i === 0 ? 'thanh_pho' : i === 1 ? 'huyen_mountain' : i === 3 ? 'thi_xa' : b.rng.chance(0.3) ? 'huyen_mountain' : 'huyen';
    const base = i === 0 ? 'Minh Sơn' : places.next(type === 'huyen_mountain' ? 'highland' : 'lowland');
    const word = type === 'thanh_pho' ? 'thành phố' : type === 'thi_xa' ? 'thị xã' : 'huyện';
    const committee = type === 'thanh_pho' ? 'Thành ủy' : type === 'thi_xa' ? 'Thị ủy' : 'Huyện ủy';
    const prefix = type === 'thanh_pho' ? 'TP' : type === 'thi_xa' ? 'TX' : 'H';
    // Small demo provinces still get several districts: district sizes shrink with the province.
    const f = Math.min(1, Math.max(0.2, total / 120_000));
    const [lo, hi] = (type === 'thanh_pho' ? [9000, 16000] : type === 'huyen_mountain' ? [3000, 7000] : [5000, 12000]).map((x) => Math.round(x * f));
    const node = b.node(b.root, 'district_committee', prefix, `Đảng bộ ${word} ${base}`);
    districts.push(node);
    const db = budget.split(b.rng, lo, hi, Math.round(1500 * f));
    const urban = type === 'thanh_pho' || type === 'thi_xa';
    const districtUnits: Slot[] = [
      () => b.unit(node, { unit: `Cơ quan ${committee}`, profile: 'agency', size: [12, 35] }, db, null),
      () => b.unit(node, { unit: `Cơ quan Chính quyền ${word}`, profile: 'agency', branches: { names: listed(['Chi bộ Văn phòng HĐND và UBND', 'Chi bộ Phòng Tài chính – Kế hoạch', 'Chi bộ Phòng Nội vụ', 'Chi bộ Phòng Giáo dục và Đào tạo', 'Chi bộ Phòng Tài nguyên và Môi trường'], 'Chi bộ Phòng'), count: [3, 6], size: [6, 25] } }, db, null),
      () => b.unit(node, { unit: `Quân sự ${word}`, profile: 'military', branches: { names: listed(['Chi bộ Cơ quan Ban Chỉ huy Quân sự', 'Chi bộ Trung đội Dân quân cơ động'], 'Chi bộ Trung đội'), count: [2, 3], size: [8, 25] } }, db, null),
      () => b.unit(node, { unit: `Công an ${word}`, profile: 'police', branches: { names: numbered('Chi bộ Đội'), count: [3, 6], size: [10, 35] } }, db, null),
      () => b.unit(node, { unit: `Trường THPT ${places.next('lowland')}`, profile: 'school', size: [10, 40] }, db, null),
      () => b.unit(node, { unit: `Trung tâm Y tế ${word}`, profile: 'health', branches: { names: listed(['Chi bộ Khối Điều trị', 'Chi bộ Khối Dự phòng', 'Chi bộ Phòng khám khu vực'], 'Chi bộ Phòng khám khu vực'), count: [2, 4], size: [8, 30] } }, db, null),
      () => b.unit(node, { unit: `Cơ quan Mặt trận và các đoàn thể ${word}`, profile: 'agency', size: [10, 30] }, db, null),
    ];
    const commune = (k: number) => () => {
      const ct: CommuneType = urban ? (b.rng.chance(0.8) ? 'phuong' : 'xa') : type === 'huyen_mountain' ? (b.rng.chance(0.85) ? 'mountain' : 'xa') : 'xa';
      const cb = places.next(ct === 'mountain' ? 'highland' : 'lowland');
      const w = UNIT_WORD[ct];
      const [clo, chi] = ct === 'phuong' ? [250, 1000] : ct === 'mountain' ? [80, 400] : [150, 900];
      const cnode = b.node(node, 'grassroots_committee', 'CS', `Đảng bộ ${w} ${cb}`);
      fillCommune({
        b, node: cnode, type: ct, base: cb, place: `${w} ${cb}`, budget: db.split(b.rng, clo, chi, 60), enterprises: ent,
        first: i === 0 && k === 0, legacy: true, villageNames: villageNamer(b.rng, ct), counters: { retired: 0, school: 0 },
      });
    };
    // The committee's own agency first, then communes interleaved with the district's units.
    const order: Slot[] = [districtUnits[0], commune(0)];
    for (let k = 1; k < districtUnits.length; k++) order.push(commune(k), districtUnits[k]);
    for (const s of order) {
      if (db.empty) break;
      s();
    }
    for (let k = districtUnits.length; !db.empty; k++) {
      const x = b.rng.next();
      if (x < 0.8) commune(k)();
      else if (x < 0.86) b.unit(node, { unit: `Trường THPT ${places.next('lowland')}`, profile: 'school', size: [10, 40] }, db, null);
      else b.unit(node, ent.unit(urban && b.rng.chance(0.3) ? 'fdi' : 'enterprise', b.rng.chance(0.3)), db, null);
    }
  }
  b.root.children = [...districts, ...blocNodes];
}

// ---------------------------------------------------------------------------------------------------------
// Finishing the tree: codes, order, plan

function finalize(root: Node): Node[] {
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

interface PlanOrgs {
  provinceKey: string;
  districtLikeKey: string;
  grassrootsKey: string;
  branchKey: string;
}

/** Picks the orgs for the demo accounts; shared by the generator (before members exist) and the plan. */
function choosePlanOrgs(orgs: readonly DemoOrg[], sizeOf: (key: string) => number): PlanOrgs {
  const children = new Map<string, DemoOrg[]>();
  let root: DemoOrg | undefined;
  for (const o of orgs) {
    if (o.parentKey === null) root = o;
    else {
      let list = children.get(o.parentKey);
      if (!list) children.set(o.parentKey, (list = []));
      list.push(o);
    }
  }
  if (!root) throw new Error('demo province has no root org');
  const kids = (k: string) => children.get(k) ?? [];
  const firstBranch = (from: DemoOrg, min: number): DemoOrg | null => {
    for (const c of kids(from.key)) {
      if (c.kind === 'branch' && sizeOf(c.key) >= min) return c;
      const deeper = firstBranch(c, min);
      if (deeper) return deeper;
    }
    return null;
  };
  const rankOne = kids(root.key);
  const candidates: PlanOrgs[] = [];
  for (const minGrassroots of [2, 1]) {
    for (const minSize of [10, 1]) {
      for (const d of rankOne) {
        const grassroots = kids(d.key).filter((c) => c.levelCode === 'grassroots');
        if (grassroots.length < minGrassroots) continue;
        for (const g of grassroots) {
          const br = firstBranch(g, minSize);
          if (br) return { provinceKey: root.key, districtLikeKey: d.key, grassrootsKey: g.key, branchKey: br.key };
        }
        const br = firstBranch(d, minSize);
        if (br && grassroots.length > 0) candidates.push({ provinceKey: root.key, districtLikeKey: d.key, grassrootsKey: grassroots[0].key, branchKey: br.key });
      }
      if (candidates.length) return candidates[0];
    }
  }
  // Tiny provinces: whatever exists.
  const d = rankOne[0] ?? root;
  const leaf = orgs.find((o) => o.kind === 'branch') ?? orgs.find((o) => o.kind === 'grassroots_branch') ?? root;
  const g = orgs.find((o) => o.levelCode === 'grassroots') ?? leaf;
  return { provinceKey: root.key, districtLikeKey: d.key, grassrootsKey: g.key, branchKey: leaf.key };
}

export function demoAccountsPlan(p: DemoProvince): DemoAccountsPlan {
  const counts = new Map<string, number>();
  for (const m of p.members) counts.set(m.branchKey, (counts.get(m.branchKey) ?? 0) + 1);
  const orgs = choosePlanOrgs(p.orgs, (k) => counts.get(k) ?? 0);
  const inBranch = p.members.filter((m) => m.branchKey === orgs.branchKey);
  const ordinary = (m: DemoMember) => m.partyPosition === 'Đảng viên' && !m.isCommitteeMember && !m.isExempt;
  const member =
    inBranch.find((m) => m.fullName === 'Nguyễn Văn An' && ordinary(m)) ??
    inBranch.find(ordinary) ??
    inBranch[0] ??
    p.members[0];
  if (!member) throw new Error('demo province has no members');
  return { ...orgs, memberKey: member.key };
}

// ---------------------------------------------------------------------------------------------------------
// Members

/** Search tests and the demo accounts rely on this name. */
const SPECIAL_NAME = 'Nguyễn Văn An';

/** Numbers that look random but never repeat: i → (i·m + offset) mod span, m coprime with span. */
const permute = (i: number, m: number, offset: number, span: number) => (i * m + offset) % span;

function makeMembers(rng: Rng, leaves: Node[], planBranch: Node | null): DemoMember[] {
  const dates = new DateStrings();
  const names = new Names();
  const members: DemoMember[] = [];
  const homePool: string[] = [];
  {
    const pn = new PlaceNames(rng);
    for (let i = 0; i < 80; i++) {
      const other = i % 5 === 4;
      homePool.push(`${i % 7 === 3 ? 'phường' : 'xã'} ${pn.next(i % 4 === 1 ? 'highland' : 'lowland')}, tỉnh ${other ? OTHER_PROVINCES[i % OTHER_PROVINCES.length] : 'Minh Sơn'}`);
    }
  }
  const cardOffset = rng.int(0, 89_999_999);
  const recordOffset = rng.int(0, 899_999);
  const idOffset = rng.int(0, 999_999);
  const idCounters = new Int32Array(400);
  let cardSeq = 0;
  let recordSeq = 0;

  for (const leaf of leaves) {
    const info = leaf.leaf!;
    const cfg = PROFILES[info.profile];
    const size = leaf.size;
    const home = info.place ? `${info.place}, tỉnh Minh Sơn` : null;
    const committee = size >= 9 ? (size >= 30 ? 5 : 3) : size >= 5 && rng.chance(0.5) ? 2 : 1;
    const headIndex = cfg.head === null ? -1 : cfg.secretaryWork ? Math.min(1, size - 1) : rng.chance(0.5) ? 0 : Math.min(size - 1, rng.int(1, 2));
    const localEthnic = info.mountain ? ETHNICITY.highland : cfg.ethnicity === 'agency' ? ETHNICITY.agency : ETHNICITY.lowland;
    const religion = info.mountain ? RELIGION.highland : RELIGION.lowland;
    const domain = cfg.email >= 0.3 ? 'minhson.example' : 'mail.example';

    for (let j = 0; j < size; j++) {
      const idx = members.length;
      const leader = j < committee;
      const isHead = j === headIndex;
      // The demo member account: an ordinary, official, working-age member of the plan's branch.
      const planMember = leaf === planBranch && j === size - 1;
      const forced = planMember || (!leader && !isHead && idx % 1999 === 42);

      // Identity
      const gender: Gender = forced ? 'male' : rng.chance(cfg.male) ? 'male' : 'female';
      const ethnicity = forced ? 'Kinh' : localEthnic.pick(rng);
      const nameId = forced ? names.fixed(SPECIAL_NAME) : names.random(rng, STYLE_OF_ETHNICITY[ethnicity] ?? 'kinh', gender);
      const fullName = names.name(nameId);

      // Age
      let age: number;
      const old = cfg.age === 'old' || (cfg.age === 'mixed' && rng.chance(cfg.oldShare ?? 0));
      if (old) age = 60 + rng.skewed(0, MAX_AGE - 60, 1.3);
      else if (cfg.age === 'young') age = rng.skewed(MIN_AGE, 50, 1.7);
      else age = rng.int(MIN_AGE + (cfg.age === 'mixed' ? 0 : 1), 60);
      if ((leader || isHead) && !old) age = Math.max(age, 30 + rng.int(0, 8));
      if ((leader || planMember) && old) age = Math.min(age, 74);
      age = Math.min(MAX_AGE, Math.max(MIN_AGE, age));
      const birthYear = REF_Y - age;
      const birthYearOnly = rng.chance(age > 70 ? 0.06 : 0.012);
      const birthDay = daysFromCivil(birthYear, 1, 1) + (birthYearOnly ? 0 : rng.int(0, 364));
      const birthDate = dates.day(birthDay);

      // Party history
      const pProb = leader || isHead || planMember ? 0 : age < 30 ? 0.17 : age < 40 ? 0.06 : age < 50 ? 0.02 : 0;
      const status: MemberStatus = rng.chance(pProb) ? 'probationary' : 'official';
      let admissionDay: number;
      if (status === 'probationary') admissionDay = REF_DAY - rng.int(7, 360);
      else {
        const earliest = birthDay + 6575 + 1; // 18 years
        // Leaders have been members for a few years at least.
        const latest = REF_DAY - 366 - rng.int(0, 30) - (leader || isHead ? 3 * 365 : 0);
        admissionDay = earliest + Math.floor(Math.pow(rng.next(), old ? 1.6 : 1.3) * Math.max(0, latest - earliest));
      }
      const admissionDate = dates.day(admissionDay);
      const officialDate = status === 'official' ? dates.dayPlusYear(admissionDay) : null;
      const cardNumber = status === 'official' && rng.chance(0.995) ? String(10_000_000 + permute(cardSeq++, 37_249_837, cardOffset, 90_000_000)) : null;
      const recordNumber = rng.chance(0.97) ? `${100_000 + permute(recordSeq++, 524_287, recordOffset, 900_000)}MS` : null;

      // Work
      let workplaceKind: WorkplaceKind;
      if (cfg.workplace !== 'mixed') workplaceKind = cfg.workplace;
      else if (age >= 62) workplaceKind = rng.chance(0.8) ? 'retired' : 'other';
      else if (isHead) workplaceKind = 'other';
      else {
        workplaceKind = MIXED_WORKPLACE.pick(rng);
        if (workplaceKind === 'retired' && age < 50) workplaceKind = 'other';
      }
      const partyPosition = j === 0 ? 'Bí thư chi bộ' : j === 1 && committee >= 2 ? 'Phó Bí thư chi bộ' : leader ? 'Chi ủy viên' : 'Đảng viên';
      let workPosition = isHead
        ? cfg.head
        : j === 0 && cfg.secretaryWork
          ? cfg.secretaryWork
          : workplaceKind === 'retired' && cfg.workplace === 'mixed'
            ? null
            : cfg.staff.pick(rng);
      if (gender === 'male' && workPosition?.includes('Phụ nữ')) workPosition = null;
      const qualification = cfg.qualification.pick(rng);
      let theoryLevel: TheoryLevel | null =
        status === 'probationary' ? (rng.chance(0.2) ? 'so_cap' : null) : (j === 0 || isHead ? cfg.leaderTheory : cfg.theory).pick(rng);
      if (age < 35 && (theoryLevel === 'cao_cap' || theoryLevel === 'cu_nhan')) theoryLevel = 'trung_cap';

      // Personal
      let personalId: string | null = null;
      if (rng.chance(0.92)) {
        const centuryGender = (birthYear >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
        const yy = birthYear % 100;
        const bucket = centuryGender * 100 + yy;
        const serial = permute(idCounters[bucket]++, 370_373, (idOffset + (Math.imul(bucket + 1, 0x9e3779b1) >>> 0)) % 1_000_000, 1_000_000);
        personalId = `098${centuryGender}${pad2(yy)}${String(serial).padStart(6, '0')}`;
      }
      const isExempt = !leader && !isHead && age > 75 && rng.chance(0.4);
      const phone = rng.chance(age > 75 ? 0.6 : 0.93) ? `09${String(rng.int(0, 99_999_999)).padStart(8, '0')}` : null;
      const email = rng.chance(age > 70 ? cfg.email / 4 : cfg.email) ? `${names.slug(nameId)}${rng.int(1, 99)}@${domain}` : null;
      const x = rng.next();
      const homeTown = x < 0.03 ? null : home && x < 0.72 ? home : homePool[Math.floor(rng.next() * homePool.length)];

      members.push({
        key: `m${String(idx + 1).padStart(7, '0')}`,
        branchKey: leaf.code,
        fullName,
        gender,
        birthDate,
        birthYearOnly,
        homeTown,
        ethnicity,
        religion: religion.pick(rng),
        cardNumber,
        recordNumber,
        status,
        admissionDate,
        officialDate,
        qualification,
        theoryLevel,
        partyPosition,
        workPosition,
        personalId,
        workplaceKind,
        isRemoteArea: info.mountain && rng.chance(0.9),
        isExempt,
        isHeadOfUnit: isHead,
        isCommitteeMember: leader,
        phone,
        email,
      });
    }
  }
  return members;
}

// ---------------------------------------------------------------------------------------------------------
// Entry point

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
