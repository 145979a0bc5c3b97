// How `npm start` and `npm test` get a Jupyter, decided from facts about the machine (detected by
// scripts/environment.mjs). Pure functions with no I/O, so tests/setupPlan.test.ts can check every
// branch on any machine: macOS, Windows and Linux without apt are decided here, not only Debian.
//
// The order: a Python that already has Jupyter (the project's own venv included) → Debian's packages
// when apt exists (as root or with password-less sudo, else the exact sudo command) → a project-local
// virtual environment with Jupyter from pip (JupyterLab when pip can get it) → stop with the exact
// command that installs Python on this system.
import path from "node:path";

/**
 * A Python found on the machine: the argv prefix that runs it, its version, whether it has venv.
 * @typedef {{ argv: string[], version: number[], venv: boolean }} FoundPython
 */

/**
 * What planJupyter decides from (scripts/environment.mjs's detectSetupFacts, probed).
 * @typedef {object} SetupFacts
 * @property {string} platform a `process.platform` value
 * @property {string} [jupyterPython] a Python that already imports Jupyter's modules
 * @property {boolean} apt apt-get exists (Debian, Ubuntu)
 * @property {string[] | null} [aptPrefix] [] as root, ["sudo", "-n"] with password-less sudo, null otherwise
 * @property {FoundPython[]} pythons Pythons found, in candidate order
 * @property {string} venvDir where the project's venv goes
 * @property {boolean} [brew] Homebrew exists (macOS)
 * @property {string} [packageManager] the system's package manager when it is not apt (dnf, pacman, …)
 */

/**
 * What to do to get Jupyter. `venv`'s steps are argv lists; the pip steps are alternatives:
 * `steps.create`, then `steps.install[0]`, falling back to `steps.install[1]`.
 * @typedef {{ action: "use", python: string }
 *   | { action: "apt", prefix: string[], packages: string[] }
 *   | { action: "stop", command: string | undefined, message: string }
 *   | { action: "venv", base: string[], venvDir: string, python: string,
 *       steps: { create: string[], install: string[][] } }} JupyterPlan
 */

/** The oldest Python the venv route accepts (JupyterLab 4 and Notebook 7 need 3.9 or newer). */
export const minimumPython = [3, 9];

/** What pip installs into the venv: first with JupyterLab; if that fails, the classic Notebook only. */
export const pipPackages = {
  withLab: ["jupyterlab", "notebook", "nbclient", "nbconvert", "nbformat", "jupyter_client"],
  withoutLab: ["notebook", "nbclient", "nbconvert", "nbformat", "jupyter_client"],
};

/**
 * The venv's own Python: `Scripts\python.exe` on Windows, `bin/python` elsewhere.
 * @param {string} venvDir @param {string} platform a `process.platform` value
 * @example venvPython("/p/.jupyter/venv", "linux") // "/p/.jupyter/venv/bin/python"
 */
export function venvPython(venvDir, platform) {
  return platform === "win32"
    ? path.win32.join(venvDir, "Scripts", "python.exe")
    : path.posix.join(venvDir, "bin", "python");
}

/**
 * The Python commands to try, in order, as argv prefixes: the `py` launcher first on Windows.
 * @param {string} platform a `process.platform` value
 * @returns {string[][]}
 */
export function pythonCandidates(platform) {
  return platform === "win32" ? [["py", "-3"], ["python"], ["python3"]] : [["python3"], ["python"]];
}

/** @param {number[]} version @param {number[]} minimum */
const atLeast = (version, minimum) =>
  version[0] > minimum[0] || (version[0] === minimum[0] && version[1] >= minimum[1]);

/**
 * The exact command that installs a Python with venv and pip on this system, or undefined.
 * @param {{ platform: string, brew?: boolean, packageManager?: string }} facts
 * @returns {string | undefined}
 * @example installPythonCommand({ platform: "linux", packageManager: "dnf" }) // "sudo dnf install -y python3 python3-pip"
 */
export function installPythonCommand({ platform, brew = false, packageManager }) {
  if (platform === "darwin") return brew ? "brew install python" : "xcode-select --install";
  if (platform === "win32") return "winget install --exact --id Python.Python.3.12";
  /** @type {Record<string, string>} */
  const commands = {
    dnf: "sudo dnf install -y python3 python3-pip",
    yum: "sudo yum install -y python3 python3-pip",
    pacman: "sudo pacman -S --needed python python-pip",
    zypper: "sudo zypper install -y python3 python3-pip",
    apk: "sudo apk add python3 py3-pip",
  };
  return packageManager === undefined ? undefined : commands[packageManager];
}

/**
 * What to do to get Jupyter: use a Python that has it, install Debian's packages, make the project's
 * venv, or stop with the command the user must run first.
 * @param {SetupFacts} facts
 * @param {string[]} [aptPackages] Debian's packages that give Jupyter
 * @returns {JupyterPlan}
 * @example planJupyter({ platform: "linux", jupyterPython: "/usr/bin/python3", apt: true, pythons: [], venvDir: "v" })
 *   // { action: "use", python: "/usr/bin/python3" }
 */
export function planJupyter(facts, aptPackages = []) {
  if (facts.jupyterPython) return { action: "use", python: facts.jupyterPython };
  if (facts.apt) {
    if (facts.aptPrefix) return { action: "apt", prefix: facts.aptPrefix, packages: aptPackages };
    const command = `sudo apt-get update && sudo apt-get install -y ${aptPackages.join(" ")}`;
    return {
      action: "stop",
      command,
      message: `Jupyter is not installed, and installing it needs a password. Run this once, then try again:\n\n  ${command}\n`,
    };
  }
  const usable = facts.pythons.find((p) => p.venv && atLeast(p.version, minimumPython));
  if (usable) {
    const python = venvPython(facts.venvDir, facts.platform);
    const pip = (/** @type {string[]} */ packages) => [
      python,
      "-m",
      "pip",
      "install",
      "--disable-pip-version-check",
      ...packages,
    ];
    return {
      action: "venv",
      base: usable.argv,
      venvDir: facts.venvDir,
      python,
      steps: {
        create: [...usable.argv, "-m", "venv", facts.venvDir],
        install: [pip(pipPackages.withLab), pip(pipPackages.withoutLab)],
      },
    };
  }
  const wanted = `Python ${minimumPython.join(".")} or newer with its venv module`;
  const found = facts.pythons.length
    ? ` (found: ${facts.pythons.map((p) => `${p.argv.join(" ")} ${p.version.join(".")}${p.venv ? "" : " without venv"}`).join(", ")})`
    : "";
  const command = installPythonCommand(facts);
  return {
    action: "stop",
    command,
    message: command
      ? `No Jupyter found, and no ${wanted}${found} to install it in a project venv. Install Python with:\n\n  ${command}\n\nthen run the same npm command again.\n`
      : `No Jupyter found, and no ${wanted}${found} to install it in a project venv. Install Python 3 with your system's package manager (or from https://www.python.org/downloads/), then run the same npm command again.\n`,
  };
}
