import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { checkSchedule, checkSessions, formatDayTime, takenUnits, vnDay } from './conferences.rules.js';

const at = (s: string) => new Date(s);

describe('the conference deadline', () => {
  it('accepts a conference on the deadline day itself, late in the evening', () => {
    expect(checkSchedule({ startsAt: at('2020-12-10T19:30:00+07:00'), endsAt: null }, '2020-12-10')).toEqual([]);
  });

  it('refuses the next day, naming both dates as dd/MM/yyyy', () => {
    const issues = checkSchedule({ startsAt: at('2020-12-11T08:00:00+07:00'), endsAt: null }, '2020-12-10');
    expect(issues).toEqual([{
      rule: 'after_deadline', path: 'startsAt',
      message: 'Ngày hội nghị (11/12/2020) muộn hơn thời hạn tổ chức hội nghị của kế hoạch (10/12/2020)',
    }]);
  });

  it('judges the day in Vietnam: 01:00 UTC+7 on the 11th is still the 10th in UTC but late here', () => {
    expect(vnDay(at('2020-12-10T18:00:00Z'))).toBe('2020-12-11');
    expect(checkSchedule({ startsAt: at('2020-12-10T18:00:00Z'), endsAt: null }, '2020-12-10')).toHaveLength(1);
  });

  it('has no limit when the plan sets no date for the level', () => {
    expect(checkSchedule({ startsAt: at('2030-01-01T08:00:00+07:00'), endsAt: null }, null)).toEqual([]);
  });

  it('wants the end after the start, and a conference running past midnight within the deadline too', () => {
    const backwards = checkSchedule({ startsAt: at('2020-12-01T14:00:00+07:00'), endsAt: at('2020-12-01T08:00:00+07:00') }, '2020-12-10');
    expect(backwards).toEqual([expect.objectContaining({ rule: 'time_order', path: 'endsAt', message: 'Giờ kết thúc (08:00 01/12/2020) phải sau giờ bắt đầu (14:00 01/12/2020)' })]);
    const spill = checkSchedule({ startsAt: at('2020-12-10T08:00:00+07:00'), endsAt: at('2020-12-11T11:00:00+07:00') }, '2020-12-10');
    expect(spill.map((i) => i.path)).toEqual(['endsAt']);
  });

  test.prop([fc.date({ min: new Date('2019-01-01'), max: new Date('2031-01-01'), noInvalidDate: true }), fc.date({ min: new Date('2019-01-01'), max: new Date('2031-01-01'), noInvalidDate: true })])(
    'a start is refused exactly when its Vietnamese day is after the deadline', (start, deadlineAt) => {
      const deadline = vnDay(deadlineAt);
      const refused = checkSchedule({ startsAt: start, endsAt: null }, deadline).length > 0;
      expect(refused).toBe(vnDay(start) > deadline);
    });

  it('formats times in Vietnam whatever the server zone', () => {
    expect(formatDayTime(at('2020-12-09T01:30:00Z'))).toBe('08:30 09/12/2020');
  });
});

describe('applying a split', () => {
  const branches = new Map([['a', 'Chi bộ Thôn 1'], ['b', 'Chi bộ Thôn 2'], ['c', 'Chi bộ Thôn 3']]);
  const s = (seq: number, branchIds: string[], when = '2020-12-05T08:00:00+07:00') => ({ seq, branchIds, startsAt: at(when) });

  it('accepts every branch in exactly one session', () => {
    expect(checkSessions([s(1, ['a', 'c']), s(2, ['b'])], branches, '2020-12-10')).toEqual([]);
  });

  it('accepts one session listing no branch: everyone sits there', () => {
    expect(checkSessions([s(1, [])], branches, '2020-12-10')).toEqual([]);
  });

  it('names a branch left out and a branch put in two sessions', () => {
    const issues = checkSessions([s(1, ['a', 'b']), s(2, ['b'])], branches, '2020-12-10');
    expect(issues.map((i) => i.message)).toEqual([
      'Chi bộ Thôn 2 được xếp vào nhiều phiên (1, 2); mỗi chi bộ chỉ dự một phiên',
      'Chi bộ Thôn 3 chưa được xếp vào phiên nào',
    ]);
    expect(issues.every((i) => i.rule === 'split')).toBe(true);
  });

  it('refuses a branch that has no invitees, gaps in numbering and a session after the deadline', () => {
    const issues = checkSessions([s(1, ['a', 'b', 'c', 'zz']), s(3, [], '2020-12-12T08:00:00+07:00')], branches, '2020-12-10');
    expect(issues.map((i) => [i.rule, i.path])).toEqual([
      ['split', 'sessions'], ['after_deadline', 'sessions.1.startsAt'], ['split', 'sessions.0.branchIds'],
    ]);
    expect(issues[1].message).toBe('Ngày họp phiên 3 (12/12/2020) muộn hơn thời hạn tổ chức hội nghị của kế hoạch (10/12/2020)');
    expect(issues[2].message).toBe('Phiên 1 xếp một chi bộ không có người được mời dự hội nghị'); // never the id
    const named = checkSessions([s(1, ['a', 'b', 'c', 'zz'])], branches, '2020-12-10', new Map([['zz', 'Chi bộ Thôn Mới']]));
    expect(named.map((i) => i.message)).toEqual(['Phiên 1 xếp Chi bộ Thôn Mới, nhưng chi bộ này không có người được mời dự hội nghị']);
  });
});

describe('bridge point units', () => {
  it('finds units already attending at another point', () => {
    expect(takenUnits(['x', 'y'], [{ name: 'Điểm cầu xã Tân Hòa', unitOrgIds: ['y'] }])).toEqual([{ orgId: 'y', pointName: 'Điểm cầu xã Tân Hòa' }]);
  });
});
