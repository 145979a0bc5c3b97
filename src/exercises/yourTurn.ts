/**
 * The stub that stands in for a learner's answer in the student edition of the notebooks.
 * `npm run student` replaces each reference solution (the lines between `// BEGIN SOLUTION` and
 * `// END SOLUTION`) by `return yourTurn();`. Because it returns `never`, the stub type-checks in a
 * function of any return type; it throws only when a checker calls the learner's function, and the
 * checker answers "✗ Not answered yet: <hint>" instead of failing the cell (see feedback.ts).
 * @see CONTRIBUTING.md, "Exercises and the student edition"
 */
import { DownhillError } from "../errors/errors";

/** Thrown by `yourTurn()`: the learner has not written this answer yet. */
export class YourTurnError extends DownhillError {}

/**
 * Throws a friendly `YourTurnError`; stands where the learner's answer goes.
 * @throws YourTurnError always
 * @example
 * const gPrime = (x: number): number => { return yourTurn(); };
 * gPrime(1); // throws YourTurnError: Your turn: replace this line with your answer
 * @see notebooks/01-derivative-as-linear-approximation.ipynb, Exercises
 * @see notebooks/02-why-the-negative-gradient.ipynb, Exercises
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb, Exercises
 * @see notebooks/04-backpropagation-tanh-network.ipynb, Exercises
 */
export function yourTurn(): never {
  throw new YourTurnError("Your turn: replace this line with your answer");
}
