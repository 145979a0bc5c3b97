/**
 * The course's own plotly.js: a partial bundle with only the trace types the course draws, built from
 * the `plotly.js` package's modules (`plotly.js/lib/core` + `plotly.js/lib/<trace>`) with esbuild into
 * `build/plotly/plotly.min.js` (build output, never committed). One bundle for everything: the
 * notebooks (showFigure inlines it in a session's first figure), the handouts and their figure images.
 * It is built on demand — when missing, or when its header does not name the installed plotly.js and
 * esbuild versions and the trace list — so a fresh clone, `npm ci`, or a plotly.js upgrade never leaves
 * a stale copy. As plotly.js's own minified builds do, it leaves out the documentation its attribute
 * declarations carry (plotlyAttributeDocs). About 1.6 MB minified, against 4.8 MB for the full
 * `plotly.js-dist-min`.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync } from "fs";
import { createRequire } from "module";
import path from "path";

/** Running in Deno (its Jupyter kernel), where modules are ES modules and `process.execPath` is deno. */
const inDeno = (): boolean => "Deno" in globalThis;

/**
 * Node's module resolution: `require` itself under Node and tslab (CommonJS); under Deno, which has
 * none in an ES module, one that resolves from the working directory (the notebook's folder, inside
 * the project, where Deno resolves the notebook's own imports from).
 */
const nodeRequire = (): NodeJS.Require =>
  typeof require === "function" ? require : createRequire(path.join(process.cwd(), "notebook.js"));

/**
 * The plotly.js trace types the course uses (every `type:` of a trace in src/plot and the lessons).
 * A figure with another type draws nothing: add the type here (tests/siteHandouts checks each figure).
 * @example plotlyTraceTypes.includes("contour"); // => true
 */
export const plotlyTraceTypes: readonly string[] = [
  "scatter",
  "contour",
  "heatmap",
  "surface",
  "scatter3d",
  "cone",
];

/**
 * The documentation in plotly.js's attribute declarations, as patterns (RegExp sources) of its source
 * text: `description` strings (one line, or an array of lines joined), `hrName`, and coerce's
 * `requiredOpts` / `otherOpts` lists. They feed plotly.js's plot-schema reference and are never read
 * when a figure draws; plotly.js's own minified builds strip the same. The bundle is made without
 * them (157 KB less of 1.77 MB: less for every page to carry and for the browser to compile). A
 * pattern that cut into code would make the build fail, not a figure go wrong in silence: what is
 * left must still parse.
 * @example "  description: 'Sets the x coordinates.',".replace(new RegExp(plotlyAttributeDocs[0], "g"), ""); // => ""
 */
export const plotlyAttributeDocs: readonly string[] = [
  String.raw`\s*description: '.*',?`,
  String.raw`\s*description: \[[\s\S]*?\]\.join\([\s\S]*?\),?`,
  String.raw`\s*hrName: '.*',?`,
  String.raw`\s*requiredOpts: \[[\s\S]*?\],?`,
  String.raw`\s*otherOpts: \[[\s\S]*?\],?`,
];

const packageVersion = (name: string): string =>
  JSON.parse(readFileSync(nodeRequire().resolve(`${name}/package.json`), "utf8")).version;

/**
 * The project folder (the one holding node_modules), found through the installed plotly.js, so it is
 * right from src/, from notebooks/src (a link to src) and from scripts alike.
 * @example path.basename(projectFolder()); // e.g. "downhill"
 */
export function projectFolder(): string {
  return path.resolve(
    realpathSync(nodeRequire().resolve("plotly.js/package.json")),
    "..",
    "..",
    "..",
  );
}

/**
 * Where the bundle is written: `<project>/build/plotly/plotly.min.js`.
 * @example plotlyBundlePath().endsWith("build/plotly/plotly.min.js"); // => true
 */
export function plotlyBundlePath(): string {
  return path.join(projectFolder(), "build", "plotly", "plotly.min.js");
}

/**
 * The bundle's first line: what it was built from. A bundle whose first line differs is rebuilt.
 * @example plotlyBundleHeader(); // => "/*! downhill plotly.js bundle: plotly.js 4.1.1, esbuild 0.28.2, traces scatter contour … *\/"
 */
