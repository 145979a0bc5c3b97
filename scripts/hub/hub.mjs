// Starting the class's JupyterHub (scripts/hub/jupyterhubConfig.py) from Node: the state folder with
// its generated secrets, the environment the config reads, the process. Used by `npm run hub`
// (start.mjs), tests/hub.test.ts and bench/capacity.ts. Plain Node, no dependencies.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  realpathSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  mkdtempSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { jupyterData, proxyEnv } from "../environment.mjs";
import { projectRoot } from "../paths.mjs";

/** @typedef {import("node:child_process").ChildProcess} ChildProcess */
/** @typedef {import("node:child_process").StdioOptions} StdioOptions */

/**
 * A hub's settings (jupyterhubConfig.py reads them from the environment hubEnv makes).
 * @typedef {object} HubOptions
 * @property {string} stateDir database, secrets and learners' folders (prepareState)
 * @property {string} python the Python with JupyterHub
 * @property {string} [ip] the address to listen on (default 127.0.0.1)
 * @property {number} [port] the public port (default 8000)
 * @property {number} [internalPort] the hub's own port, behind the proxy (default port + 81)
 * @property {number} [proxyApiPort] the proxy's API port (default port + 1)
 * @property {string} [admin] the instructor's login name (default instructor)
 * @property {string[]} [users] the class list
 * @property {string} [serviceToken] a token for the REST API as a service (tests, bench)
 * @property {boolean} [sharedAccount] as an ordinary user: run every learner's server as this user
 *   (no walls between learners); without it an ordinary user's hub refuses to start (hubMode)
 * @property {boolean} [solutions] learners' copies keep the reference solutions (default: the student
 *   edition)
 * @property {string} [memoryLimit] each learner's server and each of its kernels at most this much
 *   memory (RLIMIT_DATA), as `2G`, `512M` (parseSize; default 2G)
 * @property {string} [accountPrefix] the learners' system accounts are <prefix><name> (default dh-)
 */

/** The memory limit of each learner's server and kernel when none is given. */
export const defaultMemoryLimit = "2G";
/** The learners' accounts are `dh-<name>` unless a hub is given another prefix. */
export const defaultAccountPrefix = "dh-";
/** The comment useradd gives a learner's account (jupyterhubConfig.py); only those are ever removed. */
const accountComment = "Downhill learner";

/**
 * A size such as `2G`, `512M`, `1048576` (bytes; K, M, G, T are powers of 1024) in bytes.
 * @param {string} text
 * @example parseSize("2G") // => 2147483648
 */
export function parseSize(text) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*$/i.exec(text);
  if (!m) throw new Error(`parseSize: ${JSON.stringify(text)} is not a size such as 2G or 512M`);
  const power = " KMGT".indexOf(m[2].toUpperCase() || " ");
  return Math.round(Number(m[1]) * 1024 ** power);
}

/**
 * How the hub runs the learners' servers: `accounts` (as root: an account per learner) or `shared`
 * (an ordinary user who asked for it with sharedAccount: every learner as this user). An ordinary user
 * without sharedAccount gets an error saying why; root never gets `shared` (its learners would be root).
 * @param {{ sharedAccount?: boolean }} o
 * @param {number} [uid] the hub's user id
 * @returns {"accounts" | "shared"}
 */
export function hubMode({ sharedAccount = false }, uid = process.getuid?.() ?? -1) {
  if (uid === 0) {
    if (sharedAccount)
      throw new Error(
        "--shared-account runs every learner's server as the hub's user, and this hub runs as root: " +
          "refused. As root the hub gives each learner an account of their own; leave the flag out",
      );
    return "accounts";
  }
  if (sharedAccount) return "shared";
  throw new Error(
    "the hub is not running as root, so it cannot create a system account for each learner: every " +
      "learner's code could read and change the others' folders and the course. Start it as root " +
      "(sudo) for an account per learner, or pass --shared-account to run every learner as this user " +
      "anyway (docs/teaching.md)",
  );
}

export const hubConfig = path.join(projectRoot, "scripts", "hub", "jupyterhubConfig.py");

/**
 * Where the hub keeps its database, secrets and the learners' folders: outside the repository. Root's
 * is /var/lib/downhill-hub (the learners' accounts must reach their folders, and root's home is closed).
 * @param {NodeJS.ProcessEnv} [env]
 */
export function defaultStateDir(env = process.env, uid = process.getuid?.() ?? -1) {
  if (uid === 0 && !env.XDG_STATE_HOME) return "/var/lib/downhill-hub";
  const base = env.XDG_STATE_HOME || path.join(os.homedir(), ".local", "state");
  return path.join(base, "downhill-hub");
}

