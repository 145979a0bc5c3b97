// Opening a built handout page in headless Chromium and checking it as a reader gets it (offline, every
// figure live, math typeset, accessible, printable): shared by tests/siteHandouts.test.ts (the course's
// site) and tests/handoutFixture.test.ts (the fixture notebook's builds).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { cellsHtml } from "./notebookHtml";
import { projectRoot } from "../../scripts/paths.mjs";

export const root = projectRoot;
export const screenshotDir = path.join(root, "build", "handouts", "screenshots");
const axeSource = readFileSync(createRequire(__filename).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's violations on the open page (all its rules: WCAG 2 A/AA and best practices). */
export async function axeViolations(page: any): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n: any) => ({ target: n.target })),
    }));
  });
}

/** Runs the handouts builder (scripts/handouts/build.mjs) with `args`; fails the test when it fails. */
export function build(args: string[]): void {
  const run = spawnSync(
    process.execPath,
    [path.join(root, "scripts", "handouts", "build.mjs"), ...args],
    { cwd: root, encoding: "utf8" },
  );
  assert.equal(run.status, 0, `the handouts build failed:\n${run.stdout}\n${run.stderr}`);
}

/** How many figures the executed notebook shows (counted in its outputs, independently of the builder). */
export function figureCount(executedNotebook: string): number {
  const html = cellsHtml(JSON.parse(readFileSync(executedNotebook, "utf8")).cells);
  return (html.match(/<div id="downhill-figure-[^"]+" class="downhill-figure"/g) ?? []).length;
}

interface PageReport {
  blocked: string[];
  failed: string[];
  errors: string[];
  plots: number;
  mathContainers: number;
  mathErrors: number;
  rawTex: string[];
  links: string[];
  millisecondsToFigures: number;
}

// Visible text of the narrative (markdown cells and the index page), with typeset math taken out.
export const narrativeTextScript = () => {
  const parts = Array.from(
    document.querySelectorAll(".jp-RenderedMarkdown, body:not(.jp-Notebook)"),
  ).map((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("mjx-container, script, style, pre, code").forEach((e) => e.remove());
    return copy.textContent ?? "";
  });
  return parts.join("\n");
};

export async function openPage(
  context: any,
  blocked: string[],
  file: string,
  expectedFigures: number,
): Promise<{ page: any; report: PageReport }> {
  const page = await context.newPage();
  const failed: string[] = [];
  const errors: string[] = [];
  page.on("requestfailed", (request: any) =>
    failed.push(`${request.url().slice(0, 120)} (${request.failure()?.errorText})`),
  );
  page.on("console", (message: any) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error: Error) => errors.push(String(error)));
  const blockedBefore = blocked.length;
  const started = Date.now();
  await page.goto(`file://${file}`, { waitUntil: "load", timeout: 120_000 });
  // A handout draws each figure live when it comes near the viewport: scroll to each in turn, and
  // fail naming the first one that does not turn live.
  for (let i = 0; i < expectedFigures; i++) {
    const figure = page.locator(".downhill-figure").nth(i);
    try {
      await figure.scrollIntoViewIfNeeded({ timeout: 60_000 });
      await page.waitForFunction(
        (k: number) =>
          document.querySelectorAll(".downhill-figure")[k]?.classList.contains("js-plotly-plot"),
        i,
        { timeout: 60_000 },
      );
    } catch (error) {
      const label = await figure.getAttribute("aria-label").catch(() => null);
      throw new Error(
        `${path.basename(file)}: figure ${i + 1} of ${expectedFigures} ("${label ?? "no label"}") is not drawn live: ${(error as Error).message.split("\n")[0]}`,
      );
    }
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  const millisecondsToFigures = Date.now() - started;
  const text: string = await page.evaluate(narrativeTextScript);
  const rawTex = [
    ...(text.match(
      /\$\$|\$[^$\n]+\$|\\(frac|lim|sum|partial|mathbf|alpha|eta|cdot|approx|begin|left|right|tag|[()[\]])/g,
    ) ?? []),
  ];
  const report: PageReport = {
    blocked: blocked.slice(blockedBefore),
    failed,
    errors,
    plots: await page.locator(".js-plotly-plot").count(),
    mathContainers: await page.locator("mjx-container").count(),
    mathErrors: await page.locator("mjx-merror, [data-mjx-error]").count(),
    rawTex,
    links: await page.evaluate(() =>
      Array.from(document.querySelectorAll("a[href]")).map((a) => a.getAttribute("href") ?? ""),
    ),
    millisecondsToFigures,
  };
  return { page, report };
}

/** Checks one handout page and saves its screen and print screenshots; returns the page, still open. */
export async function checkHandout(
  context: any,
  blocked: string[],
  file: string,
  expectedFigures: number,
  notebookHasMath: boolean,
): Promise<any> {
  const name = path.basename(file);
  const { page, report } = await openPage(context, blocked, file, expectedFigures);
  const weight = (statSync(file).size / 1e6).toFixed(1);
  console.log(
    `# ${name}: ${weight} MB, ${report.plots} figure(s) and ${report.mathContainers} formula(s) ready in ${report.millisecondsToFigures} ms`,
  );
  assert.deepEqual(report.blocked, [], `${name} tried to reach the network`);
  assert.deepEqual(report.failed, [], `${name} has failed requests`);
  assert.deepEqual(report.errors, [], `${name} logged errors`);
  assert.equal(report.plots, expectedFigures, `${name}: live figures drawn`);
  if (notebookHasMath) assert.ok(report.mathContainers > 0, `${name} has no typeset math`);
  assert.equal(report.mathErrors, 0, `${name} has MathJax errors`);
  assert.deepEqual(report.rawTex, [], `${name} shows raw TeX`);
  for (const href of report.links.filter((h) => !/^(#|https?:|mailto:)/.test(h))) {
    assert.ok(
      existsSync(path.join(path.dirname(file), decodeURIComponent(href.split("#")[0]))),
      `${name} links to ${href}, which is not there`,
    );
  }
  const structure = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute("lang"),
    h1: document.querySelectorAll("h1").length,
    main: document.querySelectorAll("main").length,
    unlabelledFigures: Array.from(document.querySelectorAll(".downhill-figure")).filter(
      (f) => !/\S/.test(f.getAttribute("aria-label") ?? ""),
    ).length,
  }));
  assert.deepEqual(
    structure,
    { lang: "en", h1: 1, main: 1, unlabelledFigures: 0 },
    `${name}: lang, one h1, one main landmark, a text alternative on every figure`,
  );
  const violations = await axeViolations(page);
  const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  console.log(
    `# ${name}: axe-core ${violations.length ? violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}+)`).join(", ") : "no violation"}`,
  );
  assert.deepEqual(grave, [], `${name}: serious or critical accessibility violations`);
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({
    path: path.join(screenshotDir, `${name.replace(/\.html$/, "")}.png`),
    fullPage: true,
  });
  await page.emulateMedia({ media: "print" });
  const print = await page.evaluate(() => ({
    images: Array.from(document.querySelectorAll(".downhill-figure-note img")).filter(
      (img) =>
        (img as HTMLImageElement).naturalWidth > 0 && (img as HTMLElement).offsetParent !== null,
    ).length,
    livePlots: Array.from(document.querySelectorAll(".downhill-figure > .plot-container")).filter(
      (e) => (e as HTMLElement).offsetParent !== null,
    ).length,
    unwrapped: Array.from(document.querySelectorAll(".jp-InputArea pre")).filter(
      (e) => getComputedStyle(e).whiteSpace !== "pre-wrap",
    ).length,
  }));
  assert.deepEqual(
    print,
    { images: expectedFigures, livePlots: 0, unwrapped: 0 },
    `${name} in print: figure images shown, live plots hidden, code wrapped`,
  );
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.screenshot({
    path: path.join(screenshotDir, `${name.replace(/\.html$/, "")}.print.png`),
    fullPage: true,
  });
  await page.emulateMedia({ media: "screen" });
  return page;
}

export const markdownHasMath = (notebook: string) =>
  JSON.parse(readFileSync(notebook, "utf8")).cells.some(
    (c: { cell_type: string; source: string | string[] }) =>
      c.cell_type === "markdown" && /\$/.test([c.source].flat().join("")),
  );

/**
 * Opens each page with scripts off: every figure shows its static image, no raw TeX shows, and a page
 * whose source has math shows it as SVG. Saves a screenshot of the pages named in `screenshots`.
 */
export async function checkWithoutScripts(
  browser: any,
  pages: string[],
  hasMath: (file: string) => boolean,
  screenshots: string[],
): Promise<void> {
  const noScripts = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1200, height: 900 },
  });
  await noScripts.route(/^(?!file:|data:|blob:)/, (route: any) => route.abort());
  for (const file of pages) {
    const page = await noScripts.newPage();
    await page.goto(`file://${file}`);
    const shown = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll(".downhill-figure-note img")).filter(
          (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        ).length,
    );
    const expected = (
      readFileSync(file, "utf8").match(
        /<div id="downhill-figure-[^"]+" class="downhill-figure"/g,
      ) ?? []
    ).length;
    assert.equal(shown, expected, `${path.basename(file)}: static images shown without scripts`);
    const rawTex = (await page.evaluate(narrativeTextScript)).match(/\$[^$\n]+\$|\\frac/g);
    assert.equal(rawTex, null, `${path.basename(file)} shows raw TeX without scripts`);
    if (hasMath(file))
      assert.ok(
        (await page.locator("mjx-container svg").count()) > 0,
        `${path.basename(file)}: no formula drawn without scripts`,
      );
    if (screenshots.includes(path.basename(file))) {
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({
        path: path.join(screenshotDir, path.basename(file).replace(/\.html$/, ".no-scripts.png")),
        fullPage: true,
      });
    }
    await page.close();
  }
  await noScripts.close();
}
