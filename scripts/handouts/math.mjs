// Math typeset at build time: MathJax 3 (mathjax-full) in Node turns every `$…$`, `$$…$$`, `\(…\)`,
// `\[…\]` and `\begin{…}` environment of a page into SVG, so the page ships no MathJax runtime and shows
// its formulas with scripts off, in print and in readers. Scripts and styles are set aside before
// MathJax parses the page (its light HTML parser never sees plotly.js) and put back unchanged after;
// MathJax skips `pre` and `code` as in a browser. Deterministic: the same page gives the same bytes.
import { mathjax } from "mathjax-full/js/mathjax.js";
import { TeX } from "mathjax-full/js/input/tex.js";
import { SVG } from "mathjax-full/js/output/svg.js";
import { liteAdaptor } from "mathjax-full/js/adaptors/liteAdaptor.js";
import { RegisterHTMLHandler } from "mathjax-full/js/handlers/html.js";
import { AssistiveMmlHandler } from "mathjax-full/js/a11y/assistive-mml.js";
import { AllPackages } from "mathjax-full/js/input/tex/AllPackages.js";

/** @typedef {import("mathjax-full/js/adaptors/lite/Element.js").LiteElement} LiteElement */
/** @typedef {import("mathjax-full/js/adaptors/lite/Element.js").LiteNode} LiteNode */
/**
 * What of MathJax's markup its stylesheet selects on (styledAttributes).
 * @typedef {{ names: Set<string>, mmlNodes: Set<string> }} Styled
 */

const adaptor = liteAdaptor();
// Each formula also carries its MathML, hidden on screen, for screen readers (the SVG is aria-hidden).
AssistiveMmlHandler(RegisterHTMLHandler(adaptor));

const texOptions = {
  // Without noundefined, an unknown macro is an error the build reports, not red text on the page.
  packages: AllPackages.filter((p) => p !== "bussproofs" && p !== "noundefined"),
  inlineMath: [
    ["$", "$"],
    ["\\(", "\\)"],
  ],
  displayMath: [
    ["$$", "$$"],
    ["\\[", "\\]"],
  ],
  processEscapes: true,
  processEnvironments: true,
  tags: "ams",
};

const keepPattern = /<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/gi;
/** @param {number} i */
const placeholder = (i) => `<!--downhill-keep-${i}-->`;

/**
 * The page with its math typeset to SVG: `{ html, formulas, errors }`, where `errors` lists the TeX
 * MathJax could not parse. The body gets `data-math="typeset"` (or `"none"` with no formula). With
 * `compact` (the default), each formula's SVG is compacted (compactSvg).
 * @param {string} page
 * @param {{ compact?: boolean }} [options]
 * @returns {{ html: string, formulas: number, errors: string[] }}
 */
export function typesetPage(page, { compact = true } = {}) {
  /** @type {string[]} */
  const kept = [];
  const masked = page.replace(keepPattern, (block) => placeholder(kept.push(block) - 1));
  const doctype = /^<!DOCTYPE[^>]*>\s*/i.exec(masked)?.[0] ?? "";
  const document = mathjax.document(masked.slice(doctype.length), {
    InputJax: new TeX(texOptions),
    // Glyphs inside each formula (no page-wide cache that a copied fragment would lose).
    OutputJax: new SVG({ fontCache: "global" }),
  });
  document.render();
  const formulas = Array.from(document.math);
  if (compact && formulas.length) {
    const sheet = adaptor.elementById(adaptor.head(document.document), "MJX-SVG-styles");
    const styled = styledAttributes(sheet ? adaptor.textContent(sheet) : "");
    for (const formula of formulas) compactSvg(formula.typesetRoot, styled);
  }
  const errors = formulas
    .filter(
      (m) => adaptor.getAttribute(m.typesetRoot, "data-mjx-error") || hasMerror(m.typesetRoot),
    )
    .map((m) => m.math);
  const body = adaptor.body(document.document);
  adaptor.setAttribute(body, "data-math", formulas.length ? "typeset" : "none");
  if (!formulas.length) {
    const sheet = adaptor.elementById(adaptor.head(document.document), "MJX-SVG-styles");
    if (sheet) adaptor.remove(sheet);
  }
  const html = `${doctype}${adaptor.outerHTML(adaptor.root(document.document))}\n`.replace(
    /<!--downhill-keep-(\d+)-->/g,
    (_, i) => kept[Number(i)],
  );
  return { html, formulas: formulas.length, errors };
}

