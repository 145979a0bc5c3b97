/**
 * The course's tanh network written the way one would in TensorFlow.js (`@tensorflow/tfjs`, pure-JS CPU
 * backend, float32): weights as variables, the mean error E/N = ½ΣΣ(y − t)²/N as tensor operations (the
 * loss the course's optimiser trains), and the gradient from tfjs's own autodiff through
 * `tf.train.sgd(η).minimize`. Only for the benchmark.
 */
import * as tf from "@tensorflow/tfjs";
import type { Problem } from "./problems";

/** Selects the pure-JS CPU backend and production mode (no debug checks, no console banner). */
export async function useCpuBackend(): Promise<string> {
  tf.enableProdMode();
  await tf.setBackend("cpu");
  await tf.ready();
  return `${tf.getBackend()} backend, @tensorflow/tfjs ${tf.version.tfjs}`;
}

/** Full-batch gradient descent in tfjs, from the weights `w` in the layout of `TanhNetwork.parameters`. */
export class TfjsNetwork {
  private readonly X: tf.Tensor2D;
  private readonly T: tf.Tensor2D;
  private readonly W1: tf.Variable; // D × M (transposed, so that h = X·W1 + b1)
  private readonly b1: tf.Variable; // M
  private readonly W2: tf.Variable; // M × K
  private readonly b2: tf.Variable; // K
  private readonly optimizer: tf.SGDOptimizer;

  constructor(p: Problem, w: readonly number[]) {
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
    return tf.tidy(() => this.lossTensor().dataSync()[0]);
  }

  /** `epochs` gradient-descent steps w ← w − η∇E/N. */
  train(epochs: number): void {
    for (let e = 0; e < epochs; e++) this.optimizer.minimize(() => this.lossTensor());
  }

  /** Frees the tensors. */
  dispose(): void {
    tf.dispose([this.X, this.T, this.W1, this.b1, this.W2, this.b2]);
    this.optimizer.dispose();
  }
}
