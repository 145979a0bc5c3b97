// The HTML handouts of the course (`npm run handouts --pdf`: dist/handouts), opened from disk in real
// Chromium with the network cut off: every page loads with no request leaving file://, no console
// error, every figure drawn live, every formula typeset at build time (SVG, no MathJax runtime, shown
// with scripts off too), links that resolve, figure images for print, the weight budget (page ≤ 3 MB,
// executed notebook ≤ 2 MB), the PDFs, and no serious or critical axe-core violation (WCAG 2 A/AA and
// best practices). Built once, from the executed notebooks of tests/helpers/executedNotebooks.ts
// (shared with the other tests: fresh copies reused, the rest executed first), so the test does not
// depend on another test file having run. The fixture notebook's builds (slider, animation, no-code
// page, --shared, byte-identical builds): tests/handoutFixture.test.ts. Page checks:
// tests/helpers/handoutPages.ts. Screenshots for review: build/handouts/screenshots/<page>.png
// (screen) and <page>.print.png (print).
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { launchBrowser, offlineContext } from "../scripts/handouts/browser.mjs";
import { cellsHtml } from "./helpers/notebookHtml";
import { executedDir, executedNotebooks } from "./helpers/executedNotebooks";
import {
  axeViolations,
  build,
  checkHandout,
  checkWithoutScripts,
  figureCount,
  markdownHasMath,
  root,
  screenshotDir,
} from "./helpers/handoutPages";
import { pdfPages } from "./helpers/pdfText";

const siteDir = path.join(root, "dist", "handouts");
/** Budgets of issue 15: a single-file lesson page, and an executed notebook (plotly.js inside). */
const maxPageBytes = 3_000_000;
const maxExecutedNotebookBytes = 2_000_000;
/**
 * Runs in the page: waits until the figures' drawing has settled (none half drawn, nothing changing
 * over a task and two animation frames), then returns each figure's state: "live" (drawn, its image
 * hidden), "drawing" or "image". A string, not a function: the TypeScript loader's helpers do not exist
 * in the page.
 */
const drawingSettled = `(async () => {
  const state = () => Array.from(document.querySelectorAll(".downhill-figure"), (f) => {
    if (!f.classList.contains("js-plotly-plot")) return "image";
    const note = f.querySelector(".downhill-figure-note");
    return !note || note.style.display === "none" ? "live" : "drawing";
  });
  const turn = () => new Promise((done) =>
    setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(done)), 0));
  for (;;) {
    const before = state().join();
    if (before.includes("drawing")) { await turn(); continue; }
    await turn();
    await turn();
    if (state().join() === before) return state();
  }
})()`;

describe("the HTML handouts", () => {
  const notebooks: string[] = notebookPaths();
  let browser: any;
  let context: any;
  let blocked: string[] = [];

  before(async () => {
    executedNotebooks();
    build(["--pdf"]);
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
          html.match(
            /<script type="application\/octet-stream" id="downhill-plotly">[A-Za-z0-9+/=]{100000,}<\/script>/g,
          )?.length,
          1,
          `${page}: plotly.js is not there once, in the data block the browser does not compile`,
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
      // ASCII only (scripts/handouts/html.mjs, renderHtml): Chromium parses it in 8-bit strings.
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
    await page.locator(".downhill-figure").first().scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector(".downhill-figure.js-plotly-plot .main-svg") !== null,
      null,
      { timeout: 60_000 },
    );
    // Not a timer: wait until the page has drawn everything it is going to draw for this viewport
    // (no figure half drawn, and nothing changes over a task and two frames, in which the page's queue
    // would start its next figure), while the last figure stays far below. Only then is "not drawn
    // yet" evidence that it waits to come near.
    const settled: string[] = await page.evaluate(drawingSettled);
    assert.ok(settled[0] === "live", `the first figure is drawn: ${settled.join(", ")}`);
    assert.equal(settled[figures - 1], "image", "the last figure, far below, is drawn already");
    assert.ok(
      await page.evaluate(
        (i: number) =>
          document.querySelectorAll(".downhill-figure")[i].getBoundingClientRect().top >
          3 * innerHeight,
        figures - 1,
      ),
      "the last figure was kept far below the viewport",
    );
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

  test("where scripts do not run, every figure shows its static image and every formula its SVG", async () => {
    const pages = readdirSync(siteDir)
      .filter((n) => n.endsWith(".html") && n !== "index.html")
      .map((n) => path.join(siteDir, n));
    const lesson = (file: string) =>
      path.join(root, "notebooks", path.basename(file).replace(/(\.no-code)?\.html$/, ".ipynb"));
    await checkWithoutScripts(browser, pages, (file) => markdownHasMath(lesson(file)), [
      "03-gradient-descent-linear-neuron.html",
    ]);
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
});
