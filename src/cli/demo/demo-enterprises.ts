/** Enterprises of the demo province: invented names, unique across the province. */
import type { PlaceNames } from './demo-places.js';
import type { Rng } from './demo-random.js';
import { listed, type UnitDef } from './demo-tree.js';

const INDUSTRIES = [
  'May mặc', 'Xây dựng', 'Chế biến Nông sản', 'Thủy sản', 'Vận tải', 'Cơ khí', 'Gạch ngói', 'Thương mại',
  'Dịch vụ Du lịch', 'Nước sạch', 'Môi trường Đô thị', 'Giống cây trồng', 'Vật liệu Xây dựng', 'Chè', 'Cà phê',
  'Lâm nghiệp', 'Đầu tư Phát triển', 'Dược phẩm', 'Thức ăn Chăn nuôi', 'Điện cơ', 'In và Bao bì', 'Gỗ mỹ nghệ',
] as const;
const FOREIGN_HEADS = ['Vel', 'Kas', 'Nor', 'Tam', 'Bren', 'Lum', 'Sol', 'Dae', 'Mir', 'Hex', 'Cor', 'Zen', 'Alt', 'Fen', 'Gal', 'Qu'] as const;
const FOREIGN_TAILS = ['ora', 'tim', 'vik', 'sun', 'co', 'era', 'tek', 'win', 'aka', 'lan', 'vana', 'tio'] as const;
const FDI_TRADES = ['Điện tử', 'May', 'Giày da', 'Linh kiện', 'Nhựa', 'Dệt', 'Cơ khí chính xác', 'Thực phẩm'] as const;

/** Enterprises, endless; names unique across the province. */
export class Enterprises {
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
