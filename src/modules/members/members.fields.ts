/**
 * The member record as the rest of the system sees it: the attribute set, its enumerations and their
 * Vietnamese labels. Import, export, the demo generator, the API and the UI all read this one file.
 */

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const MEMBER_STATUSES = ['official', 'probationary'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const THEORY_LEVELS = ['so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'] as const;
export type TheoryLevel = (typeof THEORY_LEVELS)[number];

export const WORKPLACE_KINDS = [
  'state_agency',
  'public_service_unit',
  'state_enterprise',
  'non_state_enterprise',
  'foreign_invested_enterprise',
  'armed_forces',
  'retired',
  'other',
] as const;
export type WorkplaceKind = (typeof WORKPLACE_KINDS)[number];

export const LABELS = {
  gender: { male: 'Nam', female: 'Nữ' } satisfies Record<Gender, string>,
  status: { official: 'Chính thức', probationary: 'Dự bị' } satisfies Record<MemberStatus, string>,
  theoryLevel: {
    so_cap: 'Sơ cấp',
    trung_cap: 'Trung cấp',
    cao_cap: 'Cao cấp',
    cu_nhan: 'Cử nhân',
  } satisfies Record<TheoryLevel, string>,
  workplaceKind: {
    state_agency: 'Cơ quan nhà nước',
    public_service_unit: 'Đơn vị sự nghiệp công lập',
    state_enterprise: 'Doanh nghiệp nhà nước',
    non_state_enterprise: 'Doanh nghiệp ngoài nhà nước',
    foreign_invested_enterprise: 'Doanh nghiệp có vốn đầu tư nước ngoài',
    armed_forces: 'Lực lượng vũ trang',
    retired: 'Nghỉ hưu',
    other: 'Khác',
  } satisfies Record<WorkplaceKind, string>,
} as const;

/** A calendar date as ISO `yyyy-mm-dd`; a birth date known only by its year keeps `birthYearOnly`. */
export type IsoDate = string;

/** The attributes of a member, without identity and placement. */
export interface MemberAttributes {
  fullName: string;
  gender: Gender | null;
  birthDate: IsoDate | null;
  birthYearOnly: boolean;
  homeTown: string | null;
  ethnicity: string | null;
  religion: string | null;
  cardNumber: string | null; // số thẻ đảng viên, 8 digits
  recordNumber: string | null; // số lý lịch
  status: MemberStatus;
  admissionDate: IsoDate | null; // ngày vào Đảng
  officialDate: IsoDate | null; // ngày chính thức
  qualification: string | null; // trình độ chuyên môn
  theoryLevel: TheoryLevel | null; // trình độ lý luận chính trị
  partyPosition: string | null; // chức vụ Đảng
  workPosition: string | null; // chức vụ chính quyền / đoàn thể
  personalId: string | null; // CCCD: sensitive
  workplaceKind: WorkplaceKind | null;
  isRemoteArea: boolean;
  isExempt: boolean; // miễn sinh hoạt
  isHeadOfUnit: boolean;
  isCommitteeMember: boolean;
  phone: string | null;
  email: string | null;
}

/**
 * One member row read from a spreadsheet. `branch` is what the sheet says the branch is (name or code),
 * or null when the sheet is the list of one branch and the branch comes from the import's target.
 */
export interface ParsedMemberRow extends MemberAttributes {
  /** Row number as Excel shows it (1-based). */
  row: number;
  branch: string | null;
}

export const CARD_NUMBER_PATTERN = /^\d{8}$/;
export const PERSONAL_ID_PATTERN = /^\d{12}$/;
