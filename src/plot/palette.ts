/**
 * One colour per meaning, across every lesson: a learner who has seen −∇E drawn red in lesson 2 reads
 * red as "the way down" in lesson 3 and lesson 6 too. Figure builders and notebooks take their colours
 * from here, never as literals; `tests/figure-colours.test.ts` reads every executed figure and checks
 * that each named quantity keeps the colour given here.
 *
 * The hues are the ten of plotly.js's (and matplotlib's) default cycle, which stay distinct for the
 * common forms of colour blindness when paired with distinct markers or dashes.
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.8 (−∇ and +∇ on one map)
 */
export const palette = {
  /** The function, loss or error curve itself: f(x), E(w). */
  curve: "#1f77b4",
  /** The linear approximation: the tangent line f(x₀) + f′(x₀)·h. */
  tangent: "#ff7f0e",
  /** −∇E, the direction of steepest descent: "the way down". */
  negativeGradient: "#d62728",
  /** +∇E, the direction of steepest ascent. */
  gradient: "#9467bd",
  /** The minimum ŵ (or θ*): a black star. */
  minimum: "#000000",
  /** The data points tₙ. */
  data: "#1f77b4",
  /** The network's or model's output y(x). */
  prediction: "#d62728",
  /** Error on the training set. */
  training: "#1f77b4",
  /** Error on the validation set. */
  validation: "#ff7f0e",
  /** Plain gradient descent, Δw = −η∇E (and batch descent in lesson 3's race). */
  plainDescent: "#1f77b4",
  /** Heavy-ball momentum. */
  heavyBall: "#2ca02c",
  /** Nesterov's look-ahead. */
  nesterov: "#8c564b",
  /** RMSProp. */
  rmsprop: "#e377c2",
  /** Adam. */
  adam: "#ff7f0e",
  /** Mini-batch descent. */
  miniBatch: "#17becf",
  /** Stochastic descent, one example a step. */
  stochastic: "#7f7f7f",
  /** The theory's prediction drawn beside a measurement (a bound, a factor per step). */
  theory: "#000000",
} as const;

/** A quantity that has its own colour: a key of `palette`. */
export type Quantity = keyof typeof palette;
