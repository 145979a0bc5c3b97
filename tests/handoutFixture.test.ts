// The handouts builder on a small fixture notebook (tests/fixtures/handout-fixture.ipynb, staged beside
// a src link as in notebooks/): its page draws a slider and plays an animation, its no-code page keeps
// the narrative, math and figures, it shows its images and formulas with scripts off, a --shared build
// loads plotly.js from assets/ and still works offline, and two builds from scratch (the notebook
// executed twice) are byte-identical. Needs no executed course: it runs beside the course's execution.
import assert from "node:assert/strict";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { launchBrowser, offlineContext } from "../scripts/handouts/browser.mjs";
import { build, checkHandout, checkWithoutScripts, root } from "./helpers/handoutPages";

const fixtureDir = path.join(root, "build", "handouts-fixture");
const fixtureName = "90-handout-fixture";
const stagedFixture = path.join(fixtureDir, "notebooks", `${fixtureName}.ipynb`);

/** The fixture notebook staged beside a `src` link (as in notebooks/), built into fixtureDir/<label>. */
function buildFixture(label: string, options: string[] = []): string {
  const staged = path.dirname(stagedFixture);
  mkdirSync(staged, { recursive: true });
  copyFileSync(
    path.join(root, "tests", "fixtures", "handout-fixture.ipynb"),
    path.join(staged, `${fixtureName}.ipynb`),
  );
  if (!existsSync(path.join(staged, "src")))
    symlinkSync(path.relative(staged, path.join(root, "src")), path.join(staged, "src"));
  const out = path.join(fixtureDir, label);
  rmSync(out, { recursive: true, force: true });
  build([
    ...options,
    "--out",
    path.join(out, "site"),
    "--executed",
    path.join(out, "executed"),
    "--work",
    path.join(out, "work"),
    stagedFixture,
  ]);
  return out;
}

describe("the handouts of the fixture notebook", () => {
  let browser: any;
  let context: any;
  let blocked: string[] = [];
  let fixtureA = "";
  let fixtureB = "";

  before(async () => {
    fixtureA = buildFixture("a");
    fixtureB = buildFixture("b");
    browser = await launchBrowser();
    ({ context, blocked } = await offlineContext(browser, {
      viewport: { width: 1200, height: 900 },
    }));
  });
  after(async () => browser?.close());

  test("the fixture's handout draws its slider and plays its animation", async () => {
    const file = path.join(fixtureA, "site", `${fixtureName}.html`);
    const page = await checkHandout(context, blocked, file, 2, true);
    assert.equal(await page.locator(".js-plotly-plot .slider-container").count(), 1);
    const lastY = () =>
      page.evaluate(() => (document.querySelectorAll(".js-plotly-plot")[1] as any).data[0].y[40]);
    assert.equal(await lastY(), 0);
    await page.locator(".js-plotly-plot .updatemenu-button").first().click();
    await page.waitForFunction(
      () => (document.querySelectorAll(".js-plotly-plot")[1] as any).data[0].y[40] === 4,
      null,
      { timeout: 10_000 },
    );
    await page.close();
  });

  test("the no-code handout shows no code but keeps the narrative, math and figures", async () => {
    const html = readFileSync(path.join(fixtureA, "site", `${fixtureName}.no-code.html`), "utf8");
    assert.equal(/class="[^"]*jp-InputArea-editor/.test(html), false, "the no-code page has code");
    const page = await checkHandout(
      context,
      blocked,
      path.join(fixtureA, "site", `${fixtureName}.no-code.html`),
      2,
      true,
    );
    // Read in the page: the file writes the "·" as a character reference (an ASCII page, pages.mjs).
    // textContent, not innerText: the heading's cell is scrolled far away by now, and
    // content-visibility skips it.
    assert.equal(await page.title(), "90 · Handout fixture", "the no-code page lost its title");
    const heading: string = await page.evaluate(
      () => document.querySelector("h1")?.textContent ?? "",
    );
    assert.match(heading, /^90 · Handout fixture/, "the no-code page lost its heading");
    await page.close();
  });

  test("where scripts do not run, its figures show their static images and its formulas their SVG", async () => {
    const file = path.join(fixtureA, "site", `${fixtureName}.html`);
    await checkWithoutScripts(browser, [file], () => true, [`${fixtureName}.html`]);
  });

  test("with --shared, pages load plotly.js from assets/ beside them and still work offline", async () => {
    const shared = path.join(fixtureDir, "shared");
    rmSync(shared, { recursive: true, force: true });
    build([
      "--shared",
      "--out",
      path.join(shared, "site"),
      "--executed",
      path.join(fixtureA, "executed"),
      "--work",
      path.join(shared, "work"),
      stagedFixture,
    ]);
    assert.deepEqual(readdirSync(path.join(shared, "site", "assets")).sort(), ["plotly.min.js"]);
    const file = path.join(shared, "site", `${fixtureName}.html`);
    assert.ok(statSync(file).size < 500_000, "a shared page carries no library");
    const page = await checkHandout(context, blocked, file, 2, true);
    await page.close();
  });

  test("two builds of the same notebook are byte-identical", () => {
    for (const folder of ["site", "executed", path.join("work", "notebooks")]) {
      const files = readdirSync(path.join(fixtureA, folder)).sort();
      assert.deepEqual(readdirSync(path.join(fixtureB, folder)).sort(), files);
      for (const file of files) {
        const a = readFileSync(path.join(fixtureA, folder, file));
        assert.ok(
          a.equals(readFileSync(path.join(fixtureB, folder, file))),
          `${folder}/${file} differs between two builds`,
        );
      }
    }
  });
});
