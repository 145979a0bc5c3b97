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

// Fitting slopes on log-log axes (error against step size)
export { logLogSlope } from "./stats/logLogSlope";

// Figures for notebook 1
export { linearApproximationFigure, type LinearApproximationOptions } from "./plot/linearApproximationFigure";

// Exercises with automatic feedback: the student edition's stub, the shared feedback, one checker per
// kind of answer (each tests the learner's function numerically on seeded random inputs and hints)
export { yourTurn, YourTurnError } from "./exercises/yourTurn";
export { showExercise, type ExerciseResult, type ExerciseOptions } from "./exercises/feedback";
export { randomTestPoints, type TestPointOptions } from "./exercises/testPoints";
export { finiteDifferenceCalls } from "./calculus/callCounter";
export { checkDerivative, evaluateDerivativeAnswer, type CheckDerivativeOptions } from "./exercises/checkDerivative";
export { checkStableRate, evaluateStableRateAnswer, type CheckStableRateOptions } from "./exercises/checkStableRate";
export { checkStepsNeeded, evaluateStepsNeededAnswer, type CheckStepsNeededOptions } from "./exercises/checkStepsNeeded";
export { checkDescentStep, evaluateDescentStepAnswer, type CheckDescentStepOptions } from "./exercises/checkDescentStep";

// Notebook 2 — why the negative gradient: the line model, symbolic gradients, directions and the
// Taylor gap, level sets, gradient figures (built on the error-surface builders) and exercise checkers
export { linePredict, lineLoss, lineGradient, lineHessian, type LineData } from "./models/lineModel";
export { symbolicGradient, type SymbolicGradient, type SymbolicGradientOptions } from "./calculus/symbolicGradient";
export { directionAtAngle, angleBetween, directionSweep, firstOrderGap, type SweepRow, type GapRow } from "./calculus/directions";
export { levelSetTangent, type LevelSetTangent, type LevelSetTangentOptions } from "./calculus/levelSet";
export { gradientFieldFigure, gradientSliderFigure, type GradientFunction, type GradientFieldOptions, type GradientSliderOptions } from "./plot/gradientFigures";
export { checkGradient, evaluateGradientAnswer, checkDescentDirection, evaluateDescentDirectionAnswer, type CheckGradientOptions, type CheckDescentDirectionOptions } from "./exercises/checkGradient";

// Notebook 3 — a linear neuron, gradient descent (batch, mini-batch, stochastic) and its figures
export { LinearNeuron, type Dataset, type Model } from "./models/linearNeuron";
export { gradientDescent, descentSteps, type GradientDescentOptions, type DescentState, type DescentResult } from "./optim/gradientDescent";
export { surfaceGrid, surfaceFigure, contourFigure, surfaceAnimationFigure, type SurfaceFunction, type Range, type Grid, type GridOptions, type SurfaceOptions, type ContourOptions, type AnimationOptions, type PathSpec, type MarkerSpec, type ArrowSpec } from "./plot/errorSurface";
export { curvesFigure, type Curve, type CurvesOptions } from "./plot/curves";

// Notebook 4 — backpropagation through a two-layer tanh network (Bishop, PRML §5.3)
export { TanhNetwork, trainTanhNetwork, tanhNetworkModel, type NetworkData, type TanhNetworkOptions, type ForwardPass, type PassCounts, type TrainOptions } from "./models/tanhNetwork";
export { networkGraphSvg, fitFigure, lossCurveSvg, type FitPlot } from "./plot/tanhNetworkFigures";

// Notebook 5 — when backprop goes wrong, and a reverse-mode autodiff engine (micrograd-style), checked
export { Value, value, toValue, type ValueLike } from "./autodiff/value";
export { add, sub, mul, div, pow, neg, tanh, exp, log, sum } from "./autodiff/operations";
export { topologicalOrder } from "./autodiff/topologicalOrder";
export { backward } from "./autodiff/backward";
export { networkLossGraph, engineGradient, type NetworkShape } from "./autodiff/tanhNetworkGraph";
export { graphSvg } from "./autodiff/graphSvg";
export { backpropWithBug, backpropBugs, type BackpropBug } from "./autodiff/buggyBackprop";
