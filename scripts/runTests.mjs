// Runs test files with Node's test runner, two at a time (one per core), in the order given: `node
// --test` would sort them by name, and `npm test` starts the two executions of the course first
// (scripts/testFiles.mjs). Each file runs in its own process with this process's Node options (e.g.
// `--import tsx`, `--test-name-pattern=…`). Prints TAP, as `node --test` does, and writes when each file
// started and ended to $DOWNHILL_TEST_TIMINGS (default build/test-timings.txt); exits 1 when a test
// failed. Usage: node --import tsx scripts/runTests.mjs FILE…
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { run } from "node:test";
import { tap } from "node:test/reporters";
import { projectRoot } from "./paths.mjs";
const timingsFile =
  process.env.DOWNHILL_TEST_TIMINGS ?? path.join(projectRoot, "build", "test-timings.txt");

/**
 * A reporter that passes every event on to `reporter` and notes when each test file ran.
 * @param {typeof tap} reporter
 * @param {string[]} files
 */
function withTimings(reporter, files) {
  /** @param {AsyncIterable<any>} source */
  return async function* (source) {
    const started = Date.now();
    const seconds = () => (Date.now() - started) / 1000;
    const rows = new Map(files.map((f) => [f, { start: NaN, end: NaN, tests: 0, failed: 0 }]));
    let other = { tests: 0, failed: 0 };
    async function* watch() {
      for await (const event of source) {
        const { type, data } = event;
        const row = rows.get(data?.file);
        if (row && data.name === data.file) {
          if (type === "test:dequeue") row.start = seconds();
          if (type === "test:complete") row.end = seconds();
        } else if (
          (type === "test:pass" || type === "test:fail") &&
          data.details?.type !== "suite"
        ) {
          const counted = row ?? other;
          counted.tests += 1;
          if (type === "test:fail" && !data.todo) counted.failed += 1;
        }
        yield event;
      }
      const lines = [...rows]
        .sort((a, b) => a[1].start - b[1].start)
        .map(
          ([file, r]) =>
            `${path.relative(projectRoot, file).padEnd(40)} ${r.start.toFixed(0).padStart(5)} ${r.end.toFixed(0).padStart(5)} ${(r.end - r.start).toFixed(0).padStart(5)} ${String(r.tests + (file.endsWith("unitTests.mjs") ? other.tests : 0)).padStart(6)} ${String(r.failed + (file.endsWith("unitTests.mjs") ? other.failed : 0)).padStart(7)}`,
        );
      mkdirSync(path.dirname(timingsFile), { recursive: true });
      writeFileSync(
        timingsFile,
        `${"file".padEnd(40)} start   end   (s)  tests  failed\n${lines.join("\n")}\nall: ${seconds().toFixed(0)} s\n`,
      );
    }
    yield* reporter(watch());
  };
}

const files = process.argv.slice(2).map((f) => path.resolve(f));
const stream = run({ files, concurrency: 2 });
stream.on("test:fail", (data) => {
  if (!data.todo) process.exitCode = 1;
});
stream.compose(withTimings(tap, files)).pipe(process.stdout);
