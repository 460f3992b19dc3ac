import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite is single-process: two processes opening one data folder corrupt it. Whoever opens the
 * embedded database holds `<dataDir>/qt.lock` (pid, role) until it exits; others refuse clearly.
 */
export interface LockInfo { pid: number; role: 'server' | 'cli'; port?: number; startedAt: string }

export class DatabaseLockedError extends Error {
  constructor(readonly holder: LockInfo, readonly dataDir: string) {
    super(holder.role === 'server'
      ? `Máy chủ Quán Triệt (PID ${holder.pid}${holder.port ? `, cổng ${holder.port}` : ''}) đang dùng cơ sở dữ liệu nhúng tại ${dataDir}. ` +
        'Hãy dừng máy chủ trước khi chạy lệnh này, hoặc dùng PostgreSQL bằng biến DATABASE_URL.'
      : `Một lệnh khác (PID ${holder.pid}) đang dùng cơ sở dữ liệu nhúng tại ${dataDir}. Hãy chờ lệnh đó chạy xong.`);
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
}

export function acquireDataDirLock(dataDir: string, info: Omit<LockInfo, 'pid' | 'startedAt'>): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'qt.lock');
  const mine: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), ...info };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      const release = () => {
        try {
          const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (holder.pid === process.pid) fs.unlinkSync(file);
        } catch { /* already gone */ }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockInfo | null = null;
      try { holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo; } catch { /* half-written: treat as stale */ }
      if (holder && holder.pid !== process.pid && alive(holder.pid)) throw new DatabaseLockedError(holder, dataDir);
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${file}`);
}
