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
 */
export function yourTurn(): never {
  throw new YourTurnError("Your turn: replace this line with your answer");
}
