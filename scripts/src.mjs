// Superseded: the scripts import what they need of src/ from its module, by file name
// (`../../src/plot/figure.ts`, run through tsx). Kept, as static re-exports, only for
// tests/handoutCompaction.test.ts, which imports packText from here; delete it once that test imports
// from src/plot/figure.ts.
export { escapeHtml, escapeInlineScript } from "../src/display/format.ts";
export {
  figureDescription,
  packText,
  plotlyLibraryHtml,
  unpackTextJs,
} from "../src/plot/figure.ts";
export { ensurePlotlyBundle, plotlyTraceTypes } from "../src/plot/plotlyBundle.ts";
