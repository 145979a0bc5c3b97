import { InvalidArgumentError } from "../errors/errors";
import {
  evaluateFinite,
  requireFinite,
  requireFiniteVector,
  requireFunction,
} from "../errors/validate";
import { formatNumber } from "../display/format";
import type { Figure } from "./figure";
import { palette } from "./palette";

export interface LinearApproximationOptions {
  /** The function, e.g. `(x) => x * x`. */
  f: (x: number) => number;
  /** Its derivative, e.g. `(x) => 2 * x`. */
  fPrime: (x: number) => number;
  /** The point the line touches. */
  x0: number;
  /** The steps h the slider offers. */
  steps: number[];
  /** The x-range drawn (default: x0 − 1 to x0 + the largest step + 1). */
  xRange?: [number, number];
  /**
   * The step the figure opens at, one of `steps` (default the first). The opening state is also the
   * static image (handouts with scripts off, print), so pick a step whose error bar is visible.
   */
  initialStep?: number;
}

/**
 * The curve y = f(x), its tangent y = f(x₀) + f'(x₀)(x − x₀) at x₀, and, for the step h chosen on a
 * slider, the true value f(x₀ + h), the linear prediction f(x₀) + f'(x₀)·h, and the gap between them.
 * Colours: f and its value in `palette.curve`, the tangent and its prediction in `palette.tangent`,
 * the error bar in `palette.theory` (black: the h²-sized gap that §1.3 computes, not a gradient).
 * Every slider position is baked into the figure, so it works with no kernel (exported HTML too).
 * @throws InvalidArgumentError for an empty `steps`, a bad range, an `initialStep` not in `steps`, or a
 *   function that returns NaN
 * @example
 * linearApproximationFigure({ f: (x) => x * x, fPrime: (x) => 2 * x, x0: 4, steps: [0.5, 1, 2] }).data.length; // => 5
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.3, eq. (3)
 */
export function linearApproximationFigure(options: LinearApproximationOptions): Figure {
  const caller = "linearApproximationFigure";
  const { f, fPrime, x0 } = options;
  requireFunction(caller, "f", f);
  requireFunction(caller, "fPrime", fPrime);
  requireFinite(caller, "x0", x0);
  const steps = requireFiniteVector(caller, "steps", options.steps);
  const [left, right] = options.xRange ?? [x0 - 1, x0 + Math.max(...steps, 0) + 1];
  if (!(right > left))
    throw new InvalidArgumentError(
      `${caller}: xRange is [${left}, ${right}]; expected [a, b] with b > a`,
    );

  const value = (x: number) => evaluateFinite(caller, "f", f, `at x = ${x}`, x);
  const y0 = value(x0);
  const slope = evaluateFinite(caller, "fPrime", fPrime, `at x0 = ${x0}`, x0);
  const tangent = (x: number) => y0 + slope * (x - x0);
  const grid = Array.from({ length: 201 }, (_, i) => left + ((right - left) * i) / 200);

  const active = options.initialStep === undefined ? 0 : steps.indexOf(options.initialStep);
  if (active < 0)
    throw new InvalidArgumentError(
      `${caller}: initialStep is ${options.initialStep}; expected one of steps [${steps.join(", ")}]`,
    );
  const at = (h: number) => ({ x: x0 + h, truth: value(x0 + h), prediction: tangent(x0 + h) });
  const first = at(steps[active]);
  const title = (h: number) => {
    const p = at(h);
    return `h = ${formatNumber(h)}: f(x₀+h) = ${formatNumber(p.truth)}, line predicts ${formatNumber(p.prediction)}, error ${formatNumber(p.truth - p.prediction)}`;
  };
  const movingTraces = (h: number) => {
    const p = at(h);
    return {
      x: [[p.x], [p.x], [p.x, p.x]],
      y: [[p.truth], [p.prediction], [p.truth, p.prediction]],
    };
  };
  return {
    data: [
      {
        x: grid,
        y: grid.map(value),
        mode: "lines",
        name: "f(x)",
        line: { color: palette.curve, width: 3 },
      },
      {
        x: grid,
        y: grid.map(tangent),
        mode: "lines",
        name: "tangent at x₀",
        line: { color: palette.tangent, dash: "dash" },
      },
      {
        x: [first.x],
        y: [first.truth],
        mode: "markers",
        name: "f(x₀ + h)",
        marker: { size: 11, color: palette.curve },
      },
      {
        x: [first.x],
        y: [first.prediction],
        mode: "markers",
        name: "f(x₀) + f′(x₀)·h",
        marker: { size: 11, color: palette.tangent, symbol: "diamond" },
      },
      {
        x: [first.x, first.x],
        y: [first.truth, first.prediction],
        mode: "lines",
        name: "error",
        line: { color: palette.theory, width: 3 },
      },
    ],
    layout: {
      title: { text: title(steps[active]), font: { size: 14 } },
      xaxis: { title: { text: "x" }, range: [left, right] },
      yaxis: { title: { text: "y" } },
      sliders: [
        {
          active,
          currentvalue: { prefix: "h = " },
          pad: { t: 40 },
          steps: steps.map((h) => ({
            label: formatNumber(h),
            method: "update",
            args: [movingTraces(h), { "title.text": title(h) }, [2, 3, 4]],
          })),
        },
      ],
      height: 520,
    },
  };
}
