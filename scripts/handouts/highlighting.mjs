// Code cells with fewer elements and the same look. nbconvert's highlighter (Pygments) wraps every
// token of a code cell in a `<span class="…">`, most of them spans the page's style sheet does not
// colour: a name (`nx`), a run of spaces (`w`), an empty span at the start. They made half of lesson 3's
// 18,000 elements, each one parsed, styled and laid out. Here a span is unwrapped when no
// `.highlight .X` rule styles its class or when it holds only spaces of a class that sets nothing but
// colour and font (spaces show neither), and neighbouring spans of the same colour-only class are
// joined across the spaces between them.

const codeBlock = /(<div class="[^"]*\bhighlight\b[^"]*">\s*<pre>)([\s\S]*?)(<\/pre>)/g;
const highlightRule = /\.highlight \.([A-Za-z0-9_-]+)\s*\{([^}]*)\}/g;
const token = /<span class="([A-Za-z0-9_-]+)">([^<]*)<\/span>/g;

/**
 * The highlight classes the page's `<style>` sheets style: a map from class to what its rules set,
 * `"colour"` (only colour, font weight and font style) or `"other"` (anything more, e.g. a border).
 * @example highlightClasses("<style>.highlight .k { color: blue; font-weight: bold }</style>").get("k"); // => "colour"
 * @param {string} html
 */
export function highlightClasses(html) {
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
  /** @type {Map<string, "colour" | "other">} */
  const classes = new Map();
  for (const [, name, body] of styles.join("\n").matchAll(highlightRule)) {
    const properties = body
      .split(";")
      .map((d) => d.split(":")[0].trim())
      .filter(Boolean);
    const onlyColour = properties.every((p) => ["color", "font-weight", "font-style"].includes(p));
    if (classes.get(name) !== "other") classes.set(name, onlyColour ? "colour" : "other");
  }
  return classes;
}

/** @param {string} text */
const spaces = (text) => /^\s*$/.test(text);

/**
 * One code block's inner HTML with unstyled and invisible spans unwrapped and same-class neighbours joined.
 * @param {string} code
 * @param {Map<string, "colour" | "other">} classes highlightClasses of the page
 */
function compactBlock(code, classes) {
  const unwrapped = code
    .replace(/<span>([^<]*)<\/span>/g, "$1")
    .replace(token, (all, name, text) =>
      !classes.has(name) || (spaces(text) && classes.get(name) === "colour") ? text : all,
    );
  // Same colour-only class, next to each other: one span; the spaces between take a colour no one
  // sees. (Two bordered spans are two boxes: they stay.)
  const join =
    /<span class="([A-Za-z0-9_-]+)">([^<]*)<\/span>([ \t]*)<span class="\1">([^<]*)<\/span>/g;
  let joined = unwrapped;
  for (let before = ""; before !== joined;) {
    before = joined;
    joined = joined.replace(join, (all, name, a, gap, b) =>
      classes.get(name) === "colour" ? `<span class="${name}">${a}${gap}${b}</span>` : all,
    );
  }
  return joined;
}

/**
 * `html` with every highlighted code block compacted (see above); the code's text and colours unchanged.
 * @example compactHighlighting('<style>.highlight .p { color: #05a }</style><div class=" highlight"><pre><span class="nx">f</span><span class="p">(</span><span class="p">)</span></pre></div>');
 * // => '<style>.highlight .p { color: #05a }</style><div class=" highlight"><pre>f<span class="p">()</span></pre></div>'
 * @param {string} html
 */
export function compactHighlighting(html) {
  const classes = highlightClasses(html);
  return html.replace(
    codeBlock,
    (all, open, code, close) => open + compactBlock(code, classes) + close,
  );
}
