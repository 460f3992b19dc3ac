/** Unit definitions: provincial units (party agencies, government, armed forces, police) and a legacy district's own. */
import { listed, numbered, type Range, type UnitDef } from './demo-tree.js';

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

export const PARTY_AGENCY_UNITS: UnitDef[] = [
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

export const GOVERNMENT_UNITS: UnitDef[] = [
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

export const MILITARY_UNITS: UnitDef[] = [
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

export const defenceZone = (i: number): UnitDef => ({
  unit: `Ban Chỉ huy Phòng thủ khu vực ${i + 1}`, profile: 'military',
  branches: { names: listed(['Chi bộ Cơ quan', 'Chi bộ Trung đội Dân quân thường trực', 'Chi bộ Kho vũ khí'], 'Chi bộ Trung đội'), count: [2, 4], size: [12, 40] },
});

const POLICE_DEPARTMENTS = [
  'Phòng Tham mưu', 'Phòng Công tác Đảng và Công tác chính trị', 'Phòng An ninh chính trị nội bộ', 'Phòng An ninh kinh tế',
  'Phòng Cảnh sát hình sự', 'Phòng Cảnh sát kinh tế', 'Phòng Cảnh sát điều tra tội phạm về ma túy', 'Phòng Cảnh sát giao thông',
  'Phòng Cảnh sát quản lý hành chính về trật tự xã hội', 'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  'Phòng Hậu cần', 'Trại tạm giam', 'Phòng Cảnh sát cơ động', 'Phòng Cảnh sát điều tra', 'Phòng An ninh điều tra',
] as const;
export const POLICE_UNITS: UnitDef[] = POLICE_DEPARTMENTS.map((unit) => ({
  unit, profile: 'police',
  branches: { names: numbered('Chi bộ Đội'), count: [2, 6], size: [20, 65] },
}));

/**
 * A legacy district's own units, in build order (its committee's agency first). Definitions are made when
 * the unit is built, so `highSchool` is asked for a name only then.
 */
export function districtUnits(word: string, committee: string, highSchool: () => UnitDef): (() => UnitDef)[] {
  return [
    () => ({ unit: `Cơ quan ${committee}`, profile: 'agency', size: [12, 35] }),
    () => ({ unit: `Cơ quan Chính quyền ${word}`, profile: 'agency', branches: { names: listed(['Chi bộ Văn phòng HĐND và UBND', 'Chi bộ Phòng Tài chính – Kế hoạch', 'Chi bộ Phòng Nội vụ', 'Chi bộ Phòng Giáo dục và Đào tạo', 'Chi bộ Phòng Tài nguyên và Môi trường'], 'Chi bộ Phòng'), count: [3, 6], size: [6, 25] } }),
    () => ({ unit: `Quân sự ${word}`, profile: 'military', branches: { names: listed(['Chi bộ Cơ quan Ban Chỉ huy Quân sự', 'Chi bộ Trung đội Dân quân cơ động'], 'Chi bộ Trung đội'), count: [2, 3], size: [8, 25] } }),
    () => ({ unit: `Công an ${word}`, profile: 'police', branches: { names: numbered('Chi bộ Đội'), count: [3, 6], size: [10, 35] } }),
    highSchool,
    () => ({ unit: `Trung tâm Y tế ${word}`, profile: 'health', branches: { names: listed(['Chi bộ Khối Điều trị', 'Chi bộ Khối Dự phòng', 'Chi bộ Phòng khám khu vực'], 'Chi bộ Phòng khám khu vực'), count: [2, 4], size: [8, 30] } }),
    () => ({ unit: `Cơ quan Mặt trận và các đoàn thể ${word}`, profile: 'agency', size: [10, 30] }),
  ];
}
