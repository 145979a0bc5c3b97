// Downhill's public API, in the order the notebooks introduce it. Notebooks import from "./src".

// Errors and argument checks
export * from "./errors/errors";

// Derivatives: finite differences, complex step, symbolic (notebook 1); gradients and their check (notebooks 2–4)
export { EPSILON, forwardStep, centralStep } from "./calculus/steps";
export { forwardDifference } from "./calculus/forwardDifference";
export { centralDifference } from "./calculus/centralDifference";
export { complexStepDerivative } from "./calculus/complexStepDerivative";
export { symbolicDerivative, type SymbolicDerivative } from "./calculus/symbolicDerivative";
export { numericalGradient, type NumericalGradientOptions } from "./calculus/numericalGradient";
export { gradcheck, relativeError, type GradcheckOptions, type GradcheckReport, type GradcheckRow } from "./calculus/gradcheck";

// Seeded randomness
export { createRandom, type Random } from "./random/createRandom";

// Data
export { loadCsv, column, type Table } from "./data/loadCsv";

// Showing results and checking claims in a notebook
export { showHtml, liveDisplay, type LiveDisplay } from "./display/show";
export { formatNumber, escapeHtml } from "./display/format";
export { showTable, tableHtml, type TableOptions } from "./display/table";
export { showGradcheck, gradcheckHtml } from "./display/gradcheckTable";
export { checkClose, checkThat } from "./verify/check";

// Figures (plotly.js)
export { showFigure } from "./plot/showFigure";
export { figureHtml, type Figure } from "./plot/figure";

// Notebook 4 — backpropagation through a two-layer tanh network (Bishop, PRML §5.3)
export { TanhNetwork, trainTanhNetwork, type TanhNetworkOptions, type ForwardPass, type PassCounts, type TrainOptions } from "./models/tanhNetwork";
export { networkGraphSvg, fitFigure, linesFigure, lossCurveSvg, type FitPlot, type Series } from "./plot/tanhNetworkFigures";
