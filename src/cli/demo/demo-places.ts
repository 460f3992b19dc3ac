/** Place names for the demo province, invented from generic syllables; real province and city names are excluded. */
import type { Rng } from './demo-random.js';

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
export const OTHER_PROVINCES = ['Lam Giang', 'Vân Châu', 'Hải Trung', 'Bình Nguyên'] as const;

/** Hands out unique place names from a deterministically shuffled pool; numbers them when it runs dry. */
export class PlaceNames {
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

export const VILLAGE_NAMES = [
  'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Tân Lập', 'Tân Thành', 'Đồng Tâm', 'Thống Nhất', 'Quyết Tiến',
  'Hợp Nhất', 'Đoàn Kết', 'Tiền Phong', 'Thắng Lợi', 'Cầu Đá', 'Bãi Sậy', 'Đồng Xanh', 'Gò Mít', 'Phú Mỹ',
  'Bình An', 'Trại Mới', 'Xóm Chùa', 'Đồng Bông', 'Cây Đa', 'Thượng', 'Hạ', 'Ngọc Hà', 'Làng Vạn',
] as const;
export const HAMLET_FIRST = ['Nà', 'Pá', 'Khau', 'Lũng', 'Phiêng', 'Huổi', 'Co', 'Nậm', 'Bó', 'Cốc'] as const;
export const HAMLET_SECOND = ['Lìn', 'Chang', 'Mạ', 'Sảng', 'Tà', 'Hon', 'Pẻn', 'Ngòa', 'Cuổi', 'Mòn', 'Khét', 'Lay'] as const;
