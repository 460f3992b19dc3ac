/** Member profiles: what a branch's members look like (sex, age, work, schooling, ethnicity, religion). */
import type { TheoryLevel, WorkplaceKind } from '../../modules/members/members.fields.js';
import { Picker } from './demo-random.js';

export type Profile =
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

export interface ProfileCfg {
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

export const PROFILES: Record<Profile, ProfileCfg> = {
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
export const MIXED_WORKPLACE = new Picker<WorkplaceKind>([
  ['other', 55], ['non_state_enterprise', 15], ['public_service_unit', 10], ['state_agency', 6], ['armed_forces', 3],
  ['state_enterprise', 3], ['foreign_invested_enterprise', 2], ['retired', 6],
]);

export const ETHNICITY = {
  lowland: new Picker([['Kinh', 97], ['Mường', 1], ['Tày', 0.8], ['Thái', 0.6], ['Nùng', 0.3], ['Dao', 0.2], ['Hoa', 0.1]]),
  highland: new Picker([['Kinh', 22], ['Tày', 15], ['Thái', 20], ['Mường', 10], ["H'Mông", 20], ['Dao', 9], ['Nùng', 4]]),
  agency: new Picker([['Kinh', 92], ['Tày', 2.5], ['Thái', 2], ['Mường', 1.5], ['Nùng', 1], ["H'Mông", 0.5], ['Dao', 0.5]]),
} as const;

export const RELIGION = {
  lowland: new Picker([['Không', 89], ['Phật giáo', 7], ['Công giáo', 3.5], ['Cao Đài', 0.3], ['Tin lành', 0.2]]),
  highland: new Picker([['Không', 90], ['Tin lành', 5], ['Phật giáo', 3], ['Công giáo', 2]]),
} as const;
