import { derivative, parse } from "mathjs";
import { InvalidArgumentError, NonFiniteValueError } from "../errors/errors";
import { rejectUnknownOptions, requireFiniteVector, requireLength } from "../errors/validate";

export interface SymbolicGradient {
  /** The variables, in the order of the gradient's components. */
  variables: string[];
  /** Each partial derivative ∂f/∂vᵢ as mathjs prints it. */
  texts: string[];
  /** Each partial derivative as LaTeX. */
  tex: string[];
  /** The gradient at a point, values given in the order of `variables`. */
  evaluate: (values: number[]) => number[];
}

export interface SymbolicGradientOptions {
  /**
   * Let mathjs simplify each partial derivative (default true). Simplifying is what makes the result
   * readable, but it is slow on long expressions (minutes for a sum of 20 squares): pass false there.
   */
  simplify?: boolean;
}

/**
 * The exact gradient of an expression of several variables, by mathjs's symbolic differentiation of
 * each partial derivative in turn:
 *
 *   ∇f = [∂f/∂v₁, ∂f/∂v₂, …]   (every other variable held constant in each ∂)
 *
 * @param expression e.g. `"x * exp(-x^2 - y^2)"`
 * @param variables the variables, in gradient order, e.g. `["x", "y"]`
 * @param options `simplify: false` skips mathjs's simplification (much faster on long expressions)
 * @throws InvalidArgumentError when the expression does not parse or cannot be differentiated, or the
 *   variables are not a non-empty list of distinct names; `evaluate` throws ShapeError for the wrong
 *   number of values and NonFiniteValueError when a partial derivative is NaN or ∞ at the point
 * @example
 * symbolicGradient("x^2 * y", ["x", "y"]).texts;            // => ["2 * y * x", "x ^ 2"]
 * symbolicGradient("x^2 * y", ["x", "y"]).evaluate([3, 2]); // => [12, 9]
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.3 (every gradient, three ways)
 */
export function symbolicGradient(
  expression: string,
  variables: string[],
  options: SymbolicGradientOptions = {},
): SymbolicGradient {
  const caller = "symbolicGradient";
  rejectUnknownOptions(caller, options, ["simplify"]);
  if (typeof expression !== "string" || expression.trim() === "") {
    throw new InvalidArgumentError(
      `${caller}: expression is ${JSON.stringify(expression)}; expected a formula such as "x^2 * y"`,
    );
  }
  if (
    !Array.isArray(variables) ||
    variables.length === 0 ||
    variables.some((v) => typeof v !== "string" || !/^[A-Za-z_]\w*$/.test(v))
  ) {
    throw new InvalidArgumentError(
      `${caller}: variables is ${JSON.stringify(variables)}; expected a non-empty list of names such as ["w", "b"]`,
    );
  }
  if (new Set(variables).size !== variables.length) {
    throw new InvalidArgumentError(
      `${caller}: variables ${JSON.stringify(variables)} repeat a name; expected distinct names`,
    );
  }
  let nodes;
  try {
    const tree = parse(expression);
    nodes = variables.map((v) => derivative(tree, v, { simplify: options.simplify ?? true }));
  } catch (error) {
    throw new InvalidArgumentError(
      `${caller}: cannot differentiate "${expression}": ${(error as Error).message}`,
    );
  }
  const compiled = nodes.map((node) => node.compile());
  return {
    variables: variables.slice(),
    texts: nodes.map((node) => node.toString()),
    tex: nodes.map((node) => node.toTex()),
    evaluate(values: number[]) {
      const point = requireFiniteVector(caller, "values", values);
      requireLength(caller, "values", point.length, variables.length);
      const scope = Object.fromEntries(variables.map((v, i) => [v, point[i]]));
      return compiled.map((c, i) => {
        const value = c.evaluate(scope);
        if (typeof value !== "number" || !Number.isFinite(value)) {
          throw new NonFiniteValueError(
            `${caller}: ∂/∂${variables[i]} is ${String(value)} at ${JSON.stringify(scope)}; expected a finite number`,
          );
        }
        return value;
      });
    },
  };
}
