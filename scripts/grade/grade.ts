// `npm run grade`: grades a class's notebooks. DIR holds one folder per learner (a folder of collected
// notebooks, or a hub learner's folder with notebooks/ inside), each with any of the course's lessons
// under their course file names. Each notebook is copied into a temporary folder beside links to the
// course's src, data and node_modules (as a hub learner's folder has them), run alone in a fresh tslab
// kernel with a time limit per cell (runForGrades.py), and graded from its checkers' verdicts
// (grades.ts). Learners run `--jobs` at a time. The learners' folders are only read.
//
// Usage: npm run grade -- DIR [--out FILE] [--timeout SECONDS] [--jobs N] [--lessons 01,02]
//                             [--class FILE]
//        npm run grade -- --hub [--state DIR] [--out FILE] …
//   --out FILE      grades.csv's path (default DIR/grades.csv); the HTML report goes beside it (.html)
//   --timeout S     seconds one cell may run before it is interrupted (default 120)
//   --jobs N        learners graded at the same time (default: half the cores, at least 1)
//   --lessons LIST  the lessons to grade (default: every lesson some learner has)
//   --class FILE    the class list, one name a line: a listed learner without a folder gets error rows
//   --hub           grade `npm run hub`'s learners in place: DIR is <state>/learners, and the grades
//                   go to <state>/grades/ unless --out says otherwise
import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { exerciseMimeType } from "../../src/internal";
import { ensureEnvironment, findJupyterPython, kernelEnv, projectRoot } from "../environment.mjs";
import { defaultStateDir } from "../hub/hub.mjs";
import { learnerLinks } from "../hub/learnerCopy.mjs";
import { notebookPaths } from "../notebookFormat.mjs";
import { lessonOf, type Lesson, type Notebook } from "./exercises";
import {
  gradeLesson,
  gradesCsv,
  sameRows,
  summaryTable,
  type GradeRow,
  type NotebookRun,
} from "./grades";
import { reportHtml } from "./report";

export interface GradeOptions {
  /** The folder of learners' folders. */
  dir: string;
  /** grades.csv's path (default DIR/grades.csv); the report is the same path with .html. */
  out?: string;
  /** Seconds one cell may run (default 120). */
  timeout?: number;
  /** Learners graded at the same time. */
  jobs?: number;
  /** Lesson numbers to grade ("01"); default every lesson some learner has. */
  lessons?: string[];
  /** The class list: learners expected even when their folder is missing. */
  classList?: string[];
  python?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface Graded {
  rows: GradeRow[];
  lessons: Lesson[];
  csv: string;
  html: string;
  seconds: number;
}

/** The course's lessons and their checked exercises, read from notebooks/. */
export function courseLessons(): Lesson[] {
  return (notebookPaths() as string[]).map((file) =>
    lessonOf(path.basename(file), JSON.parse(readFileSync(file, "utf8")) as Notebook),
  );
}

/** What a learner's entry in DIR holds. */
type Learner =
  | { name: string; problem: string }
  | { name: string; problem?: undefined; files: Map<string, string>; others: string[] };

const isDirectory = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The course notebooks in a learner's folder, by lesson file name: `<folder>/notebooks/NAME` (a hub
 * learner's folder) or `<folder>/NAME`; failing both, the one file `NN-….ipynb` of that lesson's
 * number. Other files are listed apart.
 */
export function findLessons(
  folder: string,
  lessons: Lesson[],
): { files: Map<string, string>; others: string[] } {
  const places = [path.join(folder, "notebooks"), folder].filter(isDirectory);
  const listed = places.flatMap((p) =>
    readdirSync(p)
      .filter((n) => !n.startsWith(".") && !(p === folder && n === "notebooks"))
      .map((n) => path.join(p, n)),
  );
  const files = new Map<string, string>();
  for (const lesson of lessons) {
    const exact = places.map((p) => path.join(p, lesson.file)).find((f) => listed.includes(f));
    const numbered = listed.filter((f) =>
      new RegExp(`^${lesson.number}-.*\\.ipynb$`).test(path.basename(f)),
    );
    const file = exact ?? (numbered.length === 1 ? numbered[0] : undefined);
    if (file) files.set(lesson.name, file);
  }
  const used = new Set(files.values());
  const others = listed
    .filter((f) => !used.has(f))
    .map((f) => path.relative(folder, f))
    .filter((f) => !["src", "data", "node_modules", "notebooks/src"].includes(f));
  return { files, others };
}

/** The learners: DIR's folders (and the class list's names), sorted; outputs in DIR are skipped. */
function learnersOf(
  dir: string,
  lessons: Lesson[],
  skip: string[],
  classList: string[],
): Learner[] {
  const names = new Set(classList);
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".") || skip.includes(path.join(dir, name))) continue;
    names.add(name);
  }
  return [...names].sort().map((name): Learner => {
    const folder = path.join(dir, name);
    if (!existsSync(folder))
      return { name, problem: `no folder ${name}/ in ${dir}: nothing handed in` };
    if (!isDirectory(folder))
      return { name, problem: `${name} is a file, not a folder of notebooks: not graded` };
    const { files, others } = findLessons(folder, lessons);
    if (files.size === 0)
      return {
        name,
        problem:
          others.length === 0
            ? "the folder is empty: nothing to grade"
            : `the folder holds no lesson notebook of the course (found ${others.slice(0, 5).join(", ")}${others.length > 5 ? ", …" : ""})`,
      };
    return { name, files, others };
  });
}