/**
 * A secret in a file only its owner can read; generated once, then read back.
 * @param {string} file @param {number} bytes how many random bytes (written in hex)
 */
function secretFile(file, bytes) {
  if (!existsSync(file))
    writeFileSync(file, randomBytes(bytes).toString("hex") + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}

/**
 * Creates the state folder (mode 700) and its secrets: the cookie secret (JupyterHub signs its cookies
 * with it), the proxy's API token and the class password. Refuses a folder inside the repository. In
 * accounts mode the state folder and its learners/ are mode 711 (a learner passes through to their own
 * folder, lists nothing) and the hub's files in it mode 600.
 * @param {string} stateDir
 * @param {"accounts" | "shared"} [mode]
 */
export function prepareState(stateDir, mode = "shared") {
  const inside = path.relative(projectRoot, path.resolve(stateDir));
  if (!inside.startsWith("..") && !path.isAbsolute(inside))
    throw new Error(
      `the hub's state folder ${stateDir} is inside the repository; choose one outside it`,
    );
  mkdirSync(path.join(stateDir, "learners"), { recursive: true, mode: 0o700 });
  const folders = mode === "accounts" ? 0o711 : 0o700;
  chmodSync(stateDir, folders);
  chmodSync(path.join(stateDir, "learners"), folders);
  for (const name of readdirSync(stateDir))
    if (statSync(path.join(stateDir, name)).isFile()) chmodSync(path.join(stateDir, name), 0o600);
  secretFile(path.join(stateDir, "jupyterhub_cookie_secret"), 32);
  const passwordFile = path.join(stateDir, "class-password");
  return {
    proxyToken: secretFile(path.join(stateDir, "proxy-auth-token"), 32),
    passwordFile,
    password: secretFile(passwordFile, 6),
  };
}

/**
 * Refuses a login name whose account (`prefix` + name) useradd would not take (as
 * jupyterhubConfig.py's account_name).
 * @param {string} prefix @param {string} name
 */
export function checkAccountName(prefix, name) {
  const account = prefix + name;
  if (!/^[a-z][a-z0-9_-]*$/.test(account) || account.length > 32)
    throw new Error(
      `the login name ${JSON.stringify(name)} cannot name a system account (${account}): use ` +
        `lower-case letters, digits, - and _, at most ${32 - prefix.length} characters`,
    );
}

/**
 * What keeps the learners' accounts from using the course, or lets them change it: a folder on the
 * way to the course, the kernel, Node or the state folder that other users cannot pass through, a file
 * they cannot read, anything in the course they can write. Empty when the course is fit for accounts.
 * @param {string} stateDir
 * @returns {string[]}
 */
export function courseProblems(stateDir) {
  /** @type {string[]} */
  const problems = [];
  const course = ["src", "data", "notebooks", "node_modules"].map((d) =>
    realpathSync(path.join(projectRoot, d)),
  );
  const state = path.resolve(stateDir);
  for (const target of [
    ...course,
    realpathSync(jupyterData),
    realpathSync(process.execPath),
    state,
  ]) {
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      if ((statSync(dir).mode & 0o001) === 0)
        problems.push(`${dir} (on the way to ${target}) is closed to other users (no o+x)`);
      if (dir === path.dirname(dir)) break;
    }
    // The state folder is only passed through (mode 711); the course is read.
    const mode = statSync(target).mode;
    if ((mode & (target === state ? 0o001 : 0o004)) === 0)
      problems.push(`${target} is closed to other users`);
  }
  const writable = spawnSync(
    "find",
    [...course, realpathSync(jupyterData), "-perm", "-0002", "!", "-type", "l", "-print", "-quit"],
    { encoding: "utf8" },
  ).stdout.trim();
  if (writable) problems.push(`${writable} (in the course) is writable by every user`);
  return problems;
}

/**
 * Builds the plotly.js bundle the kernels load (src/plot/plotlyBundle.ts) if it is missing or stale:
 * the learners' kernels cannot write into the course.
 */
export function buildPlotlyBundle() {
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      // tsx hands a .ts module to a CommonJS `-e` as its default export
      'import("./src/plot/plotlyBundle.ts").then((m) => console.log(m.default.ensurePlotlyBundle()))',
    ],
    { cwd: projectRoot, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`building the plotly.js bundle failed:\n${r.stderr}`);
  return r.stdout.trim();
}

