/**
 * The course's tanh network written the way one would in TensorFlow.js (`@tensorflow/tfjs`, float32):
 * weights as variables, the mean error E/N = ½ΣΣ(y − t)²/N as tensor operations (the loss the course's
 * optimiser trains), and the gradient from tfjs's own autodiff through `tf.train.sgd(η).minimize`. Two
 * backends run the same code: `cpu` (pure JavaScript) and `wasm` (`@tensorflow/tfjs-backend-wasm`,
 * XNNPACK compiled to WebAssembly with SIMD; its `.wasm` files ship inside the npm package and are
 * loaded from node_modules, so it runs offline). Only for the benchmark.
 */
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import type { Problem } from "./problems";

export type TfjsBackend = "cpu" | "wasm";

/**
 * Makes `backend` the active one. Both are initialised by `useTfjsBackends`, and switching to an
 * initialised backend takes effect before `tf.setBackend`'s promise settles (the promise only reports
 * success), so the timed calls can switch synchronously; checked here, so a switch cannot silently fail.
 */
export function switchBackend(backend: TfjsBackend): void {
  if (tf.getBackend() === backend) return;
  void tf.setBackend(backend);
  if (tf.getBackend() !== backend)
    throw new Error(`switchBackend: tfjs is on ${tf.getBackend()}, not ${backend}`);
}

/**
 * Production mode (no debug checks, no console banner), then both backends initialised: the WASM one
 * from the package's own `.wasm` files (`setWasmPaths` with a file path), with SIMD when this Node has
 * it. Leaves the CPU backend active. Returns a description for the results.
 */
export async function useTfjsBackends(): Promise<string> {
  tf.enableProdMode();
  const wasmPackage = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json"));
  setWasmPaths(path.join(wasmPackage, "dist") + path.sep);
  if (!(await tf.setBackend("wasm"))) throw new Error("useTfjsBackends: the wasm backend failed");
  await tf.ready();
  const simd = (await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")) === true;
  const threads = (await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT")) === true;
  if (!(await tf.setBackend("cpu"))) throw new Error("useTfjsBackends: the cpu backend failed");
  await tf.ready();
  return `@tensorflow/tfjs ${tf.version.tfjs}: cpu backend (pure JS) and wasm backend (${simd ? "SIMD" : "no SIMD"}, ${threads ? "threads" : "1 thread"})`;
}

/**
 * Full-batch gradient descent in tfjs on one backend, from the weights `w` in the layout of
 * `TanhNetwork.parameters`. Every method switches to the network's backend first, so its tensors never
 * move to the other one.
 */
export class TfjsNetwork {
  readonly backend: TfjsBackend;
  private readonly X: tf.Tensor2D;
  private readonly T: tf.Tensor2D;
  private readonly W1: tf.Variable; // D × M (transposed, so that h = X·W1 + b1)
  private readonly b1: tf.Variable; // M
  private readonly W2: tf.Variable; // M × K
  private readonly b2: tf.Variable; // K
  private readonly optimizer: tf.SGDOptimizer;

  constructor(p: Problem, w: readonly number[], backend: TfjsBackend) {
    this.backend = backend;
    switchBackend(backend);
    const D = p.inputs,
      M = p.hiddenUnits,
      K = p.outputs;
    const W1 = new Float32Array(D * M),
      b1 = new Float32Array(M),
      W2 = new Float32Array(M * K),
      b2 = new Float32Array(K);
    for (let j = 0; j < M; j++) {
      b1[j] = w[j * (D + 1)];
      for (let i = 0; i < D; i++) W1[i * M + j] = w[j * (D + 1) + i + 1];
    }
    const offset = M * (D + 1);
    for (let k = 0; k < K; k++) {
      b2[k] = w[offset + k * (M + 1)];
      for (let j = 0; j < M; j++) W2[j * K + k] = w[offset + k * (M + 1) + j + 1];
    }
    this.X = tf.tensor2d(p.X);
    this.T = tf.tensor2d(p.T);
    this.W1 = tf.variable(tf.tensor2d(W1, [D, M]));
    this.b1 = tf.variable(tf.tensor1d(b1));
    this.W2 = tf.variable(tf.tensor2d(W2, [M, K]));
    this.b2 = tf.variable(tf.tensor1d(b2));
    this.optimizer = tf.train.sgd(p.learningRate);
  }

  /** E/N = ½ ΣΣ (y − t)² / N, y = tanh(X·W1 + b1)·W2 + b2, as a scalar tensor. */
  private lossTensor(): tf.Scalar {
    const z = tf.tanh(tf.add(tf.matMul(this.X, this.W1), this.b1));
    const y = tf.add(tf.matMul(z, this.W2), this.b2);
    return tf.mul(0.5 / this.X.shape[0], tf.sum(tf.square(tf.sub(y, this.T))));
  }

  /** The mean error E/N at the current weights. */
  loss(): number {
    switchBackend(this.backend);
    return tf.tidy(() => this.lossTensor().dataSync()[0]);
  }

  /** `epochs` gradient-descent steps w ← w − η∇E/N. */
  train(epochs: number): void {
    switchBackend(this.backend);
    for (let e = 0; e < epochs; e++) this.optimizer.minimize(() => this.lossTensor());
  }

  /** Frees the tensors. */
  dispose(): void {
    switchBackend(this.backend);
    tf.dispose([this.X, this.T, this.W1, this.b1, this.W2, this.b2]);
    this.optimizer.dispose();
  }
}
