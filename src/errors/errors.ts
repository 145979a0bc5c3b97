/**
 * The errors Downhill throws. Every message starts with the function that threw and names the argument,
 * index, file or line that was wrong, and what was expected:
 * `numericalGradient: w[2] is NaN; expected a finite number`.
 * Catch `DownhillError` to catch them all.
 */
export class DownhillError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An argument has a bad value: NaN, ∞, out of range, wrong type, an unknown option. */
export class InvalidArgumentError extends DownhillError {}

/** Arrays or matrices whose sizes do not fit together (names the expected and the actual size). */
export class ShapeError extends DownhillError {}

/** A function under study returned NaN, ∞ or a non-number (names the input that did it). */
export class NonFiniteValueError extends DownhillError {}

/**
 * Training stopped because the loss became NaN or ∞ (names the step, the learning rate, the last finite
 * loss and, unless it was plain descent, the optimiser's label, e.g. "momentum (β = 0.9)").
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.7
 */
export class DivergenceError extends DownhillError {
  constructor(
    message: string,
    readonly step: number,
    readonly learningRate: number,
    readonly lastFiniteLoss: number | undefined,
    readonly optimizer = "plain descent",
  ) {
    super(message);
  }
}

/** A data file is missing or malformed (names the file, and the line and column where known). */
export class DataFileError extends DownhillError {}

/**
 * A claim a notebook makes was checked and is false.
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.2
 */
export class CheckFailedError extends DownhillError {}
