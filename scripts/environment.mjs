// What `npm start` and `npm test` need before they run: npm dependencies, a Python with Jupyter, and the
// course's two kernels (tslab and Deno's) registered in a project-local Jupyter path (the user's own Jupyter config is never touched).
// Plain Node with no dependencies, so it runs on a fresh clone before `npm ci`.
// Every step checks first and installs only what is missing: a second run installs nothing.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  installKernelSpecs,
  kernelSpecsInstalled,
  tslabBinary as tslabLink,
} from "./kernelSpecs.mjs";
import { isMain, projectRoot } from "./paths.mjs";
import { planJupyter, pythonCandidates, venvPython } from "./setupPlan.mjs";

/** @typedef {import("./setupPlan.mjs").FoundPython} FoundPython */
/** @typedef {import("./setupPlan.mjs").SetupFacts} SetupFacts */
/** @typedef {Extract<import("./setupPlan.mjs").JupyterPlan, { action: "venv" }>} VenvPlan */
/** @typedef {import("node:child_process").SpawnSyncOptions} SpawnSyncOptions */

// Where it was defined before scripts/paths.mjs; tests and bench still import it from here.
export { projectRoot };
/** Project-local Jupyter data dir: kernels live in `<jupyterData>/kernels/tslab` and `…/deno`. */
export const jupyterData = path.join(projectRoot, ".jupyter", "share", "jupyter");
/** What tslab's kernelspec starts: npm's `tslab.cmd` wrapper on Windows (as tslab's own default), else the link. */
export const tslabBinary = tslabLink();
/** The project's own Python venv, made only where there is no Jupyter and no apt (macOS, Windows, …). */
export const venvDir = path.join(projectRoot, ".jupyter", "venv");
/** Debian's Chromium, which the browser tests, the handouts and the benchmark drive through playwright-core. */
export const chromiumPath = process.env.DOWNHILL_CHROMIUM ?? "/usr/bin/chromium";

/** Debian's packages that give Jupyter Notebook, nbconvert and nbclient. */
export const jupyterPackages = [
  "jupyter-notebook",
  "jupyter-nbconvert",
  "python3-nbclient",
  "jupyter-client",
];
const jupyterModules = ["jupyter_client", "nbclient", "nbformat", "nbconvert", "notebook"];
/** Debian's JupyterHub 3.0 and the proxy it puts in front of the learners' servers (`npm run hub`). */
export const hubPackages = ["jupyterhub", "node-configurable-http-proxy"];

/** @param {string} message */
function log(message) {
  console.log(`[downhill] ${message}`);
}

/**
 * Runs a command and returns what it printed, as text.
 * @param {string} command @param {string[]} args @param {SpawnSyncOptions} [options]
 */
function run(command, args, options = {}) {
  return spawnSync(command, args, { ...options, encoding: "utf8" });
}

/**
 * Runs a command that must succeed, with its output shown; exits with a clear message when it fails.
 * @param {string} command @param {string[]} args @param {string} what what it does, for the log
 * @param {SpawnSyncOptions} [options]
 */
