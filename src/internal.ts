// Downhill's internal entry, for benchmarks, tests and scripts: the public API (./index) and the
// plumbing behind it — argument checks, HTML builders, the optimiser's named entry, the exercise
// checkers' machinery. Notebooks import "./src/index", never this: what a lesson needs belongs there.
export * from "./index";

// Argument checks (every public function's errors come from these)
export * from "./errors/validate";
export { requireOptimizer } from "./optim/optimizer";

// HTML and figures as strings (the `show…` functions in ./index display them)
export { escapeHtml, escapeInlineScript } from "./display/format";
export { tableHtml, type Cell } from "./display/table";
export { gradcheckHtml } from "./display/gradcheckTable";
export { passColour, failColour, verdictColour } from "./display/verdict";
export {
  figureHtml,
  plotlyLibraryHtml,
  scriptSafeJson,
  hashText,
  withDefaults,
} from "./plot/figure";
export { plotlySource } from "./plot/showFigure";
export {
  requirePlaneOptions,
  surfaceColours,
  surfaceHover,
  surfaceTrace,
  type SurfaceTraceOptions,
} from "./plot/surfaceParts";

// Lesson 4's network computed fast (what training and the benchmark run; the lessons read TanhNetwork)
export { TanhNetworkFast } from "./models/tanhNetworkFast";

// The optimiser under another function's name (its errors name that function)
export { namedDescentSteps } from "./optim/gradientDescent";

// The exercise checkers' machinery
export {
  showExercise,
  exerciseText,
  exerciseVerdict,
  exerciseMimeType,
  type ExerciseVerdict,
  callLearner,
  callForVector,
  requireFiniteAnswer,
  diagnose,
  vectorText,
  type ExerciseOptions,
  type DiagnoseWords,
  type Called,
} from "./exercises/feedback";
export {
  defineChecker,
  type ArgumentCheck,
  type Checker,
  type CheckerDefinition,
} from "./exercises/defineChecker";
export {
  randomTestPoints,
  randomTestGradients,
  randomRuns,
  testPointOptionNames,
  runOptionNames,
  type TestPointOptions,
  type RunOptions,
} from "./exercises/testPoints";
export { finiteDifferenceCalls, countFiniteDifference } from "./calculus/callCounter";
