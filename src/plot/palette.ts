/**
 * One colour per meaning, across every lesson: a learner who has seen −∇E drawn red in lesson 2 reads
 * red as "the way down" in lesson 3 and lesson 6 too. Figure builders and notebooks take their colours
 * from here, never as literals; `tests/figureColours.test.ts` reads every executed figure and checks
 * that each named quantity keeps the colour given here. It knows a quantity by the name a learner
 * reads (legend text, marker name, annotation label), through the table of name patterns in
 * `tests/helpers/figureColours.ts`: give a trace the name of what it shows (`"−∇E"`, `"ŵ"`,
 * `"heavy ball"`, `"validation error"`) and take its colour from here.
 *
 * The hues are the ten of plotly.js's (and matplotlib's) default cycle, which stay distinct for the
 * common forms of colour blindness when paired with distinct markers or dashes.
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.8 (−∇ and +∇ on one map)
 */
export const palette = {
  /** The function, loss or error curve itself: f(x), E(w). (blue) */
  curve: "#1f77b4",
  /** The linear approximation: the tangent line f(x₀) + f′(x₀)·h. (orange) */
  tangent: "#ff7f0e",
  /** −∇E, the direction of steepest descent: "the way down". (red) */
  negativeGradient: "#d62728",
  /** +∇E, the direction of steepest ascent. (purple) */
  gradient: "#9467bd",
  /** The minimum ŵ (or θ*): a black star. (black) */
  minimum: "#000000",
  /** The data points tₙ. (blue) */
  data: "#1f77b4",
  /** The network's or model's output y(x). (red) */
  prediction: "#d62728",
  /** Error on the training set. (blue) */
  training: "#1f77b4",
  /** Error on the validation set. (orange) */
  validation: "#ff7f0e",
  /** Plain gradient descent, Δw = −η∇E (and batch descent in lesson 3's race). (blue) */
  plainDescent: "#1f77b4",
  /** Heavy-ball momentum. (green) */
  heavyBall: "#2ca02c",
  /** Nesterov's look-ahead. (brown) */
  nesterov: "#8c564b",
  /** RMSProp. (pink) */
  rmsprop: "#e377c2",
  /** Adam. (orange) */
  adam: "#ff7f0e",
  /** Mini-batch descent. (cyan) */
  miniBatch: "#17becf",
  /** Stochastic descent, one example a step. (grey) */
  stochastic: "#7f7f7f",
  /** The theory's prediction drawn beside a measurement (a bound, a factor per step). (black) */
  theory: "#000000",
} as const;

/** A quantity that has its own colour: a key of `palette`. */
export type Quantity = keyof typeof palette;
