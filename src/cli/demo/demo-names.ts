/** Members' names: random combinations of common family, middle and given names, by ethnic naming style. */
import type { Gender } from '../../modules/members/members.fields.js';
import { Picker, uniform, type Rng } from './demo-random.js';

/** Search tests and the demo accounts rely on this name. */
export const SPECIAL_NAME = 'Nguyễn Văn An';

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

export const STYLE_OF_ETHNICITY: Record<string, NameStyle> = {
  Kinh: 'kinh', Tày: 'tay', Nùng: 'tay', Thái: 'thai', Mường: 'muong', "H'Mông": 'hmong', Dao: 'dao', Hoa: 'kinh',
};

const NAME_STYLES: readonly NameStyle[] = ['kinh', 'tay', 'thai', 'muong', 'hmong', 'dao'];

/** Full names and their e-mail slugs, interned (a few tens of thousands of distinct names). */
export class Names {
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
    return this.intern(this.ids, key, () => `${t.family.item(f)} ${t.middle[gender].item(m)} ${t.given[gender].item(g)}`);
  }
  /** The id of a fixed name. */
  fixed(fullName: string): number {
    return this.intern(this.fixedIds, fullName, () => fullName);
  }
  private intern<K>(ids: Map<K, number>, key: K, fullName: () => string): number {
    let id = ids.get(key);
    if (id === undefined) {
      id = this.full.length;
      this.full.push(fullName());
      ids.set(key, id);
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