/**
 * What of MathJax's markup its stylesheet (on the page) selects on: the `data-*` attributes it names,
 * and the `data-mml-node` values it names (`mtable`, `merror`, …). `use[data-c]`, for one, gives every
 * glyph its stroke: those attributes stay, the others go.
 * @param {string} css
 * @returns {Styled}
 */
function styledAttributes(css) {
  return {
    names: new Set([...css.matchAll(/\[(data-[a-z-]+)\]/g)].map((m) => m[1])),
    mmlNodes: new Set([...css.matchAll(/\[data-mml-node="([^"]+)"\]/g)].map((m) => m[1])),
  };
}

/** Elements that take a `transform` attribute (a nested `<svg>` does not, in SVG 1.1). */
const transformable = new Set(["g", "use", "path", "rect"]);
/**
 * Whether the node is an element (not text, not a comment).
 * @param {LiteNode} node
 * @returns {node is LiteElement}
 */
const isElement = (node) => !["#text", "#comment"].includes(adaptor.kind(node));
/** @param {LiteElement} node */
const elementChildren = (node) => adaptor.childNodes(node).filter(isElement);

/**
 * Fewer SVG elements, the same drawing. MathJax wraps every MathML node in a `<g>`, positioned by a
 * `transform` and named by `data-mml-node`. The `data-*` attributes that only MathJax's own scripts
 * read (not `styled`: styledAttributes) are dropped; a `<g>` left with no attribute is replaced by its
 * children; and a `<g>` with only a `transform` and one child hands the transform on to it
 * (`transform="A"` around `transform="B"` draws as `transform="A B"`).
 * @param {LiteNode} node
 * @param {Styled} styled
 */
function compactSvg(node, styled, verbatim = 0) {
  if (!isElement(node)) return;
  // Inside a table (or an error) the stylesheet selects by structure, two levels down
  // (`g[data-mml-node="mtable"] > g > svg`, `svg[data-table] > g > line[data-line]`): the node and
  // the two levels below it stay as they are; the cells' contents deeper down are compacted.
  if (selectedByStructure(node, styled)) verbatim = 3;
  for (const child of [...adaptor.childNodes(node)])
    compactSvg(child, styled, Math.max(verbatim - 1, 0));
  if (verbatim > 0) return;
  for (const { name } of adaptor.allAttributes(node)) {
    if (!name.startsWith("data-") || name === "data-mjx-error" || styled.names.has(name)) continue;
    adaptor.removeAttribute(node, name);
  }
  if (adaptor.kind(node) !== "g" || !adaptor.parent(node)) return;
  const attributes = adaptor.allAttributes(node);
  const children = elementChildren(node);
  if (attributes.length === 1 && attributes[0].name === "transform" && children.length === 1) {
    const [child] = children;
    if (!transformable.has(adaptor.kind(child)) || adaptor.childNodes(node).length !== 1) return;
    const inner = adaptor.getAttribute(child, "transform");
    adaptor.setAttribute(
      child,
      "transform",
      inner ? `${attributes[0].value} ${inner}` : attributes[0].value,
    );
    adaptor.removeAttribute(node, "transform");
  } else if (attributes.length !== 0) return;
  for (const child of [...adaptor.childNodes(node)]) adaptor.insert(child, node);
  adaptor.remove(node);
}

/**
 * Whether the stylesheet selects the node's descendants by their place in it (styledAttributes).
 * @param {LiteElement} node @param {Styled} styled
 */
const selectedByStructure = (node, styled) =>
  styled.mmlNodes.has(adaptor.getAttribute(node, "data-mml-node")) ||
  (adaptor.kind(node) === "svg" && adaptor.hasAttribute(node, "data-table"));

/** @param {LiteElement} node */
function hasMerror(node) {
  return (
    adaptor.tags(node, "mjx-merror").length > 0 || /data-mjx-error/.test(adaptor.outerHTML(node))
  );
}
