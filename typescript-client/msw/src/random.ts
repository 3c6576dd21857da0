// java.util.SplittableRandom (JDK 17), for the `realistic` profile: the JVM mock draws each job's
// timing from `new SplittableRandom(seed * 1_000_003 + jobId)`, and the pack draws the same numbers,
// so the two mocks give job 123 the same 5-90 s on the same seed. 64-bit arithmetic in BigInt.
const M64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
  return z ^ (z >> 31n);
}

function mix32(z: bigint): number {
  z = ((z ^ (z >> 33n)) * 0x62a9d9ed799705f5n) & M64;
  return Number(BigInt.asIntN(32, (((z ^ (z >> 28n)) * 0xcb24d0a5c88c35b3n) & M64) >> 32n));
}

export class SplittableRandom {
  private seed: bigint;

  /** `seed` is a Java long: any bigint, taken modulo 2^64. */
  constructor(seed: bigint) {
    this.seed = BigInt.asUintN(64, seed);
  }

  private nextSeed(): bigint {
    this.seed = (this.seed + GOLDEN_GAMMA) & M64;
    return this.seed;
  }

  /** A Java long, signed. */
  nextLong(): bigint {
    return BigInt.asIntN(64, mix64(this.nextSeed()));
  }

  nextInt(): number {
    return mix32(this.nextSeed());
  }

  /** `nextLong(origin, bound)`: RandomSupport.boundedNextLong. */
  nextLongBetween(origin: bigint, bound: bigint): bigint {
    let r = this.nextLong();
    const n = bound - origin;
    const m = n - 1n;
    if ((n & m) === 0n) return (r & m) + origin;
    let u = BigInt.asUintN(64, r) >> 1n;
    for (;;) {
      r = u % n;
      if (BigInt.asIntN(64, u + m - r) >= 0n) break;
      u = BigInt.asUintN(64, this.nextLong()) >> 1n;
    }
    return r + origin;
  }

  /** `nextInt(origin, bound)`: RandomSupport.boundedNextInt. */
  nextIntBetween(origin: number, bound: number): number {
    let r = this.nextInt();
    const n = bound - origin;
    const m = n - 1;
    if ((n & m) === 0) return (r & m) + origin;
    let u = r >>> 1;
    for (;;) {
      r = u % n;
      if (((u + m - r) | 0) >= 0) break;
      u = this.nextInt() >>> 1;
    }
    return r + origin;
  }
}
