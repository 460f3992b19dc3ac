import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

/** Content-addressed file store behind one interface, so an S3-compatible store can replace it. */
export interface FileStore {
  /** Stores the bytes (or the bytes of the parts, in order) durably (fsync) and returns their SHA-256, which is their name. */
  put(bytes: Buffer | readonly Buffer[]): Promise<string>;
  get(hash: string): Promise<Buffer>;
  pathOf(hash: string): string;
}

export function localFileStore(root: string): FileStore {
  const dir = path.resolve(root);
  const pathOf = (hash: string) => {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a sha256: ${hash}`);
    return path.join(dir, hash.slice(0, 2), hash);
  };
  return {
    pathOf,
    async put(bytes) {
      const parts = Buffer.isBuffer(bytes) ? [bytes] : bytes;
      const hasher = createHash('sha256');
      for (const p of parts) hasher.update(p);
      const hash = hasher.digest('hex');
      const target = pathOf(hash);
      // Already held: but another request may have just renamed it in place and not yet synced its
      // folder, and this caller is about to give a receipt for it too.
      if (fs.existsSync(target)) { await syncFolder(path.dirname(target)); return hash; }
      // A name of its own per write: two requests storing the same bytes at once (a double submit, the
      // same thumbnail) each write and rename their own file; the rename is atomic, either one wins.
      const tmp = `${target}.${randomBytes(8).toString('hex')}.tmp`;
      // The fan-out folder is made when missing (once, in practice), not asked for on every write.
      const handle = await fsp.open(tmp, 'w').catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
        await fsp.mkdir(path.dirname(target), { recursive: true });
        await syncFolder(dir); // the new fan-out folder's own name
        return fsp.open(tmp, 'w');
      });
      try {
        if (parts.length === 1) await handle.writeFile(parts[0]);
        else {
          const size = parts.reduce((n, p) => n + p.length, 0);
          const { bytesWritten } = await handle.writev(parts as Buffer[]);
          if (bytesWritten < size) await handle.writeFile(Buffer.concat(parts as Buffer[]).subarray(bytesWritten)); // a short write: the rest
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsp.rename(tmp, target);
      // The new name is durable only once its folder is: without this a crash in the next seconds could
      // lose a file whose receipt was already given.
      await syncFolder(path.dirname(target));
      return hash;
    },
    get: (hash) => fsp.readFile(pathOf(hash)),
  };
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await fsp.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
