import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { ALL, gradingClient, gradingSetup } from './reflections.grading.test-fixtures.js';
import { readGradeSheet } from './reflections.grading.xlsx.js';
import { DEFAULT_RUBRIC } from './reflections.rubric.js';

type G = { marker: number; sealed: boolean; levels: Record<string, string>; grade: string | null; comment: string | null; status: string };

const SECRET_1 = 'Nhận xét riêng của người chấm thứ nhất';
const SECRET_2 = 'Nhận xét riêng của người chấm thứ hai';

describeApp('blind second marking', (ctx) => {
  it('keeps each marker\'s grade from the other (and from every answer) until both have submitted, then shows both side by side', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    await c.settings({ secondMarker: true });
    const id = await c.submitText(0);
    const byMarker = (body: { grades: G[] }, m: number) => body.grades.find((g) => g.marker === m)!;

    expect((await c.save(id, s.marker, { levels: ALL('tot'), comment: SECRET_1, criterionComments: { a: SECRET_1 } })).statusCode).toBe(200);
    expect((await c.submit(id, s.marker)).statusCode).toBe(200);

    // The second marker: the detail, the queue, the member file and the Excel sheet carry nothing of the first grading.
    const detail = await c.detail(id, s.marker2);
    expect(detail.statusCode).toBe(200);
    expect(byMarker(detail.json(), 1)).toMatchObject({ sealed: true, status: 'submitted', levels: {}, grade: null, comment: null, criterionComments: {}, suggestedGrade: null });
    expect(detail.body).not.toContain(SECRET_1);
    const queue = await c.queue(s.marker2);
    expect(queue.body).not.toContain(SECRET_1);
    expect(queue.json().rows.find((r: { reflectionId: string }) => r.reflectionId === id).grades[0]).toMatchObject({ sealed: true, grade: null });
    const file = await c.req('GET', `/api/members/${s.p.members[0]}/file`, s.marker2);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.body).not.toContain(SECRET_1);
    const sheet = await ctx.app.inject({ method: 'GET', url: `/api/reflections/grades.xlsx?campaignId=${s.campaignId}&branchId=${s.branchId}&marker=1`, headers: { cookie: s.marker2 } });
    expect(sheet.statusCode).toBe(200);
    const read = await readGradeSheet(sheet.rawPayload, DEFAULT_RUBRIC);
    expect(read.rows.filter((r) => r.grade || r.levelsGiven || r.comment)).toEqual([]);
    // ...and may neither take over nor send the first marker's grading.
    const takeOver = await c.save(id, s.marker2, { levels: ALL('dat') }, 1);
    expect(takeOver.statusCode).toBe(422);
    expect(takeOver.json().code).toBe('reflection.other_marker');
    const replay = await c.submit(id, s.marker2, 1);
    expect(replay.body).not.toContain(SECRET_1);

    // The second marker's draft is hidden from the first marker and from the secretary too.
    const own = await c.save(id, s.marker2, { levels: ALL('kha'), comment: SECRET_2 }, 2);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().grade).toMatchObject({ sealed: false, comment: SECRET_2, grade: 'kha' });
    for (const cookie of [s.marker, s.secretary]) {
      const seen = await c.detail(id, cookie);
      expect(seen.body).not.toContain(SECRET_2);
      expect(byMarker(seen.json(), 2)).toMatchObject({ sealed: true, status: 'draft', grade: null });
    }
    expect(byMarker((await c.detail(id, s.marker)).json(), 1)).toMatchObject({ sealed: false, comment: SECRET_1 });
    expect((await c.detail(id, s.secretary)).body).not.toContain(SECRET_1);
    expect((await c.submit(id, s.marker, 2)).json().code).toBe('reflection.other_marker');

    // Both submitted: everyone who grades or approves sees both gradings.
    expect((await c.submit(id, s.marker2, 2)).statusCode).toBe(200);
    for (const cookie of [s.marker, s.marker2, s.secretary]) {
      const both = (await c.detail(id, cookie)).json();
      expect([byMarker(both, 1), byMarker(both, 2)]).toMatchObject([
        { sealed: false, grade: 'tot', comment: SECRET_1, levels: ALL('tot') }, { sealed: false, grade: 'kha', comment: SECRET_2, levels: ALL('kha') },
      ]);
    }
    const approved = await c.approve(id, s.secretary, { grade: 'kha' });
    expect(approved.json().grades.map((g: G) => [g.marker, g.sealed, g.grade])).toEqual([[1, false, 'tot'], [2, false, 'kha']]);
  });

  it('shows everything when the campaign has no second marker', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    const id = await c.submitText(0);
    expect((await c.save(id, s.marker, { levels: ALL('tot'), comment: SECRET_1 })).statusCode).toBe(200);
    const seen = (await c.detail(id, s.marker2)).json();
    expect(seen.grades[0]).toMatchObject({ sealed: false, comment: SECRET_1 });
  });
});
