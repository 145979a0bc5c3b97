// JupyterLab 4's own output rendering, in headless Chromium: @jupyterlab/outputarea's OutputArea and
// @jupyterlab/rendermime's standard renderers (the HTML sanitizer of an untrusted notebook included),
// bundled with esbuild into build/jupyterlab/outputs.js, render a notebook's saved outputs as
// JupyterLab shows them. No JupyterLab server can be installed here (NOTES.md); these are the same
// renderers the application uses for a cell's outputs.
import { buildSync } from "esbuild";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { buildDir } from "../../scripts/paths.mjs";
import { hashText } from "../../src/plot/figure";

const bundlePath = path.join(buildDir, "jupyterlab", "outputs.js");
const require = createRequire(__filename);

/** The page's entry: `window.renderOutputs(outputs, trusted)` renders them into a new OutputArea. */
const entry = `
import { OutputArea, OutputAreaModel } from "@jupyterlab/outputarea";
import { RenderMimeRegistry, standardRendererFactories } from "@jupyterlab/rendermime";
window.renderOutputs = async (outputs, trusted) => {
  const rendermime = new RenderMimeRegistry({ initialFactories: standardRendererFactories });
  const model = new OutputAreaModel({ trusted });
  const area = new OutputArea({ model, rendermime });
  for (const output of outputs) model.add(output);
  // Attached after rendering, as a notebook attaches a cell: scripts run (when trusted) on insertion.
  await new Promise((resolve) => setTimeout(resolve, 0));
  // Widget.attach, which OutputArea (a Lumino widget) inherits.
  OutputArea.attach(area, document.body);
  return area.node.querySelectorAll(".jp-OutputArea-output").length;
};
`;

/** The bundle's first line: what it was built from (the entry's hash and the packages' versions). */
function bundleHeader(): string {
  const version = (name: string) =>
    JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;
  return (
    `/*! downhill JupyterLab outputs: entry ${hashText(entry)}, @jupyterlab/outputarea ` +
    `${version("@jupyterlab/outputarea")}, @jupyterlab/rendermime ${version("@jupyterlab/rendermime")} */`
  );
}

/** The bundle's source, built when missing or when its first line differs from bundleHeader(). */
export function jupyterLabOutputsBundle(): string {
  const header = bundleHeader();
  if (!existsSync(bundlePath) || readFileSync(bundlePath, "utf8").split("\n", 1)[0] !== header) {
    mkdirSync(path.dirname(bundlePath), { recursive: true });
    buildSync({
      stdin: { contents: entry, resolveDir: path.dirname(require.resolve("../../package.json")) },
      bundle: true,
      format: "iife",
      platform: "browser",
      minify: true,
      banner: { js: header },
      outfile: bundlePath,
      define: { "process.env.NODE_ENV": '"production"', global: "window" },
      loader: { ".css": "empty", ".svg": "text" },
      logLevel: "error",
    });
  }
  return readFileSync(bundlePath, "utf8");
}

/** A saved output as OutputAreaModel takes it: nbformat's multi-line string arrays joined. */
export function joinedOutput(output: Record<string, any>): Record<string, any> {
  const data = output.data
    ? Object.fromEntries(
        Object.entries(output.data as Record<string, unknown>).map(([mime, value]) => [
          mime,
          Array.isArray(value) ? value.join("") : value,
        ]),
      )
    : undefined;
  const text = Array.isArray(output.text) ? output.text.join("") : output.text;
  return { ...output, ...(data ? { data } : {}), ...(text !== undefined ? { text } : {}) };
}

/** Loads the renderers into `page` (a blank page of its own). */
export async function loadJupyterLabOutputs(page: Page): Promise<void> {
  await page.setContent("<!DOCTYPE html><html><body></body></html>");
  await page.addScriptTag({ content: jupyterLabOutputsBundle() });
}

/** Renders `outputs` (saved nbformat outputs) into a fresh OutputArea of the page; how many it shows. */
export async function renderOutputs(
  page: Page,
  outputs: Record<string, any>[],
  trusted: boolean,
): Promise<number> {
  return page.evaluate(
    ({ outputs, trusted }) =>
      (
        window as unknown as {
          renderOutputs(o: unknown[], t: boolean): Promise<number>;
        }
      ).renderOutputs(outputs, trusted),
    { outputs: outputs.map(joinedOutput), trusted },
  );
}
