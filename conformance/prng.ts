/**
 * A small deterministic PRNG (mulberry32) and a string hash, so every input of every case is a pure
 * function of (seed, corner id, trial index).
 */
export type Rng = () => number;

/** FNV-1a over the UTF-16 code units of a string, 32-bit. */
export function hashString(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: returns floats uniform in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngFor(seed: number, ...keys: readonly (string | number)[]): Rng {
  let h = hashString(String(seed));
  for (const k of keys) h = hashString(`|${String(k)}`, h);
  return mulberry32(h);
}

/** Uniform integer in [lo, hi] (inclusive), for ranges up to 2^53. */
export function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}
