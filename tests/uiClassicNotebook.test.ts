// Figures render in the classic Jupyter Notebook (the front end `npm start` opens when JupyterLab is not
// installed): each executed notebook, signed as trusted (as it is for a learner who ran it), is opened
// in headless Chromium, and every figure div must become a live plotly.js plot.
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../scripts/handouts/browser.mjs";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { freePort } from "./helpers/freePort";
import { executedNotebooks } from "./helpers/executedNotebooks";
import { jupyterEnv, jupyterPython } from "./helpers/jupyter";

const python = jupyterPython();
const token = "downhill-ui-test";
const folder = mkdtempSync(path.join(tmpdir(), "downhill-classic-"));
const serverEnv = {
  ...jupyterEnv(),
  JUPYTER_DATA_DIR: path.join(folder, "data"),
  JUPYTER_CONFIG_DIR: path.join(folder, "config"),
  JUPYTER_RUNTIME_DIR: path.join(folder, "runtime"),
};
const sign =
  "import sys, nbformat\nfrom nbformat.sign import NotebookNotary\nfor f in sys.argv[1:]:\n    NotebookNotary().sign(nbformat.read(f, as_version=4))";

describe("figures in the classic Notebook", () => {
  let server: ChildProcess;
  let browser: Browser;
  let port = 0;
  const notebooks = (notebookPaths() as string[]).map((p) => path.basename(p));

  before(async () => {
    const executed = executedNotebooks();
    for (const name of notebooks) copyFileSync(path.join(executed, name), path.join(folder, name));
    // Signed in one Python, each as trusted.
    const signed = spawnSync(python, ["-c", sign, ...notebooks.map((n) => path.join(folder, n))], {
      env: serverEnv,
      encoding: "utf8",
    });
    assert.equal(signed.status, 0, signed.stderr);
    port = await freePort();
    const asRoot = process.getuid?.() === 0 ? ["--allow-root"] : [];
    server = spawn(
      python,
      [
        "-m",
        "notebook",
        "--no-browser",
        `--port=${port}`,
        "--ip=127.0.0.1",
        `--NotebookApp.token=${token}`,
        `--notebook-dir=${folder}`,
        ...asRoot,
      ],
      { env: serverEnv, stdio: "ignore" },
    );
    const deadline = Date.now() + 60_000;
    while (
      !(await fetch(`http://127.0.0.1:${port}/api/status?token=${token}`)
        .then((r) => r.ok)
        .catch(() => false))
    ) {
      if (Date.now() > deadline) throw new Error("the Notebook server did not start within 60 s");
      await new Promise((r) => setTimeout(r, 300));
    }
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.kill("SIGTERM");
  });

  for (const name of notebookPaths().map((p: string) => path.basename(p)) as string[]) {
    test(`${name}: every figure is drawn by plotly.js`, async () => {
      const expected = (
        readFileSync(path.join(folder, name), "utf8").match(/class=\\"downhill-figure\\"/g) ?? []
      ).length;
      assert.ok(expected > 0, `${name} shows no figure`);
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`http://127.0.0.1:${port}/notebooks/${name}?token=${token}`);
      await page.waitForFunction(
        (count) => document.querySelectorAll(".js-plotly-plot").length >= count,
        expected,
        { timeout: 60_000 },
      );
      assert.equal(await page.locator(".js-plotly-plot").count(), expected);
      assert.equal(
        await page.locator(".downhill-figure-note:visible").count(),
        0,
        "a figure still shows its no-script note",
      );
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
