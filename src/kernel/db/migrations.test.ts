import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The committed migrations match the *.table.ts files: regenerating them from scratch adds nothing. */
it('has no schema drift between the tables and the committed migrations', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'qt-migrations-'));
  fs.cpSync(path.join(ROOT, 'migrations'), out, { recursive: true });
  const before = fs.readdirSync(out).filter((f) => f.endsWith('.sql')).sort();
  const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules', '.bin', 'drizzle-kit'),
    ['generate', '--dialect', 'postgresql', '--schema', './src/kernel/db/schema.ts', '--out', out], { cwd: ROOT });
  const after = fs.readdirSync(out).filter((f) => f.endsWith('.sql')).sort();
  expect(after, stdout).toEqual(before);
  fs.rmSync(out, { recursive: true, force: true });
}, 60_000);