function mustRun(command, args, what, options = {}) {
  log(`${what}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`[downhill] ${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

function npmDependenciesPresent() {
  const lockfile = path.join(projectRoot, "package-lock.json");
  const installed = path.join(projectRoot, "node_modules", ".package-lock.json");
  if (!existsSync(installed) || !existsSync(tslabBinary)) return false;
  // node_modules/.package-lock.json is rewritten by every install; older than the lockfile means stale.
  /** @typedef {Record<string, { version?: string, optional?: boolean }>} LockedPackages */
  /** @type {LockedPackages} */
  const wanted = JSON.parse(readFileSync(lockfile, "utf8")).packages ?? {};
  /** @type {LockedPackages} */
  const have = JSON.parse(readFileSync(installed, "utf8")).packages ?? {};
  return Object.entries(wanted).every(
    ([name, info]) => name === "" || info.optional || have[name]?.version === info.version,
  );
}

function ensureNpmDependencies() {
  if (npmDependenciesPresent()) return;
  mustRun("npm", ["ci", "--no-audit", "--no-fund"], "installing npm dependencies", {
    cwd: projectRoot,
    shell: process.platform === "win32", // npm is npm.cmd there, which Node runs only through a shell
  });
}

/** @param {string} python */
function hasJupyter(python) {
  const probe = `import ${jupyterModules.join(", ")}`;
  return run(python, ["-c", probe]).status === 0;
}

/**
 * The first Python that can import Jupyter's modules: $DOWNHILL_PYTHON, the project's venv, Debian's
 * (in /usr/bin, which may not be first on PATH), then python3 and python on PATH.
 * @returns {string | undefined}
 */
export function findJupyterPython() {
  const candidates = [
    process.env.DOWNHILL_PYTHON,
    venvPython(venvDir, process.platform),
    "/usr/bin/python3",
    "python3",
    "python",
  ].filter(/** @returns {python is string} */ (python) => Boolean(python));
  return candidates.find(
    (python) => (!path.isAbsolute(python) || existsSync(python)) && hasJupyter(python),
  );
}

/**
 * A Python's version and whether it has venv and ensurepip (Debian splits them off); undefined if none.
 * @param {string[]} argv
 * @returns {FoundPython | undefined}
 */
function probePython(argv) {
  const code =
    "import sys, importlib.util as u; print(sys.version_info[0], sys.version_info[1], " +
    "int(bool(u.find_spec('venv') and u.find_spec('ensurepip'))))";
  const r = run(argv[0], [...argv.slice(1), "-c", code]);
  if (r.status !== 0) return undefined;
  const [major, minor, venv] = r.stdout.trim().split(/\s+/).map(Number);
  return { argv, version: [major, minor], venv: venv === 1 };
}

/** @param {string} name */
const hasCommand = (name) => run(name, ["--version"]).status === 0;

/**
 * What planJupyter (scripts/setupPlan.mjs) decides from: this machine, probed.
 * @returns {SetupFacts}
 */
export function detectSetupFacts() {
  const apt = hasCommand("apt-get");
  return {
    platform: process.platform,
    jupyterPython: findJupyterPython(),
    apt,
    aptPrefix: apt ? canInstallWithoutPassword() : null,
    pythons: pythonCandidates(process.platform).flatMap((argv) => probePython(argv) ?? []),
    venvDir,
    brew: process.platform === "darwin" && hasCommand("brew"),
    packageManager: ["dnf", "yum", "pacman", "zypper", "apk"].find(hasCommand),
  };
}

/**
 * Creates the project's venv and pip-installs Jupyter into it: JupyterLab if pip can, else Notebook.
 * @param {VenvPlan} plan
 */
function installVenv(plan) {
  const [create, withLab, withoutLab] = [plan.steps.create, ...plan.steps.install];
  mustRun(create[0], create.slice(1), "creating the project's Python venv");
  log(`installing Jupyter into ${path.relative(projectRoot, plan.venvDir)}: ${withLab.join(" ")}`);
  if (spawnSync(withLab[0], withLab.slice(1), { stdio: "inherit" }).status === 0) return;
  log("JupyterLab could not be installed; trying the classic Notebook alone");
  mustRun(withoutLab[0], withoutLab.slice(1), "installing Jupyter Notebook into the venv");
}

/**
 * How this process can run apt-get install: [] as root, ["sudo", "-n"] with password-less sudo;
 * null when it cannot (no apt, or a password needed).
 * @returns {string[] | null}
 */
function canInstallWithoutPassword() {
  if (run("apt-get", ["--version"]).status !== 0) return null;
  if (process.getuid?.() === 0) return [];
  if (run("sudo", ["-n", "true"]).status === 0) return ["sudo", "-n"];
  return null;
}

/**
 * Installs Debian packages, as root or with password-less sudo; otherwise stops with the command to run.
 * @param {string[]} packages @param {string} what what they give, for the messages
 */
function aptInstall(packages, what) {
  const prefix = canInstallWithoutPassword();
  const command = `sudo apt-get update && sudo apt-get install -y ${packages.join(" ")}`;
  if (prefix === null) {
    console.error(
      `[downhill] ${what} is not installed, and installing it needs a password.\n` +
        `Run this once, then try again:\n\n  ${command}\n`,
    );
    process.exit(1);
  }
  const [sudo, ...sudoArgs] = prefix;
  const apt = (/** @type {string[]} */ args) =>
    sudo
      ? mustRun(sudo, [...sudoArgs, "apt-get", ...args], `installing ${what}`)
      : mustRun("apt-get", args, `installing ${what}`);
  apt(["update"]);
  apt(["install", "-y", ...packages]);
}

function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  if (process.env.DOWNHILL_CHROMIUM) {
    console.error(`[downhill] DOWNHILL_CHROMIUM is ${chromiumPath}, which does not exist.`);
    process.exit(1);
  }
  aptInstall(["chromium"], "Chromium");
}

/** @returns {string} a Python that imports Jupyter's modules (installed first when none does) */
function ensureJupyter() {
  let python = findJupyterPython();
  if (python) return python;
  const plan = planJupyter(detectSetupFacts(), jupyterPackages);
  if (plan.action === "stop") {
    console.error(`[downhill] ${plan.message}`);
    process.exit(1);
  }
  if (plan.action === "apt") aptInstall(jupyterPackages, "Jupyter");
  if (plan.action === "venv") installVenv(plan);
  python = findJupyterPython();
  if (!python) {
    console.error(
      `[downhill] Jupyter was installed but no Python can import ${jupyterModules.join(", ")}.`,
    );
    process.exit(1);
  }
  return python;
}

/**
 * Registers both of the course's kernels (tslab and Deno's, scripts/kernelSpecs.mjs) in the project's
 * own Jupyter folder, unless they are there already.
 * @param {string} python
 */
function ensureKernel(python) {
  if (kernelSpecsInstalled(path.join(jupyterData, "kernels"))) return;
  log("registering the tslab and Deno kernels");
  if (!installKernelSpecs(python, { prefix: path.join(projectRoot, ".jupyter") })) {
    console.error("[downhill] registering the kernels failed.");
    process.exit(1);
  }
}

/**
 * `env` for configurable-http-proxy: Debian installs its modules in /usr/share/nodejs, which Debian's
 * own Node searches and a Node from elsewhere (nodesource, nvm) does not.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {NodeJS.ProcessEnv}
 */
export function proxyEnv(env = process.env) {
  const paths = (env.NODE_PATH ?? "").split(path.delimiter).filter(Boolean);
  const debian = "/usr/share/nodejs";
  return { ...env, NODE_PATH: [...paths.filter((p) => p !== debian), debian].join(path.delimiter) };
}

/** @param {string} python */
function hubPresent(python) {
  const proxy = run("configurable-http-proxy", ["--version"], { env: proxyEnv() });
  return run(python, ["-c", "import jupyterhub"]).status === 0 && proxy.status === 0;
}

/**
 * JupyterHub and configurable-http-proxy for `npm run hub`, installed from Debian only when missing.
 * @param {string} python the Python with Jupyter (ensureEnvironment's)
 */
export function ensureHub(python) {
  if (hubPresent(python)) return;
  if (run("apt-get", ["--version"]).status !== 0) {
    console.error(
      "[downhill] `npm run hub` needs JupyterHub and configurable-http-proxy, which are installed by\n" +
        "themselves only from Debian's packages. Here, install them with:\n\n" +
        `  ${python} -m pip install jupyterhub && npm install --global configurable-http-proxy\n`,
    );
    process.exit(1);
  }
  aptInstall(hubPackages, "JupyterHub");
  // On a machine run by systemd, Debian's package also enables and starts its own hub.
  if (run("systemctl", ["is-active", "--quiet", "jupyterhub"]).status === 0)
    console.warn(
      "[downhill] Debian's jupyterhub package also started a system-wide hub of its own\n" +
        "(jupyterhub.service: as root, system-account logins, port 8000 on every address).\n" +
        "Unless you mean to use it, stop it:  sudo systemctl disable --now jupyterhub\n",
    );
  if (!hubPresent(python)) {
    console.error(
      `[downhill] JupyterHub was installed but ${python} cannot import jupyterhub, or ` +
        "configurable-http-proxy is not on PATH.",
    );
    process.exit(1);
  }
}

/**
 * Installs what is missing and returns the environment Jupyter must run with to find the kernel.
 * `browser: true` also makes sure Debian's Chromium is there (tests, handouts, benchmark).
 * @param {{ browser?: boolean }} [options]
 * @returns {{ python: string, env: NodeJS.ProcessEnv }}
 */
export function ensureEnvironment({ browser = false } = {}) {
  ensureNpmDependencies();
  const python = ensureJupyter();
  ensureKernel(python);
  if (browser) ensureChromium();
  return { python, env: kernelEnv() };
}

/**
 * `env` with the project's Jupyter data dir first on JUPYTER_PATH, so Jupyter finds the course's kernels.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {NodeJS.ProcessEnv}
 */
export function kernelEnv(env = process.env) {
  const paths = (env.JUPYTER_PATH ?? "")
    .split(path.delimiter)
    .filter((p) => p && p !== jupyterData);
  return { ...env, JUPYTER_PATH: [jupyterData, ...paths].join(path.delimiter) };
}

if (isMain(import.meta.url)) {
  const { python } = ensureEnvironment();
  log(
    `ready: Jupyter from ${python}, tslab and Deno kernels in ${path.relative(projectRoot, jupyterData)}`,
  );
}
