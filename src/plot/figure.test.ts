import assert from "node:assert/strict";
import { test } from "node:test";
import { runInNewContext } from "node:vm";
import { gunzipSync } from "node:zlib";
import {
  figureDescription,
  figureHtml,
  hashText,
  packText,
  plotlyLibraryHtml,
  roundedForDisplay,
  scriptSafeJson,
  unpackTextJs,
  withDefaults,
} from "./figure";
import { plotlySource } from "./showFigure";

test("figure JSON cannot close its script element early", () => {
  const name = "</script><script>alert(1)</script>";
  const html = figureHtml({ data: [{ y: [1], name }] }, "f1");
  assert.equal(html.match(/<\/script>/g)?.length, 2, "the data block and the script");
  assert.match(html, /\\u003c\/script>/);
  const json = html.match(/<script type="application\/json" id="f1-data">([^<]*)<\/script>/)?.[1];
  assert.equal(JSON.parse(json ?? "null").data[0].name, name);
  assert.equal(JSON.parse(scriptSafeJson({ a: "<b>" })).a, "<b>");
});

test("the figure's JSON is a data block the browser does not compile, parsed only when it draws", () => {
  const html = figureHtml({ data: [{ y: [1, 4, 9], name: "squares" }] }, "f1");
  const code = html.match(/<script type="text\/javascript">([\s\S]*)<\/script>$/)?.[1] ?? "";
  assert.doesNotMatch(code, /squares|\[1,4,9\]/);
  assert.match(code, /getElementById\("f1-data"\)/);
  assert.match(code, /JSON\.parse\(data\.textContent\)/);
});

test("a NaN or ∞ in a figure is an error that says where, never a silent gap", () => {
  assert.throws(() => figureHtml({ data: [{ y: [1, 2] }, { x: [0, 1], y: [3, NaN] }] }, "f"), {
    name: "InvalidArgumentError",
    message: /figureHtml: data\[1\].y\[1\] is NaN/,
  });
  assert.throws(
    () => figureHtml({ data: [{ z: [[1, Infinity]] }] }, "f"),
    /data\[0\].z\[0\]\[1\] is Infinity/,
  );
  assert.doesNotThrow(() => figureHtml({ data: [{ y: [1, null, 3] }] }, "f"));
  assert.throws(
    () =>
      figureHtml({ data: [], layout: { sliders: [{ steps: [{ args: [{ y: [[NaN]] }] }] }] } }, "f"),
    /layout\.sliders\[0\]\.steps\[0\]\.args\[0\]\.y\[0\]\[0\] is NaN/,
  );
});

test("the course layout fills in what the caller leaves out and keeps what it sets", () => {
  const full = withDefaults({ data: [], layout: { height: 300, margin: { t: 10 } } });
  assert.equal(full.layout?.height, 300);
  assert.deepEqual(full.layout?.margin, { l: 60, r: 30, t: 10, b: 50 });
  assert.equal(full.config?.displaylogo, false);
});

test("ids are deterministic hashes", () => {
  assert.equal(hashText(""), "811c9dc5");
  assert.equal(hashText("abc"), hashText("abc"));
  assert.notEqual(hashText("abc"), hashText("abd"));
});

test("the library loader carries plotly.js inline, gzipped, and loads it only once per page", () => {
  const source = plotlySource();
  const html = plotlyLibraryHtml(source);
  assert.match(
    html,
    /^<script type="text\/javascript">if \(!window.Plotly && !window.downhillPlotlyLoading\) \{/,
  );
  const packed = html.match(/atob\("([A-Za-z0-9+/=]+)"\)/)?.[1] ?? "";
  assert.equal(gunzipSync(Buffer.from(packed, "base64")).toString("utf8"), source);
  assert.ok(html.length < source.length / 2, `${html.length} characters for ${source.length}`);
  assert.equal(html.match(/<\/script>/gi)?.length, 1);
  assert.equal(html.includes("<!--"), false);
});

test("packed text unpacks in the page to the same characters (DecompressionStream, as in a browser)", async () => {
  const text = "½Σ(y−t)² \t\n" + "w".repeat(10_000);
  const packed = packText(text);
  assert.match(packed, /^[A-Za-z0-9+/=]+$/);
  assert.ok(packed.length < text.length / 10, `${packed.length} characters for ${text.length}`);
  const unpack = new Function("packed", `return ${unpackTextJs("packed")};`);
  assert.equal(await unpack(packed), text);
});

test("the figure's script hides its note instead of removing it, so a printed handout can show the static image", () => {
  const html = figureHtml({ data: [{ y: [1] }] }, "f1");
  assert.match(html, /<p class="downhill-figure-note"/);
  assert.match(html, /note\.style\.display = "none"/);
  assert.doesNotMatch(html, /note\.remove\(\)/);
});

test("the figure's note carries its static SVG image (data URL, with alt text) before the no-script line", () => {
  const html = figureHtml({ data: [{ y: [1, 4, 9], name: "squares" }] }, "f1");
  const note = /<p class="downhill-figure-note"[^>]*>(.*?)<\/p><\/div>/.exec(html)?.[1] ?? "";
  const image =
    /^<img src="data:image\/svg\+xml;base64,([^"]+)" alt="([^"]+)" width="900" height="420"/.exec(
      note,
    );
  assert.ok(image, note.slice(0, 120));
  assert.match(
    Buffer.from(image[1], "base64").toString(),
    /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
  );
  assert.equal(image[2], "Figure. Curves or points. Traces: squares. (Static image.)");
  assert.match(
    note,
    /<br>Static image: the interactive figure appears when the notebook is trusted/,
  );
});

test("a figure the static drawing cannot read still draws live, its image saying why there is no picture", () => {
  const html = figureHtml({ data: [{ type: "contour", z: [1, 2, 3] }] }, "f1");
  const image = /<img src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html);
  assert.ok(image);
  assert.match(Buffer.from(image[1], "base64").toString(), /No static image of this figure: /);
  assert.match(html, /window\.Plotly\.newPlot\(element, JSON\.parse\(data\.textContent\)\)/);
});

