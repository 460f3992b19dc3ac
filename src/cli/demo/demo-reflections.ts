/**
 * Reflections (bài thu hoạch) for the demo campaign: the members who studied at the commune conference
 * already held wrote theirs — typed on a phone (generated essays, a few copied from a neighbour's, for
 * the copy checks), photographed pages (generated scans) or handed in on paper — and their branch
 * committees have graded them in every state: not yet, draft, submitted, approved. Deterministic for
 * a seed. Scans are stored only when a file store is given (the server's first start gives one).
 */
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import type { FileStore } from '../../kernel/files/store.js';
import { DEFAULT_RUBRIC, suggestGrade } from '../../modules/reflections/reflections.rubric.js';
import type { ReflectionPage } from '../../modules/reflections/reflections.table.js';
import { generateEssay, Rng } from '../../text/testing/essays.js';
import { DEMO_RESOLUTION } from './demo-campaign-texts.js';
import { demoReflectionsBy } from './demo-campaign.js';

export interface DemoReflectionsInput {
  tenantId: string; seed: number; id: (key: string) => string; campaignId: string;
  /** The commune whose all-member conference was held on 18/11: its members who studied have written. */
  heldOrgId: string;
  /** The demo commune: only its key cadres studied (today), and some already handed in. */
  communeId: string;
  /** The demo branch secretary: grades and approves; also records paper hand-ins. */
  secretaryUserId: string;
  files?: FileStore;
}

type Fate = 'typed' | 'scan' | 'paper';
type GradeState = 'ungraded' | 'draft' | 'submitted' | 'approved';

const DAY = 24 * 3600_000;
const HELD_AT = Date.parse('2026-11-18T11:30:00+07:00');

/**
 * A neighbour's essay as a copier hands it in: about one sentence in six swapped for sentences of their
 * own, whole sentences so that the demo reads as Vietnamese (the engine's tests also change single words).
 */
function retouch(text: string, own: string[], rng: Rng): string {
  let next = 0;
  // Sentences and the spaces or line breaks between them, kept as they were.
  return text.split(/(?<=[.!?])(\s+)/).map((part) => (
    part.trim().length > 40 && next < own.length && rng.chance(0.17) ? own[next++] : part
  )).join('');
}

export async function seedDemoReflections(tx: Executor, input: DemoReflectionsInput) {
  const { tenantId, campaignId } = input;
  // Due at 17:00 on the plan's day for reflections; the branch still takes late ones for five days more.
  const dueDay = demoReflectionsBy();
  await tx.execute(sql`insert into reflection_settings (tenant_id, campaign_id, must_handwrite, due_at, cutoff_at, max_pages, writers, updated_by)
    values (${tenantId}, ${campaignId}, false, ${`${dueDay}T17:00:00+07:00`}::timestamptz, ${`${dueDay}T17:00:00+07:00`}::timestamptz + interval '5 days', 10, 'studied', ${input.secretaryUserId})
    on conflict do nothing`);
  const writers = await queryRows<Writer>(tx, sql`select p.member_id, m.branch_id,
      coalesce(p.attended_at, p.made_up_at) as studied_at, m.full_name, b.name as branch_name, u.name as parent_name
    from campaign_participants p
    join members m on m.tenant_id = p.tenant_id and m.id = p.member_id and m.left_at is null
    join orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    join orgs u on u.tenant_id = b.tenant_id and u.id = b.parent_id
    join org_closure c on c.tenant_id = m.tenant_id and c.descendant_id = m.branch_id
      and c.ancestor_id in (${input.heldOrgId}::uuid, ${input.communeId}::uuid)
    where p.tenant_id = ${tenantId} and p.campaign_id = ${campaignId}::uuid and (p.attended_at is not null or p.made_up_at is not null)
    order by p.member_id`);
  const rng = new Rng(input.seed * 7919 + 5);
  const scans = input.files ? await demoScans(input.files) : [];
  const essays: string[] = [];
  let count = 0;
  for (const [i, w] of writers.entries()) {
    if (!rng.chance(0.72)) continue; // not handed in yet
    const fate: Fate = scans.length && rng.chance(0.25) ? 'scan' : rng.chance(0.55) ? 'typed' : 'paper';
    let text: string | null = null;
    if (fate === 'typed') {
      // One in ten typed reflections is a neighbour's, lightly retouched: what the copy check is for.
      const own = generateEssay(input.seed * 100_000 + i);
      const source = essays.length > 3 && rng.chance(0.1) ? retouch(rng.pick(essays), own.sentences, rng) : own.text;
      essays.push(source);
      // The writer's own name and branch in the heading and signature (a copier changes those too).
      text = quoteResolution(personalize(source, w), rng);

    }
    const pages = fate === 'scan' ? scans.slice(0, 1 + rng.int(scans.length)) : [];
    // Written in the days after studying; the key cadres who studied this morning hand in this afternoon.
    const studied = Math.max(HELD_AT, new Date(w.studied_at).getTime());
    const today = studied > HELD_AT + 2 * DAY;
    const submittedAt = new Date(studied + (today ? 0.1 + rng.next() * 0.15 : 0.2 + rng.next() * 4.5) * DAY);
    const state: GradeState = today ? 'ungraded' : rng.pick(['ungraded', 'ungraded', 'draft', 'submitted', 'submitted', 'approved', 'approved', 'approved']);
    await insertReflection(tx, input, { memberId: w.member_id, branchId: w.branch_id, key: `${i}`, fate, text, pages, submittedAt, state, rng });
    count++;
  }
  return count;
}

