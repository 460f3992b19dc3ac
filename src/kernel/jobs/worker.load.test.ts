import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { eventLoopLoad } from './worker.js';

it('calls the event loop busy after it computed most of the time since the last reset, idle after a rest', async () => {
  const load = eventLoopLoad(0.5);
  load.reset();
  for (let end = Date.now() + 300; Date.now() < end;) { /* a burst of requests' work */ }
  await sleep(20);
  expect(load.busy()).toBe(true);
  load.reset();
  await sleep(300);
  expect(load.busy()).toBe(false);
});
