import { InvalidArgumentError } from "../errors/errors";
import {
  evaluateFinite,
  rejectUnknownOptions,
  requireFiniteVector,
  requireFunction,
  requireInteger,
  requireLength,
  requirePositive,
} from "../errors/validate";

export interface LevelSetTangentOptions {
  /** Radius of the small circle around the point (default 1e-3 · max(1, ‖p‖)). */
  radius?: number;
  /** Angles sampled on the circle before bisection (default 72). */
  samples?: number;
}

export interface LevelSetTangent {
  /** Unit vector along the level set through the point (its sign is arbitrary). */
  tangent: number[];
  /** The two points where the level set crosses the circle. */
  crossings: number[][];
}

/**
 * The direction of the level set {q : F(q) = F(p)} at p, found without any derivative: walk round a
 * small circle of radius r about p, find the two points c₁, c₂ where F equals F(p) again (bisection on
 * the angle), and take the chord between them,
 *
 *   tangent = (c₁ − c₂) / ‖c₁ − c₂‖
 *
 * For a smooth F with ∇F(p) ≠ 0 the chord is parallel to the level curve up to O(r²), so it is an
 * independent way to test the claim ∇F(p) · tangent = 0.
 * @throws InvalidArgumentError when p is not two finite numbers, for bad options, or when the level set
 *   does not cross the circle exactly twice (p is at a minimum, maximum or saddle, or r is too large)
 * @throws NonFiniteValueError when F returns NaN or ∞ on the circle
 * @example
 * levelSetTangent(([x, y]) => x * x + y * y, [1, 0]).tangent; // => [0, 1] or [0, -1] (to about 1e-9)
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.8, eq. (13)
 */
export function levelSetTangent(
  F: (p: number[]) => number,
  point: number[],
  options: LevelSetTangentOptions = {},
): LevelSetTangent {
  const caller = "levelSetTangent";
  requireFunction(caller, "F", F);
  const p = requireFiniteVector(caller, "point", point);
  requireLength(caller, "point", p.length, 2);
  rejectUnknownOptions(caller, options, ["radius", "samples"]);
  const r =
    options.radius === undefined
      ? 1e-3 * Math.max(1, Math.hypot(p[0], p[1]))
      : requirePositive(caller, "radius", options.radius);
  const samples =
    options.samples === undefined
      ? 72
      : requireInteger(caller, "samples", options.samples, 8, 100000);
  const level = evaluateFinite(caller, "F", F, "at point", p.slice());
  const on = (phi: number) => [p[0] + r * Math.cos(phi), p[1] + r * Math.sin(phi)];
  const g = (phi: number) =>
    evaluateFinite(caller, "F", F, `on the circle at angle ${phi}`, on(phi)) - level;
  const crossings: number[][] = [];
  for (let k = 0; k < samples; k++) {
    let a = (2 * Math.PI * k) / samples;
    let b = (2 * Math.PI * (k + 1)) / samples;
    let ga = g(a);
    const gb = g(b);
    if (ga === 0) {
      crossings.push(on(a));
      continue;
    }
    if (Math.sign(ga) === Math.sign(gb) || gb === 0) continue;
    for (let i = 0; i < 60; i++) {
      const m = (a + b) / 2;
      const gm = g(m);
      if (Math.sign(gm) === Math.sign(ga)) {
        a = m;
        ga = gm;
      } else {
        b = m;
      }
    }
    crossings.push(on((a + b) / 2));
  }
  if (crossings.length !== 2) {
    throw new InvalidArgumentError(
      `${caller}: the level set through point [${p.join(", ")}] crosses the circle of radius ${r} ${crossings.length} times; expected 2 (is the gradient zero there, or the radius too large?)`,
    );
  }
  const [c1, c2] = crossings;
  const chord = [c1[0] - c2[0], c1[1] - c2[1]];
  const length = Math.hypot(chord[0], chord[1]);
  return { tangent: [chord[0] / length, chord[1] / length], crossings };
}
