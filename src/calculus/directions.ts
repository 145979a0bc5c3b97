/**
 * Directions in the (w, b) plane and what a step along them does to a loss: the numbers behind
 * notebook 2's proof that the negative gradient is the direction of fastest decrease.
 *
 * A step of length s along a unit direction u changes L by
 *
 *   L(θ + su) − L(θ) = s uᵀ∇L(θ) + s²/2 uᵀ∇²L(θ) u + O(s³)
 *
 * and its first-order part s uᵀ∇L = s ‖∇L‖ cos β depends on u only through the angle β between u and
 * the gradient. (The lesson writes s, not η: the learning rate η multiplies −∇L, whose length changes
 * from point to point, so a step of length s along −∇L/‖∇L‖ is one of learning rate s/‖∇L‖.)
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.2, eq. (3); §2.4–2.5, §2.7
 */
import { InvalidArgumentError } from "../errors/errors";
import {
  evaluateFinite,
  requireFinite,
  requireFiniteVector,
  requireFunction,
  requireLength,
  requirePositive,
  requireVector2,
} from "../errors/validate";

function nonZero(caller: string, name: string, v: [number, number]): number {
  const length = Math.hypot(v[0], v[1]);
  if (length === 0)
    throw new InvalidArgumentError(
      `${caller}: ${name} is [0, 0]; expected a non-zero vector (it has no direction)`,
    );
  return length;
}

/**
 * The unit vector u at angle β (degrees, counter-clockwise) from the direction of `gradient`:
 *
 *   u = R(β) ∇L / ‖∇L‖,   R(β) = [[cos β, −sin β], [sin β, cos β]]
 *
 * so uᵀ∇L = ‖∇L‖ cos β. β = 0 is the gradient's own direction, β = 180 the opposite one.
 * @throws InvalidArgumentError for a zero gradient (no direction) or non-finite input; ShapeError
 *   when the gradient does not have two components
 * @example directionAtAngle([3, 4], 180); // => [-0.6, -0.8] (to rounding)
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.5 (the sweep of the angle β), eqs. (8)–(10)
 */
export function directionAtAngle(gradient: number[], betaDegrees: number): number[] {
  const caller = "directionAtAngle";
  const g = requireVector2(caller, "gradient", gradient);
  const length = nonZero(caller, "gradient", g);
  const beta = (requireFinite(caller, "betaDegrees", betaDegrees) * Math.PI) / 180;
  const [gx, gy] = [g[0] / length, g[1] / length];
  return [Math.cos(beta) * gx - Math.sin(beta) * gy, Math.sin(beta) * gx + Math.cos(beta) * gy];
}

/**
 * The angle β between two vectors of any length, in degrees from 0 to 180:
 *
 *   cos β = uᵀv / (‖u‖ ‖v‖)   (computed as 2·atan2(‖û − v̂‖, ‖û + v̂‖), accurate near 0° and 180°)
 *
 * @throws InvalidArgumentError for a zero vector; ShapeError for lengths that differ
 * @example angleBetween([1, 0], [-1, 1]); // => 135
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.4, eq. (8)
 */
export function angleBetween(u: number[], v: number[]): number {
  const caller = "angleBetween";
  const a = requireFiniteVector(caller, "u", u);
  const b = requireFiniteVector(caller, "v", v);
  requireLength(caller, "v", b.length, a.length);
  const norm = (x: number[]) => Math.sqrt(x.reduce((s, xi) => s + xi * xi, 0));
  if (norm(a) === 0)
    throw new InvalidArgumentError(
      `${caller}: u is a zero vector; expected a non-zero vector (it has no direction)`,
    );
  if (norm(b) === 0)
    throw new InvalidArgumentError(
      `${caller}: v is a zero vector; expected a non-zero vector (it has no direction)`,
    );
  // Kahan's form 2·atan2(‖â − b̂‖, ‖â + b̂‖): accurate near 0° and 180°, where acos(cos β) loses digits.
  const [na, nb] = [norm(a), norm(b)];
  const minus = norm(a.map((ai, i) => ai / na - b[i] / nb));
  const plus = norm(a.map((ai, i) => ai / na + b[i] / nb));
  return (2 * Math.atan2(minus, plus) * 180) / Math.PI;
}

/** One direction of a sweep: the step's true effect on L next to the first-order prediction. */
export interface SweepRow {
  /** Angle β between u and the gradient, degrees. */
  beta: number;
  /** The unit direction u. */
  u: number[];
  /** L(θ + su) − L(θ). */
  actual: number;
  /** s ‖∇L‖ cos β = s uᵀ∇L. */
  firstOrder: number;
}

