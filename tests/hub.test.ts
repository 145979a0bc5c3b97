// `npm run hub`'s JupyterHub on this machine: three learners created through the hub's REST API, their
// servers started, lesson 1 run in the three kernels at the same time through the servers' kernel API
// (every cell must reply "ok" with no error), each learner's copy of the notebooks their own; then the
// hub stops and leaves no process behind. Bench's measure 8 (class capacity) runs at --quick on the same
// hub (one hub start per `npm test`; tests/bench.test.ts skips it). 80–115 s on the (loaded) 2-core machine.
import assert from "node:assert/strict";
import { type ChildProcess, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { capacityMarkdown } from "../bench/report";
import { measureCapacityOn } from "../bench/capacity";
import { ensureHub, projectRoot } from "../scripts/environment.mjs";
import {
  hubClient,
  hubProcesses,
  removeLearnerAccounts,
  runLesson,
  startHub,
  stopHub,
  waitForHub,
} from "../scripts/hub/hub.mjs";
import { freePort } from "./helpers/freePort";
import { jupyterEnv, jupyterPython } from "./helpers/jupyter";

const learners = ["ada", "grace", "alan"];
const lesson = readdirSync(path.join(projectRoot, "notebooks")).find((n) => n.startsWith("01-"))!;
const token = randomBytes(24).toString("hex");
const stateDir = mkdtempSync(path.join(tmpdir(), "downhill-hub-test-"));
let hub: ChildProcess;
let baseUrl: string;
let api: ReturnType<typeof hubClient>;
// Isolation (issue 33): as root (CI) the hub gives each learner an account, named with a prefix of this
// test's only (a concurrent run has its own), removed at the end; as an ordinary user, the shared mode.
const asRoot = process.getuid?.() === 0;
const accountPrefix = `dh${randomBytes(2).toString("hex")}-`;
const memoryLimit = "1G"; // lesson 1's kernel needs about 0.4 GB; a runaway one reaches 1 GB in seconds

const codeCells = (file: string) =>
  JSON.parse(readFileSync(file, "utf8")).cells.filter(
    (c: { cell_type: string }) => c.cell_type === "code",
  ).length;

before(async () => {
  const python = jupyterPython();
  ensureHub(python);
  const [port, internalPort, proxyApiPort] = [await freePort(), await freePort(), await freePort()];
  hub = startHub(
    {
      ...{
        stateDir,
        python,
        port,
        internalPort,
        proxyApiPort,
        serviceToken: token,
        users: ["grace"],
      },
      ...{ accountPrefix, memoryLimit, sharedAccount: !asRoot },
    },
    { stdio: "ignore", detached: true },
  );
  baseUrl = `http://127.0.0.1:${port}`;
  await waitForHub(baseUrl, 120, hub);
  api = hubClient(baseUrl, token);
});

after(async () => {
  // Only if a test failed before stopping the hub: no process of this test may outlive it.
  if (hub?.exitCode === null) await stopHub(hub, 30);
  for (const p of hubProcesses(stateDir)) process.kill(p.pid, "SIGKILL");
  if (asRoot) removeLearnerAccounts(accountPrefix);
  rmSync(stateDir, { recursive: true, force: true });
});

test("the hub's secrets are generated outside the repository, readable by their owner only", () => {
  for (const name of ["jupyterhub_cookie_secret", "proxy-auth-token", "class-password"]) {
    const file = path.join(stateDir, name);
    assert.ok(path.relative(projectRoot, file).startsWith(".."), `${file} is outside the repo`);
    assert.equal(statSync(file).mode & 0o777, 0o600, `${name} has mode 600`);
    assert.match(readFileSync(file, "utf8"), /^[0-9a-f]{12,}\n$/, `${name} is a generated secret`);
  }
});

test("only the class list logs in, with the class password; the hub listens on 127.0.0.1", async () => {
  const password = readFileSync(path.join(stateDir, "class-password"), "utf8").trim();
  const login = (username: string, pw: string) =>
    fetch(`${baseUrl}/hub/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username, password: pw }),
    });
  assert.equal((await login("grace", password)).status, 302, "grace (on the list) logs in");
  assert.notEqual((await login("grace", "wrong")).status, 302, "not with a wrong password");
  assert.notEqual(
    (await login("mallory", password)).status,
    302,
    "no signup for a name not listed",
  );
  // The proxy's public port in /proc/net/tcp: bound to 127.0.0.1 (0100007F), not to every address.
  const port = Number(new URL(baseUrl).port).toString(16).toUpperCase().padStart(4, "0");
  const listening = readFileSync("/proc/net/tcp", "utf8")
    .split("\n")
    .filter((line) => line.split(/\s+/)[4] === "0A" && line.split(/\s+/)[2]?.endsWith(`:${port}`));
  assert.deepEqual(
    listening.map((line) => line.split(/\s+/)[2]),
    [`0100007F:${port}`],
  );
});

test("three learners run lesson 1 at the same time in their own kernels, every cell ok", async () => {
  await api.createUsers(learners);
  await api.startServers(learners);
  for (const user of learners) {
    const r = await fetch(`${baseUrl}/user/${user}/api/kernelspecs`, {
      headers: { Authorization: `token ${token}` },
    });
    const offered = Object.keys((await r.json()).kernelspecs);
    assert.ok(offered.includes("tslab") && offered.includes("deno"), `${user} has ${offered}`);
  }
  const report = await runLesson({
    python: jupyterPython(),
    baseUrl,
    token,
    notebook: `notebooks/${lesson}`,
    users: learners,
    keep: true, // the kernels stay up: stopping the hub must stop them too (last test)
  });
  const expected = codeCells(path.join(projectRoot, "notebooks", lesson));
  for (const u of report.users) {
    assert.deepEqual(u.failures, [], `${u.user}: every cell ok`);
    assert.equal(u.cells, expected, `${u.user} ran all ${expected} code cells`);
    assert.equal(u.ok, true);
  }
  console.log(`lesson 1 in ${learners.length} kernels at once: ${report.seconds.toFixed(1)} s`);
});

test("a learner runs lesson 1 in Deno's kernel too, every cell ok", async () => {
  const report = await runLesson({
    python: jupyterPython(),
    baseUrl,
    token,
    notebook: `notebooks/${lesson}`,
    users: [learners[0]],
    kernel: "deno",
  });
  const [u] = report.users;
  assert.deepEqual(u.failures, [], `${u.user}: every cell ok under Deno`);
  assert.equal(u.cells, codeCells(path.join(projectRoot, "notebooks", lesson)));
});

test("a cell that fails in a learner's kernel is reported, with its cell and status", async () => {
  const cell = (source: string, id: string) => ({
    cell_type: "code",
    id,
    metadata: {},
    execution_count: null,
    outputs: [],
    source,
  });
  const broken = {
    cells: [cell("1 + 1", "fine"), cell('throw new Error("boom")', "boom")],
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  const put = await fetch(`${baseUrl}/user/alan/api/contents/notebooks/broken.ipynb`, {
    method: "PUT",
    headers: { Authorization: `token ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ type: "notebook", format: "json", content: broken }),
  });
  assert.equal(put.status, 201);
  const report = await runLesson({
    python: jupyterPython(),
    baseUrl,
    token,
    notebook: "notebooks/broken.ipynb",
    users: ["alan"],
  });
  const [alan] = report.users;
  assert.equal(alan.ok, false);
  assert.equal(alan.cells, 2);
  assert.deepEqual(
    alan.failures.map((f: { cell: number; status: string }) => [f.cell, f.status]),
    [[2, "error"]],
  );
  assert.match(alan.failures[0].stderr, /boom/);
});

