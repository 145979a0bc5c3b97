import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { DivergenceError } from "../errors/errors";
import { LinearNeuron } from "../models/linearNeuron";
import { createRandom } from "../random/createRandom";
import { descentSteps, gradientDescent } from "./gradientDescent";
import { adam } from "./adam";
import { momentum } from "./momentum";
import { nesterov } from "./nesterov";
import { plainDescent } from "./plainDescent";
import { rmsprop } from "./rmsprop";
import type { Dataset } from "./model";

const neuron = new LinearNeuron(2);
const random = createRandom("descent");
const X = Array.from({ length: 30 }, () => [random.normal(), random.normal()]);
const data: Dataset = { X, t: X.map(([a, b]) => 2 * a - b + 0.1 * random.normal()) };

test("the doc example: one weight, two steps halve the distance to the target each time", () => {
  const run = gradientDescent(new LinearNeuron(1), { X: [[1]], t: [2] }, [0], {
    learningRate: 0.5,
    steps: 2,
  });
  assert.deepEqual(run.path, [[0], [1], [1.5]]);
  assert.deepEqual(run.losses, [2, 0.5, 0.125]);
  assert.equal(run.steps, 2);
  assert.deepEqual(run.w, [1.5]);
});

test("each batch step is w − η ∇E(w) and the loss goes down to the least-squares fit", () => {
  const run = gradientDescent(neuron, data, [0, 0], { learningRate: 0.3, steps: 300 });
  const g = neuron.gradient(run.path[4], data);
  assert.deepEqual(run.path[5], [run.path[4][0] - 0.3 * g[0], run.path[4][1] - 0.3 * g[1]]);
  assert.equal(run.losses.length, 301);
  for (let k = 1; k < run.losses.length; k++)
    assert.ok(run.losses[k] <= run.losses[k - 1] + 1e-15, `step ${k}`); // up to round-off at the floor
  assert.ok(Math.max(...neuron.gradient(run.w, data).map(Math.abs)) < 1e-10);
});

test("a mini-batch path is the same for the same seed and different for another", () => {
  const options = { learningRate: 0.1, steps: 50, batchSize: 4 };
  const a = gradientDescent(neuron, data, [0, 0], { ...options, seed: 7 });
  const b = gradientDescent(neuron, data, [0, 0], { ...options, seed: 7 });
  const c = gradientDescent(neuron, data, [0, 0], { ...options, seed: 8 });
  assert.deepEqual(a.path, b.path);
  assert.notDeepEqual(a.path, c.path);
});

test("one epoch of stochastic steps visits every example once", () => {
  const seen: number[] = [];
  const spy = {
    loss: neuron.loss.bind(neuron),
    gradient: (w: ArrayLike<number>, d: Dataset, batch?: ArrayLike<number>, out?: number[]) => {
      seen.push(...Array.from(batch ?? []));
      return neuron.gradient(w, d, batch, out);
    },
  };
  gradientDescent(spy, data, [0, 0], { learningRate: 0.01, steps: 30, batchSize: 1, seed: 1 });
  assert.deepEqual(
    [...seen].sort((p, q) => p - q),
    X.map((_, n) => n),
  );
  assert.notDeepEqual(
    seen,
    X.map((_, n) => n),
  );
});

test("stopWhen ends the run early and steps says where", () => {
  const run = gradientDescent(neuron, data, [0, 0], {
    learningRate: 0.3,
    steps: 1000,
    stopWhen: ({ loss }) => loss < 0.1,
  });
  assert.ok(run.steps < 1000);
  assert.ok(run.losses[run.steps] < 0.1 && run.losses[run.steps - 1] >= 0.1);
});

test("descentSteps honours stopWhen: the state it returns true for is the last one yielded", () => {
  const stopWhen = ({ loss }: { loss: number }) => loss < 0.1;
  const states = [
    ...descentSteps(neuron, data, [0, 0], { learningRate: 0.3, steps: 1000, stopWhen }),
  ];
  const run = gradientDescent(neuron, data, [0, 0], { learningRate: 0.3, steps: 1000, stopWhen });
  assert.ok(states.length < 1001);
  assert.ok(stopWhen(states[states.length - 1]) && !states.slice(0, -1).some(stopWhen));
  assert.deepEqual(
    states.map((s) => s.w),
    run.path,
  );
  assert.equal(
    [...descentSteps(neuron, data, [0, 0], { learningRate: 0.3, steps: 5, stopWhen: () => true })]
      .length,
    1,
  );
});

