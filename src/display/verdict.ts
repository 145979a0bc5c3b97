/**
 * The colours of a verdict, shared by every ✓ / ✗ line (checks, exercises, gradient-check tables):
 * GitHub's green and red, readable on white and for most colour-blind readers beside the ✓ / ✗ mark.
 */
export const passColour = "#1a7f37";
export const failColour = "#cf222e";

/** The colour of a passed or failed verdict. @example verdictColour(true) // => "#1a7f37" */
export function verdictColour(passed: boolean): string {
  return passed ? passColour : failColour;
}
