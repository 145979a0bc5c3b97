// A learner's own copy of the course, in the learner's home folder: the notebooks copied as their
// student edition (the learner edits them; no reference solution or Markdown answer reaches a learner,
// unless the hub was started with --solutions), `src`, `data`, `node_modules` and `deno.json` linked to
// the course (shared, read by the kernels).
// Run before each learner's server starts (the hub's pre-spawn hook, the Docker image's start hook). It
// only adds: a notebook the learner already has is never overwritten, so a course update adds the new
// lessons and leaves the learner's work alone. Plain Node, no dependencies.
//
// Usage: node scripts/hub/learnerCopy.mjs [--solutions] HOME [COURSE_ROOT]
import {
  copyFileSync,
  existsSync,
  readFileSync,
  writeFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
} from "node:fs";
import path from "node:path";
import { isMain, projectRoot } from "../paths.mjs";
import { studentNotebook } from "../studentEdition.mjs";

/**
 * The links a learner's folder holds: where each points in the course.
 * @param {string} courseRoot
 * @returns {[relative: string, target: string][]}
 */
export function learnerLinks(courseRoot) {
  return [
    ["notebooks/src", path.join(courseRoot, "src")],
    ["data", path.join(courseRoot, "data")],
    // tslab type-checks `./src/…` where it finds it (inside the learner's folder): mathjs and the other
    // packages' types must be found from there, as node_modules is found from the course's notebooks/.
    ["node_modules", path.join(courseRoot, "node_modules")],
    // Deno's kernel reads its settings (sloppy imports: `./src/index` without `.ts`; npm packages from
    // node_modules) from the first deno.json above the notebook.
    ["deno.json", path.join(courseRoot, "deno.json")],
  ];
}

/**
 * Whether anything is at `at`, a broken link included.
 * @param {string} at
 */
function linkExists(at) {
  try {
    lstatSync(at);
    return true;
  } catch {
    return false;
  }
}

/**
 * Brings `home` up to date with the course at `courseRoot`; returns what it added.
 * @param {string} home the learner's folder
 * @param {string} [courseRoot] the course (default: this one)
 * @param {{ solutions?: boolean }} [options] `solutions`: copy the course's notebooks as they are, reference
 *   solutions included (a teacher's demo); by default each is copied as its student edition
 * @example provisionLearner("/srv/downhill/learners/ada", "/opt/downhill") // { copied: [...], linked: [...] }
 */
export function provisionLearner(home, courseRoot = projectRoot, { solutions = false } = {}) {
  const notebooks = path.join(home, "notebooks");
  mkdirSync(notebooks, { recursive: true });
  /** @type {string[]} */
  const copied = [];
  for (const name of readdirSync(path.join(courseRoot, "notebooks")).sort()) {
    if (!name.endsWith(".ipynb")) continue;
    const target = path.join(notebooks, name);
    if (existsSync(target)) continue; // the learner's work: never overwritten
    const source = path.join(courseRoot, "notebooks", name);
    if (solutions) copyFileSync(source, target);
    else {
      const { notebook } = studentNotebook(JSON.parse(readFileSync(source, "utf8")), name);
      writeFileSync(target, JSON.stringify(notebook, null, 1) + "\n");
    }
    copied.push(name);
  }
  /** @type {string[]} */
  const linked = [];
  for (const [relative, target] of learnerLinks(courseRoot)) {
    const at = path.join(home, relative);
    if (linkExists(at)) {
      if (lstatSync(at).isSymbolicLink() && readlinkSync(at) !== target)
        throw new Error(`${at} links to ${readlinkSync(at)}; expected ${target}`);
      continue;
    }
    symlinkSync(target, at);
    linked.push(relative);
  }
  return { copied, linked };
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const solutions = args.includes("--solutions");
  const [home, courseRoot = projectRoot] = args.filter((a) => a !== "--solutions");
  if (!home) {
    console.error("usage: node scripts/hub/learnerCopy.mjs [--solutions] HOME [COURSE_ROOT]");
    process.exit(2);
  }
  const { copied, linked } = provisionLearner(path.resolve(home), path.resolve(courseRoot), {
    solutions,
  });
  console.log(
    `[downhill] ${home}: ${copied.length} notebook(s) copied, ${linked.length} link(s) made`,
  );
}
