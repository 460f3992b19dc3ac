import { Select } from 'antd';
import { FILTER_KEYS, type FilterKey } from '../api';
import { FILTER_LABELS, GENDERS, LABELS, MEMBER_FLAGS, MEMBER_STATUSES, THEORY_LEVELS, WORKPLACE_KINDS } from '../../../shared/i18n/vi';

type Options = Array<{ value: string; label: string }>;
const yesNo: Options = [{ value: 'true', label: FILTER_LABELS.yes }, { value: 'false', label: FILTER_LABELS.no }];

const FILTERS: Record<FilterKey, { label: string; options: Options }> = {
  gender: { label: FILTER_LABELS.gender, options: GENDERS.map((g) => ({ value: g, label: LABELS.gender[g] })) },
  status: { label: FILTER_LABELS.status, options: MEMBER_STATUSES.map((s) => ({ value: s, label: LABELS.status[s] })) },
  theoryLevel: { label: FILTER_LABELS.theoryLevel, options: THEORY_LEVELS.map((t) => ({ value: t, label: LABELS.theoryLevel[t] })) },
  workplaceKind: { label: FILTER_LABELS.workplaceKind, options: WORKPLACE_KINDS.map((w) => ({ value: w, label: LABELS.workplaceKind[w] })) },
  isExempt: { label: MEMBER_FLAGS.isExempt, options: yesNo },
  isRemoteArea: { label: MEMBER_FLAGS.isRemoteArea, options: yesNo },
  isHeadOfUnit: { label: MEMBER_FLAGS.isHeadOfUnit, options: yesNo },
  isCommitteeMember: { label: MEMBER_FLAGS.isCommitteeMember, options: yesNo },
};

interface Props { value: Partial<Record<FilterKey, string>>; onChange: (key: FilterKey, value: string | undefined) => void }

/** Giới tính, Loại đảng viên, Trình độ LLCT, Nơi làm việc and the four yes/no flags. */
export function MemberFilters({ value, onChange }: Props) {
  return (
    <div className="qt-filters">
      {FILTER_KEYS.map((key) => (
        <div key={key}>
          <label htmlFor={`filter-${key}`}>{FILTERS[key].label}</label>
          <Select
            id={`filter-${key}`}
            style={{ width: '100%' }}
            allowClear
            placeholder={FILTER_LABELS.all}
            value={value[key]}
            options={FILTERS[key].options}
            onChange={(v: string | undefined) => onChange(key, v ?? undefined)}
          />
        </div>
      ))}
    </div>
  );
}
