// The handout page's rewriting (scripts/handouts/pages.mjs) makes less for the browser to parse and
// must change nothing a reader sees; its script (pageRuntime.ts) must draw every figure from the packed
// data as the notebook drew it. Each is checked in real headless Chromium: the page before and after
// gives the same pixels, text or computed styles, and the page after is smaller (fewer elements, fewer
// bytes, or no character beyond ASCII).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { launchBrowser } from "../scripts/handouts/browser.mjs";
import { parseHtml, renderHtml } from "../scripts/handouts/html.mjs";
import { handoutPage, pageRuntime, purgeStyles } from "../scripts/handouts/pages.mjs";
import { unwrapPlainSpans } from "../scripts/handouts/pages.mjs";
import { compactFormulas, typesetPage } from "../scripts/handouts/math.mjs";
import { pixelDiff } from "./helpers/pixelDiff";
import { figureHtml } from "../src/plot/figure";
import { jupyterPython } from "./helpers/jupyter";
import { codePage } from "./helpers/highlightedCode";

interface Rendering {
  png: Buffer;
  text: string;
  title: string;
  elements: number;
  svgElements: number;
  scripted: string;
  /** Each character of the code blocks: where it is drawn and how (colour, weight, style). */
  characters: string[];
  /** Each glyph of the formulas (an SVG `<use>`): which glyph, and where it is drawn. */
  glyphs: string[];
}

/**
 * Runs in the page. A string, not a function: the TypeScript loader's helpers (e.g. `__name`) do not
 * exist in the page.
 */
const layoutInPage = `(() => {
  const at = (r) => [r.left, r.top, r.width, r.height].map((v) => v.toFixed(2)).join(",");
  const characters = [];
  for (const pre of document.querySelectorAll("pre")) {
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const style = getComputedStyle(node.parentElement);
      for (let i = 0; i < node.data.length; i++) {
        if (/\\s/.test(node.data[i])) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        characters.push([node.data[i], at(range.getBoundingClientRect()), style.color, style.fontWeight, style.fontStyle, style.borderTopStyle].join(" "));
      }
    }
  }
  const glyphs = Array.from(document.querySelectorAll("mjx-container svg use, mjx-container svg rect"))
    .map((u) => (u.getAttribute("xlink:href") || "rect") + " " + at(u.getBoundingClientRect()));
  return { characters, glyphs };
})()`;

/**
 * Runs in the page: every element's computed style, one line per element (its tag and index, then
 * each property but the custom ones, which purgeStyles may drop when nothing reads them).
 */
const computedStylesInPage = `(() => Array.from(document.querySelectorAll("*"), (element, i) => {
  const style = getComputedStyle(element);
  const values = [];
  for (let k = 0; k < style.length; k++)
    if (!style[k].startsWith("--")) values.push(style[k] + ": " + style.getPropertyValue(style[k]));
  return element.tagName + " " + i + " { " + values.join("; ") + " }";
}))()`;

/**
 * Two layout lines (text, then "left,top,width,height", then styles) are the same when their text and
 * styles are and every box edge is within a quarter pixel: a text run shaped whole, not in pieces, may
 * land a few hundredths of a pixel away, which no eye sees; a lost space moves the rest 8 px.
 */
function sameLayout(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const [x, y] = [a.split(" "), b.split(" ")];
  const boxes = [x[1], y[1]].map((box) => box.split(",").map(Number));
  return (
    x.length === y.length &&
    x.every((part, i) => i === 1 || part === y[i]) &&
    boxes[0].every((v, i) => Math.abs(v - boxes[1][i]) <= 0.25)
  );
}