test("each learner's notebooks are their own copy, and a restart does not overwrite them", async () => {
  const contents = (user: string) => `${baseUrl}/user/${user}/api/contents/notebooks/${lesson}`;
  const headers = { Authorization: `token ${token}`, "Content-Type": "application/json" };
  const mine = await (await fetch(contents("ada"), { headers })).json();
  mine.content.cells[0].source = "ada's own notes";
  const saved = await fetch(contents("ada"), {
    method: "PUT",
    headers,
    body: JSON.stringify({ type: "notebook", format: "json", content: mine.content }),
  });
  assert.equal(saved.status, 200);
  const cellZero = async (user: string) =>
    (await (await fetch(contents(user), { headers })).json()).content.cells[0].source;
  assert.notEqual(await cellZero("grace"), "ada's own notes", "grace's copy is untouched");
  const course = JSON.parse(readFileSync(path.join(projectRoot, "notebooks", lesson), "utf8"));
  assert.equal(await cellZero("grace"), course.cells[0].source.join(""));
  // A restart runs the course copy again (a course update): ada's edit stays.
  await api.stopServers(["ada"]);
  await api.startServers(["ada"]);
  assert.equal(
    await cellZero("ada"),
    "ada's own notes",
    "ada's work survives her server's restart",
  );
});