test("descentSteps yields the start and then every step", () => {
  const states = [...descentSteps(neuron, data, [1, 1], { learningRate: 0.1, steps: 3 })];
  assert.deepEqual(
    states.map((s) => s.step),
    [0, 1, 2, 3],
  );
  assert.deepEqual(states[0].w, [1, 1]);
});

test("a learning rate that is too large stops with a DivergenceError naming step, rate and last finite loss", () => {
  let error: unknown;
  try {
    gradientDescent(neuron, data, [0, 0], { learningRate: 5, steps: 100000 });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof DivergenceError);
  assert.match(
    error.message,
    /^gradientDescent: diverged at step \d+ with learningRate 5: the loss became (Infinity|NaN); the last finite loss was [\d.e+]+ \(step \d+\)/,
  );
  assert.ok(error.step > 1 && error.learningRate === 5);
  assert.ok(
    error.lastFiniteLoss !== undefined &&
      Number.isFinite(error.lastFiniteLoss) &&
      error.lastFiniteLoss > 1e100,
  );
  assert.match(error.message, new RegExp(`step ${error.step} `));
});

test("bad arguments are named in the error", () => {
  const ok = { learningRate: 0.1, steps: 10 };
  assert.throws(() => gradientDescent(neuron, data, [0, 0], { ...ok, learningRate: 0 }), {
    name: "InvalidArgumentError",
    message: /gradientDescent: learningRate is 0; expected a finite number > 0/,
  });
  assert.throws(
    () => gradientDescent(neuron, data, [0, 0], { ...ok, learningRate: -1 }),
    /learningRate is -1/,
  );
  assert.throws(
    () => gradientDescent(neuron, data, [0, NaN], ok),
    /gradientDescent: w0\[1\] is NaN/,
  );
  assert.throws(() => gradientDescent(neuron, data, [0, 0, 0], ok), {
    name: "ShapeError",
    message: /w has length 3; expected 2/,
  });
  assert.throws(
    () => gradientDescent(neuron, data, [0, 0], { ...ok, steps: 2.5 }),
    /gradientDescent: steps is 2.5; expected an integer ≥ 0/,
  );
  assert.throws(
    () => gradientDescent(neuron, data, [0, 0], { ...ok, batchSize: 4 }),
    /gradientDescent: seed is missing/,
  );
  assert.throws(
    () => gradientDescent(neuron, data, [0, 0], { ...ok, batchSize: 31, seed: 1 }),
    /batchSize is 31; expected an integer from 1 to 30/,
  );
  assert.throws(
    () => gradientDescent(neuron, data, [0, 0], { ...ok, learningrate: 0.1 } as never),
    /gradientDescent: unknown option "learningrate"/,
  );
  assert.throws(() => descentSteps(neuron, data, [0, 0], { ...ok, learningRate: NaN }), {
    message: /^descentSteps: learningRate is NaN/,
  });
  assert.throws(() => descentSteps(neuron, data, [0, 0], { ...ok, stopWhen: 1 } as never), {
    message: /^descentSteps: stopWhen is 1; expected a function/,
  });
});

test("an error names the function the caller called: descentSteps or gradientDescent", () => {
  const diverge = { learningRate: 5, steps: 100000 };
  assert.throws(() => [...descentSteps(neuron, data, [0, 0], diverge)], {
    name: "DivergenceError",
    message: /^descentSteps: diverged at step/,
  });
  assert.throws(() => gradientDescent(neuron, data, [0, 0], diverge), {
    name: "DivergenceError",
    message: /^gradientDescent: diverged at step/,
  });
});

