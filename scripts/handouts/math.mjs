// Math typeset at build time: MathJax 3 (mathjax-full) in Node turns every `$…$`, `$$…$$`, `\(…\)`,
// `\[…\]` and `\begin{…}` environment of a page into SVG, so the page ships no MathJax runtime and shows
// its formulas with scripts off, in print and in readers. MathJax skips `script`, `style`, `pre` and
// `code` as in a browser. Deterministic: the same page gives the same bytes.
import { mathjax } from "mathjax-full/js/mathjax.js";
import { TeX } from "mathjax-full/js/input/tex.js";
import { SVG } from "mathjax-full/js/output/svg.js";
import { liteAdaptor } from "mathjax-full/js/adaptors/liteAdaptor.js";
import { RegisterHTMLHandler } from "mathjax-full/js/handlers/html.js";
import { AssistiveMmlHandler } from "mathjax-full/js/a11y/assistive-mml.js";
import { AllPackages } from "mathjax-full/js/input/tex/AllPackages.js";
import { prepend } from "domutils";
import { removeElement, selectAll, selectOne, textContent } from "./html.mjs";

/** @typedef {import("mathjax-full/js/adaptors/lite/Element.js").LiteElement} LiteElement */

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

/**
 * The page with its math typeset to SVG: `{ html, formulas, errors }`, where `errors` lists the TeX
 * MathJax could not parse. The body gets `data-math="typeset"` (or `"none"` with no formula).
 * @param {string} page
 * @returns {{ html: string, formulas: number, errors: string[] }}
 */
export function typesetPage(page) {
  const doctype = "<!DOCTYPE html>\n";
  const document = mathjax.document(page.replace(/^<!DOCTYPE[^>]*>\s*/i, ""), {
    InputJax: new TeX(texOptions),
    // Glyphs inside each formula (no page-wide cache that a copied fragment would lose).
    OutputJax: new SVG({ fontCache: "global" }),
  });
  document.render();
  const formulas = Array.from(document.math);
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
  const html = `${doctype}${adaptor.outerHTML(adaptor.root(document.document))}\n`;
  return { html, formulas: formulas.length, errors };
}

/** @param {LiteElement} node */
function hasMerror(node) {
  return (
    adaptor.tags(node, "mjx-merror").length > 0 || /data-mjx-error/.test(adaptor.outerHTML(node))
  );
}

/** Elements that take a `transform` attribute (a nested `<svg>` does not, in SVG 1.1). */
const transformable = new Set(["g", "use", "path", "rect"]);

/**
 * The page's formulas (parsed, after typesetPage) with fewer SVG elements and the same drawing. MathJax
 * wraps every MathML node in a `<g>` named by `data-mml-node`: the `data-*` attributes its style sheet
 * does not select on go, a `<g>` left bare makes way for its children, and a `<g>` with only a
 * `transform` and one child hands it on (`A` around `B` draws as `A B`). Inside a table (or an error)
 * the sheet selects by structure two levels down (`g[data-mml-node="mtable"] > g > svg`): those levels
 * stay as they are.
 * @param {import("./html.mjs").Document} doc
 */
export function compactFormulas(doc) {
  const sheet = selectOne("style#MJX-SVG-styles", doc);
  const css = sheet ? textContent(sheet) : "";
  const styled = new Set([...css.matchAll(/\[(data-[a-z-]+)\]/g)].map((m) => m[1]));
  const structural = new Set([...css.matchAll(/\[data-mml-node="([^"]+)"\]/g)].map((m) => m[1]));
  /** @param {import("domhandler").AnyNode} node @param {number} verbatim */
  const compact = (node, verbatim) => {
    if (node.type !== "tag") return;
    const { attribs } = /** @type {import("./html.mjs").HtmlElement} */ (node);
    const tag = /** @type {import("./html.mjs").HtmlElement} */ (node);
    if (structural.has(attribs["data-mml-node"]) || (tag.name === "svg" && "data-table" in attribs))
      verbatim = 3;
    for (const child of [...tag.children]) compact(child, Math.max(verbatim - 1, 0));
    if (verbatim > 0) return;
    for (const name of Object.keys(attribs))
      if (name.startsWith("data-") && name !== "data-mjx-error" && !styled.has(name))
        delete attribs[name];
    if (tag.name !== "g") return;
    const [only, ...others] = tag.children;
    const names = Object.keys(attribs);
    if (names.length === 1 && names[0] === "transform" && only?.type === "tag" && !others.length) {
      if (!transformable.has(only.name)) return;
      only.attribs.transform = [attribs.transform, only.attribs.transform]
        .filter(Boolean)
        .join(" ");
    } else if (names.length) return;
    for (const child of [...tag.children]) prepend(tag, child);
    removeElement(tag);
  };
  for (const svg of selectAll("mjx-container > svg", doc))
    svg.children.forEach((c) => compact(c, 0));
}