interface Writer { member_id: string; branch_id: string; studied_at: string; full_name: string; branch_name: string; parent_name: string }

/** Puts the writer's name, branch and party committee where the generated essay has invented ones. */
function personalize(text: string, w: Writer): string {
  const lines = text.split('\n');
  const unit = w.branch_name.replace(/^Chi bộ\s*/i, '');
  lines[0] = w.parent_name.toUpperCase();
  lines[1] = `CHI BỘ ${unit.toUpperCase()}`;
  lines[lines.length - 1] = w.full_name;
  return lines.join('\n')
    .replace(/Kính gửi: Chi uỷ Chi bộ [^\n]*\./, `Kính gửi: Chi uỷ ${w.branch_name}.`)
    .replace(/Tên tôi là [^.]*\./, `Tên tôi là ${w.full_name}.`)
    .replace(/Đơn vị công tác: [^\n]*\./, `Đơn vị công tác: ${w.branch_name}.`);
}

/** Sentences of the demo Resolution's documents, which writers quote (the copy checks measure it). */
const RESOLUTION_SENTENCES = DEMO_RESOLUTION.documents.flatMap((d) => d.body.split(/(?<=[.;])\s+/)).filter((x) => x.split(' ').length >= 10);

/** Most writers quote one to three sentences of the Resolution in part I; one in eight quotes at length. */
function quoteResolution(text: string, rng: Rng): string {
  const n = rng.chance(0.125) ? 6 + rng.int(4) : 1 + rng.int(3);
  const quotes = rng.sample(RESOLUTION_SENTENCES, Math.min(n, RESOLUTION_SENTENCES.length)).map((q) => `Văn kiện Đại hội nêu rõ: “${q.replace(/[.;]$/, '')}”.`);
  return text.replace(/(I\. Những nội dung cơ bản, điểm mới của Nghị quyết\n)/, `$1${quotes.join(' ')} `);
}

interface DemoReflection {
  memberId: string; branchId: string; key: string; fate: Fate; text: string | null; pages: ReflectionPage[]; submittedAt: Date; state: GradeState; rng: Rng;
}

