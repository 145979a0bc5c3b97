import assert from "node:assert/strict";
import { test } from "node:test";
import {
  requireAtLeast,
  requireBatch,
  requireFiniteRows,
  requireGridAxis,
  requireInRange,
  requirePointList,
  requireRange,
  requireText,
  requireVector2,
  requireVectorOfLength,
} from "./validate";

test("requireVector2 returns a point of the plane and names a wrong length or a NaN", () => {
  assert.deepEqual(requireVector2("f", "theta", [1, 2]), [1, 2]);
  assert.throws(() => requireVector2("f", "theta", [1, 2, 3]), {
    name: "ShapeError",
    message: /^f: theta has length 3; expected 2$/,
  });
  assert.throws(() => requireVector2("f", "theta", [1, NaN]), {
    name: "InvalidArgumentError",
    message: /^f: theta\[1\] is NaN/,
  });
  assert.throws(() => requireVector2("f", "theta", "ab"), {
    message: /^f: theta is "ab" \(a string\); expected an array of numbers/,
  });
});

test("requireVectorOfLength accepts typed arrays, explains the length and names the first bad entry", () => {
  const w = new Float64Array([1, 2]);
  assert.equal(requireVectorOfLength("predict", "w", w, 2), w);
  assert.throws(() => requireVectorOfLength("predict", "x", [1], 2, "one per input"), {
    name: "ShapeError",
    message: /^predict: x has length 1; expected 2 \(one per input\)$/,
  });
  assert.throws(() => requireVectorOfLength("predict", "x", [1, Infinity], 2), {
    name: "InvalidArgumentError",
    message: /^predict: x\[1\] is Infinity/,
  });
  assert.throws(() => requireVectorOfLength("predict", "x", null, 2), {
    message: /^predict: x is null; expected an array of 2 numbers$/,
  });
});

test("requireFiniteRows passes good rows and names the row and column of a bad one", () => {
  requireFiniteRows(
    "net",
    "X",
    [
      [1, 2],
      [3, 4],
    ],
    2,
  );
  assert.throws(
    () =>
      requireFiniteRows(
        "net",
        "X",
        [
          [1, 2],
          [3, NaN],
        ],
        2,
      ),
    { message: /^net: X\[1\]\[1\] is NaN/ },
  );
  assert.throws(() => requireFiniteRows("net", "T", [[1, 2], [3]], 2), {
    name: "ShapeError",
    message: /^net: T\[1\] has length 1; expected 2$/,
  });
  assert.throws(() => requireFiniteRows("net", "X", [5], 2), {
    message: /^net: X\[0\] is 5; expected an array of 2 numbers$/,
  });
});

test("requireRange wants [from, to] with from < to", () => {
  assert.deepEqual(requireRange("fig", "xRange", [-1, 2]), [-1, 2]);
  assert.throws(() => requireRange("fig", "xRange", [2, 2]), {
    message: /^fig: xRange is \[2, 2\]; expected from < to$/,
  });
  assert.throws(() => requireRange("fig", "xRange", undefined), {
    message: /^fig: xRange is undefined; expected \[from, to\]$/,
  });
  assert.throws(() => requireRange("fig", "yRange", [0, NaN]), {
    message: /^fig: yRange\[1\] is NaN/,
  });
});

test("requireGridAxis: the doc example, the default of 61 points and the limit on points", () => {
  assert.deepEqual(requireGridAxis("surfaceGrid", "w1Range", [0, 1], 3), [0, 0.5, 1]);
  assert.equal(requireGridAxis("surfaceGrid", "w1Range", [0, 1], undefined).length, 61);
  assert.throws(() => requireGridAxis("surfaceGrid", "w1Range", [0, 1], 401), {
    message: /^surfaceGrid: points is 401; expected an integer from 2 to 400$/,
  });
});

test("requirePointList wants a non-empty list of [w1, w2] and names the bad point", () => {
  assert.deepEqual(
    requirePointList("fig", "path", [
      [0, 1],
      [2, 3],
    ]),
    [
      [0, 1],
      [2, 3],
    ],
  );
  assert.throws(() => requirePointList("fig", "path", []), {
    message: /^fig: path is an array of length 0; expected a non-empty array of \[w1, w2\]$/,
  });
  assert.throws(() => requirePointList("fig", "path", [[0, 1], [2]]), {
    message: /^fig: path\[1\] is an array of length 1; expected \[w1, w2\]$/,
  });
  assert.throws(() => requirePointList("fig", "path", [[0, NaN]]), {
    message: /^fig: path\[0\]\[1\] is NaN/,
  });
});

