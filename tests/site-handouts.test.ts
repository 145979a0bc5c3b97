// The HTML handouts (`npm run handouts`), opened from disk in real Chromium with the network cut off:
// every page loads with no request leaving file://, no console error, every figure drawn live, every
// formula typeset at build time (SVG, no MathJax runtime, shown with scripts off too), links that
// resolve, figure images for print, the weight budget (page ≤ 3 MB, executed notebook ≤ 2 MB), and no
// serious or critical axe-core violation (WCAG 2 A/AA and best practices); two builds are byte-identical.
// The pages are built from the executed notebooks of tests/helpers/executed-notebooks.ts (fresh copies
// reused, the rest executed first), so the test does not depend on another test file having run.
// Screenshots for review: build/handouts/screenshots/<page>.png (screen) and <page>.print.png (print).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
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
import { createRequire } from "node:module";
import { notebookPaths } from "../scripts/notebook-format.mjs";
import { launchBrowser, offlineContext } from "../scripts/handouts/browser.mjs";
import { cellsHtml } from "./helpers/notebook-html";
import { executedDir, executedNotebooks } from "./helpers/executed-notebooks";
import { pdfPages } from "./helpers/pdf-text";

const root = path.resolve(__dirname, "..");
const siteDir = path.join(root, "dist", "handouts");
const screenshotDir = path.join(root, "build", "handouts", "screenshots");
const fixtureDir = path.join(root, "build", "handouts-fixture");
const fixtureName = "90-handout-fixture";
/** Budgets of issue 15: a single-file lesson page, and an executed notebook (plotly.js inside). */
const maxPageBytes = 3_000_000;
const maxExecutedNotebookBytes = 2_000_000;
const axeSource = readFileSync(createRequire(__filename).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's violations on the open page (all its rules: WCAG 2 A/AA and best practices). */
async function axeViolations(page: any): Promise<AxeViolation[]> {
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

function build(args: string[]): void {
  const run = spawnSync(
    process.execPath,
    [path.join(root, "scripts", "handouts", "build.mjs"), ...args],
    { cwd: root, encoding: "utf8" },
  );
  assert.equal(run.status, 0, `the handouts build failed:\n${run.stdout}\n${run.stderr}`);
}

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

/** How many figures the executed notebook shows (counted in its outputs, independently of the builder). */
function figureCount(executedNotebook: string): number {
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
const narrativeTextScript = () => {
  const parts = Array.from(
    document.querySelectorAll(".jp-RenderedMarkdown, body:not(.jp-Notebook)"),
  ).map((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("mjx-container, script, style, pre, code").forEach((e) => e.remove());
    return copy.textContent ?? "";
  });
  return parts.join("\n");
};

async function openPage(
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
  // A handout draws each figure live when it comes near the viewport: scroll to each in turn.
  for (let i = 0; i < expectedFigures; i++)
    await page
      .locator(".downhill-figure")
      .nth(i)
      .scrollIntoViewIfNeeded()
      .then(() =>
        page.waitForFunction(
          (k: number) =>
            document.querySelectorAll(".downhill-figure")[k].classList.contains("js-plotly-plot"),
          i,
          { timeout: 60_000 },
        ),
      )
      .catch(() => {});
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
async function checkHandout(
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

const markdownHasMath = (notebook: string) =>
  JSON.parse(readFileSync(notebook, "utf8")).cells.some(
    (c: { cell_type: string; source: string | string[] }) =>
      c.cell_type === "markdown" && /\$/.test([c.source].flat().join("")),
  );

describe("the HTML handouts", () => {
  const notebooks: string[] = notebookPaths();
  let browser: any;
  let context: any;
  let blocked: string[] = [];
  let fixtureA = "";
  let fixtureB = "";

  before(async () => {
    executedNotebooks();
    build(["--pdf"]);
    fixtureA = buildFixture("a");
    fixtureB = buildFixture("b");
    browser = await launchBrowser();
    ({ context, blocked } = await offlineContext(browser, {
      viewport: { width: 1200, height: 900 },
    }));
  });
  after(async () => browser?.close());

  test("the site has an index page, both variants of every lesson and its PDF", () => {
    const expected = [
      "index.html",
      ...notebooks.flatMap((n) =>
        [".html", ".no-code.html", ".pdf"].map((suffix) => path.basename(n, ".ipynb") + suffix),
      ),
    ].sort();
    assert.deepEqual(readdirSync(siteDir).sort(), expected);
  });

  test("the pages carry plotly.js once, typeset math and no MathJax, within the weight budget, and no path of the build machine", () => {
    for (const page of readdirSync(siteDir).filter((n) => n.endsWith(".html"))) {
      const html = readFileSync(path.join(siteDir, page), "utf8");
      if (page !== "index.html")
        assert.equal(
          html.split("if (!window.Plotly && !window.downhillPlotlyLoading) {\n").length - 1,
          1,
          `${page}: plotly.js copies`,
        );
      if (page !== "index.html")
        assert.match(
          html,
          /<script type="application\/octet-stream" id="downhill-plotly-packed">[A-Za-z0-9+/=]{100000,}<\/script>/,
          `${page}: plotly.js is not in the data block the browser does not compile`,
        );
      assert.equal(/MathJax\.|window\.MathJax|tex-svg/.test(html), false, `${page} loads MathJax`);
      assert.ok(
        html.length <= maxPageBytes,
        `${page}: ${(html.length / 1e6).toFixed(2)} MB, over the ${maxPageBytes / 1e6} MB budget`,
      );
      assert.equal(
        /\b(src|href)="(file:|\/)|\/usr\/share\/javascript|<script[^>]*\bsrc=/.test(html),
        false,
        `${page} loads a file from outside the page`,
      );
      assert.equal(html.includes(root), false, `${page} contains the build folder's path`);
      // ASCII only (scripts/handouts/ascii.mjs): Chromium parses it in 8-bit strings.
      const beyond = /[^\x00-\x7f]/.exec(html);
      assert.equal(beyond, null, `${page}: "${beyond?.[0]}" at ${beyond?.index}, not escaped`);
    }
    for (const notebook of notebooks) {
      const bytes = statSync(path.join(executedDir, path.basename(notebook))).size;
      assert.ok(
        bytes <= maxExecutedNotebookBytes,
        `executed ${path.basename(notebook)}: ${(bytes / 1e6).toFixed(2)} MB, over the ${maxExecutedNotebookBytes / 1e6} MB budget`,
      );
    }
  });

  test("the index page lists every lesson with its heading, and its links resolve in the browser", async () => {
    const index = path.join(siteDir, "index.html");
    const html = readFileSync(index, "utf8");
    for (const notebook of notebooks)
      assert.match(html, new RegExp(`href="${path.basename(notebook, ".ipynb")}.html"`));
    const page = await checkHandout(context, blocked, index, 0, false);
    const lessonLinks: string[] = await page.evaluate(() =>
      Array.from(document.querySelectorAll("ul.lessons a")).map(
        (a) => a.getAttribute("href") ?? "",
      ),
    );
    assert.equal(lessonLinks.length, notebooks.length * 3);
    for (const href of lessonLinks)
      assert.ok(existsSync(path.join(siteDir, href)), `index links to ${href}, which is not there`);
    await page.close();
  });

  for (const notebook of notebookPaths() as string[]) {
    const base = path.basename(notebook, ".ipynb");
    for (const suffix of [".html", ".no-code.html"]) {
      test(`${base}${suffix} opens offline with every figure live, every formula typeset, and no error`, async () => {
        const page = await checkHandout(
          context,
          blocked,
          path.join(siteDir, base + suffix),
          figureCount(path.join(executedDir, `${base}.ipynb`)),
          markdownHasMath(notebook),
        );
        await page.close();
      });
    }
  }

  for (const notebook of notebookPaths() as string[]) {
    const base = path.basename(notebook, ".ipynb");
    test(`${base}.pdf has several pages, page numbers and every heading of the lesson`, async () => {
      const pages = await pdfPages(path.join(siteDir, `${base}.pdf`));
      assert.ok(pages.length > 1, `${base}.pdf has ${pages.length} page(s)`);
      pages.forEach((text, i) =>
        assert.match(
          text,
          new RegExp(`page ${i + 1} of ${pages.length}`),
          `page ${i + 1}'s number`,
        ),
      );
      const squeeze = (text: string) => text.replace(/\s+/g, "");
      const text = squeeze(pages.join(" "));
      const headings = JSON.parse(readFileSync(notebook, "utf8"))
        .cells.filter((c: { cell_type: string }) => c.cell_type === "markdown")
        .flatMap((c: { source: string | string[] }) => [c.source].flat().join("").split("\n"))
        .filter((line: string) => /^#{1,3}\s/.test(line))
        .map((line: string) => line.replace(/^#+\s+/, ""));
      assert.ok(headings.length > 2, `${base} has headings`);
      // Under each printed figure: that it is a still of an interactive figure (a slider on paper
      // cannot move, and the text around it may say to drag it).
      const figures = (
        readFileSync(path.join(siteDir, `${base}.html`), "utf8").match(
          /class="downhill-figure"/g,
        ) ?? []
      ).length;
      const caption = squeeze(
        "Static image of an interactive figure: open the handout in a web browser",
      );
      assert.equal(text.split(caption).length - 1, figures, `${base}.pdf: the figures' captions`);
      for (const heading of headings) {
        // Math prints as glyph outlines, not text; the words around it must be there.
        for (const words of heading.split(/\$[^$]*\$/).map((w: string) => w.replace(/[*`_]/g, "")))
          if (squeeze(words))
            assert.ok(text.includes(squeeze(words)), `${base}.pdf lacks the heading "${heading}"`);
      }
    });
  }

  test("each figure is a 1x WebP on the page and an SVG or a 2x WebP in the copy the PDF is printed from", async () => {
    const printed = path.join(root, "build", "handouts", "print");
    const images = (html: string) =>
      [
        ...html.matchAll(/<p class="downhill-figure-note"[^>]*><img src="(data:image\/[^"]+)"/g),
      ].map((m) => m[1]);
    const page = await context.newPage();
    try {
      for (const notebook of notebooks) {
        const file = `${path.basename(notebook, ".ipynb")}.html`;
        const onPage = images(readFileSync(path.join(siteDir, file), "utf8"));
        const forPrint = images(readFileSync(path.join(printed, file), "utf8"));
        assert.equal(forPrint.length, onPage.length, file);
        assert.equal(onPage.length, figureCount(path.join(executedDir, path.basename(notebook))));
        const widths = (urls: string[]) =>
          page.evaluate(
            (list: string[]) =>
              Promise.all(
                list.map(async (src) => {
                  if (src.startsWith("data:image/svg+xml")) return "svg";
                  const img = new Image();
                  img.src = src;
                  await img.decode();
                  return `${src.slice(11, 15)} ${img.naturalWidth}`;
                }),
              ),
            urls,
          );
        for (const width of await widths(onPage)) assert.equal(width, "webp 900", file);
        for (const width of await widths(forPrint))
          assert.ok(["svg", "webp 1800"].includes(width), `${file}: printed as ${width}`);
      }
    } finally {
      await page.close();
    }
  });

  test("in a narrow window a wide formula or code line makes no region a keyboard cannot scroll", async () => {
    const narrow = await browser.newContext({ viewport: { width: 760, height: 900 } });
    await narrow.route(/^(?!file:|data:|blob:)/, (route: any) => route.abort());
    const page = await narrow.newPage();
    const file = path.join(siteDir, "04-backpropagation-tanh-network.html");
    await page.goto(`file://${file}`, { waitUntil: "load", timeout: 120_000 });
    const grave = (await axeViolations(page)).filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    );
    assert.deepEqual(grave, [], "serious or critical accessibility violations at 760 px");
    await narrow.close();
  });

  test("before its far cells are drawn, a page is as tall as once they are: the scroll bar does not jump", async () => {
    const page = await context.newPage();
    try {
      for (const file of readdirSync(siteDir).filter((f) => /^\d\d-.*\.html$/.test(f))) {
        await page.goto(`file://${path.join(siteDir, file)}`, {
          waitUntil: "load",
          timeout: 120_000,
        });
        const height = () => page.evaluate(() => document.documentElement.scrollHeight);
        const [cells, skipped] = await page.evaluate(() => {
          const all = Array.from(document.querySelectorAll(".jp-Cell"));
          const far = all.filter((c) => c.getBoundingClientRect().top > 3 * innerHeight);
          return [all.length, far.length];
        });
        assert.ok(
          skipped > cells / 2,
          `${file}: ${skipped} of ${cells} cells far below the first screen`,
        );
        const before = await height();
        // Every cell drawn, as a drawn `content-visibility: auto` cell is laid out.
        await page.addStyleTag({
          content:
            ".jp-Cell { content-visibility: visible !important; contain: layout style paint; }",
        });
        const after = await height();
        assert.ok(
          Math.abs(after - before) <= after * 0.005,
          `${file}: ${before} px tall, then ${after} px`,
        );
      }
    } finally {
      await page.close();
    }
  });

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

  test("with scripts on, every figure shows its image before plotly.js is ready, in the box the live figure takes, and turns live only near the viewport", async () => {
    const lazy = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await lazy.route(/^(?!file:|data:|blob:)/, (route: any) => route.abort());
    // When plotly.js sets window.Plotly, note which figures already show their image, and each
    // figure's box (the live figure must take the same one).
    await lazy.addInitScript({
      content: `(() => {
        let plotly;
        window.imagesBeforePlotly = null;
        Object.defineProperty(window, "Plotly", {
          configurable: true,
          get: () => plotly,
          set: (value) => {
            plotly = value;
            const figures = Array.from(document.querySelectorAll(".downhill-figure"));
            window.imagesBeforePlotly = figures.filter((f) => {
              const img = f.querySelector(".downhill-figure-note img");
              return img && img.complete && img.naturalWidth > 0 && img.getClientRects().length > 0;
            }).length;
            window.boxesBeforePlotly = figures.map((f) => f.getBoundingClientRect().height);
          },
        });
      })();`,
    });
    const errors: string[] = [];
    const page = await lazy.newPage();
    page.on("console", (m: any) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e: Error) => errors.push(String(e)));
    const file = path.join(siteDir, "03-gradient-descent-linear-neuron.html");
    const figures = figureCount(path.join(executedDir, "03-gradient-descent-linear-neuron.ipynb"));
    await page.goto(`file://${file}`, { waitUntil: "load", timeout: 120_000 });
    await page.waitForFunction(() => (window as any).imagesBeforePlotly !== null, null, {
      timeout: 60_000,
    });
    assert.equal(await page.evaluate(() => (window as any).imagesBeforePlotly), figures);
    // The image fills the figure's box: as wide as the figure, as tall as the live figure will be.
    const first = await page.evaluate(() => {
      const f = document.querySelector(".downhill-figure") as HTMLElement;
      const img = f.querySelector(".downhill-figure-note img") as HTMLElement;
      return {
        figure: f.getBoundingClientRect().toJSON(),
        image: img.getBoundingClientRect().toJSON(),
        minHeight: parseFloat(f.style.minHeight),
      };
    });
    for (const key of ["top", "left", "width", "height"])
      assert.ok(Math.abs(first.image[key] - first.figure[key]) < 1, `the image's ${key}`);
    assert.ok(Math.abs(first.figure.height - first.minHeight) < 1, "the box is the live height");
    // Cells far from the viewport are skipped on screen; print lays out every cell.
    const cellVisibility = () =>
      page.evaluate(() => getComputedStyle(document.querySelector(".jp-Cell")!).contentVisibility);
    assert.equal(await cellVisibility(), "auto");
    await page.emulateMedia({ media: "print" });
    assert.equal(await cellVisibility(), "visible");
    await page.emulateMedia({ media: "screen" });
    const live = (k: number) =>
      page.evaluate(
        (i: number) =>
          document.querySelectorAll(".downhill-figure")[i].classList.contains("js-plotly-plot"),
        k,
      );
    await page.locator(".downhill-figure").first().scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector(".downhill-figure.js-plotly-plot .main-svg") !== null,
      null,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(1500);
    assert.equal(await live(figures - 1), false, "the last figure, far below, is drawn already");
    await page
      .locator(".downhill-figure")
      .nth(figures - 1)
      .scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (i: number) => {
        const f = document.querySelectorAll(".downhill-figure")[i];
        const note = f.querySelector(".downhill-figure-note") as HTMLElement;
        return f.classList.contains("js-plotly-plot") && note.style.display === "none";
      },
      figures - 1,
      { timeout: 60_000 },
    );
    // No layout shift: every figure drawn so far keeps the box its image had.
    const boxes = await page.evaluate(() => ({
      before: (window as any).boxesBeforePlotly as number[],
      after: Array.from(document.querySelectorAll(".downhill-figure")).map((f) => ({
        live: f.classList.contains("js-plotly-plot"),
        height: f.getBoundingClientRect().height,
      })),
    }));
    boxes.after.forEach((box: { live: boolean; height: number }, i: number) => {
      if (box.live)
        assert.ok(Math.abs(box.height - boxes.before[i]) < 2, `figure ${i + 1}'s height changed`);
    });
    await page.screenshot({
      path: path.join(screenshotDir, "03-gradient-descent-linear-neuron.scrolled.png"),
    });
    assert.deepEqual(errors, []);
    await lazy.close();
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
    // Read in the page: the file writes the "·" as a character reference (ascii.mjs). textContent, not
    // innerText: the heading's cell is scrolled far away by now, and content-visibility skips it.
    assert.equal(await page.title(), "90 · Handout fixture", "the no-code page lost its title");
    const heading: string = await page.evaluate(
      () => document.querySelector("h1")?.textContent ?? "",
    );
    assert.match(heading, /^90 · Handout fixture/, "the no-code page lost its heading");
    await page.close();
  });

  test("where scripts do not run, every figure shows its static image and every formula its SVG", async () => {
    const noScripts = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1200, height: 900 },
    });
    await noScripts.route(/^(?!file:|data:|blob:)/, (route: any) => route.abort());
    const pages = [
      ...readdirSync(siteDir)
        .filter((n) => n.endsWith(".html") && n !== "index.html")
        .map((n) => path.join(siteDir, n)),
      path.join(fixtureA, "site", `${fixtureName}.html`),
    ];
    for (const file of pages) {
      const page = await noScripts.newPage();
      await page.goto(`file://${file}`);
      const shown = await page.evaluate(
        () =>
          Array.from(document.querySelectorAll(".downhill-figure-note img")).filter(
            (img) =>
              (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
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
      const lesson = path.join(
        root,
        "notebooks",
        path.basename(file).replace(/(\.no-code)?\.html$/, ".ipynb"),
      );
      if (path.basename(file).startsWith(fixtureName) || markdownHasMath(lesson))
        assert.ok(
          (await page.locator("mjx-container svg").count()) > 0,
          `${path.basename(file)}: no formula drawn without scripts`,
        );
      if (
        [`${fixtureName}.html`, "03-gradient-descent-linear-neuron.html"].includes(
          path.basename(file),
        )
      )
        await page.screenshot({
          path: path.join(screenshotDir, path.basename(file).replace(/\.html$/, ".no-scripts.png")),
          fullPage: true,
        });
      await page.close();
    }
    await noScripts.close();
  });

  test("the executed copies the build keeps to publish carry each figure's image in its note", () => {
    const published = path.join(root, "build", "handouts", "notebooks");
    for (const notebook of notebooks) {
      const name = path.basename(notebook);
      const html = cellsHtml(JSON.parse(readFileSync(path.join(published, name), "utf8")).cells);
      const images = html.match(
        /<p class="downhill-figure-note"[^>]*><img src="data:image\/(svg\+xml|webp)[^"]+" alt="Figure[^"]*"/g,
      );
      assert.equal(images?.length ?? 0, figureCount(path.join(executedDir, name)), name);
    }
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
