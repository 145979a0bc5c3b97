// Downhill's public API: what the lessons use, grouped by the lesson that introduces it. Notebooks
// import from "./src/index" (tslab cannot load the folder import "./src"). Benchmarks, tests and
// scripts import from "./internal", which adds the plumbing (argument checks, HTML builders, the
// checkers' machinery) to all of this.

// ── Every lesson: errors, showing results, checking claims, data, randomness, exercises ─────────────
export * from "./errors/errors";
export { showHtml, liveDisplay, type LiveDisplay } from "./display/show";
export { formatNumber } from "./display/format";
export { showTable, type TableOptions } from "./display/table";
export { checkClose, checkThat } from "./verify/check";
export { showFigure } from "./plot/showFigure";
export { palette, type Quantity } from "./plot/palette";
export type { Figure } from "./plot/figure";
export { loadCsv, column, type Table } from "./data/loadCsv";
export { createRandom, type Random } from "./random/createRandom";
export { yourTurn, YourTurnError } from "./exercises/yourTurn";
export type { ExerciseResult } from "./exercises/feedback";

// ── Lesson 1: the derivative as a linear approximation (finite differences, the complex step, ───────
// symbolic derivatives, the slope of the error on log-log axes; exercises)
export { EPSILON, forwardStep, centralStep } from "./calculus/steps";
export { forwardDifference } from "./calculus/forwardDifference";
export { centralDifference } from "./calculus/centralDifference";
export { complexStepDerivative } from "./calculus/complexStepDerivative";
export { symbolicDerivative, type SymbolicDerivative } from "./calculus/symbolicDerivative";
export { logLogSlope } from "./stats/logLogSlope";
export {
  linearApproximationFigure,
  type LinearApproximationOptions,
} from "./plot/linearApproximationFigure";
export {
  checkDerivative,
  evaluateDerivativeAnswer,
  type CheckDerivativeOptions,
} from "./exercises/checkDerivative";
export {
  checkStableRate,
  evaluateStableRateAnswer,
  type CheckStableRateOptions,
} from "./exercises/checkStableRate";

// ── Lesson 2: why the negative gradient (the line model, gradients three ways and their check, ──────
// directions and the Taylor gap, level sets, gradient figures; exercises)
export {
  linePredict,
  lineLoss,
  lineGradient,
  lineHessian,
  lineMinimum,
  type LineData,
} from "./models/lineModel";
export { numericalGradient, type NumericalGradientOptions } from "./calculus/numericalGradient";
export {
  gradcheck,
  relativeError,
  scaledError,
  type GradcheckOptions,
  type GradcheckReport,
  type GradcheckRow,
} from "./calculus/gradcheck";
export { showGradcheck } from "./display/gradcheckTable";
export {
  symbolicGradient,
  type SymbolicGradient,
  type SymbolicGradientOptions,
} from "./calculus/symbolicGradient";
export {
  directionAtAngle,
  angleBetween,
  directionSweep,
  firstOrderGap,
  type SweepRow,
  type GapRow,
} from "./calculus/directions";
export {
  levelSetTangent,
  type LevelSetTangent,
  type LevelSetTangentOptions,
} from "./calculus/levelSet";
export {
  gradientFieldFigure,
  gradientSliderFigure,
  type GradientFunction,
  type GradientFieldOptions,
  type GradientSliderOptions,
} from "./plot/gradientFigures";
export {
  checkGradient,
  evaluateGradientAnswer,
  type CheckGradientOptions,
} from "./exercises/checkGradient";
export {
  checkDescentDirection,
  evaluateDescentDirectionAnswer,
  type CheckDescentDirectionOptions,
} from "./exercises/checkDescentDirection";

