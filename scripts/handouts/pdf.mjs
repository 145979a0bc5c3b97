// One PDF per lesson (`npm run handouts -- --pdf` → dist/handouts/NN-name.pdf), for instructors who
// hand out paper: Chromium's print of the lesson page with scripts off (its print stylesheet: figures
// as their static images, SVG or 2× WebP; code wrapped; no navigation), A4, page numbers in the
// footer. The PDF's dates are fixed, so a rebuild gives the same bytes.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { escapeHtml } from "../../src/display/format.ts";
import { offlineContext } from "./browser.mjs";
import { parseHtml, renderHtml, selectAll } from "./html.mjs";

/** Chromium's dates in the PDF's info dictionary, replaced by one of the same length (offsets stay valid). */
const pdfDate = /\/(CreationDate|ModDate) \(D:\d{14}[^)]*\)/g;

/** @param {Buffer} pdf */
function fixedDates(pdf) {
  const text = pdf.toString("latin1");
  const fixed = text.replace(pdfDate, (all, key) => {
    const stamp = all.slice(all.indexOf("(D:") + 3, -1);
    return `/${key} (D:${"20000101000000".padEnd(stamp.length, "Z").slice(0, stamp.length)})`;
  });
  return Buffer.from(fixed, "latin1");
}

/** @param {string} title */
const footer = (title) =>
  `<div style="font: 8px Helvetica, Arial, sans-serif; color: #444; width: 100%; padding: 0 14mm; display: flex; justify-content: space-between;">` +
  `<span>${escapeHtml(title)}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

/**
 * The page printed: `html` with each figure image replaced by its print twin (`images`: `[page image,
 * print image]` data-URL pairs), written into `scratchDir`.
 * @param {string} html @param {[string, string][]} images @param {string} scratchDir
 */
function printCopy(html, images, scratchDir) {
  const doc = parseHtml(readFileSync(html, "utf8"));
  const twins = new Map(images);
  const shown = selectAll(".downhill-figure-note img", doc);
  for (const img of shown) img.attribs.src = twins.get(img.attribs.src) ?? img.attribs.src;
  if (shown.length !== twins.size)
    throw new Error(`${html}: ${shown.length} figure images for ${twins.size} print images`);
  mkdirSync(scratchDir, { recursive: true });
  const copy = path.join(scratchDir, path.basename(html));
  writeFileSync(copy, renderHtml(doc, { ascii: true }));
  return copy;
}

/**
 * Prints each lesson's page `outDir/<base>.html` into `outDir/<base>.pdf` in `browser`, scripts and
 * network off, with its figures' print images (`images`) and its title in the footer.
 * @param {import("playwright-core").Browser} browser
 * @param {string} outDir
 * @param {{ base: string, title: string | null, images: [string, string][] }[]} lessons
 * @param {string} scratchDir where the pages with print images are written
 */
export async function printPdfs(browser, outDir, lessons, scratchDir) {
  const { context } = await offlineContext(browser, { javaScriptEnabled: false });
  try {
    for (const { base, title, images } of lessons) {
      const page = await context.newPage();
      const copy = printCopy(path.join(outDir, `${base}.html`), images, scratchDir);
      await page.goto(pathToFileURL(copy).href, { waitUntil: "load", timeout: 120_000 });
      const bytes = await page.pdf({
        format: "A4",
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: footer(title?.replace(/\$/g, "") ?? base),
        margin: { top: "14mm", bottom: "16mm", left: "14mm", right: "14mm" },
      });
      writeFileSync(path.join(outDir, `${base}.pdf`), fixedDates(bytes));
      await page.close();
    }
  } finally {
    await context.close();
  }
}
