// Learners call the helpers with everything wrong that can be wrong. Each row: a bad call, the typed
// error it must throw, and what the message must name (function, argument, index, what was expected).
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import * as downhill from "../src/internal";

const f = (w: number[]) => w.reduce((s, v) => s + v * v, 0);
const dir = mkdtempSync(path.join(tmpdir(), "downhill-bad-"));
const csv = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

type ErrorName =
  | "InvalidArgumentError"
  | "ShapeError"
  | "NonFiniteValueError"
  | "DataFileError"
  | "CheckFailedError"
  | "DivergenceError";
export const cases: [string, () => unknown, ErrorName, RegExp][] = [
  [
    "forwardDifference with x = NaN",
    () => downhill.forwardDifference(Math.sin, NaN),
    "InvalidArgumentError",
    /forwardDifference: x is NaN; expected a finite number/,
  ],
  [
    "forwardDifference with x = ∞",
    () => downhill.forwardDifference(Math.sin, Infinity),
    "InvalidArgumentError",
    /forwardDifference: x is Infinity/,
  ],
  [
    "forwardDifference with h = 0",
    () => downhill.forwardDifference(Math.sin, 1, 0),
    "InvalidArgumentError",
    /forwardDifference: h is 0; expected a finite number > 0/,
  ],
  [
    "forwardDifference with f not a function",
    () => downhill.forwardDifference(3 as never, 1),
    "InvalidArgumentError",
    /forwardDifference: f is 3; expected a function/,
  ],
  [
    "forwardDifference where f returns NaN",
    () => downhill.forwardDifference(() => NaN, 1),
    "NonFiniteValueError",
    /forwardDifference: f returned NaN at x = 1/,
  ],
  [
    "centralDifference with h = −1",
    () => downhill.centralDifference(Math.sin, 1, -1),
    "InvalidArgumentError",
    /centralDifference: h is -1/,
  ],
  [
    "centralDifference with h = NaN",
    () => downhill.centralDifference(Math.sin, 1, NaN),
    "InvalidArgumentError",
    /centralDifference: h is NaN/,
  ],
  [
    "centralDifference with x a string",
    () => downhill.centralDifference(Math.sin, "1" as never),
    "InvalidArgumentError",
    /centralDifference: x is "1" \(a string\)/,
  ],
  [
    "centralDifference where f returns a string",
    () => downhill.centralDifference(() => "0" as never, 1),
    "NonFiniteValueError",
    /f returned "0" \(a string\) at x \+ h/,
  ],
  [
    "centralDifference where f is ∞ at x − h",
    () => downhill.centralDifference((x) => (x < 1 ? Infinity : x), 1, 0.1),
    "NonFiniteValueError",
    /f returned Infinity at x − h = 0.9/,
  ],
  [
    "complexStepDerivative with h = 0",
    () => downhill.complexStepDerivative((z) => z, 1, 0),
    "InvalidArgumentError",
    /complexStepDerivative: h is 0/,
  ],
  [
    "complexStepDerivative where f returns undefined",
    () => downhill.complexStepDerivative(() => undefined as never, 1),
    "NonFiniteValueError",
    /complexStepDerivative: f returned undefined/,
  ],
  [
    "numericalGradient with an empty w",
    () => downhill.numericalGradient(f, []),
    "InvalidArgumentError",
    /numericalGradient: w is empty/,
  ],
  [
    "numericalGradient with w[2] = NaN",
    () => downhill.numericalGradient(f, [1, 2, NaN]),
    "InvalidArgumentError",
    /numericalGradient: w\[2\] is NaN/,
  ],
  [
    "numericalGradient with w[0] = −∞",
    () => downhill.numericalGradient(f, [-Infinity]),
    "InvalidArgumentError",
    /numericalGradient: w\[0\] is -Infinity/,
  ],
  [
    "numericalGradient with w not an array",
    () => downhill.numericalGradient(f, 3 as never),
    "InvalidArgumentError",
    /numericalGradient: w is 3; expected an array of numbers/,
  ],
  [
    "numericalGradient with an unknown option",
    () => downhill.numericalGradient(f, [1], { step: 1 } as never),
    "InvalidArgumentError",
    /numericalGradient: unknown option "step"; expected one of "method", "h"/,
  ],
  [
    "numericalGradient with an unknown method",
    () => downhill.numericalGradient(f, [1], { method: "backward" as never }),
    "InvalidArgumentError",
    /method is "backward"; expected "central" or "forward"/,
  ],
  [
    "numericalGradient with h = 0",
    () => downhill.numericalGradient(f, [1], { h: 0 }),
    "InvalidArgumentError",
    /numericalGradient: h is 0/,
  ],
  [
    "numericalGradient where f returns NaN for one parameter",
    () => downhill.numericalGradient((w) => (w[1] > 1 ? NaN : w[1]), [0, 1]),
    "NonFiniteValueError",
    /f returned NaN at w \+ h·e\[1\] \(perturbing w\[1\]\)/,
  ],
  [
    "gradcheck with mismatched lengths",
    () => downhill.gradcheck(f, [1], [1, 2]),
    "ShapeError",
    /gradcheck: analyticGradient has length 1; expected 2/,
  ],
  [
    "gradcheck with a NaN in the analytic gradient",
    () => downhill.gradcheck(f, [NaN], [1]),
    "InvalidArgumentError",
    /gradcheck: analyticGradient\[0\] is NaN/,
  ],
  [
    "gradcheck with tolerance 0",
    () => downhill.gradcheck(f, [2], [1], { tolerance: 0 }),
    "InvalidArgumentError",
    /gradcheck: tolerance is 0/,
  ],
  [
    "gradcheck with a misspelt option",
    () => downhill.gradcheck(f, [2], [1], { tolerence: 1 } as never),
    "InvalidArgumentError",
    /gradcheck: unknown option "tolerence"/,
  ],
  [
    "gradcheck with too few names",
    () => downhill.gradcheck(f, [2, 2], [1, 1], { names: ["a"] }),
    "InvalidArgumentError",
    /gradcheck: names has length 1; expected 2/,
  ],
  [
    "gradcheck where f returns a non-number",
    () => downhill.gradcheck(() => ({}) as never, [1], [1]),
    "NonFiniteValueError",
    /f returned an object .*perturbing w\[0\]/,
  ],
  [
    "symbolicDerivative of an empty formula",
    () => downhill.symbolicDerivative(""),
    "InvalidArgumentError",
    /symbolicDerivative: expression is ""/,
  ],
  [
    "symbolicDerivative of a malformed formula",
    () => downhill.symbolicDerivative("x^^2"),
    "InvalidArgumentError",
    /cannot differentiate "x\^\^2"/,
  ],
  [
    "createRandom with a NaN seed",
    () => downhill.createRandom(NaN),
    "InvalidArgumentError",
    /createRandom: seed is NaN/,
  ],
  [
    "uniform with max ≤ min",
    () => downhill.createRandom(1).uniform(1, 1),
    "InvalidArgumentError",
    /uniform: max is 1; expected a number > min \(1\)/,
  ],
  [
    "normal with a negative sd",
    () => downhill.createRandom(1).normal(0, -2),
    "InvalidArgumentError",
    /normal: sd is -2/,
  ],
  [
    "integer with a fractional bound",
    () => downhill.createRandom(1).integer(0.5, 3),
    "InvalidArgumentError",
    /integer: min is 0.5; expected an integer/,
  ],
  [
    "loadCsv of a missing file",
    () => downhill.loadCsv(path.join(dir, "absent.csv")),
    "DataFileError",
    /loadCsv: cannot read .*absent.csv: no such file/,
  ],
  [
    "loadCsv with a word among the numbers",
    () => downhill.loadCsv(csv("word.csv", "x,t\n1,2\n3,four\n")),
    "DataFileError",
    /word.csv line 3, column 2 \("t"\): "four" is not a finite number/,
  ],
  [
    "loadCsv with a short line",
    () => downhill.loadCsv(csv("short.csv", "x,t\n1\n")),
    "DataFileError",
    /short.csv line 2: 1 values; expected 2/,
  ],
  [
    "loadCsv of an empty file",
    () => downhill.loadCsv(csv("empty.csv", "")),
    "DataFileError",
    /empty.csv is empty/,
  ],
  [
    "column that does not exist",
    () => downhill.column({ columns: ["x"], rows: [[1]] }, "y"),
    "DataFileError",
    /column: no column "y"/,
  ],
  [
    "logLogSlope of a zero",
    () => downhill.logLogSlope([1, 2], [0, 1]),
    "InvalidArgumentError",
    /logLogSlope: ys\[0\] is 0; expected a number > 0/,
  ],
  [
    "logLogSlope with mismatched lengths",
    () => downhill.logLogSlope([1, 2, 3], [1, 2]),
    "ShapeError",
    /logLogSlope: ys has length 2; expected 3/,
  ],
  [
    "figureHtml with a NaN in a trace",
    () => downhill.figureHtml({ data: [{ x: [1, 2], y: [1, NaN] }] }, "id"),
    "InvalidArgumentError",
    /figureHtml: data\[0\].y\[1\] is NaN; a figure can only show finite numbers/,
  ],
  [
    "figureHtml with ∞ in an animation frame",
    () => downhill.figureHtml({ data: [], frames: [{ data: [{ y: [Infinity] }] }] }, "id"),
    "InvalidArgumentError",
    /figureHtml: frames\[0\].data\[0\].y\[0\] is Infinity/,
  ],
  [
    "figureHtml without data",
    () => downhill.figureHtml({} as never, "id"),
    "InvalidArgumentError",
    /figureHtml: figure.data is missing/,
  ],
  [
    "checkClose with a NaN measurement",
    () => downhill.checkClose("loss", NaN, 0, 1),
    "CheckFailedError",
    /check failed: loss: NaN/,
  ],
  [
    "checkClose with a NaN tolerance",
    () => downhill.checkClose("loss", 1, 1, NaN),
    "InvalidArgumentError",
    /checkClose: tolerance is NaN/,
  ],
  [
    "linearApproximationFigure with no steps",
    () => downhill.linearApproximationFigure({ f: Math.sin, fPrime: Math.cos, x0: 0, steps: [] }),
    "InvalidArgumentError",
    /linearApproximationFigure: steps is empty/,
  ],
  [
    "linearApproximationFigure where f is undefined at a step",
    () =>
      downhill.linearApproximationFigure({ f: Math.sqrt, fPrime: Math.sqrt, x0: 0.5, steps: [1] }),
    "NonFiniteValueError",
    /linearApproximationFigure: f returned NaN at x = -0.5/,
  ],
  // models and training
  [
    "LinearNeuron with 0 inputs",
    () => new downhill.LinearNeuron(0),
    "InvalidArgumentError",
    /LinearNeuron: inputs is 0; expected an integer ≥ 1/,
  ],
  [
    "LinearNeuron.predict with a NaN weight",
    () => new downhill.LinearNeuron(2).predict([1, NaN], [1, 2]),
    "InvalidArgumentError",
    /predict: w\[1\] is NaN/,
  ],
  [
    "LinearNeuron.loss with targets of the wrong length",
    () => new downhill.LinearNeuron(2).loss([1, 1], { X: [[1, 0]], t: [1, 2] }),
    "ShapeError",
    /loss: data.t has length 2; expected 1/,
  ],
  [
    "LinearNeuron.gradient with an input of ∞",
    () =>
      new downhill.LinearNeuron(2).gradient([1, 1], {
        X: [
          [1, 0],
          [Infinity, 1],
        ],
        t: [1, 2],
      }),
    "InvalidArgumentError",
    /gradient: data.X\[1\]\[0\] is Infinity/,
  ],
  [
    "gradientDescent with learning rate 0",
    () =>
      downhill.gradientDescent(new downhill.LinearNeuron(1), { X: [[1]], t: [1] }, [0], {
        learningRate: 0,
        steps: 1,
      }),
    "InvalidArgumentError",
    /gradientDescent: learningRate is 0; expected a finite number > 0/,
  ],
  [
    "gradientDescent with a misspelt option",
    () =>
      downhill.gradientDescent(new downhill.LinearNeuron(1), { X: [[1]], t: [1] }, [0], {
        learningrate: 0.1,
        steps: 1,
      } as never),
    "InvalidArgumentError",
    /gradientDescent: unknown option "learningrate"/,
  ],
  [
    "gradientDescent with a learning rate that diverges",
    () =>
      downhill.gradientDescent(new downhill.LinearNeuron(1), { X: [[1]], t: [1] }, [0], {
        learningRate: 1e200,
        steps: 50,
      }),
    "DivergenceError",
    /step \d+.*1e\+200/,
  ],
  // Lesson 6: the optimisers' settings, the loop's optimizer option, the convergence factors
  [
    "momentum with β = 1",
    () => downhill.momentum({ beta: 1 }),
    "InvalidArgumentError",
    /^momentum: beta is 1; expected a number in \[0, 1\)$/,
  ],
  [
    "momentum with β > 1",
    () => downhill.momentum({ beta: 1.2 }),
    "InvalidArgumentError",
    /^momentum: beta is 1.2; expected a number in \[0, 1\)$/,
  ],
  [
    "momentum with a negative β",
    () => downhill.momentum({ beta: -0.5 }),
    "InvalidArgumentError",
    /^momentum: beta is -0.5; expected a number in \[0, 1\)$/,
  ],
  [
    "momentum without β",
    () => downhill.momentum({} as never),
    "InvalidArgumentError",
    /^momentum: beta is undefined; expected a number in \[0, 1\)$/,
  ],
  [
    "momentum with a misspelt option",
    () => downhill.momentum({ beta: 0.9, momentun: 0.9 } as never),
    "InvalidArgumentError",
    /^momentum: unknown option "momentun"; expected one of "beta"$/,
  ],
  [
    "nesterov with β = 1",
    () => downhill.nesterov({ beta: 1 }),
    "InvalidArgumentError",
    /^nesterov: beta is 1; expected a number in \[0, 1\)$/,
  ],
  [
    "nesterov with β = NaN",
    () => downhill.nesterov({ beta: NaN }),
    "InvalidArgumentError",
    /^nesterov: beta is NaN; expected a number in \[0, 1\)$/,
  ],
  [
    "rmsprop with ρ = 1",
    () => downhill.rmsprop({ rho: 1 }),
    "InvalidArgumentError",
    /^rmsprop: rho is 1; expected a number in \[0, 1\)$/,
  ],
  [
    "rmsprop with ε = 0",
    () => downhill.rmsprop({ epsilon: 0 }),
    "InvalidArgumentError",
    /^rmsprop: epsilon is 0; expected a finite number > 0$/,
  ],
  [
    "rmsprop with a misspelt option",
    () => downhill.rmsprop({ decay: 0.9 } as never),
    "InvalidArgumentError",
    /^rmsprop: unknown option "decay"; expected one of "rho", "epsilon"$/,
  ],
  [
    "adam with β₁ = 1",
    () => downhill.adam({ beta1: 1 }),
    "InvalidArgumentError",
    /^adam: beta1 is 1; expected a number in \[0, 1\)$/,
  ],
  [
    "adam with a negative β₂",
    () => downhill.adam({ beta2: -0.001 }),
    "InvalidArgumentError",
    /^adam: beta2 is -0.001; expected a number in \[0, 1\)$/,
  ],
  [
    "adam with a negative ε",
    () => downhill.adam({ epsilon: -1e-8 }),
    "InvalidArgumentError",
    /^adam: epsilon is -1e-8; expected a finite number > 0$/,
  ],
  [
    "adam with a misspelt option",
    () => downhill.adam({ beta_2: 0.99 } as never),
    "InvalidArgumentError",
    /^adam: unknown option "beta_2"; expected one of "beta1", "beta2", "epsilon"$/,
  ],
  [
    "gradientDescent with a negative learning rate and momentum",
    () =>
      downhill.gradientDescent(new downhill.LinearNeuron(1), { X: [[1]], t: [1] }, [0], {
        learningRate: -0.1,
        steps: 1,
        optimizer: downhill.momentum({ beta: 0.9 }),
      }),
    "InvalidArgumentError",
    /^gradientDescent: learningRate is -0.1; expected a finite number > 0$/,
  ],
  [
    "gradientDescent with the factory, not the optimizer (momentum for momentum({ beta }))",
    () =>
      downhill.gradientDescent(new downhill.LinearNeuron(1), { X: [[1]], t: [1] }, [0], {
        learningRate: 0.1,
        steps: 1,
        optimizer: downhill.momentum as never,
      }),
    "InvalidArgumentError",
    /^gradientDescent: optimizer is a function; expected an Optimizer \{ label, begin \}/,
  ],
  [
    "descentSteps with an optimizer named by a string",
    () =>
      downhill.descentSteps(new downhill.LinearNeuron(1), { X: [[1]], t: [1] }, [0], {
        learningRate: 0.1,
        steps: 1,
        optimizer: "adam" as never,
      }),
    "InvalidArgumentError",
    /^descentSteps: optimizer is "adam" \(a string\); expected an Optimizer/,
  ],
  [
    "gradientDescent with momentum that diverges names the optimizer",
    () =>
      downhill.gradientDescent(new downhill.LinearNeuron(1), { X: [[1]], t: [1] }, [0], {
        learningRate: 1e200,
        steps: 50,
        optimizer: downhill.momentum({ beta: 0.9 }),
      }),
    "DivergenceError",
    /^gradientDescent: diverged at step \d+ with momentum \(β = 0.9\) and learningRate 1e\+200/,
  ],
  [
    "logGrid from a value above its end",
    () => downhill.logGrid(1, 0.1, 5),
    "InvalidArgumentError",
    /^logGrid: to is 0.1; expected a number > from \(1\)$/,
  ],
  [
    "gridSettings with a knob that has no values",
    () => downhill.gridSettings({ learningRate: [0.1, 1], beta: [] }),
    "InvalidArgumentError",
    /^gridSettings: knobs.beta is empty; expected at least one number$/,
  ],
  [
    "gridSearch with no settings",
    () => downhill.gridSearch([], () => 0),
    "InvalidArgumentError",
    /^gridSearch: settings is empty; expected at least one setting/,
  ],
  [
    "halvingSearch keeping more settings than it has",
    () => downhill.halvingSearch([{ learningRate: 1 }], () => 0, { starts: 5, keep: 3 }),
    "InvalidArgumentError",
    /^halvingSearch: keep is 3; expected an integer/,
  ],
  [
    "plainDescentFactor with κ < 1",
    () => downhill.plainDescentFactor(0.5),
    "InvalidArgumentError",
    /^plainDescentFactor: kappa is 0.5; expected a number ≥ 1$/,
  ],
  [
    "momentumFactor with κ = NaN",
    () => downhill.momentumFactor(NaN),
    "InvalidArgumentError",
    /^momentumFactor: kappa is NaN; expected a finite number$/,
  ],
  [
    "bestPlainSettings with λ_min = 0",
    () => downhill.bestPlainSettings(0, 1),
    "InvalidArgumentError",
    /^bestPlainSettings: lambdaMin is 0; expected a finite number > 0$/,
  ],
  [
    "bestMomentumSettings with λ_max < λ_min",
    () => downhill.bestMomentumSettings(2, 1),
    "InvalidArgumentError",
    /^bestMomentumSettings: lambdaMax is 1; expected a number ≥ 2 \(lambdaMin\)$/,
  ],
  [
    "momentumRateAt with β = 1",
    () => downhill.momentumRateAt(0.1, 1, [1, 2]),
    "InvalidArgumentError",
    /^momentumRateAt: beta is 1; expected a number in \[0, 1\)$/,
  ],
  [
    "momentumRateAt with a negative learning rate",
    () => downhill.momentumRateAt(-0.1, 0.5, [1, 2]),
    "InvalidArgumentError",
    /^momentumRateAt: learningRate is -0.1; expected a finite number > 0$/,
  ],
  [
    "momentumRateAt with an eigenvalue NaN",
    () => downhill.momentumRateAt(0.1, 0.5, [1, NaN]),
    "InvalidArgumentError",
    /^momentumRateAt: eigenvalues\[1\] is NaN/,
  ],
  [
    "measuredFactor with to ≤ from",
    () => downhill.measuredFactor([4, 2, 1], { from: 2, to: 1 }),
    "InvalidArgumentError",
    /^measuredFactor: from is 2; expected an integer from 0 to 1$/,
  ],
  [
    "measuredFactor with a distance 0",
    () => downhill.measuredFactor([4, 2, 0], { from: 0, to: 2 }),
    "InvalidArgumentError",
    /^measuredFactor: distances\[2\] is 0; expected a finite number > 0$/,
  ],
  [
    "TanhNetwork with a misspelt option",
    () => new downhill.TanhNetwork({ inputs: 1, hiddenUnit: 3, outputs: 1, seed: 1 } as never),
    "InvalidArgumentError",
    /unknown option "hiddenUnit"/,
  ],
  [
    "TanhNetwork.forward with the wrong input size",
    () => new downhill.TanhNetwork({ inputs: 2, hiddenUnits: 3, outputs: 1, seed: 1 }).forward([1]),
    "ShapeError",
    /TanhNetwork.forward: x has length 1; expected 2/,
  ],
  [
    "TanhNetwork.setParameters with ∞",
    () =>
      new downhill.TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 }).setParameters([
        0,
        0,
        Infinity,
        0,
      ]),
    "InvalidArgumentError",
    /setParameters: w\[2\] is Infinity/,
  ],
  [
    "TanhNetwork.gradient with targets of the wrong size",
    () =>
      new downhill.TanhNetwork({ inputs: 2, hiddenUnits: 3, outputs: 1, seed: 1 }).gradient(
        [[1, 2]],
        [[1, 2]],
      ),
    "ShapeError",
    /T\[0\] has length 2; expected 1/,
  ],
  [
    "trainTanhNetwork that diverges",
    () =>
      downhill.trainTanhNetwork(
        new downhill.TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 }),
        [[-1], [1]],
        [[1e3], [-1e3]],
        { learningRate: 1e6, steps: 1000 },
      ),
    "DivergenceError",
    /^trainTanhNetwork: diverged at step \d+ with learningRate 1000000/,
  ],
  [
    "descentSteps with stopWhen not a function",
    () =>
      downhill.descentSteps(new downhill.LinearNeuron(1), { X: [[1]], t: [1] }, [0], {
        learningRate: 0.1,
        steps: 1,
        stopWhen: 1 as never,
      }),
    "InvalidArgumentError",
    /^descentSteps: stopWhen is 1; expected a function/,
  ],
  [
    "value (autodiff leaf) with x = NaN",
    () => downhill.value(NaN, "w"),
    "InvalidArgumentError",
    /^value: x is NaN; expected a finite number/,
  ],
  [
    "new Value with data = ∞",
    () => new downhill.Value(Infinity),
    "InvalidArgumentError",
    /^Value: data is Infinity; expected a finite number/,
  ],
  [
    "add with an operand NaN",
    () => downhill.add(downhill.value(1), NaN),
    "InvalidArgumentError",
    /^add: b is NaN; expected a finite number/,
  ],
  [
    "mul with an operand a string",
    () => downhill.mul("2" as never, downhill.value(1)),
    "InvalidArgumentError",
    /^mul: a is "2" \(a string\); expected a finite number/,
  ],
  [
    "pow with the exponent ∞",
    () => downhill.pow(downhill.value(2), Infinity),
    "InvalidArgumentError",
    /^pow: p is Infinity; expected a finite number/,
  ],
  [
    "sum with a term NaN",
    () => downhill.sum([downhill.value(1), NaN]),
    "InvalidArgumentError",
    /^sum: terms\[1\] is NaN; expected a finite number/,
  ],
  [
    "sum of no terms",
    () => downhill.sum([]),
    "InvalidArgumentError",
    /^sum: terms is an empty array; expected a non-empty array of Values/,
  ],
  [
    "log of 0",
    () => downhill.log(downhill.value(0)),
    "NonFiniteValueError",
    /^log: the result is -Infinity at input 0; log needs a > 0/,
  ],
  [
    "log of a negative number",
    () => downhill.log(downhill.value(-1)),
    "NonFiniteValueError",
    /^log: the result is NaN at input -1; log needs a > 0/,
  ],
  [
    "div by 0",
    () => downhill.div(downhill.value(1), downhill.value(0)),
    "NonFiniteValueError",
    /^div: the result is Infinity at input 1, 0; division needs b ≠ 0/,
  ],
  [
    "exp that overflows",
    () => downhill.exp(downhill.value(800)),
    "NonFiniteValueError",
    /^exp: the result is Infinity at input 800; eᵃ overflows for a > 709\.78/,
  ],
  [
    "backward on an array of outputs, not one scalar loss",
    () => downhill.backward([downhill.value(1), downhill.value(2)] as never),
    "InvalidArgumentError",
    /^backward: L is an array of 2 values; expected one Value, a scalar loss/,
  ],
  [
    "backward on a number, not a Value",
    () => downhill.backward(3 as never),
    "InvalidArgumentError",
    /^backward: L is 3; expected one Value, a scalar loss/,
  ],
  [
    "backward on a graph with a cycle (inputs edited by hand)",
    () => {
      const x = downhill.value(1, "x");
      const y = downhill.mul(x, 2);
      (x as unknown as { inputs: unknown[] }).inputs = [y]; // x now depends on y, which uses x
      return downhill.backward(y);
    },
    "InvalidArgumentError",
    /^topologicalOrder: the graph has a cycle through a "×" node; a computational graph must be acyclic/,
  ],
  [
    "engineGradient with net not a network",
    () => downhill.engineGradient({} as never, [[1]], [[1]]),
    "InvalidArgumentError",
    /^engineGradient: net is not a TanhNetwork/,
  ],
  [
    "networkLossGraph with too few weights",
    () =>
      downhill.networkLossGraph(
        [downhill.value(1)],
        { inputs: 1, hiddenUnits: 1, outputs: 1 },
        [[1]],
        [[1]],
      ),
    "ShapeError",
    /^networkLossGraph: w has length 1; expected 4/,
  ],
  [
    "networkLossGraph with an input NaN",
    () =>
      downhill.networkLossGraph(
        [1, 2, 3, 4].map((n) => downhill.value(n)),
        { inputs: 1, hiddenUnits: 1, outputs: 1 },
        [[NaN]],
        [[1]],
      ),
    "InvalidArgumentError",
    /^networkLossGraph: X\[0\]\[0\] is NaN; expected a finite number/,
  ],
  [
    "backpropWithBug with a bug the course does not have",
    () =>
      downhill.backpropWithBug(
        new downhill.TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 }),
        [[1]],
        [[1]],
        "off by one" as never,
      ),
    "InvalidArgumentError",
    /^backpropWithBug: bug is "off by one"; expected one of "none", "no sum over k"/,
  ],
];

for (const [name, call, errorName, message] of cases) {
  test(`bad input: ${name} throws ${errorName} naming what was wrong`, () => {
    assert.throws(call, (error: unknown) => {
      assert.ok(
        error instanceof downhill.DownhillError,
        `expected a DownhillError, got ${String(error)}`,
      );
      assert.equal((error as Error).name, errorName);
      assert.match((error as Error).message, message);
      return true;
    });
  });
}

test("every typed error the course exports is thrown by at least one row of the table", () => {
  const errorNames = Object.entries(downhill)
    .filter(
      ([name, value]) =>
        typeof value === "function" &&
        value.prototype instanceof downhill.DownhillError &&
        name !== "YourTurnError",
    )
    .map(([name]) => name);
  assert.ok(errorNames.length >= 6, `found only ${errorNames.join(", ")}`);
  for (const name of errorNames)
    assert.ok(
      cases.some(([, , errorName]) => errorName === name),
      `no row throws ${name}`,
    );
});
