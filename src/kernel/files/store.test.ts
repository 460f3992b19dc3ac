import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { localFileStore } from './store.js';

describe('localFileStore', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qt-store-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => { vi.restoreAllMocks(); });

  it('stores bytes given in parts as the one file they make, named by its SHA-256', async () => {
    const store = localFileStore(dir);
    const bytes = randomBytes(300_000);
    const parts = [bytes.subarray(0, 1), bytes.subarray(1, 65_537), bytes.subarray(65_537, 200_000), bytes.subarray(200_000)];
    const hash = await store.put(parts);
    expect(hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await store.get(hash)).toEqual(bytes);
    expect(await store.put(bytes)).toBe(hash); // the same content, whole: the same name, stored once
    expect(fs.readdirSync(path.dirname(store.pathOf(hash)))).toEqual([hash]);
  });

  it('makes the new name durable: the folder is synced after the rename (and a new folder in its parent), before put resolves', async () => {
    const own = fs.mkdtempSync(path.join(dir, 'durable-'));
    const store = localFileStore(own);
    const steps: string[] = [];
    const rename = fsp.rename.bind(fsp);
    const open = fsp.open.bind(fsp);
    vi.spyOn(fsp, 'rename').mockImplementation(async (from, to) => { steps.push('rename'); return rename(from, to); });
    vi.spyOn(fsp, 'open').mockImplementation(async (file, flags, mode) => {
      const handle = await open(file, flags, mode);
      if (flags === 'r') {
        const sync = handle.sync.bind(handle);
        handle.sync = async () => { steps.push(`sync folder /${path.relative(own, String(file))}`); return sync(); };
      }
      return handle;
    });
    const bytes = randomBytes(1000);
    const hash = await store.put(bytes);
    expect(steps).toEqual(['sync folder /', 'rename', `sync folder /${hash.slice(0, 2)}`]);
    // The same bytes again: nothing written, but the folder is synced before this caller is answered too.
    steps.length = 0;
    expect(await store.put(bytes)).toBe(hash);
    expect(steps).toEqual([`sync folder /${hash.slice(0, 2)}`]);
  });
});
