/** Members of the demo province, leaf by leaf, in tree order. */
import type { Gender, MemberStatus, TheoryLevel, WorkplaceKind } from '../../modules/members/members.fields.js';
import { DateStrings, daysFromCivil, MAX_AGE, MIN_AGE, pad2, REF_DAY, REF_Y } from './demo-dates.js';
import type { DemoMember } from './demo-model.js';
import { Names, SPECIAL_NAME, STYLE_OF_ETHNICITY } from './demo-names.js';
import { OTHER_PROVINCES, PlaceNames } from './demo-places.js';
import { ETHNICITY, MIXED_WORKPLACE, PROFILES, RELIGION, type ProfileCfg } from './demo-profiles.js';
import type { Picker, Rng } from './demo-random.js';
import type { LeafInfo, Node } from './demo-tree.js';

/** Numbers that look random but never repeat: i → (i·m + offset) mod span, m coprime with span. */
const permute = (i: number, m: number, offset: number, span: number) => (i * m + offset) % span;

/** What the members of one leaf share. */
interface LeafPlan {
  leaf: Node;
  info: LeafInfo;
  cfg: ProfileCfg;
  size: number;
  /** "xã Tân Hòa, tỉnh Minh Sơn", the home town most of its members have. */
  home: string | null;
  /** How many members (the first ones) sit on the committee. */
  committee: number;
  /** Which member heads the unit; -1: none. */
  headIndex: number;
  ethnicity: Picker<string>;
  religion: Picker<string>;
  domain: string;
}

/** One member's place in its leaf. */
interface Seat {
  j: number;
  leader: boolean;
  isHead: boolean;
  /** The demo member account: an ordinary, official, working-age member of the plan's branch. */
  planMember: boolean;
  /** Named SPECIAL_NAME, a Kinh man. */
  forced: boolean;
}

interface Birth {
  age: number;
  old: boolean;
  birthYear: number;
  birthYearOnly: boolean;
  birthDay: number;
}

export function makeMembers(rng: Rng, leaves: Node[], planBranch: Node | null): DemoMember[] {
  const maker = new MemberMaker(rng);
  for (const leaf of leaves) {
    const p = planLeaf(rng, leaf);
    for (let j = 0; j < p.size; j++) maker.add(p, j, leaf === planBranch && j === p.size - 1);
  }
  return maker.members;
}

function planLeaf(rng: Rng, leaf: Node): LeafPlan {
  const info = leaf.leaf!;
  const cfg = PROFILES[info.profile];
  const size = leaf.size;
  const home = info.place ? `${info.place}, tỉnh Minh Sơn` : null;
  const committee = size >= 9 ? (size >= 30 ? 5 : 3) : size >= 5 && rng.chance(0.5) ? 2 : 1;
  const headIndex = cfg.head === null ? -1 : cfg.secretaryWork ? Math.min(1, size - 1) : rng.chance(0.5) ? 0 : Math.min(size - 1, rng.int(1, 2));
  return {
    leaf, info, cfg, size, home, committee, headIndex,
    ethnicity: info.mountain ? ETHNICITY.highland : cfg.ethnicity === 'agency' ? ETHNICITY.agency : ETHNICITY.lowland,
    religion: info.mountain ? RELIGION.highland : RELIGION.lowland,
    domain: cfg.email >= 0.3 ? 'minhson.example' : 'mail.example',
  };
}

/** Home towns of members not from their branch's place: communes of this and other (invented) provinces. */
function makeHomePool(rng: Rng): string[] {
  const pool: string[] = [];
  const pn = new PlaceNames(rng);
  for (let i = 0; i < 80; i++) {
    const other = i % 5 === 4;
    pool.push(`${i % 7 === 3 ? 'phường' : 'xã'} ${pn.next(i % 4 === 1 ? 'highland' : 'lowland')}, tỉnh ${other ? OTHER_PROVINCES[i % OTHER_PROVINCES.length] : 'Minh Sơn'}`);
  }
  return pool;
}

/**
 * Makes members one by one. The order of the random draws is part of the output (the same seed gives the
 * same members), so each step draws exactly what it did when this was one function.
 */
class MemberMaker {
  readonly members: DemoMember[] = [];
  private readonly dates = new DateStrings();
  private readonly names = new Names();
  private readonly homePool: string[];
  private readonly cardOffset: number;
  private readonly recordOffset: number;
  private readonly idOffset: number;
  private readonly idCounters = new Int32Array(400);
  private cardSeq = 0;
  private recordSeq = 0;

