// A worker for spawn.test.ts: says it is ready, then answers each message with its own thread's nice value.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

/** The nice value of the calling thread: its entry in /proc/thread-self (Linux). */
const ownNice = () => Number(fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ')[16]);

parentPort!.on('message', () => parentPort!.postMessage({ nice: ownNice() }));
parentPort!.postMessage({ ready: true });
