/** The Adam optimiser (Kingma and Ba, 2015) on one flat parameter vector. */

/** Settings of {@link Adam}. */
export interface AdamOptions {
  readonly learningRate: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

/** Adam state for a parameter vector of fixed length. */
export class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  private readonly lr: number;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;

  constructor(size: number, opts: AdamOptions) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
    this.lr = opts.learningRate;
    this.b1 = opts.beta1 ?? 0.9;
    this.b2 = opts.beta2 ?? 0.999;
    this.eps = opts.epsilon ?? 1e-8;
  }

  /** One step: params -= lr * mhat / (sqrt(vhat) + eps). */
  step(params: Float64Array, grad: Float64Array): void {
    this.t++;
    const c1 = 1 - this.b1 ** this.t, c2 = 1 - this.b2 ** this.t;
    for (let i = 0; i < params.length; i++) {
      const g = grad[i]!;
      const m = (this.m[i] = this.b1 * this.m[i]! + (1 - this.b1) * g);
      const v = (this.v[i] = this.b2 * this.v[i]! + (1 - this.b2) * g * g);
      params[i] = params[i]! - (this.lr * (m / c1)) / (Math.sqrt(v / c2) + this.eps);
    }
  }
}
