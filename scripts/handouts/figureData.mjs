// The figures' data on a handout page, packed: each figure (src/plot/figure.ts) carries its plotly JSON
// in a `<script type="application/json" id="…-data">` block, which is plain text the browser must read
// through before the page has loaded — lesson 3's figures are 0.6 MB of it. Here every block is
// emptied and their texts travel together, gzipped and base64-encoded, in one inert data block that
// the page unpacks once it has painted, alongside plotly.js (the template's
// downhillLazyFigures.library), before any figure draws. Figures of one lesson often share an array —
// lesson 3 draws the same 30 KB error-surface grid six times — which gzip's 32 KB window cannot see
// from one figure to the next: such an array travels once, and each place it stood holds a mark.
// A page without scripts never needed the data: it shows the static images.
import { packText, unpackTextJs } from "../../src/plot/figure.ts";

const dataBlock =
  /<script type="application\/json" id="(downhill-figure-[^"]+-data)">([^<]*)<\/script>/g;

/** The shortest array text worth sharing: below it, gzip's own back-references do as well. */
const sharedMinimum = 1024;

/**
 * The figures' JSON texts with every array that occurs twice or more (its JSON text at least
 * `minimum` characters) moved out: `texts` hold `\u0001k\u0001` where `shared[k]` stood. Longest
 * first; a shared text may itself hold marks, of arrays shared after it (higher k), so an array is
 * written once however deep it sits. A raw U+0001 never occurs in JSON text (JSON escapes control
 * characters), so a mark cannot be mistaken for data.
 * @example sharedArrays(['{"z":[1,2]}', '{"w":[1,2]}'], 5); // => { texts: ['{"z":\u00010\u0001}', '{"w":\u00010\u0001}'], shared: ["[1,2]"] }
 * @param {string[]} texts
 * @returns {{ texts: string[], shared: string[] }}
 */
export function sharedArrays(texts, minimum = sharedMinimum) {
  /** @type {Set<string>} */
  const candidates = new Set();
  /** @param {unknown} value */
  const collect = (value) => {
    if (Array.isArray(value)) {
      const text = JSON.stringify(value);
      if (text.length >= minimum) candidates.add(text);
      value.forEach(collect);
    } else if (value !== null && typeof value === "object") Object.values(value).forEach(collect);
  };
  texts.forEach((text) => collect(JSON.parse(text)));
  const figures = texts.length;
  /** @type {string[]} */
  let shared = [];
  for (const candidate of [...candidates].sort((a, b) => b.length - a.length)) {
    // JSON.stringify writes a nested array as it writes it alone, so its text is found as it is.
    const pieces = [...texts, ...shared].map((text) => text.split(candidate));
    if (pieces.reduce((n, around) => n + around.length - 1, 0) < 2) continue;
    const mark = `\u0001${shared.length}\u0001`;
    const marked = pieces.map((around) => around.join(mark));
    texts = marked.slice(0, figures);
    shared = [...marked.slice(figures), candidate];
  }
  return { texts, shared };
}

/** The id of the block holding the packed data. */
export const packedFigureDataId = "downhill-figure-data-packed";

/**
 * The page (as nbconvert wrote it, before asciiOnly) with its figures' data blocks emptied and their
 * texts packed into one block before `</main>`; a page without figures is returned as it is.
 * The packed text is one line per shared array (`<TAB>json`, see sharedArrays), then one per figure,
 * `id<TAB>json` with its marks (JSON text has no raw tab or newline).
 * @param {string} html
 */
export function packFigureData(html) {
  /** @type {string[]} */
  const ids = [];
  /** @type {string[]} */
  const jsons = [];
  const emptied = html.replace(dataBlock, (all, id, json) => {
    ids.push(id);
    jsons.push(json);
    return `<script type="application/json" id="${id}"></script>`;
  });
  if (!ids.length) return html;
  const end = emptied.lastIndexOf("</main>");
  if (end < 0) throw new Error("packFigureData: the page has no </main>");
  const { texts, shared } = sharedArrays(jsons);
  const lines = [...shared.map((text) => `\t${text}`), ...ids.map((id, i) => `${id}\t${texts[i]}`)];
  const packed = packText(lines.join("\n"));
  const unpack =
    `<script type="application/octet-stream" id="${packedFigureDataId}">${packed}</script>` +
    `<script type="text/javascript">(function () {\n` +
    `  function unpack() {\n` +
    `    var packed = document.getElementById("${packedFigureDataId}").textContent;\n` +
    `    return ${unpackTextJs("packed")}.then(function (text) {\n` +
    `      var lines = text.split("\\n");\n` +
    `      var shared = [];\n` +
    `      while (lines[0].charAt(0) === "\\t") shared.push(lines.shift().slice(1));\n` +
    `      var mark = /\\u0001(\\d+)\\u0001/g;\n` +
    `      var restore = function (all, k) { return shared[k]; };\n` +
    // A shared text's marks name only later ones (sharedArrays), so restore from the last.
    `      for (var k = shared.length - 1; k >= 0; k--) shared[k] = shared[k].replace(mark, restore);\n` +
    `      lines.forEach(function (line) {\n` +
    `        var tab = line.indexOf("\\t");\n` +
    `        document.getElementById(line.slice(0, tab)).textContent =\n` +
    `          line.slice(tab + 1).replace(mark, restore);\n` +
    `      });\n` +
    `    }).catch(function (error) { console.error("the figures' data could not be unpacked:", error); });\n` +
    `  }\n` +
    `  if (window.downhillLazyFigures) window.downhillLazyFigures.library(unpack);\n` +
    `})();</script>`;
  return emptied.slice(0, end) + unpack + emptied.slice(end);
}