describe("the handout compactions change nothing a reader sees", () => {
  let browser: any;
  let context: any;

  before(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 900, height: 700 } });
    await context.route(/^(?!data:|about:)/, (route: any) => route.abort());
  });
  after(async () => browser?.close());

  async function render(html: string): Promise<Rendering> {
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: "load" });
      return {
        png: await page.screenshot({ fullPage: true }),
        text: await page.evaluate(() => document.body.innerText),
        title: await page.title(),
        elements: await page.evaluate(() => document.getElementsByTagName("*").length),
        svgElements: await page.evaluate(() => document.querySelectorAll("svg *").length),
        scripted: await page.evaluate(() => String((window as any).scripted ?? "")),
        ...(await page.evaluate(layoutInPage)),
      };
    } finally {
      await page.close();
    }
  }

  test("handoutPage writes the page in ASCII: markup, attributes, title and styles read back the same characters", async () => {
    const page =
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>3 · ∇L ≈ 0</title>` +
      `<style>/* ≥ */ p.mark::after { content: "→ ∂"; }</style></head>` +
      `<body><main><p class="mark" title="‖u‖ cos β">f(x+h) ≈ f(x) + f′(x)·h, 𝑥 ∈ ℝ</p>` +
      `<p>&lt;b&gt; &amp; ½</p></main></body></html>`;
    const escaped = await handoutPage(page, { plotly: { text: "" }, runtime: "" });
    assert.match(escaped, /^[\x00-\x7f]*$/, "a character beyond ASCII is left");
    const [a, b] = [await render(page), await render(escaped)];
    assert.equal(b.title, a.title);
    assert.equal(b.text, a.text);
    assert.ok(b.png.equals(a.png), "the escaped page draws other pixels");
  });

  test("unwrapPlainSpans: fewer spans, the same code in the same colours", async () => {
    const doc = parseHtml(codePage);
    unwrapPlainSpans(doc);
    const compacted = renderHtml(doc);
    const [a, b] = [await render(codePage), await render(compacted)];
    assert.equal(b.text, a.text);
    assert.ok(b.elements < a.elements - 10, `${a.elements} → ${b.elements} elements`);
    // Every character at the same place in the same colour, weight and style. (The pixels may differ
    // by the anti-aliasing of a longer text run, never by a moved or recoloured character.)
    assert.ok(a.characters.length >= 30, `${a.characters.length} characters`);
    const moved = b.characters.findIndex((c, i) => !sameLayout(c, a.characters[i]));
    assert.equal(moved, -1, `before: ${a.characters[moved]}; after: ${b.characters[moved]}`);
    assert.equal(b.characters.length, a.characters.length);
    // An unstyled name and a run of spaces lose their span; two bordered spaces stay two boxes.
    assert.equal(/class="(nx|w)"/.test(compacted), false);
    assert.equal((compacted.match(/<span class="err"> <\/span>/g) ?? []).length, 2);
  });

  test("purgeStyles: JupyterLab's stylesheet keeps only what the page uses, every element styled the same", async () => {
    // A real nbconvert page (the lab template, JupyterLab's whole stylesheet) of the handout fixture.
    const run = spawnSync(
      jupyterPython(),
      ["-m", "nbconvert", "--to", "html", "--stdout", "tests/fixtures/handout-fixture.ipynb"],
      { encoding: "utf8", maxBuffer: 64 * 2 ** 20 },
    );
    assert.equal(run.status, 0, run.stderr);
    const page = run.stdout;
    const doc = parseHtml(page);
    await purgeStyles(doc);
    const pruned = renderHtml(doc);
    assert.ok(pruned.length < page.length / 4, `${page.length} → ${pruned.length} characters`);
    const declared = (html: string) => new Set(html.match(/--[\w-]+(?=\s*:)/g));
    const [before, after] = [declared(page), declared(pruned)];
    // The theme's icons (data URLs) are declared, and nothing on the page reads them.
    assert.ok(before.has("--jp-icon-jupyter") && !after.has("--jp-icon-jupyter"));
    assert.ok(after.size < before.size / 2, `${before.size} → ${after.size} custom properties`);
    // Read only through another custom property: stays.
    assert.ok(after.has("--jp-code-font-family-default"));
    const styles = async (html: string) => {
      const tab = await context.newPage();
      try {
        await tab.setContent(html, { waitUntil: "load" });
        return (await tab.evaluate(computedStylesInPage)) as string[];
      } finally {
        await tab.close();
      }
    };
    const [a, b] = [await styles(page), await styles(pruned)];
    assert.ok(a.length > 100, `${a.length} elements`);
    assert.equal(b.length, a.length);
    const changed = b.findIndex((line, i) => line !== a[i]);
    const differs = (x = "", y = "") => x.split("; ").filter((v) => !y.split("; ").includes(v));
    assert.equal(
      changed,
      -1,
      `${a[changed]?.split(" {")[0]}: ${differs(a[changed], b[changed])} → ${differs(b[changed], a[changed])}`,
    );
  });

  test("the page's script draws every figure from the packed data as the notebook would, shared arrays once", async () => {
    // One 50 × 100 grid (47 KB of JSON: more than gzip's 32 KB window) in figures 1 and 3, and in
    // slider steps that figures 3 and 4 share: arrays shared inside shared arrays, three deep.
    const grid = Array.from({ length: 50 }, (_, i) =>
      Array.from({ length: 100 }, (_, j) => Number(Math.sin(100 * i + j).toPrecision(6))),
    );
    const steps = [{ args: [{ z: [grid] }] }, { args: [{ z: [grid] }] }];
    const figures = [
      { data: [{ type: "contour", z: grid, name: "w\u2081 < 1" }] },
      { data: [{ type: "contour", z: [[0.5]] }] },
      { data: [{ type: "contour", z: grid }], layout: { sliders: [{ steps }] } },
      { data: [{ y: [1] }], layout: { sliders: [{ steps }] } },
    ];
    const ids = figures.map((_, i) => `downhill-figure-${i + 1}`);
    const outputs = figures.map((f, i) => figureHtml(f, ids[i]));
    const notebookJson = outputs.map((html) =>
      JSON.parse(html.match(/<script type="application\/json"[^>]*>([^<]*)</)![1]),
    );
    // An nbconvert page: each figure in an output area, with its own script and data block.
    const page =
      `<!DOCTYPE html><html><head><title>t</title></head><body><main>` +
      outputs.map((html) => `<div class="jp-OutputArea-output">${html}</div><p>text</p>`).join("") +
      `</main></body></html>`;
    // A stand-in for plotly.js that notes what it is asked to draw.
    const plotly = `window.Plotly = { newPlot(element, figure) {
      (window.drawn = window.drawn || {})[element.id] = figure;
      element.classList.add("js-plotly-plot");
      return Promise.resolve();
    } };`;
    const handout = await handoutPage(page, { plotly: { text: plotly }, runtime: pageRuntime() });
    assert.equal(
      /<script type="application\/json"|<script type="text\/javascript"/.test(handout),
      false,
    );
    const packed = handout.match(/id="downhill-figure-data">([A-Za-z0-9+/=]+)</)?.[1] ?? "";
    const lines = gunzipSync(Buffer.from(packed, "base64")).toString("utf8").split("\n");
    const gridText = JSON.stringify(grid);
    assert.equal(lines.join("\n").split(gridText).length - 1, 1, "the grid travels once");
    assert.deepEqual(
      lines.slice(-4).map((line) => line.split("\t")[0]),
      ids,
    );
    const tab = await context.newPage();
    try {
      await tab.setViewportSize({ width: 900, height: 4000 });
      await tab.setContent(handout, { waitUntil: "load" });
      await tab.waitForFunction(
        (n: number) => Object.keys((window as any).drawn ?? {}).length === n,
        ids.length,
      );
      const drawn = await tab.evaluate(() => (window as any).drawn);
      ids.forEach((id, i) =>
        assert.deepEqual(drawn[id], notebookJson[i], `${id} came back changed`),
      );
      const notes = await tab.evaluate(() =>
        Array.from(
          document.querySelectorAll<HTMLElement>(".downhill-figure-note"),
          (n) => n.style.display,
        ),
      );
      assert.deepEqual(
        notes,
        ids.map(() => "none"),
        "each note hidden once its figure is drawn",
      );
    } finally {
      await tab.close();
    }
  });
  test("compactFormulas: the formulas' SVG has fewer elements and draws the same pixels", async () => {
    const tex = [
      String.raw`Inline $y = w_1 x_1 + w_2 x_2 = \mathbf{w}\cdot\mathbf{x}$ and $\tanh'(h) = 1 - \tanh^2 h$.`,
      String.raw`$$E = \tfrac12 \sum_{n=1}^{N} \bigl(y_n - t_n\bigr)^2 \tag{1}$$`,
      String.raw`$$\frac{\partial E}{\partial w^{(1)}_{ji}} = \delta_j x_i,\qquad \delta_j = (1 - z_j^2) \sum_k w^{(2)}_{kj}\,\delta_k$$`,
      String.raw`$$\nabla L = \begin{pmatrix} \partial L / \partial w_1 \\ \partial L / \partial w_2 \end{pmatrix}, \quad u \cdot \nabla L = \|u\|\,\|\nabla L\| \cos\beta$$`,
      String.raw`\begin{align} f(x+h) &\approx f(x) + f'(x)\,h \\ \sqrt{\hat v_t} + \epsilon &> 0 \end{align}`,
    ];
    const source = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${tex.map((t) => `<p>${t}</p>`).join("")}</body></html>`;
    const plain = typesetPage(source);
    assert.deepEqual(plain.errors, []);
    const doc = parseHtml(plain.html);
    compactFormulas(doc);
    const compact = { html: renderHtml(doc) };
    const [a, b] = [await render(plain.html), await render(compact.html)];
    assert.ok(
      b.svgElements < a.svgElements * 0.85,
      `${a.svgElements} → ${b.svgElements} SVG elements`,
    );
    assert.equal(b.text, a.text);
    // Every glyph at the same place, to a hundredth of a pixel, and the same pixels but for the
    // anti-aliasing of a transform multiplied out in another order (a channel step of 16 in 255 on
    // an edge, below what an eye tells apart; a lost stroke or a clipped glyph is far more).
    assert.ok(a.glyphs.length > 100);
    const moved = b.glyphs.findIndex((g, i) => !sameLayout(g, a.glyphs[i]));
    assert.equal(moved, -1, `before: ${a.glyphs[moved]}; after: ${b.glyphs[moved]}`);
    assert.equal(b.glyphs.length, a.glyphs.length);
    const page = await context.newPage();
    const diff = await pixelDiff(page, a.png, b.png);
    await page.close();
    assert.ok(diff.sameSize && diff.largest <= 16, `pixels differ by up to ${diff.largest} in 255`);
    // Names only MathJax's scripts read are gone; those its stylesheet selects on stay.
    const named = (html: string) => (html.match(/data-mml-node=/g) ?? []).length;
    assert.ok(named(compact.html) < named(plain.html) / 2);
    assert.match(compact.html, /<use data-c="/);
    assert.match(compact.html, /data-mml-node="mtable"/);
    // Inside a table only the levels the stylesheet selects on stay whole: the cells are compacted.
    const tableElements = (html: string) =>
      (html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [])
        .filter((svg) => svg.includes('data-mml-node="mtable"'))
        .reduce((sum, svg) => sum + (svg.match(/<[a-z]/g) ?? []).length, 0);
    assert.ok(
      tableElements(compact.html) < tableElements(plain.html) * 0.7,
      `${tableElements(plain.html)} → ${tableElements(compact.html)} elements in the tables`,
    );
  });
});
