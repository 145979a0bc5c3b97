// Each cell's height, written into the page. On screen, a handout lays out and paints a cell only when
// it comes near the viewport (`content-visibility: auto`, in the template); until then the cell counts
// as its `contain-intrinsic-size`. With one guess for every cell (300 px) the page's height was off by
// up to 70 % (the no-code pages: their code cells are empty), so the scroll bar jumped as the reader
// scrolled. Here each cell gets the height it has in the handouts' reading window, measured in
// Chromium with every cell laid out; in a narrower window the guess is closer than 300 px, and
// `auto` replaces it by the real height once the cell has been drawn.
import { pathToFileURL } from "node:url";

/** The window the heights are measured in: as wide as bench measure 5's, wider than a page (1100 px). */
const measuringViewport = { width: 1200, height: 900 };

/** A cell's opening tag as nbconvert's lab template writes it (its class list starts with jp-Cell). */
const cellTag = /<div class="jp-Cell (?=[^"]*")/g;

const laidOut =
  ".jp-Cell { content-visibility: visible !important; contain: layout style paint !important; }";

/**
 * Runs in the page: each cell's content height (contain-intrinsic-size sizes the content box, so
 * padding and borders are left out). A string: the page has none of a loader's helpers.
 */
const contentHeights = `Array.from(document.querySelectorAll(".jp-Cell"), (cell) => {
  const style = getComputedStyle(cell);
  const edges = ["paddingTop", "paddingBottom", "borderTopWidth", "borderBottomWidth"];
  const outside = edges.reduce((sum, edge) => sum + parseFloat(style[edge]), 0);
  return Math.round(cell.getBoundingClientRect().height - outside);
})`;

/**
 * The content height in CSS pixels of each cell (`.jp-Cell`, in page order) of the page in `file`,
 * every cell laid out, scripts on (a figure takes the box its live plot will fill), offline.
 * @param {import("playwright-core").Browser} browser
 * @param {string} file
 * @returns {Promise<number[]>}
 */
export async function cellHeights(browser, file) {
  const context = await browser.newContext({ viewport: measuringViewport });
  try {
    await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    // Laid out as a drawn `content-visibility: auto` cell is: with layout, style and paint containment.
    await page.addStyleTag({ content: laidOut });
    return await page.evaluate(contentHeights);
  } finally {
    await context.close();
  }
}

/**
 * The page with each cell's height (`heights`, in page order) as its `contain-intrinsic-size`.
 * @throws when the page has another number of cells than `heights`
 * @param {string} html
 * @param {number[]} heights
 */
export function withCellHeights(html, heights) {
  const found = html.match(cellTag)?.length ?? 0;
  if (found !== heights.length)
    throw new Error(`withCellHeights: the page has ${found} cells, and ${heights.length} heights`);
  let i = 0;
  return html.replace(
    cellTag,
    () => `<div style="contain-intrinsic-size: auto ${heights[i++]}px" class="jp-Cell `,
  );
}