test("a figure keeps 6 significant digits: no 17-digit floats, integers and the shape untouched", () => {
  assert.deepEqual(roundedForDisplay({ y: [0.1 + 0.2, 3, -1234567.89, 1e-20 / 3], n: null }), {
    y: [0.3, 3, -1234570, 3.33333e-21],
    n: null,
  });
  const html = figureHtml({ data: [{ x: [1, 2], y: [Math.PI, Math.E] }] }, "f");
  assert.match(html, /"y":\[3\.14159,2\.71828\]/);
  // A slider step's args carry traces in the layout: they are rounded as the data is.
  const slider = figureHtml(
    {
      data: [{ x: [0], y: [0] }],
      layout: { sliders: [{ steps: [{ method: "restyle", args: [{ x: [[-1 + 0.07]] }] }] }] },
    },
    "s",
  );
  assert.doesNotMatch(slider, /\d{10}/);
  assert.match(slider, /"args":\[\{"x":\[\[-0\.93\]\]\}\]/);
});

test("every figure says in words what it shows: title, kind of plot, axis titles, trace names", () => {
  const figure = {
    data: [
      { type: "contour", z: [[1, 2]], name: "E(w)" },
      { type: "scatter", x: [0], y: [0], name: "gradient <b>descent</b>" },
    ],
    layout: {
      title: { text: "Error surface<br>of the neuron" },
      xaxis: { title: { text: "w<sub>0</sub>" } },
      yaxis: { title: "w1" },
    },
  };
  const description =
    "Figure: Error surface of the neuron. A contour map, curves or points; x axis: w0; y axis: w1. Traces: E(w), gradient descent.";
  assert.equal(figureDescription(figure), description);
  assert.equal(
    figureDescription({
      data: [{ type: "surface", z: [[1]] }],
      layout: { scene: { zaxis: { title: { text: "E" } } } },
    }),
    "Figure. A 3-D surface; z axis: E.",
  );
  assert.match(
    figureHtml(figure, "f"),
    /<div id="f" class="downhill-figure" role="figure" aria-label="Figure: Error surface of the neuron\. A contour map/,
  );
});

/** Runs a figure's script against a stand-in page: a document with the figure's div and its note. */
function runFigureScript(html: string) {
  const note = { style: { display: "" } };
  const element = { querySelector: () => note };
  const plotted: unknown[] = [];
  const window = {
    Plotly: { newPlot: (el: unknown, figure: unknown) => plotted.push([el, figure]) },
  };
  const script = html.match(/<script type="text\/javascript">([\s\S]*)<\/script>$/)?.[1] ?? "";
  const data = { textContent: html.match(/<script type="application\/json"[^>]*>([^<]*)</)?.[1] };
  const getElementById = (id: string) => (id.endsWith("-data") ? data : element);
  runInNewContext(script, { window, document: { getElementById }, setTimeout });
  return { note, plotted };
}

test("in a notebook a figure draws at once from its data block and hides its note", () => {
  const { note, plotted } = runFigureScript(figureHtml({ data: [{ y: [1] }] }, "f1"));
  assert.equal(plotted.length, 1, "drawn at once");
  const drawn = JSON.stringify((plotted[0] as unknown[])[1]);
  assert.equal(drawn, JSON.stringify(withDefaults({ data: [{ y: [1] }] })));
  assert.equal(note.style.display, "none");
});