async function insertReflection(tx: Executor, input: DemoReflectionsInput, r: DemoReflection) {
  const { tenantId, campaignId, id } = input;
  const reflectionId = id(`reflection:${r.key}`);
  const versionId = id(`reflection-version:${r.key}`);
  const recommendations = r.text ? r.text.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2)).join('\n') || null : null;
  const levels = r.state === 'ungraded' ? {} : Object.fromEntries(DEFAULT_RUBRIC.criteria.map((c) => [c.key, levelFor(r.rng)]));
  const grade = r.state === 'ungraded' ? null : suggestGrade(DEFAULT_RUBRIC, levels);
  const gradedAt = new Date(r.submittedAt.getTime() + (0.5 + r.rng.next()) * DAY);
  await tx.execute(sql`insert into reflections (tenant_id, id, campaign_id, member_id, branch_id, current_version_id, status, submitted_at, grade_status, final_grade, graded_at)
    values (${tenantId}, ${reflectionId}, ${campaignId}, ${r.memberId}, ${r.branchId}, ${versionId}, ${r.fate === 'paper' ? 'paper' : 'submitted'},
      ${r.submittedAt.toISOString()}, ${r.state}, ${r.state === 'approved' ? grade : null}, ${r.state === 'approved' ? gradedAt.toISOString() : null})`);
  await tx.execute(sql`insert into reflection_versions (tenant_id, id, reflection_id, seq, text, recommendations, pages, source, submitted_by, submitted_at, receipt_number)
    values (${tenantId}, ${versionId}, ${reflectionId}, 1, ${r.text}, ${recommendations}, ${JSON.stringify(r.pages)}::jsonb,
      ${r.fate === 'paper' ? 'paper' : 'member'}, ${r.fate === 'paper' ? input.secretaryUserId : r.memberId}, ${r.submittedAt.toISOString()},
      ${`BTH-${r.submittedAt.toISOString().slice(0, 10).replace(/-/g, '')}-${versionId.replace(/-/g, '').slice(-8).toUpperCase()}`})`);
  for (const p of r.pages) {
    await tx.execute(sql`insert into reflection_files (tenant_id, file_hash, reflection_id, mime) values
      (${tenantId}, ${p.fileHash}, ${reflectionId}, 'image/jpeg'), (${tenantId}, ${p.thumbHash}, ${reflectionId}, 'image/jpeg') on conflict do nothing`);
  }
  if (r.state === 'ungraded') return;
  const comment = grade === 'tot' ? 'Bài viết sâu sắc, liên hệ sát thực tiễn chi bộ.' : grade === 'chua_dat' ? 'Bài viết còn sơ sài, chưa liên hệ bản thân.' : 'Bài viết đạt yêu cầu, cần liên hệ cụ thể hơn.';
  await tx.execute(sql`insert into reflection_grades (tenant_id, id, reflection_id, campaign_id, branch_id, version_id, marker, revision, levels, comment, grade, status,
      graded_by, submitted_at, approved_by, approved_at, created_at, updated_at)
    values (${tenantId}, ${id(`reflection-grade:${r.key}`)}, ${reflectionId}, ${campaignId}, ${r.branchId}, ${versionId}, 1, 1, ${JSON.stringify(levels)}::jsonb,
      ${comment}, ${grade}, ${r.state}, ${input.secretaryUserId},
      ${r.state === 'draft' ? null : gradedAt.toISOString()}, ${r.state === 'approved' ? input.secretaryUserId : null},
      ${r.state === 'approved' ? gradedAt.toISOString() : null}, ${gradedAt.toISOString()}, ${gradedAt.toISOString()})`);
}

/** Mostly good marks, as branch committees give them. */
function levelFor(rng: Rng): string {
  const x = rng.next();
  return x < 0.4 ? 'tot' : x < 0.8 ? 'kha' : x < 0.96 ? 'dat' : 'chua_dat';
}

/**
 * Three photographed pages of hand-writing: ruled paper, a heading and lines of blue scribble (drawn,
 * so no font is needed), stored like an uploaded page with its thumbnail.
 */
async function demoScans(files: FileStore): Promise<ReflectionPage[]> {
  const pages: ReflectionPage[] = [];
  for (let n = 0; n < 3; n++) {
    const rng = new Rng(4242 + n);
    const lines: string[] = [];
    for (let y = 210; y < 1640; y += 54) {
      let x = 120 + (y === 210 ? 260 : rng.int(40));
      const end = 1100 - rng.int(y > 1500 ? 600 : 120);
      let d = `M${x},${y}`;
      while (x < end) { const w = 14 + rng.int(16); d += ` q${w / 2},${-18 - rng.int(14)} ${w},${rng.int(7) - 3}`; x += w; if (rng.chance(0.12)) { x += 18; d += ` m18,0`; } }
      lines.push(`<path d="${d}" fill="none" stroke="#1d3a8f" stroke-width="2.4" stroke-linecap="round"/>`);
    }
    const ruled = Array.from({ length: 28 }, (_, i) => `<line x1="80" x2="1160" y1="${222 + i * 54}" y2="${222 + i * 54}" stroke="#b9c8e6" stroke-width="1.5"/>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="1240" height="1754" fill="#fbfaf4"/>${ruled}${lines.join('')}</svg>`;
    const page = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer({ resolveWithObject: true });
    const thumb = await sharp(page.data).resize({ width: 360, height: 360, fit: 'inside' }).jpeg({ quality: 70 }).toBuffer();
    pages.push({ fileHash: await files.put(page.data), thumbHash: await files.put(thumb), mime: 'image/jpeg', width: page.info.width, height: page.info.height, bytes: page.data.length });
  }
  return pages;
}
