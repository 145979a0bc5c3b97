// The course library (src/, TypeScript) for the plain-Node scripts: each helper a script shares with
// src has its one home there and is loaded from it through tsx, so there is no second copy to drift.
// Loaded synchronously (tsx's require), so that a test importing a script can load it too.
import { require as tsxRequire } from "tsx/cjs/api";

const load = (file) => tsxRequire(`../src/${file}`, import.meta.url);

export const { escapeHtml, escapeInlineScript } = load("display/format.ts");
export const { figureDescription, packText, plotlyLibraryHtml, unpackTextJs } =
  load("plot/figure.ts");
export const { ensurePlotlyBundle, plotlyTraceTypes } = load("plot/plotlyBundle.ts");