// ── Lesson 3: gradient descent on a linear neuron (the optimiser and its contract, batch, ───────────
// mini-batch and stochastic descent, error surfaces and curves; exercises)
export { LinearNeuron } from "./models/linearNeuron";
export type { Dataset, Model } from "./optim/model";
export {
  gradientDescent,
  descentSteps,
  type GradientDescentOptions,
  type DescentState,
  type DescentResult,
} from "./optim/gradientDescent";
export {
  surfaceGrid,
  surfaceFigure,
  contourFigure,
  surfaceAnimationFigure,
  type SurfaceFunction,
  type Range,
  type Grid,
  type GridOptions,
  type SurfaceOptions,
  type ContourOptions,
  type AnimationOptions,
  type PathSpec,
  type MarkerSpec,
  type ArrowSpec,
} from "./plot/errorSurface";
export { curvesFigure, type Curve, type CurvesOptions } from "./plot/curves";
export {
  checkDescentStep,
  evaluateDescentStepAnswer,
  type CheckDescentStepOptions,
} from "./exercises/checkDescentStep";
export {
  checkStepsNeeded,
  evaluateStepsNeededAnswer,
  type CheckStepsNeededOptions,
} from "./exercises/checkStepsNeeded";

// ── Lesson 4: backpropagation through a two-layer tanh network (Bishop, PRML §5.3) ─────────────────
export {
  TanhNetwork,
  errorAt,
  type NetworkData,
  type TanhNetworkOptions,
  type ForwardPass,
  type PassCounts,
} from "./models/tanhNetwork";
export { trainTanhNetwork, tanhNetworkModel, type TrainOptions } from "./models/trainTanhNetwork";
export {
  networkGraphSvg,
  fitFigure,
  stabilityFigure,
  trainingSliderFigure,
  lossCurveSvg,
  gradientCostFigure,
  earlyStoppingFigure,
  type GradientCost,
  type EarlyStoppingCurves,
  type FitPlot,
  type StabilityRun,
  type TrainingFrame,
  type TrainingSliderOptions,
} from "./plot/tanhNetworkFigures";
export { medianTime } from "./stats/medianTime";
export { fastestTime } from "./stats/fastestTime";
export {
  numericalHessian,
  symmetricEigenvalues,
  type NumericalHessianOptions,
} from "./calculus/hessian";

// ── Lesson 5: when backprop goes wrong, and a reverse-mode autodiff engine, checked ─────────────────
export { Value, value, toValue, type ValueLike } from "./autodiff/value";
export { add, sub, mul, div, pow, neg, tanh, exp, log, sum } from "./autodiff/operations";
export { topologicalOrder } from "./autodiff/topologicalOrder";
export { backward } from "./autodiff/backward";
export { networkLossGraph, engineGradient, type NetworkShape } from "./autodiff/tanhNetworkGraph";
export { graphSvg } from "./autodiff/graphSvg";
export { backpropWithBug, backpropBugs, type BackpropBug } from "./autodiff/buggyBackprop";

// ── Lesson 6: beyond plain gradient descent (one Optimizer shape for the loop's update rules: ──────
// momentum, Nesterov, RMSProp, Adam; convergence factors on a quadratic, in theory and measured)
export type { Optimizer } from "./optim/optimizer";
export { plainDescent } from "./optim/plainDescent";
export { momentum } from "./optim/momentum";
export { nesterov } from "./optim/nesterov";
export { rmsprop } from "./optim/rmsprop";
export { adam } from "./optim/adam";
export {
  plainDescentFactor,
  momentumFactor,
  bestPlainSettings,
  bestMomentumSettings,
  momentumRateAt,
  measuredFactor,
} from "./optim/convergenceFactor";
export {
  logGrid,
  gridSettings,
  gridSearch,
  halvingSearch,
  type Setting,
  type Trial,
  type SearchResult,
  type HalvingResult,
} from "./optim/gridSearch";
// Lesson 6's figure and exercises
export {
  momentumSliderFigure,
  type MomentumFrame,
  type MomentumSliderOptions,
} from "./plot/momentumFigures";
export {
  checkMomentumStep,
  evaluateMomentumStepAnswer,
  type MomentumStep,
  type CheckMomentumStepOptions,
} from "./exercises/checkMomentumStep";
export {
  checkMomentumFactor,
  evaluateMomentumFactorAnswer,
  type CheckMomentumFactorOptions,
} from "./exercises/checkMomentumFactor";
export {
  checkBiasCorrection,
  evaluateBiasCorrectionAnswer,
  type BiasCorrection,
  type CheckBiasCorrectionOptions,
} from "./exercises/checkBiasCorrection";
