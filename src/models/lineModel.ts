/**
 * The two-parameter model of notebook 2, a straight line y = w·x + b, with parameters θ = [w, b] and
 * the half mean squared error
 *
 *   L(θ) = 1/(2N) Σₙ (w xₙ + b − tₙ)²
 *
 * together with its gradient ∇L(θ) and its Hessian ∇²L(θ), all derived by hand. L is a function of the
 * two numbers w and b only, so it can be drawn as a surface over the (w, b) plane.
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.1–2.3, eqs. (1), (5), (6)
 */
import { InvalidArgumentError, ShapeError } from "../errors/errors";
import { requireFiniteVector, requireLength, requireVector2 } from "../errors/validate";

/** Points to fit: inputs x[n] with targets t[n]. */
export interface LineData {
  x: number[];
  t: number[];
}

function checkData(caller: string, data: LineData): void {
  if (!data || typeof data !== "object")
    throw new ShapeError(
      `${caller}: data is ${String(data)}; expected { x: number[], t: number[] }`,
    );
  requireFiniteVector(caller, "data.x", data.x);
  requireFiniteVector(caller, "data.t", data.t);
  requireLength(caller, "data.t", data.t.length, data.x.length);
}

/**
 * The prediction y = w·x + b of the line θ = [w, b].
 * @throws InvalidArgumentError / ShapeError for a θ that is not two finite numbers
 * @example linePredict([2, 1], 3); // => 7
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.1
 */
export function linePredict(theta: number[], x: number): number {
  const [w, b] = requireVector2("linePredict", "theta", theta);
  return w * x + b;
}

/**
 * The loss L(θ) = 1/(2N) Σₙ (w xₙ + b − tₙ)²: half the mean squared error of the line θ = [w, b].
 * @throws InvalidArgumentError naming a non-finite θ or data entry; ShapeError when θ is not [w, b] or
 *   x and t differ in length
 * @example lineLoss([1, 0], { x: [1, 2], t: [1, 4] }); // => 1   (errors 0 and −2: (0 + 4) / 4)
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.1, eq. (1)
 */
export function lineLoss(theta: number[], data: LineData): number {
  const [w, b] = requireVector2("lineLoss", "theta", theta);
  checkData("lineLoss", data);
  let sum = 0;
  data.x.forEach((x, n) => {
    const error = w * x + b - data.t[n];
    sum += error * error;
  });
  return sum / (2 * data.x.length);
}

/**
 * The gradient ∇L(θ) = [∂L/∂w, ∂L/∂b] = [1/N Σₙ eₙ xₙ, 1/N Σₙ eₙ], with eₙ = w xₙ + b − tₙ: the chain
 * rule on ½e², whose derivative is e times ∂e/∂w = xₙ or ∂e/∂b = 1.
 * @throws the same errors as `lineLoss`
 * @example lineGradient([1, 0], { x: [1, 2], t: [1, 4] }); // => [-2, -1]
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.2, eq. (5)
 */
export function lineGradient(theta: number[], data: LineData): number[] {
  const [w, b] = requireVector2("lineGradient", "theta", theta);
  checkData("lineGradient", data);
  let dw = 0;
  let db = 0;
  data.x.forEach((x, n) => {
    const error = w * x + b - data.t[n];
    dw += error * x; // ∂(½e²)/∂w = e · x
    db += error; //     ∂(½e²)/∂b = e · 1
  });
  return [dw / data.x.length, db / data.x.length];
}

/**
 * The Hessian ∇²L = [[mean x², mean x], [mean x, 1]]: the second partial derivatives of L. L is
 * quadratic in θ, so the Hessian is the same at every θ and depends on the inputs x only.
 * @throws InvalidArgumentError / ShapeError for bad data
 * @example lineHessian({ x: [1, 3], t: [0, 0] }); // => [[5, 2], [2, 1]]
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.2, eq. (6); its eigenvalues in §2.6
 */
export function lineHessian(data: LineData): number[][] {
  checkData("lineHessian", data);
  const n = data.x.length;
  const meanX = data.x.reduce((s, x) => s + x, 0) / n;
  const meanX2 = data.x.reduce((s, x) => s + x * x, 0) / n;
  return [
    [meanX2, meanX],
    [meanX, 1],
  ];
}

/**
 * The bottom of the bowl: the θ* = [w*, b*] where ∇L = 0, from the two linear equations (5) = 0,
 *
 *   w* = (mean xt − mean x · mean t) / (mean x² − (mean x)²),   b* = mean t − w* · mean x.
 *
 * @throws InvalidArgumentError / ShapeError for bad data; InvalidArgumentError when all xₙ are equal
 *   (then every line through their mean fits equally well and there is no single bottom)
 * @example lineMinimum({ x: [0, 1, 2], t: [1, 3, 5] }); // => [2, 1]
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.3 (the gradient check at the bottom), where (5) is zero
 */
export function lineMinimum(data: LineData): number[] {
  checkData("lineMinimum", data);
  const n = data.x.length;
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / n;
  const meanX = mean(data.x);
  const meanT = mean(data.t);
  const varianceX = mean(data.x.map((x) => (x - meanX) ** 2));
  if (!(varianceX > 0))
    throw new InvalidArgumentError("lineMinimum: all data.x are equal; the minimum is not unique");
  const w = mean(data.x.map((x, i) => (x - meanX) * (data.t[i] - meanT))) / varianceX;
  return [w, meanT - w * meanX];
}