export function plotlyBundleHeader(): string {
  return (
    `/*! downhill plotly.js bundle: plotly.js ${packageVersion("plotly.js")}, ` +
    `esbuild ${packageVersion("esbuild")}, traces ${plotlyTraceTypes.join(" ")}, ` +
    `attribute docs left out */`
  );
}

/** The entry module esbuild bundles: plotly.js's core with the course's trace types registered. */
function entrySource(): string {
  const traces = plotlyTraceTypes.map((t) => `  require("plotly.js/lib/${t}"),`).join("\n");
  return `var Plotly = require("plotly.js/lib/core");\nPlotly.register([\n${traces}\n]);\nmodule.exports = Plotly;\n`;
}

/**
 * The child's program: esbuild's build with a plugin that takes plotlyAttributeDocs out of every
 * plotly.js source file as it is loaded. Arguments: esbuild's path, the build options, the patterns.
 */
const buildScript = `
const [esbuildPath, options, patterns] = process.argv.slice(1);
const fs = require("fs");
const docs = JSON.parse(patterns).map((p) => new RegExp(p, "g"));
const leaveOutDocs = {
  name: "downhill-plotly-attribute-docs",
  setup(build) {
    build.onLoad({ filter: /[\\\\/]plotly\\.js[\\\\/]src[\\\\/].*\\.js$/ }, async ({ path }) => {
      const source = await fs.promises.readFile(path, "utf8");
      return { contents: docs.reduce((text, doc) => text.replace(doc, ""), source), loader: "js" };
    });
  },
};
require(esbuildPath)
  .build({ ...JSON.parse(options), plugins: [leaveOutDocs] })
  .catch(() => process.exit(1));
`;

/**
 * Builds the bundle into `file` (default plotlyBundlePath()) when it is missing or stale; returns `file`. Deterministic (same inputs, same
 * bytes) and safe when two processes build at once (each writes a temporary file, then renames it).
 * @example readFileSync(ensurePlotlyBundle(), "utf8").startsWith("/*! downhill plotly.js bundle"); // => true
 */
export function ensurePlotlyBundle(file: string = plotlyBundlePath()): string {
  const header = plotlyBundleHeader();
  if (existsSync(file) && readFileSync(file, "utf8").slice(0, header.length + 1) === header + "\n")
    return file;
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  // esbuild runs plugins (here, the one that leaves the docs out) only in its asynchronous build, and
  // this function is synchronous for its callers (a notebook's first figure): a child Node runs it.
  const options = {
    stdin: { contents: entrySource(), resolveDir: projectFolder(), sourcefile: "plotly-entry.js" },
    bundle: true,
    format: "iife",
    globalName: "Plotly",
    minify: true,
    outfile: temporary,
    target: "es2016",
    // As plotly.js's own esbuild-config.js: a browser global, no AMD, its own regl flavour.
    define: { global: "window", "define.amd": "false" },
    alias: { regl: "@plotly/regl", stream: "stream-browserify" },
    // The only stylesheet plotly.js imports is for map traces, which the course does not use.
    loader: { ".css": "empty" },
    banner: { js: header },
    logLevel: "error",
  };
  // Under Deno the child is the Node that installed the course (first on PATH).
  const child = spawnSync(
    inDeno() ? "node" : process.execPath,
    [
      "-e",
      buildScript,
      nodeRequire().resolve("esbuild"),
      JSON.stringify(options),
      JSON.stringify(plotlyAttributeDocs),
    ],
    { encoding: "utf8" },
  );
  if (child.status !== 0)
    throw new Error(
      `ensurePlotlyBundle: building ${file} failed (${child.error?.message ?? `exit ${child.status}`}): ${child.stderr}`,
    );
  renameSync(temporary, file);
  return file;
}

/**
 * The bundle's source text, built first when needed.
 * @example plotlyBundleSource().length > 1_000_000; // => true
 */
export function plotlyBundleSource(): string {
  return readFileSync(ensurePlotlyBundle(), "utf8");
}
