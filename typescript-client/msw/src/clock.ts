// The mock's clock: an injectable source of wall time (default `Date.now`, so vitest's and jest's
// fake timers move it), sped up by a time scale, plus whatever `advance` added.

export interface MockClock {
  /** Mock time, epoch milliseconds. */
  now(): number;
  /** Moves mock time forward; negative values are refused (time never runs backwards). */
  advance(ms: number): void;
  readonly scale: number;
}

export function mockClock(wall: () => number = () => Date.now(), scale = 1): MockClock {
  if (!(scale >= 0) || !Number.isFinite(scale)) {
    throw new Error(`time scale must be a finite number >= 0, was ${scale}`);
  }
  const wallStart = wall();
  let offset = 0;
  return {
    scale,
    now: () => wallStart + (wall() - wallStart) * scale + offset,
    advance(ms: number) {
      if (!(ms >= 0)) throw new Error(`the clock only moves forward, got ${ms} ms`);
      offset += ms;
    },
  };
}
