import { expect, it } from 'vitest';
import { poolCompute } from './recommendations.compute.js';

const alike = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `e${i}`, text: `Đề nghị cấp trên tăng kinh phí hoạt động cho chi bộ vùng sâu (ý kiến ${i % 89}).` }));

it('stops the computing thread when its job is stopped, failing the computation in progress', async () => {
  const controller = new AbortController();
  const compute = poolCompute({ inlineTexts: 0, signal: controller.signal });
  const started = Date.now();
  const pending = compute.plan(alike(3000), []); // several seconds of clustering
  setTimeout(() => controller.abort(), 300);
  await expect(pending).rejects.toThrow();
  expect(Date.now() - started).toBeLessThan(5000);
  await expect(compute.sentences(Array.from({ length: 50 }, () => ({ text: 'Đề nghị tăng kinh phí.', recommendations: null })))).rejects.toThrow();
  await compute.close();
});