/**
 * For each angle β: the unit direction u at β from the gradient, the actual change of f after a step
 * of length s along it, and the first-order Taylor prediction of that change:
 *
 *   actual = f(θ + su) − f(θ),   firstOrder = s ‖∇f(θ)‖ cos β
 *
 * @param f the loss, a function of θ = [w, b]
 * @param gradient ∇f(θ), e.g. from a hand derivation checked with `gradcheck`
 * @param stepLength s > 0, the length of every step (u is a unit vector)
 * @throws InvalidArgumentError for bad input, NonFiniteValueError when f returns NaN or ∞ (naming β)
 * @example
 * directionSweep(([w, b]) => w * w + b * b, [1, 0], [2, 0], 0.1, [0, 180]).map((r) => r.actual); // => [0.21, -0.19] (to rounding)
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.5 (actual change against the first order s‖∇L‖ cos β)
 */
export function directionSweep(
  f: (theta: number[]) => number,
  theta: number[],
  gradient: number[],
  stepLength: number,
  betasDegrees: number[],
): SweepRow[] {
  const caller = "directionSweep";
  requireFunction(caller, "f", f);
  const point = requireVector2(caller, "theta", theta);
  const g = requireVector2(caller, "gradient", gradient);
  const s = requirePositive(caller, "stepLength", stepLength);
  const betas = requireFiniteVector(caller, "betasDegrees", betasDegrees);
  const gNorm = nonZero(caller, "gradient", g);
  const f0 = evaluateFinite(caller, "f", f, "at theta", point.slice());
  return betas.map((beta) => {
    const u = directionAtAngle(g, beta);
    const moved = [point[0] + s * u[0], point[1] + s * u[1]];
    const actual = evaluateFinite(caller, "f", f, `at theta + s·u (β = ${beta}°)`, moved) - f0;
    return { beta, u, actual, firstOrder: s * gNorm * Math.cos((beta * Math.PI) / 180) };
  });
}

/** One step length of a gap study. */
export interface GapRow {
  /** s, the factor of u (the step's length when u is a unit vector). */
  stepLength: number;
  /** f(θ + su) − f(θ). */
  actual: number;
  /** s uᵀ∇f(θ). */
  firstOrder: number;
  /** |actual − firstOrder|: what the first-order Taylor term misses. */
  gap: number;
}

/**
 * For each step length s, the actual change of f along u, its first-order prediction and the gap:
 *
 *   gap(s) = |f(θ + su) − f(θ) − s uᵀ∇f(θ)| = |s²/2 uᵀ∇²f u + O(s³)|
 *
 * so for small s the gap grows like s² (slope 2 on log-log axes, see `logLogSlope`).
 * @throws InvalidArgumentError for bad input, NonFiniteValueError when f returns NaN or ∞ (naming s)
 * @example
 * firstOrderGap(([w, b]) => w * w + b * b, [1, 0], [2, 0], [-1, 0], [0.1, 0.2]).map((r) => r.gap); // => [0.01, 0.04] (to rounding)
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.7, eq. (12)
 */
export function firstOrderGap(
  f: (theta: number[]) => number,
  theta: number[],
  gradient: number[],
  u: number[],
  stepLengths: number[],
): GapRow[] {
  const caller = "firstOrderGap";
  requireFunction(caller, "f", f);
  const point = requireFiniteVector(caller, "theta", theta);
  const g = requireFiniteVector(caller, "gradient", gradient);
  const direction = requireFiniteVector(caller, "u", u);
  requireLength(caller, "gradient", g.length, point.length);
  requireLength(caller, "u", direction.length, point.length);
  const lengths = requireFiniteVector(caller, "stepLengths", stepLengths);
  lengths.forEach((s, i) => requirePositive(caller, `stepLengths[${i}]`, s));
  const f0 = evaluateFinite(caller, "f", f, "at theta", point.slice());
  const slope = direction.reduce((s, ui, i) => s + ui * g[i], 0);
  return lengths.map((s) => {
    const moved = point.map((p, i) => p + s * direction[i]);
    const actual = evaluateFinite(caller, "f", f, `at theta + s·u (s = ${s})`, moved) - f0;
    const firstOrder = s * slope;
    return { stepLength: s, actual, firstOrder, gap: Math.abs(actual - firstOrder) };
  });
}
