import { derivative, parse } from "mathjs";
import { InvalidArgumentError } from "../errors/errors";

export interface SymbolicDerivative {
  /** The derivative as mathjs prints it, e.g. `2 * x`. */
  text: string;
  /** The derivative as LaTeX, for display next to the hand derivation. */
  tex: string;
  /** The derivative as a function of its variable. */
  evaluate: (value: number) => number;
}

/**
 * The exact derivative of an expression, by mathjs's symbolic differentiation rules.
 * @param expression e.g. `"x^2"`, `"tanh(x)"`
 * @param variable the variable to differentiate by (default `"x"`)
 * @throws InvalidArgumentError when the expression does not parse or cannot be differentiated
 * @example
 * symbolicDerivative("x^2").text;        // => "2 * x"
 * symbolicDerivative("x^2").evaluate(4); // => 8
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.2 (the running example, three ways)
 */
export function symbolicDerivative(expression: string, variable = "x"): SymbolicDerivative {
  const caller = "symbolicDerivative";
  if (typeof expression !== "string" || expression.trim() === "") {
    throw new InvalidArgumentError(
      `${caller}: expression is ${JSON.stringify(expression)}; expected a formula such as "x^2"`,
    );
  }
  let node;
  try {
    node = derivative(parse(expression), variable);
  } catch (error) {
    throw new InvalidArgumentError(
      `${caller}: cannot differentiate "${expression}" by ${variable}: ${(error as Error).message}`,
    );
  }
  const compiled = node.compile();
  return {
    text: node.toString(),
    tex: node.toTex(),
    evaluate: (value: number) => compiled.evaluate({ [variable]: value }) as number,
  };
}