/** Why a file is not a notebook the runner can take, or undefined when it looks like one. */
export function notebookProblem(text: string): string | undefined {
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch (error) {
    return `not a notebook: not JSON (${(error as Error).message})`;
  }
  const cells = (nb as { cells?: unknown })?.cells;
  if (!Array.isArray(cells) || cells.some((c) => typeof c !== "object" || c === null))
    return "a corrupt notebook: JSON without a list of cells";
  if (!cells.every((c) => typeof c.cell_type === "string"))
    return "a corrupt notebook: a cell without a cell_type";
  return undefined;
}

/** Runs notebooks (already in a folder with the course's links) through runForGrades.py. */
function runNotebooks(
  notebooks: string[],
  o: { python: string; env: NodeJS.ProcessEnv; timeout: number },
): Promise<NotebookRun[]> {
  const report = path.join(path.dirname(notebooks[0]), "..", "report.json");
  const args = [
    path.join(__dirname, "runForGrades.py"),
    "--report",
    report,
    "--mime",
    exerciseMimeType,
    "--timeout",
    String(o.timeout),
    ...notebooks,
  ];
  return new Promise((resolve) => {
    const child = spawn(o.python, args, { env: o.env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      try {
        resolve(JSON.parse(readFileSync(report, "utf8")) as NotebookRun[]);
      } catch {
        const error = `the runner stopped (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`;
        resolve(notebooks.map((notebook) => ({ notebook, seconds: 0, error, cells: [] })));
      }
    });
  });
}

