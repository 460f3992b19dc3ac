// Entry of every worker thread: TypeScript sources run through tsx (as the server itself does), then
// the module named by workerData.entry takes over.
import os from 'node:os';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// Linux keeps a nice value per thread: this lowers this worker's priority only, not the server's.
// Where that is not allowed (or not per thread), the worker simply runs at normal priority.
if (workerData.nice != null) {
  try { os.setPriority(workerData.nice); } catch { /* normal priority */ }
}

register();
await import(workerData.entry);
