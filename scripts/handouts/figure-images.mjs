// Static images of a notebook's plotly figures, for every reader whose viewer runs no scripts: an
// untrusted notebook in JupyterLab, a code-hosting site's preview, a printout. Each figure (as emitted by
// src/plot/figure.ts) is rendered to PNG with plotly.js in headless Chromium (WebP when the PNG is heavy:
// a filled contour is ~1.2 MB as PNG, ~0.1 MB as WebP), and the image goes into the figure's note; the
// figure's script hides the note when it draws the live figure.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { escapeHtml } from "../src.mjs";

const require = createRequire(import.meta.url);
/** Width of the images in CSS pixels; they are rendered at twice that for print. */
export const imageWidth = 900;
const imageScale = 2;
/** Above this many characters of PNG data URL (~300 KB of image), the figure is stored as WebP instead. */
const heavyPng = 400_000;

const figurePattern =
  /(<div id="(downhill-figure-[^"]+)" class="downhill-figure"[^>]*>)(<p class="downhill-figure-note"[^>]*>)([\s\S]*?)(<\/p><\/div><script type="text\/javascript">\(function \(\) \{\n  var figure = (.*);\n)/g;

const htmlOf = (output) => [output.data?.["text/html"] ?? ""].flat().join("");

/**
 * Every figure in an executed notebook, in page order: `{ id, figure }`.
 * @throws when a figure's HTML is not the shape src/plot/figure.ts makes (then figurePattern needs updating)
 */
export function findFigures(nb) {
  const htmls = nb.cells.flatMap((cell) => cell.outputs ?? []).map(htmlOf);
  const found = htmls.flatMap((html) =>
    [...html.matchAll(figurePattern)].map((m) => ({ id: m[2], figure: JSON.parse(m[6]) })),
  );
  const divs = htmls.join("\n").match(/class="downhill-figure"/g)?.length ?? 0;
  if (divs !== found.length)
    throw new Error(
      `found ${found.length} of ${divs} figures: the figure HTML of src/plot/figure.ts changed, update figurePattern in scripts/handouts/figure-images.mjs`,
    );
  return found;
}

function altText(figure) {
  const title = figure.layout?.title;
  const text = typeof title === "string" ? title : title?.text;
  return escapeHtml(
    `Figure${text ? `: ${String(text).replace(/<[^>]*>/g, "")}` : ""} (static image)`,
  );
}

/** A page in `browser` with plotly.js loaded, that renders figures to images: `{ url, width, height }` (a data URL). */
export async function figureRenderer(browser) {
  const page = await browser.newPage();
  await page.setContent("<!DOCTYPE html><html><body></body></html>");
  await page.addScriptTag({
    content: readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"), "utf8"),
  });
  return {
    async render(figure) {
      const height = Number(figure.layout?.height ?? 420);
      const image = (format) =>
        page.evaluate(
          ({ figure, format, width, height, scale }) =>
            window.Plotly.toImage(
              { data: figure.data, layout: figure.layout, config: figure.config },
              { format, width, height, scale },
            ),
          { figure, format, width: imageWidth, height, scale: imageScale },
        );
      const png = await image("png");
      return { url: png.length > heavyPng ? await image("webp") : png, width: imageWidth, height };
    },
    close: () => page.close(),
  };
}

/**
 * A copy of the notebook in which each figure's note holds its image (`images` maps figure id to
 * `{ url, width, height }`), and whose metadata title is its first heading.
 */
export function withFigureImages(nb, images) {
  const addImages = (html) =>
    html.replace(figurePattern, (all, div, id, noteOpen, _note, rest, json) => {
      const image = images.get(id);
      if (!image) throw new Error(`no image rendered for ${id}`);
      const figure = JSON.parse(json);
      const img = `<img src="${image.url}" alt="${altText(figure)}" width="${image.width}" height="${image.height}" style="max-width:100%;height:auto">`;
      const caption = `<span class="downhill-figure-caption">Static image of an interactive figure: open the handout in a web browser, or run the notebook, to explore it.</span>`;
      return `${div}${noteOpen}${img}${caption}${rest}`;
    });
  const cells = nb.cells.map((cell) => {
    if (!cell.outputs) return cell;
    const outputs = cell.outputs.map((output) =>
      output.data?.["text/html"] === undefined
        ? output
        : { ...output, data: { ...output.data, "text/html": addImages(htmlOf(output)) } },
    );
    return { ...cell, outputs };
  });
  const title = lessonHeading(nb);
  return { ...nb, metadata: { ...nb.metadata, ...(title ? { title } : {}) }, cells };
}

/** The text of the notebook's first `#` heading, without markdown or math delimiters. */
export function lessonHeading(nb) {
  const markdown = nb.cells
    .filter((c) => c.cell_type === "markdown")
    .map((c) => [c.source].flat().join(""));
  for (const text of markdown) {
    const line = text.split("\n").find((l) => /^#\s/.test(l));
    if (line) return line.replace(/^#\s+/, "").replace(/\$/g, "").trim();
  }
  return null;
}
