// The figures' data on a handout page, packed. Each figure's plotly JSON (lesson 3's figures are
// 0.6 MB of it) travels with every other figure's of the page, gzipped and base64-encoded, in one data
// block the browser does not compile; the page's script (pageRuntime.ts) unpacks it once the page has
// painted. Figures of one lesson often share an array — lesson 3 draws the same 30 KB error-surface
// grid six times — which gzip's 32 KB window cannot see from one figure to the next: such an array
// travels once, and each place it stood holds a mark. A page without scripts never needed the data:
// it shows the static images.
import { packText } from "../../src/plot/figure.ts";

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

/**
 * The figures' JSON texts (`[id, json]`, in page order) as the packed text of one data block: one line
 * per shared array (`<TAB>json`, see sharedArrays), then one per figure, `id<TAB>json` with its marks
 * (JSON text has no raw tab or newline), gzipped and base64-encoded.
 * @param {[string, string][]} figures
 */
export function packFigureData(figures) {
  const { texts, shared } = sharedArrays(figures.map(([, json]) => json));
  const lines = [
    ...shared.map((text) => `\t${text}`),
    ...figures.map(([id], i) => `${id}\t${texts[i]}`),
  ];
  return packText(lines.join("\n"));
}
