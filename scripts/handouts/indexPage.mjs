// The course page of the handouts (index.html): the title, one line per lesson (its first heading and
// blurb, with links to both variants of its handout), and how to run the notebooks live. A small page:
// the builder typesets any math in a heading or blurb at build time (math.mjs), as on the lesson pages.
import { escapeHtml } from "../../src/display/format.ts";

/** @typedef {import("../notebookFormat.mjs").Notebook} Notebook */

/**
 * A line of the course page: a lesson's page, its page without code, its PDF (with `--pdf`), its
 * title and blurb (markdown; null when it has no heading).
 * @typedef {{ file: string, noCodeFile: string, pdfFile?: string, title: string | null,
 *   blurb: string }} LessonLine
 */

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
 * The index page for `lessons` (`[{ file, noCodeFile, pdfFile?, title, blurb }]`, in course order), math still as
 * TeX (the builder typesets it).
 * @param {LessonLine[]} lessons
 */
export function indexHtml(lessons) {
  const items = lessons
    .map(
      (l) =>
        `<li><a href="${escapeHtml(l.file)}">${inlineMarkdown(l.title ?? l.file)}</a> <span class="variant">(<a href="${escapeHtml(l.noCodeFile)}">without code</a>${l.pdfFile ? `, <a href="${escapeHtml(l.pdfFile)}">PDF</a>` : ""})</span><br><span class="blurb">${inlineMarkdown(l.blurb)}</span></li>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
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
`;
}
