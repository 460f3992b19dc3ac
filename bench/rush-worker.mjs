// Load generator for the deadline rush (bench/reflection-rush.ts), in its own thread so that sending
// requests does not steal the server's event loop. Open loop: request i is due at start + i / rate,
// whatever happened to the ones before; latency is measured from the moment it was due, so queueing
// in the server counts against it.
import { parentPort, workerData } from 'node:worker_threads';

const { url, rate, seconds, cookies, image, campaignId, text } = workerData;
const base = Buffer.from(image);

/** The same photo with its quantization table nudged: a valid, different JPEG per request. */
function uniqueJpeg(i) {
  const out = Buffer.from(base);
  const dqt = out.indexOf(Buffer.from([0xff, 0xdb]));
  for (let k = 0; k < 6; k++) {
    const at = dqt + 5 + 10 + k;
    const digit = Math.floor(i / 4 ** k) % 4;
    out[at] = Math.min(255, Math.max(1, out[at] + digit));
  }
  return out;
}

const total = rate * seconds;
const results = new Array(total);
const start = performance.now() + 200;
let done = 0;

async function fire(i) {
  const due = start + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const form = new FormData();
  form.set('text', `${text}\n(Bài số ${i + 1})`);
  form.append('files', new Blob([uniqueJpeg(i)], { type: 'image/jpeg' }), `trang-1.jpg`);
  const sent = performance.now();
  try {
    const res = await fetch(`${url}/api/reflections/mine?campaignId=${campaignId}`, {
      method: 'POST', body: form, headers: { cookie: cookies[i % cookies.length], 'idempotency-key': `rush-${i}`, origin: url },
    });
    const body = await res.json().catch(() => null);
    results[i] = { status: res.status, fromDue: performance.now() - due, fromSent: performance.now() - sent, receipt: body?.receipt?.number ?? null, error: res.status === 201 ? null : JSON.stringify(body).slice(0, 200) };
  } catch (err) {
    results[i] = { status: 0, fromDue: performance.now() - due, fromSent: performance.now() - sent, receipt: null, error: String(err).slice(0, 200) };
  }
  done++;
}

await Promise.all(Array.from({ length: total }, (_, i) => fire(i)));
parentPort.postMessage({ results, wallMs: performance.now() - start, done });
