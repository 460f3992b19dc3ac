import fs from 'node:fs';
import { chromium, type Page, type APIRequestContext } from 'playwright-core';

const BASE = 'http://127.0.0.1:3101';
const OUT = '/tmp/shots-campaigns';
const PW = 'MinhSon@2026';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

async function session(user: string, viewport = { width: 1366, height: 900 }) {
  const ctx = await browser.newContext({ baseURL: BASE, viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(PW);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
  return { ctx, page, req: ctx.request };
}
const shot = async (page: Page, name: string, full = true) => { await page.waitForTimeout(700); await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: full }); console.log('shot', name); };
const json = async (req: APIRequestContext, method: string, url: string, data?: unknown) => {
  const res = await req.fetch(BASE + url, { method, data, headers: { origin: BASE } });
  const body = await res.json().catch(() => null);
  if (!res.ok()) console.log('API', method, url, res.status(), JSON.stringify(body));
  return body;
};

// 1. Province propaganda officer: list, launch a campaign with a new resolution.
const tg = await session('tuyengiao');
await tg.page.goto('/campaigns');
await tg.page.getByTestId('campaign-card').first().waitFor();
await shot(tg.page, '01-list-desktop');
await tg.page.getByRole('button', { name: 'Tạo đợt học tập' }).click();
await tg.page.getByLabel('Tên Nghị quyết').fill('Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Minh Sơn lần thứ II (thử nghiệm)');
await tg.page.getByLabel('Đại hội', { exact: true }).fill('Đại hội đại biểu Đảng bộ tỉnh Minh Sơn lần thứ II');
await tg.page.getByLabel('Tên đợt học tập').fill('Học tập, quán triệt Nghị quyết Đại hội II');
await shot(tg.page, '02-create-modal', false);
await tg.page.getByRole('button', { name: 'Phát động' }).click();
await tg.page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
const campaignId = tg.page.url().split('/').pop()!;
await tg.page.getByText('Kế hoạch của Đảng bộ tỉnh Minh Sơn').waitFor();
await shot(tg.page, '03-new-campaign');

// 2. Documents: text + PDF upload.
await tg.page.getByRole('button', { name: 'Văn kiện Nghị quyết' }).click();
await tg.page.getByRole('button', { name: 'Thêm văn kiện' }).click();
await tg.page.getByLabel('Tên văn kiện').fill('Nghị quyết Đại hội (toàn văn)');
fs.writeFileSync('/tmp/shots-campaigns/nghi-quyet.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(40000, 32), Buffer.from('\n%%EOF')]));
await tg.page.locator('input[type=file]').setInputFiles('/tmp/shots-campaigns/nghi-quyet.pdf');
await tg.page.getByLabel('Nội dung văn bản').fill('Đại hội đại biểu Đảng bộ tỉnh Minh Sơn lần thứ II quyết nghị: phát huy truyền thống đoàn kết, đổi mới sáng tạo...');
await tg.page.getByRole('button', { name: 'Lưu' }).click();
await tg.page.getByText('nghi-quyet.pdf').waitFor();
await shot(tg.page, '04-documents-drawer', false);
await tg.page.keyboard.press('Escape');

// 3. Root plan editor: deadlines set through the API, then the page.
const camp = await json(tg.req, 'GET', `/api/campaigns/${campaignId}`);
const levels = await json(tg.req, 'GET', '/api/org-levels') as Array<{ id: string; code: string }>;
const lv = (code: string) => levels.find((l) => l.code === code)!.id;
await json(tg.req, 'PATCH', `/api/plans/${camp.rootPlanId}`, {
  levelDeadlines: [
    { levelId: lv('upper_grassroots'), planBy: '2026-12-05', conferencesBy: '2026-12-15' },
    { levelId: lv('grassroots'), planBy: '2026-12-10', conferencesBy: '2026-12-25' },
    { levelId: lv('branch'), planBy: null, conferencesBy: '2026-12-20' },
  ],
  reflectionsBy: '2027-01-10', reportBy: '2027-01-20', actionProgramBy: '2027-01-15',
  contents: [{ text: 'Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh khóa I', fromPlanId: null }, { text: 'Nghị quyết Đại hội và ba chương trình đột phá', fromPlanId: null }],
  purpose: 'Giúp cán bộ, đảng viên nắm vững nội dung cơ bản, điểm mới của Nghị quyết.', attendees: 'Toàn thể cán bộ, đảng viên',
});
await tg.page.goto(`/plans/${camp.rootPlanId}`);
await tg.page.getByText('Thời hạn theo cấp').first().waitFor();
await shot(tg.page, '05-root-plan-editor');
const bt = await session('bithu');
await json(bt.req, 'POST', `/api/plans/${camp.rootPlanId}/approve`);
await tg.page.reload();
await tg.page.getByRole('button', { name: 'Ban hành' }).click();
await tg.page.getByLabel('Số, ký hiệu').fill('12-KH/TU');
await shot(tg.page, '06-issue-dialog', false);
await tg.page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click();
await tg.page.getByText('Kế hoạch số 12-KH/TU').waitFor();
await shot(tg.page, '07-root-plan-issued');

// 4. Commune officer builds the child plan, is refused a late deadline.
const xa = await session('tuyengiao.xa');
await xa.page.goto(`/campaigns/${campaignId}`);
await xa.page.getByRole('button', { name: 'Xây dựng kế hoạch' }).click();
await xa.page.waitForURL(/\/plans\//);
await xa.page.getByText('Kế thừa').first().waitFor();
await shot(xa.page, '08-child-plan-editor');
const picker = xa.page.locator('.qt-deadline-grid .ant-picker input').nth(5); // branch conferencesBy (levels: commune, grassroots, sub, branch)
await picker.click();
await picker.fill('28/12/2026');
await xa.page.keyboard.press('Enter');
await xa.page.getByRole('button', { name: 'Lưu dự thảo' }).click();
await xa.page.getByText('muộn hơn thời hạn kế hoạch cấp trên cho phép').first().waitFor();
await shot(xa.page, '09-child-plan-late-refused');

// 5. Province cascade of the demo campaign, desktop and phone.
const demo = (await json(tg.req, 'GET', '/api/campaigns') as Array<{ id: string; title: string }>).find((c) => c.id !== campaignId)!;
await tg.page.goto(`/campaigns/${demo.id}`);
await tg.page.getByText('Tình hình ban hành kế hoạch').waitFor();
await shot(tg.page, '10-demo-cascade-desktop');
await tg.page.locator('.ant-table-row a').first().click();
await tg.page.waitForTimeout(800);
await shot(tg.page, '11-demo-cascade-drill');
const phone = await session('tuyengiao.xa', { width: 390, height: 844 });
await phone.page.goto(`/campaigns/${demo.id}`);
await phone.page.getByText('Tình hình ban hành kế hoạch').waitFor();
await shot(phone.page, '12-commune-cascade-phone');
const cu = await session('chiuy', { width: 390, height: 844 });
await cu.page.goto('/campaigns');
await cu.page.getByTestId('campaign-card').first().waitFor();
await shot(cu.page, '13-branch-list-phone');
await cu.page.goto(`/campaigns/${demo.id}`);
await cu.page.waitForTimeout(1500);
await shot(cu.page, '14-branch-campaign-phone');
await browser.close();