/** The neuron with a fused lossAndGradient made of its own loss and gradient (the same numbers), counting calls. */
function fusedNeuron() {
  const calls = { loss: 0, gradient: 0, fused: 0 };
  const model = {
    loss: (w: ArrayLike<number>, d: Dataset, batch?: ArrayLike<number>) => {
      calls.loss++;
      return neuron.loss(w, d, batch);
    },
    gradient: (w: ArrayLike<number>, d: Dataset, batch?: ArrayLike<number>, out?: number[]) => {
      calls.gradient++;
      return neuron.gradient(w, d, batch, out);
    },
    lossAndGradient: (w: ArrayLike<number>, d: Dataset, g: number[]) => {
      calls.fused++;
      neuron.gradient(w, d, undefined, g);
      return neuron.loss(w, d);
    },
  };
  return { model, calls };
}

test("a full-batch run uses lossAndGradient once per step, and its path and losses are those without it", () => {
  const { model, calls } = fusedNeuron();
  for (const optimizer of [undefined, momentum({ beta: 0.7 })]) {
    const options = { learningRate: 0.3, steps: 40, optimizer };
    calls.loss = calls.gradient = calls.fused = 0;
    assert.deepEqual(
      gradientDescent(model, data, [0, 0], options),
      gradientDescent(neuron, data, [0, 0], options),
    );
    assert.deepEqual(calls, { loss: 0, gradient: 0, fused: 41 });
  }
});

test("with lossAndGradient, stopWhen and divergence give the same states and the same error", () => {
  const { model } = fusedNeuron();
  const stopWhen = ({ loss }: { loss: number }) => loss < 0.1;
  assert.deepEqual(
    [...descentSteps(model, data, [0, 0], { learningRate: 0.3, steps: 1000, stopWhen })],
    [...descentSteps(neuron, data, [0, 0], { learningRate: 0.3, steps: 1000, stopWhen })],
  );
  const message = (m: typeof neuron | typeof model) => {
    try {
      gradientDescent(m, data, [0, 0], { learningRate: 5, steps: 100000 });
    } catch (error) {
      return (error as Error).message;
    }
  };
  assert.match(message(model) ?? "", /^gradientDescent: diverged at step \d+/);
  assert.equal(message(model), message(neuron));
});

test("a mini-batch run ignores lossAndGradient (it is full batch only)", () => {
  const { model, calls } = fusedNeuron();
  const options = { learningRate: 0.1, steps: 30, batchSize: 5, seed: 2 };
  assert.deepEqual(
    gradientDescent(model, data, [0, 0], options),
    gradientDescent(neuron, data, [0, 0], options),
  );
  assert.deepEqual(calls, { loss: 31, gradient: 30, fused: 0 });
});

test("another optimizer's divergence names its label; plain descent's message is unchanged", () => {
  assert.throws(
    () =>
      gradientDescent(neuron, data, [0, 0], {
        learningRate: 5,
        steps: 100000,
        optimizer: momentum({ beta: 0.9 }),
      }),
    (error: unknown) => {
      assert.ok(error instanceof DivergenceError);
      assert.equal(error.optimizer, "momentum (β = 0.9)");
      assert.match(
        error.message,
        /^gradientDescent: diverged at step \d+ with momentum \(β = 0.9\) and learningRate 5: the loss became/,
      );
      return true;
    },
  );
  assert.throws(
    () => gradientDescent(neuron, data, [0, 0], { learningRate: 5, steps: 100000 }),
    (error: unknown) => {
      assert.ok(error instanceof DivergenceError && error.optimizer === "plain descent");
      assert.match(error.message, /^gradientDescent: diverged at step \d+ with learningRate 5: /);
      assert.match(error.message, /\(below 2\/λ_max of the Hessian\) would converge\.$/);
      return true;
    },
  );
  const custom = {
    label: "doubled",
    begin: () => (w: number[], g: ArrayLike<number>) => {
      for (let i = 0; i < w.length; i++) w[i] -= 100 * g[i];
    },
  };
  assert.throws(
    () => gradientDescent(neuron, data, [0, 0], { learningRate: 1, steps: 1e5, optimizer: custom }),
    {
      message:
        /^gradientDescent: diverged at step \d+ with doubled and learningRate 1: .* Try a smaller learning rate\.$/,
    },
  );
});

