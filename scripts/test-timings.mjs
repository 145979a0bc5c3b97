// A reporter for Node's test runner (`npm test` writes it to build/test-timings.txt): when each test
// file started and finished, seconds from the start of the run, and its tests and failures. Shows how
// the files shared the two cores, and which one holds the run up.
import path from "node:path";

export default async function* timings(source) {
  const started = Date.now();
  const files = new Map();
  const seconds = () => (Date.now() - started) / 1000;
  for await (const { type, data } of source) {
    const file = data?.file;
    if (!file) continue;
    const entry = files.get(file) ?? { first: seconds(), last: 0, tests: 0, failed: 0 };
    entry.last = seconds();
    if ((type === "test:pass" || type === "test:fail") && data.details?.type !== "suite") {
      entry.tests += 1;
      if (type === "test:fail") entry.failed += 1;
    }
    files.set(file, entry);
  }
  const rows = [...files].sort((a, b) => a[1].first - b[1].first);
  yield `file                                   start     end   (s)  tests  failed\n`;
  for (const [file, e] of rows)
    yield `${path.relative(process.cwd(), file).padEnd(36)} ${e.first.toFixed(0).padStart(7)} ${e.last.toFixed(0).padStart(7)} ${(e.last - e.first).toFixed(0).padStart(5)} ${String(e.tests).padStart(6)} ${String(e.failed).padStart(7)}\n`;
  yield `all files: ${seconds().toFixed(0)} s\n`;
}