  constructor(private readonly rng: Rng) {
    this.homePool = makeHomePool(rng);
    this.cardOffset = rng.int(0, 89_999_999);
    this.recordOffset = rng.int(0, 899_999);
    this.idOffset = rng.int(0, 999_999);
  }

  add(p: LeafPlan, j: number, planMember: boolean): void {
    const rng = this.rng;
    const idx = this.members.length;
    const leader = j < p.committee;
    const isHead = j === p.headIndex;
    const s: Seat = { j, leader, isHead, planMember, forced: planMember || (!leader && !isHead && idx % 1999 === 42) };
    const { gender, ethnicity, nameId } = this.identity(p, s);
    const b = this.birth(p.cfg, s);
    const h = this.history(s, b);
    const w = this.work(p, s, { age: b.age, gender, status: h.status });
    const c = this.personal(p, s, { ...b, gender, nameId });
    const religion = p.religion.pick(rng);
    const isRemoteArea = p.info.mountain && rng.chance(0.9);
    this.members.push({
      key: `m${String(idx + 1).padStart(7, '0')}`, branchKey: p.leaf.code, fullName: this.names.name(nameId), gender,
      birthDate: this.dates.day(b.birthDay), birthYearOnly: b.birthYearOnly, homeTown: c.homeTown, ethnicity, religion,
      cardNumber: h.cardNumber, recordNumber: h.recordNumber, status: h.status, admissionDate: h.admissionDate,
      officialDate: h.officialDate, qualification: w.qualification, theoryLevel: w.theoryLevel, partyPosition: w.partyPosition,
      workPosition: w.workPosition, personalId: c.personalId, workplaceKind: w.workplaceKind, isRemoteArea,
      isExempt: c.isExempt, isHeadOfUnit: isHead, isCommitteeMember: leader, phone: c.phone, email: c.email,
    });
  }

  private identity(p: LeafPlan, s: Seat): { gender: Gender; ethnicity: string; nameId: number } {
    const rng = this.rng;
    const gender: Gender = s.forced ? 'male' : rng.chance(p.cfg.male) ? 'male' : 'female';
    const ethnicity = s.forced ? 'Kinh' : p.ethnicity.pick(rng);
    const nameId = s.forced ? this.names.fixed(SPECIAL_NAME) : this.names.random(rng, STYLE_OF_ETHNICITY[ethnicity] ?? 'kinh', gender);
    return { gender, ethnicity, nameId };
  }

  private birth(cfg: ProfileCfg, s: Seat): Birth {
    const rng = this.rng;
    let age: number;
    const old = cfg.age === 'old' || (cfg.age === 'mixed' && rng.chance(cfg.oldShare ?? 0));
    if (old) age = 60 + rng.skewed(0, MAX_AGE - 60, 1.3);
    else if (cfg.age === 'young') age = rng.skewed(MIN_AGE, 50, 1.7);
    else age = rng.int(MIN_AGE + (cfg.age === 'mixed' ? 0 : 1), 60);
    if ((s.leader || s.isHead) && !old) age = Math.max(age, 30 + rng.int(0, 8));
    if ((s.leader || s.planMember) && old) age = Math.min(age, 74);
    age = Math.min(MAX_AGE, Math.max(MIN_AGE, age));
    const birthYear = REF_Y - age;
    const birthYearOnly = rng.chance(age > 70 ? 0.06 : 0.012);
    const birthDay = daysFromCivil(birthYear, 1, 1) + (birthYearOnly ? 0 : rng.int(0, 364));
    return { age, old, birthYear, birthYearOnly, birthDay };
  }

