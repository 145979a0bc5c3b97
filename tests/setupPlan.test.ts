// How `npm start` gets a Jupyter on machines this one is not (scripts/setupPlan.mjs): every branch of
// the decision, as a pure function of the detected facts — which Python, which command, what message.
// Only the Debian branches run for real here (tests/start.test.ts); the venv and pip route is decided
// here but not executed (no PyPI on this machine).
import assert from "node:assert/strict";
import { test } from "node:test";
import { detectSetupFacts, jupyterPackages } from "../scripts/environment.mjs";
import {
  installPythonCommand,
  pipPackages,
  planJupyter,
  pythonCandidates,
  venvPython,
} from "../scripts/setupPlan.mjs";

type Facts = Parameters<typeof planJupyter>[0];
// Every field of the plan (which ones a plan has depends on its action).
type Plan = {
  action: string;
  python: string;
  command?: string;
  message: string;
  base: string[];
  steps: { create: string[]; install: string[][] };
};
const decide = (facts: Partial<Facts>, packages?: string[]) =>
  planJupyter({ ...none, ...facts } as Facts, packages) as unknown as Plan;

const venvDir = "/home/ada/downhill/.jupyter/venv";
const none = { apt: false, aptPrefix: null, pythons: [], venvDir };
const python312 = { argv: ["python3"], version: [3, 12], venv: true };

test("a Python that already has Jupyter is used, whatever else the machine has", () => {
  for (const platform of ["linux", "darwin", "win32"])
    assert.deepEqual(decide({ platform, jupyterPython: "/usr/bin/python3", apt: true }), {
      action: "use",
      python: "/usr/bin/python3",
    });
  // A second run after the venv route finds the venv's Python: nothing is installed again.
  const venv = venvPython(venvDir, "darwin");
  assert.deepEqual(decide({ platform: "darwin", jupyterPython: venv, pythons: [python312] }), {
    action: "use",
    python: venv,
  });
});

test("Debian or Ubuntu: Debian's packages as root or with password-less sudo, else the sudo line", () => {
  const root = planJupyter(
    { ...none, platform: "linux", apt: true, aptPrefix: [] },
    jupyterPackages,
  );
  assert.deepEqual(root, { action: "apt", prefix: [], packages: jupyterPackages });
  const sudo = planJupyter(
    { ...none, platform: "linux", apt: true, aptPrefix: ["sudo", "-n"], pythons: [python312] },
    jupyterPackages,
  );
  assert.equal(sudo.action, "apt", "apt comes before a venv on Debian");
  const stop = decide({ platform: "linux", apt: true }, jupyterPackages);
  assert.equal(stop.action, "stop");
  assert.equal(
    stop.command,
    "sudo apt-get update && sudo apt-get install -y jupyter-notebook jupyter-nbconvert python3-nbclient jupyter-client",
  );
  assert.match(
    stop.message,
    /needs a password\. Run this once, then try again:\n\n {2}sudo apt-get/,
  );
});

test("no apt (macOS, other Linux): a project venv from the first Python ≥ 3.9 with venv, JupyterLab first", () => {
  const p = decide({ platform: "darwin", pythons: [python312] });
  assert.deepEqual(p, {
    action: "venv",
    base: ["python3"],
    venvDir,
    python: `${venvDir}/bin/python`,
    steps: {
      create: ["python3", "-m", "venv", venvDir],
      install: [
        [
          `${venvDir}/bin/python`,
          "-m",
          "pip",
          "install",
          "--disable-pip-version-check",
          ...pipPackages.withLab,
        ],
        [
          `${venvDir}/bin/python`,
          "-m",
          "pip",
          "install",
          "--disable-pip-version-check",
          ...pipPackages.withoutLab,
        ],
      ],
    },
  });
  assert.ok(
    pipPackages.withLab.includes("jupyterlab") && !pipPackages.withoutLab.includes("jupyterlab"),
  );
  // Too old, or without venv, is skipped for the next candidate.
  const skipped = decide({
    platform: "linux",
    packageManager: "dnf",
    pythons: [
      { argv: ["python3"], version: [3, 8], venv: true },
      { argv: ["python"], version: [3, 11], venv: true },
    ],
  });
  assert.equal(skipped.action, "venv");
  assert.deepEqual(skipped.base, ["python"]);
});

test("Windows: the py launcher first, and the venv's Scripts\\python.exe", () => {
  assert.deepEqual(pythonCandidates("win32")[0], ["py", "-3"]);
  const winVenv = "C:\\Users\\ada\\downhill\\.jupyter\\venv";
  const p = decide({
    venvDir: winVenv,
    platform: "win32",
    pythons: [{ argv: ["py", "-3"], version: [3, 12], venv: true }],
  });
  assert.equal(p.action, "venv");
  assert.deepEqual(p.steps.create, ["py", "-3", "-m", "venv", winVenv]);
  assert.equal(p.python, "C:\\Users\\ada\\downhill\\.jupyter\\venv\\Scripts\\python.exe");
});

test("no usable Python: stop with the exact command for this system", () => {
  const cases: [object, string | undefined][] = [
    [{ platform: "darwin", brew: true }, "brew install python"],
    [{ platform: "darwin", brew: false }, "xcode-select --install"],
    [{ platform: "win32" }, "winget install --exact --id Python.Python.3.12"],
    [{ platform: "linux", packageManager: "dnf" }, "sudo dnf install -y python3 python3-pip"],
    [{ platform: "linux", packageManager: "pacman" }, "sudo pacman -S --needed python python-pip"],
    [{ platform: "linux", packageManager: "zypper" }, "sudo zypper install -y python3 python3-pip"],
    [{ platform: "linux", packageManager: "apk" }, "sudo apk add python3 py3-pip"],
    [{ platform: "linux" }, undefined],
  ];
  for (const [facts, command] of cases) {
    const p = decide(facts);
    assert.equal(p.action, "stop", JSON.stringify(facts));
    assert.equal(p.command, command, JSON.stringify(facts));
    assert.equal(
      installPythonCommand(facts as Parameters<typeof installPythonCommand>[0]),
      command,
    );
    if (command) assert.ok(p.message.includes(`\n\n  ${command}\n`), p.message);
    else assert.match(p.message, /your system's package manager/);
  }
  const old = decide({
    platform: "darwin",
    brew: true,
    pythons: [
      { argv: ["python3"], version: [3, 8], venv: true },
      { argv: ["python"], version: [3, 11], venv: false },
    ],
  });
  assert.equal(old.action, "stop");
  assert.match(old.message, /found: python3 3\.8, python 3\.11 without venv/);
});

test("this machine (Debian with Jupyter) is decided as before: Debian's Python, nothing installed", () => {
  const facts = detectSetupFacts() as Facts;
  assert.equal(facts.apt, true);
  assert.deepEqual(planJupyter(facts, jupyterPackages), {
    action: "use",
    python: facts.jupyterPython,
  });
});
