// The course library (src/, TypeScript) for the plain-Node scripts: each helper a script shares with
// src has its one home there and is loaded from it through tsx, so there is no second copy to drift.
// (Modules are loaded one by one: tsx's tsImport cannot follow src/internal.ts's `export *`.)
import { tsImport } from "tsx/esm/api";

const load = (file) => tsImport(new URL(`../src/${file}`, import.meta.url).href, import.meta.url);

export const { escapeHtml, escapeInlineScript } = await load("display/format.ts");
export const { plotlyLibraryHtml } = await load("plot/figure.ts");
