// Prints the plain closing line CI reads: "N passed, N failed" from Vitest's JSON report. A run that
// could not produce a report (crash, global set-up failure such as PostgreSQL unreachable) fails.
import fs from 'node:fs';

const [file, exitStatus] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(file)) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  // A file that failed to load counts as one failure, besides its failed tests.
  const brokenFiles = (report.testResults ?? []).filter((s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  failed = (report.numFailedTests ?? 0) + brokenFiles;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (Number(exitStatus) !== 0 && failed === 0) failed = 1; // the run failed outside any test
if (passed === 0 && failed === 0) failed = 1; // ran no test: treat as failure
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
