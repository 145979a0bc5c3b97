/**
 * A count of the finite-difference estimates made so far (centralDifference, forwardDifference,
 * complexStepDerivative, numericalGradient, and gradcheck through it). The exercise checkers read it
 * before and after calling a learner's function: a "derivative" that calls the checker's own reference
 * is flagged instead of passing.
 * @example
 * const before = finiteDifferenceCalls();
 * centralDifference((x) => x * x, 1);
 * finiteDifferenceCalls() - before; // => 1
 * @see src/exercises/feedback.ts
 */
let calls = 0;

/** Called once by every finite-difference helper, at its start. */
export function countFiniteDifference(): void {
  calls += 1;
}

/** How many finite-difference estimates have been made since the module was loaded. */
export function finiteDifferenceCalls(): number {
  return calls;
}
