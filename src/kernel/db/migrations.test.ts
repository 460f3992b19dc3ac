import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The committed migrations match the *.table.ts files: regenerating them from scratch adds nothing. */
it('has no schema drift between the tables and the committed migrations', async () => {
  // drizzle-kit takes the output folder relative to the project.
  const outName = `.drift-check-${process.pid}`;
  const out = path.join(ROOT, outName);
  fs.cpSync(path.join(ROOT, 'migrations'), out, { recursive: true });
  try {
    const before = fs.readdirSync(out).filter((f) => f.endsWith('.sql')).sort();
    const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules', '.bin', 'drizzle-kit'),
      ['generate', '--dialect', 'postgresql', '--schema', './src/kernel/db/schema.ts', '--out', `./${outName}`], { cwd: ROOT });
    const after = fs.readdirSync(out).filter((f) => f.endsWith('.sql')).sort();
    expect(stdout).toContain('No schema changes');
    expect(after, stdout).toEqual(before);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}, 60_000);
