import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useOrgSearch, type OrgSearchHit } from '../api';

const T = { placeholder: 'Gõ tên hoặc mã tổ chức (không cần dấu)', typeToSearch: 'Gõ để tìm tổ chức', none: 'Không tìm thấy tổ chức phù hợp' };

interface Props {
  value?: string | null;
  /** Label of the current value, when it did not come from a search (e.g. the user's scope root). */
  valueLabel?: string;
  onChange: (id: string | null, hit?: OrgSearchHit) => void;
  placeholder?: string;
  excludeIds?: string[];
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
  size?: 'small' | 'middle' | 'large';
}

/** Picks an org in the user's scope by server search (accent-insensitive on the server). */
export function OrgSearchSelect({ value, valueLabel, onChange, placeholder, excludeIds = [], allowClear, id, style, size }: Props) {
  const [term, setTerm] = useState('');
  const [picked, setPicked] = useState<OrgSearchHit | null>(null);
  const search = useOrgSearch(term);
  const hits = useMemo(() => (search.data ?? []).filter((h) => !excludeIds.includes(h.id)), [search.data, excludeIds]);

  const options = hits.map((h) => ({
    value: h.id,
    label: h.name,
    hit: h,
  }));
  if (value && !options.some((o) => o.value === value)) {
    const label = picked?.id === value ? picked.name : valueLabel ?? value;
    options.unshift({ value, label, hit: picked ?? ({ id: value, name: label } as OrgSearchHit) });
  }

  return (
    <Select
      id={id}
      size={size}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      placeholder={placeholder ?? T.placeholder}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      loading={search.isFetching}
      notFoundContent={term.trim() ? (search.isFetching ? null : T.none) : T.typeToSearch}
      options={options}
      optionRender={(o) => {
        const h = (o.data as { hit: OrgSearchHit }).hit;
        return (
          <div style={{ whiteSpace: 'normal', lineHeight: 1.35 }}>
            <div>{h.name}</div>
            {h.levelName && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {h.levelName}{h.parentName ? ` · ${h.parentName}` : ''} · {h.code}
              </Typography.Text>
            )}
          </div>
        );
      }}
      onChange={(v, opt) => {
        const hit = v ? (opt as { hit: OrgSearchHit }).hit : undefined;
        setPicked(hit ?? null);
        onChange(v ?? null, hit);
      }}
    />
  );
}
