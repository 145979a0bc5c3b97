// The figures' data on a handout page, packed: each figure (src/plot/figure.ts) carries its plotly JSON
// in a `<script type="application/json" id="…-data">` block, which is plain text the browser must read
// through before the page has loaded — lesson 3's figures are 0.6 MB of it. Here every block is
// emptied and their texts travel together, gzipped and base64-encoded (about half the size: six
// significant digits compress only so far), in one inert data block that the page unpacks once it has
// painted, alongside plotly.js (the template's downhillLazyFigures.library), before any figure draws.
// A page without scripts never needed the data: it shows the static images.
import { packText, unpackTextJs } from "../src.mjs";

const dataBlock =
  /<script type="application\/json" id="(downhill-figure-[^"]+-data)">([^<]*)<\/script>/g;

/** The id of the block holding the packed data. */
export const packedFigureDataId = "downhill-figure-data-packed";

/**
 * The page (as nbconvert wrote it, before asciiOnly) with its figures' data blocks emptied and their
 * texts packed into one block before `</main>`; a page without figures is returned as it is.
 * The packed text is one line per figure, `id<TAB>json` (JSON text has no raw tab or newline).
 */
export function packFigureData(html) {
  const lines = [];
  const emptied = html.replace(dataBlock, (all, id, json) => {
    lines.push(`${id}\t${json}`);
    return `<script type="application/json" id="${id}"></script>`;
  });
  if (!lines.length) return html;
  const end = emptied.lastIndexOf("</main>");
  if (end < 0) throw new Error("packFigureData: the page has no </main>");
  const packed = packText(lines.join("\n"));
  const unpack =
    `<script type="application/octet-stream" id="${packedFigureDataId}">${packed}</script>` +
    `<script type="text/javascript">(function () {\n` +
    `  function unpack() {\n` +
    `    var packed = document.getElementById("${packedFigureDataId}").textContent;\n` +
    `    return ${unpackTextJs("packed")}.then(function (lines) {\n` +
    `      lines.split("\\n").forEach(function (line) {\n` +
    `        var tab = line.indexOf("\\t");\n` +
    `        document.getElementById(line.slice(0, tab)).textContent = line.slice(tab + 1);\n` +
    `      });\n` +
    `    }).catch(function (error) { console.error("the figures' data could not be unpacked:", error); });\n` +
    `  }\n` +
    `  if (window.downhillLazyFigures) window.downhillLazyFigures.library(unpack);\n` +
    `})();</script>`;
  return emptied.slice(0, end) + unpack + emptied.slice(end);
}
