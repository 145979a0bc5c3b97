/**
 * The course's own plotly.js: a partial bundle with only the trace types the course draws, built from
 * the `plotly.js` package's modules (`plotly.js/lib/core` + `plotly.js/lib/<trace>`) with esbuild into
 * `build/plotly/plotly.min.js` (build output, never committed). One bundle for everything: the
 * notebooks (showFigure inlines it in a session's first figure), the handouts and their figure images.
 * It is built on demand — when missing, or when its header does not name the installed plotly.js and
 * esbuild versions and the trace list — so a fresh clone, `npm ci`, or a plotly.js upgrade never leaves
 * a stale copy. About 1.8 MB minified, against 4.8 MB for the full `plotly.js-dist-min`.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from "fs";
import path from "path";

/**
 * The plotly.js trace types the course uses (every `type:` of a trace in src/plot and the lessons).
 * A figure with another type draws nothing: add the type here (tests/site-handouts checks each figure).
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

const packageVersion = (name: string): string =>
  JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;

/**
 * The project folder (the one holding node_modules), found through the installed plotly.js, so it is
 * right from src/, from notebooks/src (a link to src) and from scripts alike.
 * @example path.basename(projectFolder()); // => e.g. "downhill"
 */
export function projectFolder(): string {
  return path.resolve(realpathSync(require.resolve("plotly.js/package.json")), "..", "..", "..");
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
    `esbuild ${packageVersion("esbuild")}, traces ${plotlyTraceTypes.join(" ")} */`
  );
}

/** The entry module esbuild bundles: plotly.js's core with the course's trace types registered. */
function entrySource(): string {
  const traces = plotlyTraceTypes.map((t) => `  require("plotly.js/lib/${t}"),`).join("\n");
  return `var Plotly = require("plotly.js/lib/core");\nPlotly.register([\n${traces}\n]);\nmodule.exports = Plotly;\n`;
}

/**
 * Builds the bundle into `file` (default plotlyBundlePath()) when it is missing or stale; returns `file`. Deterministic (same inputs, same
 * bytes) and safe when two processes build at once (each writes a temporary file, then renames it).
 * @example readFileSync(ensurePlotlyBundle(), "utf8").startsWith("/*! downhill plotly.js bundle"); // => true
 */
export function ensurePlotlyBundle(file: string = plotlyBundlePath()): string {
  const header = plotlyBundleHeader();
  if (existsSync(file) && readFileSync(file, "utf8").slice(0, header.length + 1) === header + "\n")
    return file;
  // Loaded only when a build is needed: esbuild is a build tool, not a dependency of every figure.
  const esbuild = require("esbuild") as typeof import("esbuild");
  const result = esbuild.buildSync({
    stdin: { contents: entrySource(), resolveDir: projectFolder(), sourcefile: "plotly-entry.js" },
    bundle: true,
    format: "iife",
    globalName: "Plotly",
    minify: true,
    write: false,
    target: "es2016",
    // As plotly.js's own esbuild-config.js: a browser global, no AMD, its own regl flavour.
    define: { global: "window", "define.amd": "false" },
    alias: { regl: "@plotly/regl", stream: "stream-browserify" },
    // The only stylesheet plotly.js imports is for map traces, which the course does not use.
    loader: { ".css": "empty" },
    banner: { js: header },
    logLevel: "silent",
  });
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents);
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
