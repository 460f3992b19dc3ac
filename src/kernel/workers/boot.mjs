// Entry of every worker thread: TypeScript sources run through tsx (as the server itself does), then
// the module named by workerData.entry takes over.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