/** Grades one learner: every lesson asked for, from their folder. */
async function gradeLearner(
  learner: Learner,
  lessons: Lesson[],
  o: { python: string; env: NodeJS.ProcessEnv; timeout: number; log: (line: string) => void },
): Promise<GradeRow[]> {
  if (learner.problem !== undefined)
    return lessons.flatMap((l) => sameRows(learner.name, l, "error", learner.problem!));
  const work = mkdtempSync(path.join(os.tmpdir(), "downhill-grade-"));
  try {
    mkdirSync(path.join(work, "notebooks"));
    for (const [relative, target] of learnerLinks(projectRoot) as [string, string][])
      symlinkSync(target, path.join(work, relative));
    const rows = new Map<string, GradeRow[]>();
    const toRun: { lesson: Lesson; nb: Notebook; copy: string; note: string }[] = [];
    for (const lesson of lessons) {
      const file = learner.files.get(lesson.name);
      if (file === undefined) {
        const reason = `no ${lesson.file} in ${learner.name}/ (nor in ${learner.name}/notebooks/)`;
        rows.set(lesson.name, sameRows(learner.name, lesson, "not attempted", reason));
        continue;
      }
      const text = readFileSync(file, "utf8");
      const problem = notebookProblem(text);
      if (problem) {
        rows.set(
          lesson.name,
          sameRows(learner.name, lesson, "error", `${path.basename(file)}: ${problem}`),
        );
        continue;
      }
      const copy = path.join(work, "notebooks", lesson.file);
      copyFileSync(file, copy);
      const note =
        path.basename(file) === lesson.file
          ? ""
          : ` (graded ${path.basename(file)} as lesson ${lesson.number})`;
      toRun.push({ lesson, nb: JSON.parse(text) as Notebook, copy, note });
    }
    if (toRun.length > 0) {
      const runs = await runNotebooks(
        toRun.map((t) => t.copy),
        o,
      );
      toRun.forEach((t, i) => {
        const graded = gradeLesson(learner.name, t.lesson, t.nb, runs[i]).map((r) =>
          t.note ? { ...r, reason: (r.reason + t.note).trim() } : r,
        );
        rows.set(t.lesson.name, graded);
      });
      o.log(
        `${learner.name}: ${toRun.map((t, i) => `${t.lesson.number} (${runs[i].seconds} s)`).join(", ")}`,
      );
    }
    return lessons.flatMap((l) => rows.get(l.name) ?? []);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The course's git commit (short, "-dirty" when changed), or "" outside git. */
function courseVersion(): string {
  const r = spawnSync("git", ["describe", "--always", "--dirty"], {
    cwd: projectRoot,
    encoding: "utf8",
  });
  return r.status === 0 ? r.stdout.trim() : "";
}

/** Runs `jobs` tasks at a time, keeping their order. */
async function pool<T, R>(items: T[], jobs: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return out;
}

/** Grades every learner in `dir`; writes grades.csv and the HTML report; returns the rows. */
export async function gradeClass(options: GradeOptions): Promise<Graded> {
  const started = Date.now();
  const dir = path.resolve(options.dir);
  if (!isDirectory(dir)) throw new Error(`grade: ${options.dir} is not a folder`);
  const csv = path.resolve(options.out ?? path.join(dir, "grades.csv"));
  const html = csv.replace(/(\.csv)?$/, ".html");
  const log = options.log ?? ((line: string) => console.log(`[grade] ${line}`));
  const python = options.python ?? (findJupyterPython() as string | undefined);
  if (python === undefined)
    throw new Error("grade: no Python with Jupyter's modules (run `npm start` once)");
  const course = courseLessons();
  const unknown = (options.lessons ?? []).filter((n) => !course.some((l) => l.number === n));
  if (unknown.length > 0)
    throw new Error(
      `grade: --lessons ${unknown.join(",")}: the course has ${course.map((l) => l.number).join(", ")}`,
    );
  const learners = learnersOf(dir, course, [csv, html], options.classList ?? []);
  const lessons = course.filter((l) =>
    options.lessons
      ? options.lessons.includes(l.number)
      : learners.some((x) => x.problem === undefined && x.files.has(l.name)),
  );
  for (const l of learners)
    if (l.problem === undefined && l.others.length > 0)
      log(`${l.name}: not graded (not a lesson of the course): ${l.others.join(", ")}`);
  const timeout = options.timeout ?? 120;
  const jobs = options.jobs ?? Math.max(1, Math.floor(os.cpus().length / 2));
  log(
    `${learners.length} learner(s), lessons ${lessons.map((l) => l.number).join(", ") || "none"}, ${jobs} at a time, ${timeout} s per cell`,
  );
  const env = options.env ?? (kernelEnv(process.env) as NodeJS.ProcessEnv);
  const perLearner = await pool(learners, jobs, (l) =>
    gradeLearner(l, lessons, { python, env, timeout, log }),
  );
  const rows = perLearner.flat();
  mkdirSync(path.dirname(csv), { recursive: true });
  writeFileSync(csv, gradesCsv(rows));
  const date = `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;
  writeFileSync(
    html,
    reportHtml(rows, lessons, { folder: options.dir, date, version: courseVersion() }),
  );
  return { rows, lessons, csv, html, seconds: (Date.now() - started) / 1000 };
}

if (require.main === module) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: "string" },
      timeout: { type: "string" },
      jobs: { type: "string" },
      lessons: { type: "string" },
      class: { type: "string" },
      hub: { type: "boolean", default: false },
      state: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  const usage =
    "usage: npm run grade -- DIR [--out FILE] [--timeout SECONDS] [--jobs N] [--lessons 01,02] [--class FILE]\n" +
    "       npm run grade -- --hub [--state DIR] [--out FILE] …   (see docs/teaching.md)";
  if (values.help || (positionals.length !== 1 && !values.hub)) {
    console.log(usage);
    process.exit(values.help ? 0 : 2);
  }
  const state = path.resolve(values.state ?? defaultStateDir());
  const dir = values.hub ? path.join(state, "learners") : positionals[0];
  const out = values.out ?? (values.hub ? path.join(state, "grades", "grades.csv") : undefined);
  const number = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) {
      console.error(`grade: --${name} must be a whole number ≥ 1, not ${v}`);
      process.exit(2);
    }
    return n;
  };
  const options: GradeOptions = {
    dir,
    out,
    timeout: number(values.timeout, "timeout"),
    jobs: number(values.jobs, "jobs"),
    lessons: values.lessons?.split(",").map((s) => s.trim().padStart(2, "0")),
    classList: values.class
      ? readFileSync(values.class, "utf8")
          .split(/\s+/)
          .filter((s) => s !== "")
      : undefined,
  };
  // As `npm start`: install Jupyter and register the kernel if they are missing.
  const { python, env } = ensureEnvironment() as { python: string; env: NodeJS.ProcessEnv };
  gradeClass({ ...options, python, env }).then(
    (graded) => {
      console.log(`\n${summaryTable(graded.rows, graded.lessons)}\n`);
      console.log(`[grade] wrote ${path.relative(process.cwd(), graded.csv) || graded.csv}`);
      console.log(`[grade] wrote ${path.relative(process.cwd(), graded.html) || graded.html}`);
      console.log(`[grade] ${graded.seconds.toFixed(0)} s`);
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(2);
    },
  );
}
