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
