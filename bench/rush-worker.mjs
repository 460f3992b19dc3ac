// Load generator for the deadline rush (bench/reflection-rush.ts), in its own thread so that sending
// requests does not steal the server's event loop. Open loop: request i is due at start + i / rate,
// whatever happened to the ones before; latency is measured from the moment it was due, so queueing
// in the server counts against it. Plain node:http with pre-built multipart parts: the generator shares
// the two cores with the server, so it must cost little (fetch with a Blob body cost ~14 ms a request).
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, rate, seconds, cookies, image, campaignId, text } = workerData;
const base = Buffer.from(image);
const target = new URL(`${url}/api/reflections/mine?campaignId=${campaignId}`);
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
const BOUNDARY = '----qtRushBoundary7MA4YWxkTrZu0gW';

/**
 * The same photo with its quantization table nudged: a valid, different JPEG per request. Only the bytes
 * up to the nudged table are copied; the rest of the megabyte is the same buffer each time (a phone
 * sending its photo costs the server, not this generator, which shares the two cores with it).
 */
const DQT = base.indexOf(Buffer.from([0xff, 0xdb]));
const NUDGED_END = DQT + 5 + 10 + 6;
const REST = base.subarray(NUDGED_END);
function uniqueJpeg(i) {
  const head = Buffer.from(base.subarray(0, NUDGED_END));
  for (let k = 0; k < 6; k++) {
    const at = DQT + 5 + 10 + k;
    const digit = Math.floor(i / 4 ** k) % 4;
    head[at] = Math.min(255, Math.max(1, head[at] + digit));
  }
  return [head, REST];
}

function body(i) {
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="text"\r\n\r\n${text}\n(Bài số ${i + 1})\r\n`
    + `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="trang-1.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  return [head, ...uniqueJpeg(i), Buffer.from(`\r\n--${BOUNDARY}--\r\n`)];
}

function post(i) {
  const parts = body(i);
  const length = parts.reduce((n, p) => n + p.length, 0);
  return new Promise((resolve) => {
    const req = http.request(target, {
      method: 'POST', agent,
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': length,
        cookie: cookies[i % cookies.length], 'idempotency-key': `rush-${i}`, origin: url,
      },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        let json = null;
        try { json = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, json });
      });
    });
    req.on('error', (err) => resolve({ status: 0, json: { error: String(err) } }));
    for (const p of parts) req.write(p);
    req.end();
  });
}

const total = rate * seconds;
const results = new Array(total);
const start = performance.now() + 200;

async function fire(i) {
  const due = start + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const sent = performance.now();
  const { status, json } = await post(i);
  const now = performance.now();
  results[i] = { status, fromDue: now - due, fromSent: now - sent, receipt: json?.receipt?.number ?? null, error: status === 201 ? null : JSON.stringify(json).slice(0, 200) };
}

await Promise.all(Array.from({ length: total }, (_, i) => fire(i)));
agent.destroy();
parentPort.postMessage({ results, wallMs: performance.now() - start });