test("a custom Optimizer drives the loop: the doc example's half steps", () => {
  const halfStep = {
    label: "half steps",
    begin: (W: number) => (w: number[], g: ArrayLike<number>, learningRate: number) => {
      for (let i = 0; i < W; i++) w[i] -= 0.5 * learningRate * g[i];
    },
  };
  const run = gradientDescent(new LinearNeuron(1), { X: [[1]], t: [2] }, [0], {
    learningRate: 1,
    steps: 1,
    optimizer: halfStep,
  });
  assert.deepEqual(run.w, [1]);
  const steps: number[] = [];
  const spy = {
    label: "spy",
    begin: () => (_w: number[], _g: ArrayLike<number>, _e: number, t: number) => void steps.push(t),
  };
  gradientDescent(neuron, data, [0, 0], { learningRate: 1, steps: 3, optimizer: spy });
  assert.deepEqual(steps, [1, 2, 3]);
});

test("an optimizer that is not an Optimizer, or a bad lossAndGradient, is named in the error", () => {
  const ok = { learningRate: 0.1, steps: 10 };
  for (const bad of [momentum, "adam", { label: "x" }, { begin: () => () => {} }, null])
    assert.throws(() => gradientDescent(neuron, data, [0, 0], { ...ok, optimizer: bad as never }), {
      name: "InvalidArgumentError",
      message:
        /^gradientDescent: optimizer is .*; expected an Optimizer \{ label, begin \} such as momentum\(\{ beta: 0.9 \}\) or adam\(\)$/,
    });
  assert.throws(
    () =>
      descentSteps(neuron, data, [0, 0], {
        ...ok,
        optimizer: { label: "x", begin: () => 3 } as never,
      }),
    { message: /^descentSteps: optimizer.begin\(W\) is 3; expected a function$/ },
  );
  const model = {
    loss: neuron.loss.bind(neuron),
    gradient: neuron.gradient.bind(neuron),
    lossAndGradient: 1,
  };
  assert.throws(() => gradientDescent(model as never, data, [0, 0], ok), {
    message: /^gradientDescent: model.lossAndGradient is 1; expected a function$/,
  });
});

test("the doc comment's momentum divergence example has the shape of the message thrown", () => {
  const shape = (m: string) => m.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/g, "#");
  const doc = readFileSync(path.join(__dirname, "gradientDescent.ts"), "utf8").match(
    /`(gradientDescent: diverged at step \d+ with momentum.*?)`/,
  )?.[1];
  assert.ok(doc, "no momentum example in the doc comment");
  const [head, tail] = doc.split(" … ");
  assert.throws(
    () =>
      gradientDescent(new LinearNeuron(1), { X: [[1]], t: [1] }, [0], {
        learningRate: 4,
        steps: 5000,
        optimizer: momentum({ beta: 0.9 }),
      }),
    (error: unknown) => {
      const message = (error as Error).message;
      assert.ok(shape(message).startsWith(shape(head)), message);
      assert.ok(shape(message).endsWith(shape(tail)), message);
      return true;
    },
  );
});

test("every optimiser is seeded through the loop's shuffle only: same seed, same run; another seed, another", () => {
  const make = [
    () => plainDescent(),
    () => momentum({ beta: 0.9 }),
    () => nesterov({ beta: 0.9 }),
    () => rmsprop(),
    () => adam(),
  ];
  for (const optimizer of make) {
    const options = { learningRate: 0.01, steps: 40, batchSize: 4 };
    const a = gradientDescent(neuron, data, [0, 0], {
      ...options,
      seed: 7,
      optimizer: optimizer(),
    });
    const b = gradientDescent(neuron, data, [0, 0], {
      ...options,
      seed: 7,
      optimizer: optimizer(),
    });
    const c = gradientDescent(neuron, data, [0, 0], {
      ...options,
      seed: 8,
      optimizer: optimizer(),
    });
    assert.deepEqual(a, b, optimizer().label);
    assert.notDeepEqual(a.path, c.path, optimizer().label);
  }
});
