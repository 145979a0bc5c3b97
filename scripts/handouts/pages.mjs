// One handout page per notebook, made by nbconvert from the notebooks that carry figure images, with the
// course template (template/downhill: nbconvert's lab template, nothing loaded from outside the page).
// Two variants: `NN-name.html` (everything) and `NN-name.no-code.html` (narrative, math, figures;
// nbconvert's --no-input). MathJax 3 is inlined in place of the template's marker, so each page is a
// single file that works offline, from disk, e-mailed or uploaded.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const templateDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "template");
const mathjaxMarker = "<!-- downhill:mathjax -->";

/** A JavaScript source as an inline `<script>` that the HTML parser cannot end early. */
export function inlineScript(source) {
  const safe = source.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "\\x3C!--");
  return `<script type="text/javascript">\n${safe}\n</script>`;
}

/** MathJax 3 (TeX in, SVG out, every TeX extension built in, so it never loads a file). */
export function mathjaxScript() {
  return inlineScript(readFileSync(require.resolve("mathjax/es5/tex-svg-full.js"), "utf8"));
}

/** Page variants: name suffix and the nbconvert options that make it. */
export const variants = [
  { suffix: "", label: "with code", args: [] },
  { suffix: ".no-code", label: "without code", args: ["--no-input"] },
];

/** Converts the notebooks into `outDir` (both variants); returns the file names written. */
export function convertNotebooks(notebooks, outDir, { python, scratchDir }) {
  const mathjax = mathjaxScript();
  const written = [];
  for (const variant of variants) {
    const scratch = path.join(scratchDir, `html${variant.suffix || ".full"}`);
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    const args = ["-m", "nbconvert", "--to", "html", `--TemplateExporter.extra_template_basedirs=${templateDir}`, "--template", "downhill", ...variant.args, "--output-dir", scratch, ...notebooks];
    const run = spawnSync(python, args, { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`nbconvert failed:\n${run.stderr}`);
    for (const name of readdirSync(scratch).filter((n) => n.endsWith(".html")).sort()) {
      const html = readFileSync(path.join(scratch, name), "utf8");
      if (html.split(mathjaxMarker).length !== 2) throw new Error(`${name}: expected one MathJax marker from the template`);
      const target = name.replace(/\.html$/, `${variant.suffix}.html`);
      writeFileSync(path.join(outDir, target), html.replace(mathjaxMarker, () => mathjax));
      written.push(target);
    }
  }
  return written;
}
