import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { figureHtml } from "./figure";
import {
  ensurePlotlyBundle,
  plotlyBundleHeader,
  plotlyAttributeDocs,
  plotlyBundlePath,
  plotlyTraceTypes,
} from "./plotlyBundle";

test("the bundle is built when missing, kept when fresh, rebuilt when its header is stale, and the same bytes each time", () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "downhill-plotly-")), "plotly.min.js");
  ensurePlotlyBundle(file);
  const first = readFileSync(file);
  assert.ok(first.toString("utf8").startsWith(plotlyBundleHeader() + "\n"));
  assert.ok(first.length > 1_000_000 && first.length < 2_500_000, `${first.length} bytes`);
  const built = statSync(file).mtimeMs;
  ensurePlotlyBundle(file);
  assert.equal(statSync(file).mtimeMs, built, "a fresh bundle was rebuilt");
  writeFileSync(file, "/*! downhill plotly.js bundle: plotly.js 0.0.1 */\nvar Plotly = {};\n");
  ensurePlotlyBundle(file);
  assert.ok(readFileSync(file).equals(first), "a stale bundle was kept, or rebuilt differently");
});

test("the bundle registers the course's trace types and nothing loads it from a CDN", () => {
  const source = readFileSync(ensurePlotlyBundle(), "utf8");
  assert.equal(ensurePlotlyBundle(), plotlyBundlePath());
  for (const type of plotlyTraceTypes)
    assert.match(source, new RegExp(`moduleType:"trace",name:"${type}"`));
  assert.doesNotMatch(source, /moduleType:"trace",name:"(bar|scattergl|pie|histogram)"/);
  assert.doesNotMatch(source, /cdn\.plot\.ly\/plotly/);
});

test("a figure with a trace type the bundle lacks is an error that says where to add it", () => {
  assert.throws(() => figureHtml({ data: [{ y: [1] }, { type: "bar", x: [1], y: [1] }] }, "f"), {
    name: "InvalidArgumentError",
    message:
      /figureHtml: data\[1\]\.type is "bar".*plotlyTraceTypes in src\/plot\/plotlyBundle\.ts/,
  });
  assert.doesNotThrow(() =>
    figureHtml({ data: [{ type: "contour", z: [[1, 2]] }, { y: [1] }] }, "f"),
  );
});

test("the bundle leaves out plotly.js's attribute docs and keeps the attributes", () => {
  const scatter = readFileSync(
    require.resolve("plotly.js/src/traces/scatter/attributes.js"),
    "utf8",
  );
  const phrases = ["Sets the x coordinates.", "Only relevant when the axis `type` is *date*."];
  for (const phrase of phrases)
    assert.ok(scatter.includes(phrase), `plotly.js no longer says ${phrase}`);
  const source = readFileSync(ensurePlotlyBundle(), "utf8");
  for (const phrase of phrases) assert.ok(!source.includes(phrase), `the bundle carries ${phrase}`);
  assert.match(source, /valType:"data_array"/);
  assert.ok(plotlyBundleHeader().endsWith("attribute docs left out */"));
});

test("the doc patterns take out each form plotly.js writes and nothing around it", () => {
  const strip = (text: string) =>
    plotlyAttributeDocs.reduce((t, doc) => t.replace(new RegExp(doc, "g"), ""), text);
  const declaration = [
    "x: {",
    "    valType: 'data_array',",
    "    description: 'Sets the x coordinates.'",
    "},",
    "y: {",
    "    dflt: 0,",
    "    hrName: 'y_axis',",
    "    description: [",
    "        'Sets the y coordinates',",
    "        'on the ' + axis + ' axis.'",
    "    ].join(' '),",
    "    editType: 'calc'",
    "},",
    "number: {",
    "    requiredOpts: [],",
    "    otherOpts: ['dflt', 'min', 'max'],",
    "    coerceFunction: f",
    "}",
  ].join("\n");
  assert.equal(
    strip(declaration),
    [
      "x: {",
      "    valType: 'data_array',",
      "},",
      "y: {",
      "    dflt: 0,",
      "    editType: 'calc'",
      "},",
      "number: {",
      "    coerceFunction: f",
      "}",
    ].join("\n"),
  );
});