test("requireInRange takes [min, max) and names the setting and the interval otherwise", () => {
  assert.equal(requireInRange("momentum", "beta", 0, 0, 1), 0);
  assert.equal(requireInRange("momentum", "beta", 0.999, 0, 1), 0.999);
  assert.equal(requireInRange("f", "p", 1, 0, 1, true), 1);
  for (const bad of [1, -0.1, NaN, Infinity])
    assert.throws(() => requireInRange("momentum", "beta", bad, 0, 1), {
      name: "InvalidArgumentError",
      message: new RegExp(`^momentum: beta is ${bad}; expected a number in \\[0, 1\\)$`),
    });
  assert.throws(() => requireInRange("f", "p", 1.5, 0, 1, true), {
    message: /^f: p is 1.5; expected a number in \[0, 1\]$/,
  });
  assert.throws(() => requireInRange("adam", "beta1", "0.9", 0, 1), {
    message: /^adam: beta1 is "0.9" \(a string\); expected a number in \[0, 1\)$/,
  });
});

test("requireAtLeast takes min and above and says where the bound comes from", () => {
  assert.equal(requireAtLeast("f", "kappa", 1, 1), 1);
  assert.throws(() => requireAtLeast("plainDescentFactor", "kappa", 0.5, 1), {
    name: "InvalidArgumentError",
    message: /^plainDescentFactor: kappa is 0.5; expected a number ≥ 1$/,
  });
  assert.throws(() => requireAtLeast("g", "lambdaMax", 1, 2, "lambdaMin"), {
    message: /^g: lambdaMax is 1; expected a number ≥ 2 \(lambdaMin\)$/,
  });
  assert.throws(() => requireAtLeast("g", "x", NaN, 0), { message: /^g: x is NaN/ });
});

test("requireBatch passes a good batch, with or without targets, and names what is wrong with a bad one", () => {
  requireBatch(
    "net.loss",
    [
      [1, 2],
      [3, 4],
    ],
    [[0], [1]],
    2,
    1,
  );
  requireBatch("net.predict", [[1, 2]], undefined, 2, 1);
  const bad: [unknown, unknown, string, RegExp][] = [
    [
      null,
      undefined,
      "InvalidArgumentError",
      /^net\.loss: X is null; expected an array of input rows/,
    ],
    [[], [], "ShapeError", /^net\.loss: X has 0 rows; expected at least 1/],
    [[[1, 2], [3]], undefined, "ShapeError", /^net\.loss: X\[1\] has length 1; expected 2/],
    [[[1, NaN]], [[0]], "InvalidArgumentError", /^net\.loss: X\[0\]\[1\] is NaN/],
    [
      [[1, 2]],
      "t",
      "InvalidArgumentError",
      /^net\.loss: T is string; expected an array of target rows/,
    ],
    [
      [[1, 2]],
      [[0], [1]],
      "ShapeError",
      /^net\.loss: T has 2 rows; expected 1 \(one per row of X\)/,
    ],
    [[[1, 2]], [[0, 1]], "ShapeError", /^net\.loss: T\[0\] has length 2; expected 1/],
  ];
  for (const [X, T, name, message] of bad)
    assert.throws(() => requireBatch("net.loss", X, T, 2, 1), { name, message });
  assert.throws(() => requireBatch("TanhNetwork.loss", [[0], [1]], [[0]], 1, 1), {
    name: "ShapeError",
    message: /^TanhNetwork\.loss: T has 1 rows; expected 2 \(one per row of X\)$/,
  }); // the doc comment's example
});

test("requireText returns a string and names anything else", () => {
  assert.equal(requireText("checkX", "label", "Exercise 1"), "Exercise 1");
  assert.equal(requireText("checkX", "hint", ""), "");
  assert.throws(() => requireText("checkX", "hint", 5), {
    name: "InvalidArgumentError",
    message: /^checkX: hint is 5; expected a string$/,
  });
  assert.throws(
    () => requireText("checkX", "label", null),
    /checkX: label is null; expected a string/,
  );
});