// ---- Walls between learners (issue 33): accounts, the read-only course, the memory limit. ----

/** A learner's system account from /etc/passwd: its name and user id. */
const account = (user: string) => {
  const name = accountPrefix + user;
  const entry = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .map((line) => line.split(":"))
    .find((f) => f[0] === name);
  return { name, uid: entry ? Number(entry[2]) : undefined };
};
/** A process's real user id, from /proc. */
const uidOf = (pid: number) =>
  Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
/** Puts a notebook of one tslab code cell per source into `user`'s notebooks/ (contents API). */
const putNotebook = async (user: string, name: string, sources: string[]) => {
  const notebook = {
    cells: sources.map((source, i) => ({
      cell_type: "code",
      id: `cell-${i}`,
      metadata: {},
      execution_count: null,
      outputs: [],
      source,
    })),
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  const put = await fetch(`${baseUrl}/user/${user}/api/contents/notebooks/${name}`, {
    method: "PUT",
    headers: { Authorization: `token ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ type: "notebook", format: "json", content: notebook }),
  });
  assert.ok(put.ok, `${name} saved in ${user}'s folder: ${put.status}`);
};
test("grading the hub's learners reads their folders in place: lesson 1's exercises not attempted", () => {
  // The hub hands out the student edition, so no learner has answered yet; grading must say so for
  // each exercise, and leave the learners' notebooks as they were.
  const copy = (user: string) => path.join(stateDir, "learners", user, "notebooks", lesson);
  const times = () => learners.map((user) => statSync(copy(user)).mtimeMs);
  const before = times();
  const grade = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/grade/grade.ts", "--hub", "--state", stateDir, "--lessons", "01"],
    { cwd: projectRoot, env: jupyterEnv(), encoding: "utf8" },
  );
  assert.equal(grade.status, 0, `${grade.stdout}${grade.stderr}`);
  const csv = readFileSync(path.join(stateDir, "grades", "grades.csv"), "utf8");
  for (const user of learners)
    for (const n of [1, 2, 3])
      assert.match(csv, new RegExp(`^${user},01-[a-z-]+,Exercise ${n},not attempted,`, "m"), csv);
  assert.deepEqual(times(), before, "the learners' notebooks are untouched");
});

const skipUnlessRoot = asRoot
  ? false
  : "needs root: an ordinary user's hub has no accounts to wall";

test(
  "each learner's server and kernel run as the learner's own account, never root; folders mode 700",
  { skip: skipUnlessRoot },
  () => {
    const servers = hubProcesses(stateDir).filter((p) => p.kind !== "jupyterhub");
    const kinds = new Set(servers.map((p) => p.kind));
    assert.ok(kinds.has("jupyterhub-singleuser") && kinds.has("tslab"), [...kinds].join(", "));
    for (const p of servers.filter((p) => p.user !== undefined)) {
      const { name, uid } = account(p.user!);
      assert.ok(uid !== undefined && uid !== 0, `${name} exists and is not root`);
      assert.equal(uidOf(p.pid), uid, `${p.kind} ${p.pid} of ${p.user} runs as ${name}`);
    }
    for (const user of learners) {
      const folder = statSync(path.join(stateDir, "learners", user));
      assert.equal(folder.mode & 0o777, 0o700, `${user}'s folder has mode 700`);
      assert.equal(folder.uid, account(user).uid, `${user}'s folder is ${user}'s`);
      const passwd = readFileSync("/etc/passwd", "utf8").split("\n");
      const entry = passwd.find((l) => l.startsWith(`${account(user).name}:`))!.split(":");
      assert.equal(entry[6], "/usr/sbin/nologin", `${account(user).name} has no login shell`);
      const shadow = readFileSync("/etc/shadow", "utf8").split("\n");
      const hash = shadow.find((l) => l.startsWith(`${account(user).name}:`))!.split(":")[1];
      assert.match(hash, /^[!*]/, `${account(user).name} has no password`);
    }
  },
);

test(
  "from inside their kernels, no learner can read, list or write another's folder or write the course",
  { skip: skipUnlessRoot },
  async () => {
    // Each learner tries on the next one's folder; every attempt must fail with EACCES. On the shared
    // hub (one user, root in CI) every one of them succeeds. A write that succeeds is undone at once.
    for (const [i, user] of learners.entries()) {
      const other = path.join(stateDir, "learners", learners[(i + 1) % learners.length]);
      await putNotebook(user, "walls.ipynb", [
        [
          'import * as fs from "fs";',
          'import * as os from "os";',
          `const other = ${JSON.stringify(other)};`,
          "const write = (file: string) => {",
          '  fs.writeFileSync(file, "");',
          "  fs.unlinkSync(file);",
          "};",
          "const attempts: [string, () => unknown][] = [",
          '  ["list the other\'s folder", () => fs.readdirSync(other)],',
          `  ["read the other's lesson", () => fs.readFileSync(other + "/notebooks/${lesson}")],`,
          '  ["write in the other\'s folder", () => write(other + "/x")],',
          '  ["write in src", () => write("src/x.ts")],',
          '  ["change src/index.ts", () => fs.appendFileSync("src/index.ts", "")],',
          '  ["write in data", () => write("../data/x.csv")],',
          '  ["write in node_modules", () => write("../node_modules/x")],',
          "];",
          "const broken = attempts",
          "  .map(([what, f]) => {",
          "    try {",
          "      f();",
          '      return what + ": allowed";',
          "    } catch (e) {",
          "      const code = (e as { code?: string }).code;",
          '      return code === "EACCES" ? "" : what + ": " + code;',
          "    }",
          "  })",
          "  .filter((s) => s);",
          `if (os.userInfo().uid === 0) broken.push("the kernel runs as root");`,
          `if (os.userInfo().username !== ${JSON.stringify(account(user).name)})`,
          '  broken.push("the kernel runs as " + os.userInfo().username);',
          'if (broken.length > 0) throw new Error("walls broken: " + broken.join("; "));',
          '"walls hold";',
        ].join("\n"),
      ]);
    }
    const report = await runLesson({
      python: jupyterPython(),
      baseUrl,
      token,
      notebook: "notebooks/walls.ipynb",
      users: learners,
    });
    for (const u of report.users) assert.deepEqual(u.failures, [], `${u.user}: walls hold`);
  },
);

test(
  "a kernel that allocates past the memory limit dies alone; the two others finish lesson 1",
  { skip: skipUnlessRoot },
  async () => {
    const [hog, ...others] = learners;
    await putNotebook(hog, "hog.ipynb", [
      // The limit is the kernel's own (on today's hub it is unlimited, and this cell fails)
      [
        'import * as fs from "fs";',
        'const limits = fs.readFileSync("/proc/self/limits", "utf8");',
        "if (!/^Max data size\\s+1073741824\\s+1073741824/m.test(limits))",
        '  throw new Error("no 1G memory limit: " + limits);',
      ].join("\n"),
      "const hog: number[][] = [];\nfor (;;) hog.push(new Array(1e6).fill(hog.length + 0.5));",
    ]);
    const [greedy, lesson1] = await Promise.all([
      runLesson({
        ...{ python: jupyterPython(), baseUrl, token, notebook: "notebooks/hog.ipynb" },
        ...{ users: [hog], timeout: 180 },
      }),
      runLesson({
        ...{ python: jupyterPython(), baseUrl, token, notebook: `notebooks/${lesson}` },
        ...{ users: others },
      }),
    ]);
    assert.deepEqual(
      greedy.users[0].failures.map((f) => [f.cell, f.status]),
      [[2, "died"]],
      `${hog}'s kernel died at ${memoryLimit}: ${JSON.stringify(greedy.users[0].failures)}`,
    );
    for (const u of lesson1.users) assert.deepEqual(u.failures, [], `${u.user}: lesson 1 ok`);
    const status = await fetch(`${baseUrl}/user/${hog}/api/status`, {
      headers: { Authorization: `token ${token}` },
    });
    assert.equal(status.status, 200, `${hog}'s server still answers`);
  },
);

test("bench's measure 8, class capacity (--quick: a one-cell lesson for 1 and 2 learners), runs on this hub", async () => {
  const capacity = await measureCapacityOn(
    { baseUrl, token, stateDir, python: jupyterPython() },
    true,
    (line) => console.log(`# ${line}`),
  );
  const positive = (value: unknown, name: string) =>
    assert.ok(
      typeof value === "number" && Number.isFinite(value) && value > 0,
      `${name} is ${value}; expected a finite number > 0`,
    );
  assert.deepEqual(
    capacity.rounds.map((c: { learners: number }) => c.learners),
    [1, 2],
  );
  for (const c of capacity.rounds as unknown as Record<string, number>[]) {
    assert.equal(c.passed, true, `capacity: every cell ok with ${c.learners} learner(s)`);
    for (const key of [
      "meanSeconds",
      "maxSeconds",
      "slowdown",
      "serverRssBytes",
      "kernelRssBytes",
      "serverPssBytes",
      "kernelPssBytes",
      "kernelCpuSeconds",
    ])
      positive(c[key], `capacity ${c.learners} learners.${key}`);
  }
  assert.equal(capacity.rounds[0].slowdown, 1);
  for (const key of [
    "hubPssBytes",
    "learnersWithinLimit",
    "learnersPerCore",
    "bytesPerLearner",
    "learnersPerGiB",
    "memoryBound",
  ])
    positive((capacity as unknown as Record<string, number>)[key], `capacity.${key}`);
  assert.match(
    capacityMarkdown({ skipped: false, ...capacity }, os.cpus().length),
    /^\*\*8\. Class capacity\*\*[^\n]*\n\n\| learners \| mean time \(s\) \|/,
  );
  // Its learners' servers stop: the last test counts the class's own.
  await api.stopServers(["learner1", "learner2"]);
});

test("stopping the hub stops the proxy, every server and every kernel", async () => {
  const running = hubProcesses(stateDir);
  const kinds = (ps: { kind: string }[]) => [...new Set(ps.map((p) => p.kind))].sort();
  // The check below can fail: while the hub runs, the scan sees all of them.
  assert.deepEqual(kinds(running), [
    "configurable-http-proxy",
    "jupyterhub",
    "jupyterhub-singleuser",
    "tslab",
  ]);
  assert.equal(running.filter((p) => p.kind === "jupyterhub-singleuser").length, learners.length);
  await stopHub(hub, 60);
  // Kernels are stopped by their servers as they exit: wait (up to 30 s) until none is left.
  const deadline = Date.now() + 30_000;
  let left = hubProcesses(stateDir);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    left = hubProcesses(stateDir);
  }
  assert.deepEqual(left, [], `left behind 30 s after the hub stopped: ${JSON.stringify(left)}`);
  const alive = (pid: number) => {
    try {
      return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8")); // a zombie has exited
    } catch {
      return false;
    }
  };
  for (const p of running) assert.ok(!alive(p.pid), `process ${p.pid} (${p.kind}) is gone`);
});
