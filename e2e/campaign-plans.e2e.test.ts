import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs, launchBrowser, loginUi, newPage, PHONE, shot, startServer, type TestServer } from './support';

/**
 * Issue 4's plan cascade and hall split, in the browser: the province issues a plan (draft → submitted →
 * approved → issued), the demo commune builds its plan inside it and is refused a late conference
 * deadline, and a commune conference too big for its hall is split into two sessions, adjusted by hand.
 */

interface Me { grants: Array<{ orgId: string; orgName: string }> }
interface Campaign { id: string; title: string; orgId: string }
interface Plan { id: string; status: string; number: string | null; issuedOn: string | null; levelId: string; contents: Array<{ text: string; fromPlanId: string | null }>; levelDeadlines: Array<{ levelId: string; planBy: string | null; conferencesBy: string | null }> }
interface ConferenceDetail {
  id: string; orgId: string; capacity: number | null; status: string; deadline: string | null;
  counts: { invited: number };
  sessions: Array<{ seq: number; capacity: number | null; invited: number; branchIds: string[]; branches: Array<{ id: string; name: string }> }>;
}
interface ConferenceSummary { id: string; orgId: string; title: string; audienceKind: string; status: string; invited: number }

const COMMUNE = 'Đảng bộ xã Cẩm Hải';
const COMMUNE_LEVEL = 'Xã, phường và tương đương';
const NEW_CAMPAIGN = 'Học tập, quán triệt Nghị quyết chuyên đề về chuyển đổi số (kiểm thử)';
const ROOT_CONTENTS = [
  'Quán triệt những nội dung cơ bản của Nghị quyết chuyên đề về chuyển đổi số',
  'Nhiệm vụ, giải pháp chủ yếu đến năm 2030',
];
const OWN_CONTENT = 'Liên hệ thực tiễn chuyển đổi số tại xã Cẩm Hải';

let server: TestServer;
let browser: Browser;
let asCommune: Awaited<ReturnType<typeof apiAs>>;
let communeId: string;
/** The root plan created in (a); (b) builds the commune's plan inside it. */
let newCampaignId: string;
let rootPlanId: string;