/**
 * Removes the learners' system accounts whose names start with `prefix` and that the hub made (their
 * comment says so), after their processes are gone; @returns the names removed. Never another account.
 * @param {string} prefix
 */
export function removeLearnerAccounts(prefix) {
  if (!prefix) throw new Error("removeLearnerAccounts: an empty prefix would match every account");
  const ours = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .map((line) => line.split(":"))
    .filter((f) => f[0]?.startsWith(prefix) && f[4]?.startsWith(accountComment))
    .map((f) => f[0]);
  for (const name of ours) {
    const r = spawnSync("userdel", [name], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`userdel ${name} failed: ${r.stderr}`);
  }
  return ours;
}

/**
 * The environment jupyterhubConfig.py reads.
 * @param {HubOptions} o
 * @param {NodeJS.ProcessEnv} [env] what the hub's environment starts from
 * @returns {NodeJS.ProcessEnv}
 */
export function hubEnv(o, env = process.env) {
  const mode = hubMode(o);
  const prefix = o.accountPrefix ?? defaultAccountPrefix;
  for (const name of [o.admin ?? "instructor", ...(o.users ?? [])])
    if (mode === "accounts") checkAccountName(prefix, name);
  const { proxyToken, passwordFile } = prepareState(o.stateDir, mode);
  const port = o.port ?? 8000;
  /** @type {Record<string, string>} */
  const vars = {
    DOWNHILL_ROOT: projectRoot,
    DOWNHILL_HUB_STATE: path.resolve(o.stateDir),
    DOWNHILL_PYTHON: o.python,
    DOWNHILL_NODE: process.execPath,
    DOWNHILL_JUPYTER_PATH: jupyterData,
    DOWNHILL_HUB_IP: o.ip ?? "127.0.0.1",
    DOWNHILL_HUB_PORT: String(port),
    DOWNHILL_HUB_INTERNAL_PORT: String(o.internalPort ?? port + 81),
    DOWNHILL_PROXY_API_PORT: String(o.proxyApiPort ?? port + 1),
    DOWNHILL_HUB_ADMIN: o.admin ?? "instructor",
    DOWNHILL_HUB_USERS: (o.users ?? []).join(","),
    DOWNHILL_HUB_PASSWORD_FILE: passwordFile,
    CONFIGPROXY_AUTH_TOKEN: proxyToken,
    DOWNHILL_HUB_MODE: mode,
    DOWNHILL_HUB_ACCOUNT_PREFIX: prefix,
    DOWNHILL_HUB_MEMORY_LIMIT: String(parseSize(o.memoryLimit ?? defaultMemoryLimit)),
    DOWNHILL_HUB_SOLUTIONS: o.solutions ? "1" : "0",
  };
  if (o.serviceToken) vars.DOWNHILL_HUB_SERVICE_TOKEN = o.serviceToken;
  return { ...proxyEnv(env), ...vars };
}

/**
 * Starts JupyterHub with the course's config, in its state folder. `detached` puts it in its own
 * process group (tests kill the group as a last resort).
 * @param {HubOptions} o
 * @param {{ stdio?: StdioOptions, detached?: boolean }} [options]
 * @returns {ChildProcess}
 */
export function startHub(o, { stdio = "inherit", detached = false } = {}) {
  const env = hubEnv(o);
  if (env.DOWNHILL_HUB_MODE === "accounts") {
    const problems = courseProblems(o.stateDir);
    if (problems.length > 0)
      throw new Error(
        `the learners' accounts could not use the course safely:\n  ${problems.join("\n  ")}\n` +
          "Put the course and the state folder where every user can read them (e.g. /opt, /srv) " +
          "and nobody but their owner can write them",
      );
    buildPlotlyBundle();
  }
  return spawn(o.python, ["-m", "jupyterhub", "-f", hubConfig], {
    cwd: o.stateDir,
    env,
    stdio,
    detached,
  });
}

/**
 * Polls the hub's REST API until it answers; @returns its version. Fails at once if `hub` exits.
 * @param {string} baseUrl
 * @param {number} [seconds]
 * @param {ChildProcess} [hub]
 * @returns {Promise<string>}
 */
export async function waitForHub(baseUrl, seconds = 90, hub) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (hub && hub.exitCode !== null)
      throw new Error(`JupyterHub exited (${hub.exitCode}) before answering`);
    try {
      const r = await fetch(`${baseUrl}/hub/api/`);
      if (r.ok) return (await r.json()).version;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`JupyterHub did not answer at ${baseUrl} within ${seconds} s`);
}

/**
 * The hub's REST API as a service with `token` (its users, their servers).
 * @param {string} baseUrl @param {string} token
 */
