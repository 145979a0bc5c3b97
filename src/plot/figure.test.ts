import assert from "node:assert/strict";
import { test } from "node:test";
import { figureHtml, hashText, plotlyLibraryHtml, scriptSafeJson, withDefaults } from "./figure";
import { plotlySource } from "./showFigure";

test("figure JSON cannot close its script element early", () => {
  const html = figureHtml({ data: [{ y: [1], name: "</script><script>alert(1)</script>" }] }, "f1");
  assert.equal(html.match(/<\/script>/g)?.length, 1);
  assert.match(html, /\\u003c\/script>/);
  assert.equal(JSON.parse(scriptSafeJson({ a: "<b>" })).a, "<b>");
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

test("the library loader carries plotly.js inline and loads it only once per page", () => {
  const html = plotlyLibraryHtml(plotlySource());
  assert.match(html, /^<script type="text\/javascript">if \(!window.Plotly\) \{/);
  assert.ok(html.length > 1_000_000);
  assert.equal(html.match(/<\/script>/gi)?.length, 1);
  assert.equal(html.includes("<!--"), false);
});

test("the figure's script hides its note instead of removing it, so a printed handout can show the static image", () => {
  const html = figureHtml({ data: [{ y: [1] }] }, "f1");
  assert.match(html, /<p class="downhill-figure-note"/);
  assert.match(html, /note\.style\.display = "none"/);
  assert.doesNotMatch(html, /note\.remove\(\)/);
});
