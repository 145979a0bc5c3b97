/**
 * The median of a list of numbers: the middle one, or the mean of the two middle ones for an even count.
 * @throws InvalidArgumentError for an empty list
 * @example median([3, 1, 2]); // => 2
 * @example median([4, 1, 3, 2]); // => 2.5
 */
import { InvalidArgumentError } from "../errors/errors";

export function median(values: readonly number[]): number {
  if (values.length === 0)
    throw new InvalidArgumentError("median: values is empty; expected a number");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
