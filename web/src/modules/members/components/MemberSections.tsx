import { Card, Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MemberDetail } from '../api';
import { formatBirthDate, formatIsoDate } from '../../../shared/lib/format';
import { LABELS } from '../../../shared/i18n/vi';

const T = {
  personal: 'Thông tin cá nhân', party: 'Thông tin Đảng', education: 'Trình độ', work: 'Công tác', contact: 'Liên hệ',
  fullName: 'Họ và tên', birthDate: 'Ngày sinh', birthYear: 'Năm sinh', gender: 'Giới tính', ethnicity: 'Dân tộc', religion: 'Tôn giáo',
  homeTown: 'Quê quán', personalId: 'Số CCCD', cardNumber: 'Số thẻ đảng viên', recordNumber: 'Số lý lịch', admissionDate: 'Ngày vào Đảng',
  officialDate: 'Ngày chính thức', status: 'Loại đảng viên', branch: 'Chi bộ sinh hoạt', qualification: 'Trình độ chuyên môn',
  theoryLevel: 'Trình độ lý luận chính trị', partyPosition: 'Chức vụ Đảng', workPosition: 'Chức vụ chính quyền, đoàn thể',
  workplaceKind: 'Nơi làm việc', phone: 'Điện thoại', email: 'Thư điện tử', none: 'Chưa có thông tin',
};

type Item = { key: string; label: string; value: ReactNode };

const show = (v: ReactNode) => (v === null || v === undefined || v === '' ? <Typography.Text type="secondary">{T.none}</Typography.Text> : v);

export function memberGroups(m: MemberDetail, branchLink?: ReactNode): Array<{ key: string; title: string; items: Item[] }> {
  const personal: Item[] = [
    { key: 'fullName', label: T.fullName, value: m.fullName },
    { key: 'birthDate', label: m.birthYearOnly ? T.birthYear : T.birthDate, value: formatBirthDate(m.birthDate, m.birthYearOnly) },
    { key: 'gender', label: T.gender, value: m.gender ? LABELS.gender[m.gender] : null },
    { key: 'ethnicity', label: T.ethnicity, value: m.ethnicity },
    { key: 'religion', label: T.religion, value: m.religion },
    { key: 'homeTown', label: T.homeTown, value: m.homeTown },
  ];
  // CCCD is sensitive: when the server says the viewer may not see it, the row does not exist at all.
  if (m.abilities.canSeePersonalId) personal.push({ key: 'personalId', label: T.personalId, value: m.personalId });
  return [
    { key: 'personal', title: T.personal, items: personal },
    {
      key: 'party', title: T.party, items: [
        { key: 'cardNumber', label: T.cardNumber, value: m.cardNumber },
        { key: 'recordNumber', label: T.recordNumber, value: m.recordNumber },
        { key: 'admissionDate', label: T.admissionDate, value: formatIsoDate(m.admissionDate) },
        { key: 'officialDate', label: T.officialDate, value: formatIsoDate(m.officialDate) },
        { key: 'status', label: T.status, value: LABELS.status[m.status] ?? m.status },
        { key: 'branch', label: T.branch, value: branchLink ?? m.branch?.name },
      ],
    },
    {
      key: 'education', title: T.education, items: [
        { key: 'qualification', label: T.qualification, value: m.qualification },
        { key: 'theoryLevel', label: T.theoryLevel, value: m.theoryLevel ? LABELS.theoryLevel[m.theoryLevel] : null },
      ],
    },
    {
      key: 'work', title: T.work, items: [
        { key: 'partyPosition', label: T.partyPosition, value: m.partyPosition },
        { key: 'workPosition', label: T.workPosition, value: m.workPosition },
        { key: 'workplaceKind', label: T.workplaceKind, value: m.workplaceKind ? LABELS.workplaceKind[m.workplaceKind] : null },
      ],
    },
    {
      key: 'contact', title: T.contact, items: [
        { key: 'phone', label: T.phone, value: m.phone && <a href={`tel:${m.phone.replace(/[^0-9+]/g, '')}`}>{m.phone}</a> },
        { key: 'email', label: T.email, value: m.email && <a href={`mailto:${m.email}`}>{m.email}</a> },
      ],
    },
  ];
}

/** Each group of attributes in its own card; `large` is a plain list in big type, for a member's own page. */
export function MemberSections({ member, large, branchLink }: { member: MemberDetail; large: boolean; branchLink?: ReactNode }) {
  return (
    <>
      {memberGroups(member, branchLink).map((g) => (
        <Card key={g.key} title={g.title} data-testid={`member-section-${g.key}`}>
          {large ? (
            <dl className="qt-large-list">
              {g.items.map((i) => (
                <div key={i.key} className="qt-large-item">
                  <dt>{i.label}</dt>
                  <dd>{show(i.value)}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <Descriptions
              column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
              items={g.items.map((i) => ({ key: i.key, label: i.label, children: show(i.value) }))}
            />
          )}
        </Card>
      ))}
    </>
  );
}
