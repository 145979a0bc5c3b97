// The course page of the handouts (index.html): the title, one line per lesson (its first heading and
// blurb, with links to both variants of its handout and its PDF), and how to run the notebooks live.
// Its math is typeset at build time (math.mjs), as on the lesson pages.
import { escapeHtml } from "../../src/display/format.ts";
import { parseHtml, renderHtml } from "./html.mjs";
import { typesetPage } from "./math.mjs";

/** @typedef {import("../notebookFormat.mjs").Notebook} Notebook */

/**
 * Inline markdown of one line (code, bold, italic) as HTML; `$…$` math is left for math.mjs.
 * @param {string} text
 */
export function inlineMarkdown(text) {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*\\])\*([^*]+)\*/g, "$1<em>$2</em>");
}

/**
 * A lesson's first `#` heading and the paragraph after it (the blurb), as markdown text.
 * @param {Notebook} nb
 * @returns {{ title: string | null, blurb: string }}
 */
export function lessonSummary(nb) {
  const text = nb.cells
    .filter((c) => c.cell_type === "markdown")
    .map((c) => [c.source].flat().join(""))
    .join("\n\n");
  const lines = text.split("\n");
  const at = lines.findIndex((l) => /^#\s/.test(l));
  if (at < 0) return { title: null, blurb: "" };
  const rest = lines.slice(at + 1);
  const start = rest.findIndex((l) => l.trim() !== "");
  const paragraph = [];
  for (const line of rest.slice(Math.max(start, 0))) {
    if (line.trim() === "" || /^#/.test(line)) break;
    paragraph.push(line.trim());
  }
  const blurb = paragraph.join(" ").replace(/^\*([^*].*)\*$/, "$1");
  return { title: lines[at].replace(/^#\s+/, "").trim(), blurb };
}

/**
 * The course page (ASCII HTML, math typeset) for `lessons` in course order: each lesson's file name
 * without extension (`base`), its title and blurb (lessonSummary); with `pdf`, links to the PDFs.
 * @param {{ base: string, title: string | null, blurb: string }[]} lessons
 * @param {{ pdf?: boolean }} [options]
 */
export function indexPage(lessons, { pdf = false } = {}) {
  const link = (/** @type {string} */ href, /** @type {string} */ text) =>
    `<a href="${escapeHtml(href)}">${text}</a>`;
  const items = lessons
    .map(({ base, title, blurb }) => {
      const variants = [link(`${base}.no-code.html`, "without code")];
      if (pdf) variants.push(link(`${base}.pdf`, "PDF"));
      return `<li>${link(`${base}.html`, inlineMarkdown(title ?? base))} <span class="variant">(${variants.join(", ")})</span><br><span class="blurb">${inlineMarkdown(blurb)}</span></li>`;
    })
    .join("\n");
  const { html, errors } = typesetPage(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Downhill: gradient descent and backpropagation from first principles</title>
<style>
body { font: 16px/1.55 Helvetica, Arial, sans-serif; color: #222; max-width: 800px; margin: 0 auto; padding: 24px 16px 48px; }
h1 { font-size: 28px; margin-bottom: 4px; }
.subtitle { color: #555; margin-top: 0; }
ul.lessons { list-style: none; padding-left: 0; }
ul.lessons li { margin: 0 0 14px; }
ul.lessons a { color: #1f6feb; }
.variant { font-size: 14px; }
.blurb { color: #444; }
code, pre { background: #f4f4f4; border-radius: 3px; }
code { padding: 1px 4px; }
pre { padding: 10px 12px; white-space: pre-wrap; }
pre code { padding: 0; background: none; }
@media print { a { color: inherit; } }
</style>
</head>
<body>
<main>
<h1>Downhill</h1>
<p class="subtitle">Gradient descent and backpropagation from first principles, in TypeScript notebooks.</p>
<h2>Lessons</h2>
<ul class="lessons">
${items}
</ul>
<p>Each handout is one self-contained file: it works offline, opened straight from disk, and can be e-mailed or printed.
Figures are interactive in a web browser and print as images. The “without code” handouts keep the narrative, the math and the figures only.</p>
<h2>Run the notebooks live</h2>
<p>The handouts are the executed notebooks. To change the code and run it yourself, you need Node.js 20 or newer and Jupyter; then, in a copy of the course's repository:</p>
<pre><code>npm ci
npm start</code></pre>
<p><code>npm start</code> installs what is missing, registers the TypeScript kernel (tslab) for this project and opens the notebooks in Jupyter. Open a lesson and run its cells from the top.</p>
</main>
</body>
</html>
`);
  if (errors.length) throw new Error(`index.html: MathJax cannot typeset ${errors.join(", ")}`);
  return renderHtml(parseHtml(html), { ascii: true });
}
