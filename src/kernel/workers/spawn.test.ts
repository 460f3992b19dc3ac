import fs from 'node:fs';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { BACKGROUND_NICE, request, startWorker } from './spawn.js';

const FIXTURE = new URL('./ready.worker.test-fixture.ts', import.meta.url);
const started: Worker[] = [];

async function start(priority?: 'background' | 'normal') {
  const worker = startWorker(FIXTURE, {}, { priority });
  started.push(worker);
  await once(worker, 'message');
  return worker;
}

/** Nice values of this process's threads, the main thread's first. */
function threadNices(): { main: number; others: number[] } {
  const nice = (task: string) => Number(fs.readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
  const tasks = fs.readdirSync('/proc/self/task');
  return { main: nice(String(process.pid)), others: tasks.filter((t) => t !== String(process.pid)).map(nice) };
}

afterEach(async () => { await Promise.all(started.splice(0).map((w) => w.terminate())); });

describe.runIf(process.platform === 'linux')('worker threads', () => {
  it('run background work at the lowest priority, leaving the server\'s own thread as it was', async () => {
    const before = threadNices();
    const worker = await start();
    expect(await request<{ nice: number }>(worker, 'nice?')).toEqual({ nice: BACKGROUND_NICE });
    const after = threadNices();
    expect(after.main).toBe(before.main);
    // The worker's thread, and the threads it starts (TypeScript's loader), which inherit its value.
    expect(after.others.filter((n) => n === BACKGROUND_NICE).length).toBeGreaterThan(before.others.filter((n) => n === BACKGROUND_NICE).length);
  });

  it('keep normal priority when asked to', async () => {
    const worker = await start('normal');
    expect(await request<{ nice: number }>(worker, 'nice?')).toEqual({ nice: threadNices().main });
  });
});