beforeAll(async () => {
  server = await startServer({ members: 2000 });
  browser = await launchBrowser();
  asCommune = await apiAs(server.baseUrl, 'tuyengiao.xa');
  const me = await asCommune<Me>('/api/me');
  communeId = me.grants.find((g) => g.orgName === COMMUNE)!.orgId;
  expect(communeId).toBeTruthy();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Polls with room for a busy machine (vitest's default is one second). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });
const path = (page: Page) => new URL(page.url()).pathname;
/**
 * Types a date into an antd picker and commits it: a date (dd/MM/yyyy) by leaving the field (Enter
 * would also submit the form around it), a date with time (dd/MM/yyyy HH:mm) with Enter, its "OK".
 */
async function pickDate(input: Locator, text: string) {
  await input.click();
  await input.fill(text);
  await input.press(text.includes(':') ? 'Enter' : 'Tab');
  await poll(() => input.inputValue()).toBe(text);
}
const savePlanResponse = (page: Page, planId: string) =>
  page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/plans/${planId}`);
/** The form item around a field, for its hint and its error. */
const formItem = (page: Page, fieldId: string) => page.locator('.ant-form-item', { has: page.locator(`#${fieldId}`) }).last();
const heading = (page: Page) => page.getByTestId('plan-heading');
const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
/** Today in Vietnam, as the pickers show it. */
const todayVn = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

describe('plan cascade and conference split in the browser', () => {
  it('a) an officer launches a campaign and drafts its plan, the secretary approves it on a phone, the officer issues it', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await loginUi(page, 'tuyengiao');
    await page.goto('/campaigns');
    await page.getByTestId('campaign-card').first().waitFor();
    await page.getByRole('button', { name: 'Tạo đợt học tập' }).click();
    const modal = page.getByRole('dialog', { name: 'Phát động đợt học tập, quán triệt' });
    await modal.waitFor();
    // A new resolution is registered with the campaign ("+ Đăng ký Nghị quyết mới" is preselected).
    await modal.getByText('+ Đăng ký Nghị quyết mới').waitFor();
    await modal.locator('#rTitle').fill('Nghị quyết số 05-NQ/TU về chuyển đổi số tỉnh Minh Sơn đến năm 2030');
    await modal.locator('#congress').fill('Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 3');
    await pickDate(modal.locator('#adoptedOn'), '10/11/2026');
    await modal.locator('#title').fill(NEW_CAMPAIGN);
    await shot(page, '31-new-campaign-form');
    await modal.getByRole('button', { name: 'Phát động' }).click();
    await page.waitForURL((u) => /^\/campaigns\/[0-9a-f-]{36}$/.test(u.pathname));
    newCampaignId = path(page).split('/')[2];
    await page.getByRole('heading', { name: NEW_CAMPAIGN }).waitFor();

    // The campaign starts with a draft root plan for the province.
    const own = page.locator('.ant-card', { hasText: 'Kế hoạch của Đảng bộ tỉnh Minh Sơn' }).first();
    await own.getByText('Dự thảo').waitFor();
    await own.getByRole('button', { name: 'Mở kế hoạch' }).click();
    await page.waitForURL((u) => /^\/plans\/[0-9a-f-]{36}$/.test(u.pathname));
    rootPlanId = path(page).split('/')[2];
    await heading(page).getByText('Dự thảo').waitFor();

    // Contents, deadlines per level (rows in rank order: Tỉnh, Xã…, Cơ sở, …) and the other deadlines.
    await page.locator('#purpose').fill('Nắm vững nội dung cơ bản của Nghị quyết; tạo chuyển biến trong nhận thức và hành động.');
    for (const [i, text] of ROOT_CONTENTS.entries()) {
      await page.getByRole('button', { name: 'Thêm nội dung' }).click();
      await page.locator(`#contents_${i}_text`).fill(text);
    }
    await pickDate(page.locator('#levels_1_planBy'), '30/11/2026');
    await pickDate(page.locator('#levels_1_conferencesBy'), '15/12/2026');
    await pickDate(page.locator('#levels_2_conferencesBy'), '25/12/2026');
    await pickDate(page.locator('#reflectionsBy'), '15/01/2027');
    await pickDate(page.locator('#reportBy'), '31/01/2027');
    await page.locator('.ant-card-head-title', { hasText: 'Các thời hạn khác' }).click(); // closes the last picker
    await shot(page, '32-root-plan-editor');
    await page.getByRole('button', { name: 'Trình duyệt' }).click();
    await page.getByText('Đã trình duyệt').waitFor();
    await heading(page).getByText('Chờ phê duyệt').waitFor();
    // Submitted: read-only for the officer, no issue button yet.
    expect(await page.getByRole('button', { name: 'Lưu dự thảo' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ban hành' }).count()).toBe(0);

    // The provincial secretary (standing committee) approves it, on a phone.
    const secretary = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(secretary.page, 'bithu');
    await secretary.page.goto(`/plans/${rootPlanId}`);
    await heading(secretary.page).getByText('Chờ phê duyệt').waitFor();
    await secretary.page.getByText('Quán triệt những nội dung cơ bản của Nghị quyết chuyên đề về chuyển đổi số').waitFor();
    await secretary.page.locator('.qt-deadline-list').getByText('Tổ chức hội nghị: 15/12/2026').waitFor();
    await shot(secretary.page, '33-phone-plan-to-approve');
    expect(await noHorizontalScroll(secretary.page)).toBeLessThanOrEqual(0);
    await secretary.page.getByRole('button', { name: 'Phê duyệt' }).click();
    await secretary.page.locator('.ant-popconfirm').getByRole('button', { name: 'Phê duyệt' }).click();
    await heading(secretary.page).getByText('Đã phê duyệt').waitFor();
    await shot(secretary.page, '34-phone-plan-approved', false);
    await secretary.context.close();

    // The officer issues it with its number and date.
    await page.reload();
    await heading(page).getByText('Đã phê duyệt').waitFor();
    await page.getByRole('button', { name: 'Ban hành' }).click();
    const issue = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    await issue.locator('#number').fill('15-KH/TU');
    const today = todayVn();
    await pickDate(issue.locator('#issuedOn'), today);
    await shot(page, '35-issue-dialog', false);
    await issue.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByText('Đã ban hành kế hoạch').waitFor();
    await heading(page).getByText('Đã ban hành').waitFor();
    await page.getByRole('heading', { name: 'Kế hoạch số 15-KH/TU' }).waitFor();
    await shot(page, '36-plan-issued');

    // The campaign page shows it issued, and the communes now owe their plans by 30/11/2026.
    await page.goto(`/campaigns/${newCampaignId}`);
    await own.getByText('Đã ban hành').waitFor();
    await own.getByText(`Số 15-KH/TU, ngày ${today}`).waitFor();
    const communeRow = page.locator('.ant-table-row', { hasText: COMMUNE });
    await communeRow.getByText('Chưa ban hành').waitFor();
    await communeRow.getByText('30/11/2026').waitFor();
    await shot(page, '37-campaign-cascade');

    const plan = await (await apiAs(server.baseUrl, 'tuyengiao'))<Plan>(`/api/plans/${rootPlanId}`);
    expect(plan).toMatchObject({ status: 'issued', number: '15-KH/TU' });
    expect(plan.contents.map((c) => c.text)).toEqual(ROOT_CONTENTS);
    await context.close();
  });

  it('b) the commune officer builds the commune plan inside it and is refused a conference deadline later than the province allows', async () => {
    expect(newCampaignId, 'needs the campaign of (a)').toBeTruthy();
    const { context, page } = await newPage(browser, server.baseUrl);
    await loginUi(page, 'tuyengiao.xa');
    await page.goto('/campaigns');
    await page.getByRole('link', { name: NEW_CAMPAIGN }).click();
    await page.waitForURL((u) => u.pathname === `/campaigns/${newCampaignId}`);
    const own = page.locator('.ant-card', { hasText: `Kế hoạch của ${COMMUNE}` }).first();
    // The plan that governs the commune is the province's, just issued.
    await page.getByText('Kế hoạch đang áp dụng: Kế hoạch số 15-KH/TU — Đảng bộ tỉnh Minh Sơn').waitFor();
    await shot(page, '38-commune-campaign-page');
    await own.getByRole('button', { name: 'Xây dựng kế hoạch' }).click();
    await page.waitForURL((u) => /^\/plans\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByText('Đã tạo dự thảo kế hoạch').waitFor();
    const planId = path(page).split('/')[2];
    await heading(page).getByText('Dự thảo').waitFor();
    await page.getByRole('link', { name: /Số 15-KH\/TU — Đảng bộ tỉnh Minh Sơn/ }).waitFor();

    // Inherited contents: marked "Kế thừa", read-only, without a delete button; an own line is added.
    const rows = page.locator('.qt-content-row');
    await poll(() => rows.count()).toBe(ROOT_CONTENTS.length);
    for (const [i, text] of ROOT_CONTENTS.entries()) {
      await poll(() => rows.nth(i).getByText('Kế thừa').count()).toBe(1);
      expect(await page.locator(`#contents_${i}_text`).inputValue()).toBe(text);
      expect(await page.locator(`#contents_${i}_text`).getAttribute('readonly')).not.toBeNull();
      expect(await rows.nth(i).getByRole('button', { name: 'Xóa' }).count()).toBe(0);
    }
    await page.getByRole('button', { name: 'Thêm nội dung' }).click();
    await page.locator(`#contents_${ROOT_CONTENTS.length}_text`).fill(OWN_CONTENT);
    expect(await rows.nth(ROOT_CONTENTS.length).getByText('Kế thừa').count()).toBe(0);

    // The commune level is the first row; its inherited deadline and the limit are shown.
    const field = 'levels_0_conferencesBy';
    await page.locator('.qt-deadline-level').first().getByText(COMMUNE_LEVEL).waitFor();
    expect(await page.locator(`#${field}`).inputValue()).toBe('15/12/2026');
    await formItem(page, field).getByText('Cấp trên: 15/12/2026').waitFor();

    // Later than the province allows: a warning while typing, then the server refuses and says why, at the field.
    await pickDate(page.locator(`#${field}`), '20/12/2026');
    await formItem(page, field).getByText('Cấp trên: 15/12/2026 — Muộn hơn thời hạn cấp trên').waitFor();
    const [refused] = await Promise.all([savePlanResponse(page, planId), page.getByRole('button', { name: 'Lưu dự thảo' }).click()]);
    expect(refused.status()).toBe(422);
    const refusal = `Thời hạn tổ chức hội nghị cấp ${COMMUNE_LEVEL} (20/12/2026) muộn hơn thời hạn kế hoạch cấp trên cho phép (15/12/2026)`;
    await formItem(page, field).locator('.ant-form-item-explain-error').getByText(refusal).waitFor();
    await page.getByRole('alert').filter({ hasText: refusal }).first().waitFor();
    await shot(page, '39-commune-plan-late-deadline');
    const stored = await asCommune<Plan>(`/api/plans/${planId}`);
    expect(stored.contents.some((c) => c.text === OWN_CONTENT)).toBe(false); // nothing was saved

    // An earlier date is accepted.
    await pickDate(page.locator(`#${field}`), '10/12/2026');
    const [accepted] = await Promise.all([savePlanResponse(page, planId), page.getByRole('button', { name: 'Lưu dự thảo' }).click()]);
    expect(accepted.status()).toBe(200);
    await page.locator('.ant-message-notice', { hasText: 'Đã lưu dự thảo' }).last().waitFor();
    await poll(() => formItem(page, field).locator('.ant-form-item-explain-error').count()).toBe(0);
    expect(await page.getByRole('alert').filter({ hasText: refusal }).count()).toBe(0);
    await shot(page, '40-commune-plan-saved');
    const saved = await asCommune<Plan>(`/api/plans/${planId}`);
    expect(saved.status).toBe('draft');
    expect(saved.levelDeadlines.find((d) => d.levelId === stored.levelId)?.conferencesBy).toBe('2026-12-10');
    expect(saved.contents).toEqual([
      ...ROOT_CONTENTS.map((text) => ({ text, fromPlanId: rootPlanId })),
      { text: OWN_CONTENT, fromPlanId: null },
    ]);
    await context.close();

    // On a phone: the same draft, each picker labelled, inherited lines tagged, nothing wider than the screen.
    const phone = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(phone.page, 'tuyengiao.xa');
    await phone.page.goto(`/plans/${planId}`);
    await heading(phone.page).getByText('Dự thảo').waitFor();
    await poll(() => phone.page.locator(`#${field}`).inputValue()).toBe('10/12/2026');
    await formItem(phone.page, field).getByText('Tổ chức hội nghị').waitFor();
    expect(await phone.page.locator('.qt-content-row').getByText('Kế thừa').count()).toBe(ROOT_CONTENTS.length);
    expect(await noHorizontalScroll(phone.page)).toBeLessThanOrEqual(0);
    await shot(phone.page, '41-phone-commune-plan');
    await phone.context.close();
  });

  it('c) the commune schedules a conference for all members in a hall too small, takes the split proposal, moves a branch and applies', async () => {
    // The demo campaign and the count of invitees for the commune's "all members" (the seeded upcoming conference).
    const [demo] = await asCommune<Campaign[]>('/api/campaigns').then((all) => all.filter((c) => c.id !== newCampaignId));
    const seeded = (await asCommune<ConferenceSummary[]>(`/api/conferences?campaignId=${demo.id}`))
      .find((c) => c.orgId === communeId && c.audienceKind === 'all_members' && c.status === 'scheduled')!;
    const invited = seeded.invited;
    expect(invited).toBeGreaterThan(100);
    const capacity = Math.round(invited * 0.6);

    const { context, page } = await newPage(browser, server.baseUrl);
    await loginUi(page, 'tuyengiao.xa');
    await page.goto(`/campaigns/${demo.id}/conferences`);
    await page.getByTestId('schedule-conference').click();
    const modal = page.getByRole('dialog', { name: 'Lên lịch hội nghị' });
    await modal.waitFor();
    await modal.locator('#orgId').click();
    await modal.locator('#orgId').fill('Cẩm Hải');
    await page.locator('.ant-select-item-option', { hasText: `${COMMUNE} (${COMMUNE_LEVEL})` }).click();
    await modal.getByText('Thời hạn tổ chức hội nghị theo kế hoạch: 10/12/2026').waitFor();
    await modal.locator('#title').fill('Hội nghị học tập chuyên đề cho toàn thể đảng viên xã (kiểm thử)');
    await modal.locator('#venue').fill('Hội trường Đảng ủy xã Cẩm Hải');
    await modal.locator('#capacity').fill(String(capacity));
    await pickDate(modal.locator('#startsAt'), '05/12/2026 07:30');
    await shot(page, '42-schedule-conference');
    await modal.getByRole('button', { name: 'Lên lịch hội nghị' }).click();
    await page.waitForURL((u) => /^\/conferences\/[0-9a-f-]{36}$/.test(u.pathname));
    const conferenceId = path(page).split('/')[2];
    await page.getByTestId('conference-page').waitFor();

    const before = await asCommune<ConferenceDetail>(`/api/conferences/${conferenceId}`);
    expect(before.counts.invited).toBe(invited);
    expect(before.sessions).toHaveLength(1);

    // The sessions tab: over capacity, and the proposal keeps branches whole in two sessions.
    await page.getByRole('tab', { name: 'Phiên họp' }).click();
    const alert = page.getByTestId('over-capacity');
    await alert.getByText(`Số người được mời (${invited.toLocaleString('vi-VN')}) vượt sức chứa hội trường (${capacity.toLocaleString('vi-VN')} chỗ)`).waitFor();
    await shot(page, '43-over-capacity');
    await alert.getByRole('button', { name: 'Đề xuất chia phiên' }).click();
    const sessions = page.getByTestId('split-session');
    await poll(() => sessions.count()).toBe(2);
    const branchCount = await countBranches(conferenceId, capacity);
    await poll(() => page.getByTestId('split-branch').count()).toBe(branchCount);
    for (let i = 0; i < 2; i++) await sessions.nth(i).locator('.ant-tag-success').waitFor(); // both fit as proposed
    await shot(page, '44-split-proposal');

    // The officer moves the smallest branch of session 1 to session 2.
    const moved = await smallestBranch(sessions.nth(0));
    await moved.row.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Phiên 2' }).click();
    await sessions.nth(1).locator(`[data-branch-id="${moved.id}"]`).waitFor();
    expect(await sessions.nth(0).locator(`[data-branch-id="${moved.id}"]`).count()).toBe(0);
    await shot(page, '45-split-adjusted');
    await page.getByTestId('apply-split').click();
    await page.getByText('Đã áp dụng phương án chia phiên').waitFor();
    await poll(() => page.getByTestId('split-editor').count()).toBe(0);

    // Two sessions, the moved branch in the second, the alert gone.
    await page.getByTestId('session-row-2').getByText(moved.name, { exact: true }).waitFor();
    expect(await page.getByTestId('session-row-1').getByText(moved.name, { exact: true }).count()).toBe(0);
    expect(await page.getByTestId('over-capacity').count()).toBe(0);
    await shot(page, '46-sessions-applied');
    const after = await asCommune<ConferenceDetail>(`/api/conferences/${conferenceId}`);
    expect(after.sessions.map((s) => s.seq)).toEqual([1, 2]);
    expect(after.sessions[1].branchIds).toContain(moved.id);
    expect(after.sessions[0].branchIds).not.toContain(moved.id);
    expect(after.sessions[0].invited + after.sessions[1].invited).toBe(invited);
    await context.close();

    // The same on a phone.
    const phone = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(phone.page, 'tuyengiao.xa');
    await phone.page.goto(`/conferences/${conferenceId}?tab=sessions`);
    await phone.page.getByTestId('session-row-2').getByText(moved.name, { exact: true }).waitFor();
    expect(await noHorizontalScroll(phone.page)).toBeLessThanOrEqual(0);
    await shot(phone.page, '47-phone-sessions');
    await phone.context.close();
  });
});

/** Branches with invitees, as the split proposal counts them. */
async function countBranches(conferenceId: string, capacity: number): Promise<number> {
  const p = await asCommune<{ sessions: Array<{ branches: unknown[] }> }>(`/api/conferences/${conferenceId}/split-proposal?capacity=${capacity}`);
  return p.sessions.reduce((s, x) => s + x.branches.length, 0);
}

/** The branch row with the fewest invitees in a proposed session: its id, name and row. */
async function smallestBranch(session: Locator) {
  const rows = session.getByTestId('split-branch');
  const all = await rows.evaluateAll((els) => els.map((el) => ({
    id: el.getAttribute('data-branch-id')!,
    text: el.querySelector('span')!.textContent!,
  })));
  const parsed = all.map((b) => {
    const m = /^(.*) \((\d+)\)/.exec(b.text.trim())!;
    return { id: b.id, name: m[1].trim(), count: Number(m[2]) };
  });
  const pick = parsed.sort((a, b) => a.count - b.count)[0];
  return { ...pick, row: session.locator(`[data-branch-id="${pick.id}"]`) };
}