export function hubClient(baseUrl, token) {
  /**
   * One request; @returns its JSON reply (undefined when it has none).
   * @param {"GET" | "POST" | "PATCH" | "DELETE"} method @param {string} route after /hub/api/
   * @param {unknown} [body]
   * @returns {Promise<any>}
   */
  const call = async (method, route, body) => {
    const r = await fetch(`${baseUrl}/hub/api/${route}`, {
      method,
      headers: { Authorization: `token ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok && !(method === "POST" && route === "users" && r.status === 409))
      throw new Error(`${method} /hub/api/${route}: ${r.status} ${await r.text()}`);
    return r.status === 204 ? undefined : r.json().catch(() => undefined);
  };
  const client = {
    call,
    /**
     * Creates the users (names already there are left as they are).
     * @param {string[]} names
     */
    createUsers: (names) => call("POST", "users", { usernames: names }),
    /**
     * Starts each user's server and waits until every one is ready.
     * @param {string[]} names
     */
    async startServers(names, seconds = 180) {
      for (const name of names) await call("POST", `users/${name}/server`);
      const deadline = Date.now() + seconds * 1000;
      for (const name of names) {
        while (!(await call("GET", `users/${name}`)).servers?.[""]?.ready) {
          if (Date.now() > deadline)
            throw new Error(`${name}'s server was not ready in ${seconds} s`);
          await new Promise((r) => setTimeout(r, 300));
        }
      }
    },
    /**
     * Stops each user's server and waits until it is gone.
     * @param {string[]} names
     */
    async stopServers(names, seconds = 60) {
      for (const name of names) await call("DELETE", `users/${name}/server`);
      const deadline = Date.now() + seconds * 1000;
      for (const name of names)
        while (Object.keys((await call("GET", `users/${name}`)).servers ?? {}).length > 0) {
          if (Date.now() > deadline)
            throw new Error(`${name}'s server did not stop in ${seconds} s`);
          await new Promise((r) => setTimeout(r, 300));
        }
    },
  };
  return client;
}

/**
 * What a process of the hub is, from its command line (by module and script names, not by paths).
 * @param {string[]} argv
 */
function processKind(argv) {
  const module = argv[argv.indexOf("-m") + 1];
  if (argv.includes("-m") && module === "jupyterhub") return "jupyterhub";
  if (
    module === "jupyterhub.singleuser" ||
    argv.some((a) => path.basename(a) === "jupyterhub-singleuser")
  )
    return "jupyterhub-singleuser";
  const scripts = argv.slice(0, 2).map((a) => path.basename(a));
  if (scripts.includes("configurable-http-proxy")) return "configurable-http-proxy";
  if (scripts.includes("tslab")) return "tslab";
  return scripts[0] ?? "?";
}

/**
 * Proportional set size in bytes (shared pages divided among the processes sharing them); undefined if
 * unreadable.
 * @param {string} pid
 */
