// Each cell's height, written into its page. On screen a handout lays out and paints a cell only when
// it comes near the viewport (`content-visibility: auto`, in the template: the figures' images show
// sooner); until then the cell counts as its `contain-intrinsic-size`. One guess for every cell made
// the page's height wrong by up to 70 % (the no-code pages' empty code cells), so the scroll bar
// jumped; here each cell gets the height it has in a 1200 px window, measured in Chromium.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { offlineContext } from "./browser.mjs";
import { parseHtml, renderHtml, selectAll } from "./html.mjs";

/**
 * Writes into the page `file` each cell's content height (contain-intrinsic-size sizes the content
 * box), measured with every cell laid out as a drawn `content-visibility: auto` cell is.
 * @param {import("playwright-core").Browser} browser
 * @param {string} file
 */
export async function writeCellHeights(browser, file) {
  const { context } = await offlineContext(browser, { viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const drawn = ".jp-Cell { content-visibility: visible !important; contain: layout style paint; }";
  await page.addStyleTag({ content: drawn });
  const heights = await page.$$eval(".jp-Cell", (cells) =>
    cells.map((cell) => {
      const style = getComputedStyle(cell);
      const edges = [style.paddingTop, style.paddingBottom, style.borderTopWidth];
      const outside = [...edges, style.borderBottomWidth].map(parseFloat);
      return Math.round(cell.getBoundingClientRect().height - outside.reduce((a, b) => a + b));
    }),
  );
  await context.close();
  const doc = parseHtml(readFileSync(file, "utf8"));
  const cells = selectAll(".jp-Cell", doc);
  if (cells.length !== heights.length) throw new Error(`${file}: cells changed while measured`);
  cells.forEach((cell, i) => (cell.attribs.style = `contain-intrinsic-size: auto ${heights[i]}px`));
  writeFileSync(file, renderHtml(doc, { ascii: true }));
}
