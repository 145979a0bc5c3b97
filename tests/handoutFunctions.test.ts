// The handout builder's pure functions (scripts/handouts), without a browser or a kernel: the course
// page's lines, finding a notebook's figures by their structure and putting their images in, and when
// an executed copy of a notebook is fresh enough to reuse (the rule that lets every test share one
// execution of the course).
import assert from "node:assert/strict";
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { staleReason } from "../scripts/handouts/executed.mjs";
import { findFigures, withFigureImages } from "../scripts/handouts/figureImages.mjs";
import { inlineMarkdown, lessonSummary } from "../scripts/handouts/indexPage.mjs";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { figureHtml, plotlyLibraryHtml, withDefaults } from "../src/plot/figure";

test("a lesson's line on the course page is its first heading and the paragraph after it", () => {
  const nb = {
    cells: [
      { cell_type: "code", source: "x" },
      {
        cell_type: "markdown",
        source: [
          "# 2 · Steepest descent\n",
          "\n",
          "*Why the gradient\n",
          "points uphill.*\n",
          "\n",
          "**You will learn**",
        ],
      },
    ],
  };
  assert.deepEqual(lessonSummary(nb), {
    title: "2 · Steepest descent",
    blurb: "Why the gradient points uphill.",
  });
  assert.equal(
    inlineMarkdown("a *b* **c** `d<e>` $x^2$"),
    "a <em>b</em> <strong>c</strong> <code>d&lt;e&gt;</code> $x^2$",
  );
});

test("a notebook's figures are found by their structure, whatever else the figure's div holds, and each gets its image", () => {
  const figures = [{ data: [{ y: [1, 2] }] }, { data: [{ type: "contour", z: [[1, 2]] }] }];
  const [first, second] = figures.map((f, i) => figureHtml(f, `downhill-figure-${i + 1}-x`));
  // Another static image inside the div, attributes in another order: still the same figure.
  const reshaped = second
    .replace(
      '<p class="downhill-figure-note"',
      '<img src="data:image/svg+xml;base64,AA==" alt=""><p class="downhill-figure-note"',
    )
    .replace('class="downhill-figure" role="figure"', 'role="figure" class="downhill-figure"');
  const output = (html: string) => ({ output_type: "display_data", data: { "text/html": html } });
  const nb = {
    cells: [
      { cell_type: "markdown", source: "# 9 · A lesson" },
      {
        cell_type: "code",
        source: "",
        outputs: [output(plotlyLibraryHtml("var Plotly;") + first)],
      },
      { cell_type: "code", source: "", outputs: [output("<p>no figure</p>"), output(reshaped)] },
    ],
  };
  assert.deepEqual(findFigures(nb), [
    { id: "downhill-figure-1-x", figure: withDefaults(figures[0]) },
    { id: "downhill-figure-2-x", figure: withDefaults(figures[1]) },
  ]);
  const image = { url: "data:image/webp;base64,AA==", width: 900, height: 420 };
  const withImages = withFigureImages(
    nb as never,
    new Map(findFigures(nb).map((f) => [f.id, image])),
  );
  const html = withImages.cells
    .flatMap((c: any) => c.outputs ?? [])
    .map((o: any) => o.data["text/html"])
    .join("");
  assert.equal(
    html.match(
      /<div[^>]*class="downhill-figure"[^>]*><p class="downhill-figure-note"[^>]*><img src="data:image\/webp;base64,AA==" alt="Figure[^"]*"/g,
    )?.length,
    2,
  );
  assert.equal(html.includes("svg+xml"), false, "the div holds only the note with its image");
  assert.equal(withImages.metadata?.title, "9 · A lesson");
  assert.deepEqual(findFigures(withImages), findFigures(nb), "the data blocks stay");
  const broken = {
    cells: [
      { outputs: [output(first.replace(/<script type="application\/json"[^<]*<\/script>/, ""))] },
    ],
  };
  assert.throws(() => findFigures(broken), /figure downhill-figure-1-x has no data block/);
});

test("an executed copy is reused only when it is newer than its inputs, has the notebook's code and no error", () => {
  const notebook = (notebookPaths() as string[])[0];
  const dir = mkdtempSync(path.join(tmpdir(), "downhill-executed-"));
  try {
    const copy = path.join(dir, path.basename(notebook));
    assert.equal(staleReason(notebook, dir), "not executed yet");
    const nb = JSON.parse(readFileSync(notebook, "utf8"));
    let count = 0;
    for (const cell of nb.cells) if (cell.cell_type === "code") cell.execution_count = ++count;
    writeFileSync(copy, JSON.stringify(nb));
    assert.equal(staleReason(notebook, dir), null);
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(copy, old, old);
    assert.match(staleReason(notebook, dir) ?? "", /older than its notebook, src/);
    const edited = structuredClone(nb);
    edited.cells.find((c: { cell_type: string }) => c.cell_type === "code").source = "1 + 1";
    writeFileSync(copy, JSON.stringify(edited));
    assert.equal(staleReason(notebook, dir), "its code differs from the notebook");
    const failed = structuredClone(nb);
    failed.cells.find((c: { cell_type: string }) => c.cell_type === "code").outputs = [
      { output_type: "error", ename: "", evalue: "", traceback: [] },
    ];
    writeFileSync(copy, JSON.stringify(failed));
    assert.equal(staleReason(notebook, dir), "it has an error or an unexecuted cell");
    copyFileSync(notebook, copy); // the clean notebook: no cell executed
    assert.equal(staleReason(notebook, dir), "it has an error or an unexecuted cell");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