function pss(pid) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1]) * 1024 || undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system) a process has used so far, in seconds (Linux's clock ticks are 1/100 s).
 * @param {string} pid
 */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields[0] is field 3, the state
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * A process of a hub: what it is (processKind), whose (JUPYTERHUB_USER), its memory in bytes and the
 * CPU seconds it has used.
 * @typedef {{ pid: number, kind: string, user: string | undefined, rssBytes: number,
 *   pssBytes: number | undefined, cpuSeconds: number }} HubProcess
 */

/**
 * Every process this hub started, and the hub itself: those whose environment carries
 * DOWNHILL_HUB_STATE=<stateDir> (set for the hub, inherited by the proxy, given to every server and
 * passed on to its kernels). Linux only (/proc). RSS and PSS in bytes, CPU time used so far in
 * seconds; `user` from JUPYTERHUB_USER.
 * @param {string} stateDir
 */
export function hubProcesses(stateDir) {
  const marker = `DOWNHILL_HUB_STATE=${path.resolve(stateDir)}`;
  /** @type {HubProcess[]} */
  const found = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, "latin1").split("\0");
      if (!environ.includes(marker)) continue;
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      if (/^State:\s+Z/m.test(status)) continue; // a zombie holds no memory and runs nothing
      const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
      const user = environ.find((e) => e.startsWith("JUPYTERHUB_USER="))?.slice(16);
      found.push({
        pid: Number(pid),
        kind: processKind(argv),
        user,
        rssBytes: rss,
        pssBytes: pss(pid),
        cpuSeconds: cpuSeconds(pid),
      });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/**
 * Stops the hub (SIGTERM: it stops every server and the proxy first); SIGKILLs its group after `seconds`.
 * @param {ChildProcess} hub
 */
export async function stopHub(hub, seconds = 60) {
  if (hub.exitCode !== null || hub.signalCode !== null) return;
  const exited = new Promise((resolve) => hub.once("exit", resolve));
  hub.kill("SIGTERM");
  const timer = setTimeout(() => {
    try {
      if (hub.pid === undefined) throw new Error("the hub never started");
      process.kill(-hub.pid, "SIGKILL");
    } catch {
      hub.kill("SIGKILL");
    }
  }, seconds * 1000);
  await exited;
  clearTimeout(timer);
}

/**
 * One failed cell in a learner's kernel (runLesson.py), counted from 1; cell 0 when the learner's run
 * failed before any cell (its error in `errors`).
 * @typedef {{ cell: number, status: string, errors: string[], stderr: string }} CellFailure
 */
/**
 * What runLesson.py reports: per learner, whether every cell replied "ok", the time from opening the
 * notebook (`seconds`) and from the kernel's start, the cells run and the failures; the whole run's
 * wall time.
 * @typedef {{ users: { user: string, ok: boolean, seconds?: number, kernel_seconds?: number,
 *   cells: number, failures: CellFailure[] }[], seconds: number }} LessonReport
 */

/**
 * Runs `notebook` (a path in each learner's folder) in every user's kernel at once (runLesson.py);
 * `keep` leaves the kernels running; `timeout`: seconds a cell may take (default 600); `kernel`: the
 * kernelspec, tslab (default) or deno.
 * @param {{ python: string, baseUrl: string, token: string, notebook: string, users: string[],
 *   keep?: boolean, timeout?: number, kernel?: string }} o
 * @returns {Promise<LessonReport>}
 */
export function runLesson({
  python,
  baseUrl,
  token,
  notebook,
  users,
  keep = false,
  timeout,
  kernel,
}) {
  return new Promise((resolve, reject) => {
    const args = [path.join(projectRoot, "scripts", "hub", "runLesson.py")];
    args.push("--hub", baseUrl, "--token", token, "--notebook", notebook);
    if (keep) args.push("--keep");
    if (timeout !== undefined) args.push("--timeout", String(timeout));
    if (kernel !== undefined) args.push("--kernel", kernel);
    const child = spawn(python, [...args, ...users], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "",
      err = "";
    child.stdout.on("data", (/** @type {Buffer} */ d) => (out += d));
    child.stderr.on("data", (/** @type {Buffer} */ d) => (err += d));
    child.on("exit", () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`runLesson.py printed no report:\n${out}${err}`));
      }
    });
  });
}

/**
 * A hub of its own, for a test or a measurement: a fresh state folder in the system's temporary
 * folder, a random service token, its own process group, output ignored. Resolves once the hub
 * answers. `stop()` stops it, kills whatever of it is left, and removes the state folder (also when
 * the hub never answered).
 * As root its learners get accounts of their own, named with a prefix of this hub's only
 * (`dh` + 4 hex digits + `-`), which stop() removes; as an ordinary user it runs in the shared mode.
 * @param {{ python: string, port: number, internalPort: number, proxyApiPort: number,
 *   users?: string[], name?: string, seconds?: number, memoryLimit?: string }} o `name` prefixes the
 *   state folder's name; `seconds`: how long to wait for the hub to answer
 */
export async function startPrivateHub({ name = "downhill-hub", seconds = 120, ...o }) {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const token = randomBytes(24).toString("hex");
  const accountPrefix = `dh${randomBytes(2).toString("hex")}-`;
  const sharedAccount = process.getuid?.() !== 0;
  const stop = async (stopSeconds = 60) => {
    if (hub) await stopHub(hub, stopSeconds);
    for (const p of hubProcesses(stateDir)) process.kill(p.pid, "SIGKILL");
    if (!sharedAccount) removeLearnerAccounts(accountPrefix);
    rmSync(stateDir, { recursive: true, force: true });
  };
  /** @type {ChildProcess | undefined} */
  let hub;
  try {
    hub = startHub(
      { ...o, stateDir, serviceToken: token, accountPrefix, sharedAccount },
      { stdio: "ignore", detached: true },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${o.port}`;
  try {
    await waitForHub(baseUrl, seconds, hub);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    hub,
    stateDir,
    token,
    baseUrl,
    accountPrefix: sharedAccount ? undefined : accountPrefix,
    api: hubClient(baseUrl, token),
    stop,
  };
}