  /** Party history: status, admission, card and record numbers. */
  private history(s: Seat, b: Birth) {
    const rng = this.rng;
    const pProb = s.leader || s.isHead || s.planMember ? 0 : b.age < 30 ? 0.17 : b.age < 40 ? 0.06 : b.age < 50 ? 0.02 : 0;
    const status: MemberStatus = rng.chance(pProb) ? 'probationary' : 'official';
    let admissionDay: number;
    if (status === 'probationary') admissionDay = REF_DAY - rng.int(7, 360);
    else {
      const earliest = b.birthDay + 6575 + 1; // 18 years
      // Leaders have been members for a few years at least.
      const latest = REF_DAY - 366 - rng.int(0, 30) - (s.leader || s.isHead ? 3 * 365 : 0);
      admissionDay = earliest + Math.floor(Math.pow(rng.next(), b.old ? 1.6 : 1.3) * Math.max(0, latest - earliest));
    }
    const admissionDate = this.dates.day(admissionDay);
    const officialDate = status === 'official' ? this.dates.dayPlusYear(admissionDay) : null;
    const cardNumber = status === 'official' && rng.chance(0.995) ? String(10_000_000 + permute(this.cardSeq++, 37_249_837, this.cardOffset, 90_000_000)) : null;
    const recordNumber = rng.chance(0.97) ? `${100_000 + permute(this.recordSeq++, 524_287, this.recordOffset, 900_000)}MS` : null;
    return { status, admissionDate, officialDate, cardNumber, recordNumber };
  }

  /** Work and schooling: workplace, party and work positions, qualification, political theory. */
  private work(p: LeafPlan, s: Seat, m: { age: number; gender: Gender; status: MemberStatus }) {
    const { rng } = this;
    const { cfg } = p;
    const { j, isHead } = s;
    const workplaceKind = this.workplace(cfg, m.age, isHead);
    const partyPosition = j === 0 ? 'Bí thư chi bộ' : j === 1 && p.committee >= 2 ? 'Phó Bí thư chi bộ' : s.leader ? 'Chi ủy viên' : 'Đảng viên';
    let workPosition = isHead
      ? cfg.head
      : j === 0 && cfg.secretaryWork
        ? cfg.secretaryWork
        : workplaceKind === 'retired' && cfg.workplace === 'mixed'
          ? null
          : cfg.staff.pick(rng);
    if (m.gender === 'male' && workPosition?.includes('Phụ nữ')) workPosition = null;
    const qualification = cfg.qualification.pick(rng);
    let theoryLevel: TheoryLevel | null =
      m.status === 'probationary' ? (rng.chance(0.2) ? 'so_cap' : null) : (j === 0 || isHead ? cfg.leaderTheory : cfg.theory).pick(rng);
    if (m.age < 35 && (theoryLevel === 'cao_cap' || theoryLevel === 'cu_nhan')) theoryLevel = 'trung_cap';
    return { workplaceKind, partyPosition, workPosition, qualification, theoryLevel };
  }

  private workplace(cfg: ProfileCfg, age: number, isHead: boolean): WorkplaceKind {
    if (cfg.workplace !== 'mixed') return cfg.workplace;
    if (age >= 62) return this.rng.chance(0.8) ? 'retired' : 'other';
    if (isHead) return 'other';
    const kind = MIXED_WORKPLACE.pick(this.rng);
    return kind === 'retired' && age < 50 ? 'other' : kind;
  }

  /** Personal details: id number, exemption, phone, e-mail, home town. */
  private personal(p: LeafPlan, s: Seat, m: Birth & { gender: Gender; nameId: number }) {
    const rng = this.rng;
    const personalId = rng.chance(0.92) ? this.personalId(m.birthYear, m.gender) : null;
    const isExempt = !s.leader && !s.isHead && m.age > 75 && rng.chance(0.4);
    const phone = rng.chance(m.age > 75 ? 0.6 : 0.93) ? `09${String(rng.int(0, 99_999_999)).padStart(8, '0')}` : null;
    const email = rng.chance(m.age > 70 ? p.cfg.email / 4 : p.cfg.email) ? `${this.names.slug(m.nameId)}${rng.int(1, 99)}@${p.domain}` : null;
    const x = rng.next();
    const homeTown = x < 0.03 ? null : p.home && x < 0.72 ? p.home : this.homePool[Math.floor(rng.next() * this.homePool.length)];
    return { personalId, isExempt, phone, email, homeTown };
  }

  /** A citizen id of the province (code 098): century and sex, year of birth, a serial unique per bucket. */
  private personalId(birthYear: number, gender: Gender): string {
    const centuryGender = (birthYear >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
    const yy = birthYear % 100;
    const bucket = centuryGender * 100 + yy;
    const offset = (this.idOffset + (Math.imul(bucket + 1, 0x9e3779b1) >>> 0)) % 1_000_000;
    const serial = permute(this.idCounters[bucket]++, 370_373, offset, 1_000_000);
    return `098${centuryGender}${pad2(yy)}${String(serial).padStart(6, '0')}`;
  }
}
