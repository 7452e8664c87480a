/**
 * The JavaScript side of the user-style table: fast written as a NumPy user writes it, and plain JS
 * loops (the floor: a hand-written loop into a fresh Float64Array, what any JS library pays at least)
 * where such a loop is the whole workload. Inputs come from `pattern` and `lifeBoard`, built the same
 * way by bench/numpy_user.py.
 */
import * as fast from '../../src/fast/index.js';
import type { FastArray } from '../../src/fast/index.js';
import { slice } from '../../src/common/index-expr.js';
import { type BenchCase, unavailable, type Unavailable } from '../contender.js';
import { weightedChecksum } from '../stats.js';
import { pattern } from '../workloads.js';
import { lifeBoard, USER_MODULI, type UserCaseSpec, type UserSizes } from './workloads.js';
import { installHugePages } from '../../src/bridge/huge-pages.js';

// fast as `import ... from 'ndbridge'` loads it: the bridge asks for huge pages on fresh large results
// (Linux, THP 'madvise'; src/bridge/huge-pages.ts)
installHugePages();

/** Reads one element, which computes a lazy result (DESIGN.md: element reads force). */
function force(r: FastArray): FastArray {
  if (r.size > 0) r.get(...r.shape.map(() => 0));
  return r;
}

const flat = (r: FastArray): ArrayLike<number> => {
  const c = r.dtype === 'float64' ? r : r.astype('float64');
  return c.toTypedArray() as Float64Array;
};
const arrayCase = (run: () => FastArray): BenchCase => ({ run, checksum: (r) => weightedChecksum(flat(r as FastArray)) });
const scalarCase = (run: () => number): BenchCase => ({ run, checksum: (r) => r as number });
const listCase = (run: () => FastArray[]): BenchCase => ({
  run,
  checksum: (r) => weightedChecksum((r as FastArray[]).flatMap((x) => Array.from(flat(x)))),
});

const arr = (n: number, m: number, shape?: number[]): FastArray => {
  const a = fast.asarray(pattern(n, m));
  return shape ? a.reshape(shape) : a;
};

/** One step of numpy-100 #88, in place on Z (side x side), as a NumPy user writes it. */
function lifeStep(Z: FastArray): void {
  const s = (r0: number, r1: number | null, c0: number, c1: number | null): FastArray => Z.at(slice(r0, r1), slice(c0, c1));
  const N = s(0, -2, 0, -2)
    .add(s(0, -2, 1, -1))
    .add(s(0, -2, 2, null))
    .add(s(1, -1, 0, -2))
    .add(s(1, -1, 2, null))
    .add(s(2, null, 0, -2))
    .add(s(2, null, 1, -1))
    .add(s(2, null, 2, null));
  const inner = s(1, -1, 1, -1);
  const birth = N.eq(3).and(inner.eq(0));
  const survive = N.eq(2).or(N.eq(3)).and(inner.eq(1));
  const alive = birth.or(survive);
  Z.set('...', 0);
  inner.set(alive, 1);
}

function life(side: number, steps: number): BenchCase {
  const board = fast.asarray(lifeBoard(side)).reshape([side, side]);
  return arrayCase(() => {
    const Z = board.copy();
    for (let t = 0; t < steps; t++) lifeStep(Z);
    return Z;
  });
}

export function prepareFastUser(spec: UserCaseSpec, s: UserSizes): BenchCase | Unavailable {
  const { a: ma, b: mb } = USER_MODULI;
  const sq = [s.small, s.small];
  const nsq = s.small * s.small;
  switch (spec.workload) {
    case 'u-add': {
      const a = arr(spec.size, ma);
      const b = arr(spec.size, mb);
      return arrayCase(() => force(a.add(b)));
    }
    case 'u-chain3': {
      const a = arr(spec.size, ma);
      const b = arr(spec.size, mb);
      return arrayCase(() => force(a.add(b).mul(a).sub(b)));
    }
    case 'u-sum': {
      const a = arr(spec.size, ma);
      return scalarCase(() => a.sum().item() as number);
    }
    case 'u-add-small': {
      const a = arr(nsq, ma, sq);
      const b = arr(nsq, mb, sq);
      return arrayCase(() => force(a.add(b)));
    }
    case 'u-add-small-dispose': {
      const a = arr(nsq, ma, sq);
      const b = arr(nsq, mb, sq);
      const last = s.small - 1;
      return scalarCase(() => {
        const r = a.add(b);
        const v = r.get(last, last) as number;
        r.dispose();
        return v;
      });
    }
    case 'u-add-small-scope': {
      const a = arr(nsq, ma, sq);
      const b = arr(nsq, mb, sq);
      const last = s.small - 1;
      return scalarCase(() => fast.scope(() => a.add(b).get(last, last) as number));
    }
    case 'u-chain3-small': {
      const a = arr(nsq, ma, sq);
      const b = arr(nsq, mb, sq);
      return arrayCase(() => force(a.add(b).mul(a).sub(b)));
    }
    case 'u-sum-small': {
      const a = arr(nsq, ma, sq);
      return scalarCase(() => a.sum().item() as number);
    }
    case 'u-mask-read': {
      const a = arr(nsq, ma, sq);
      return arrayCase(() => a.at(a.gt(0.5)));
    }
    case 'u-mask-write': {
      const z = arr(nsq, ma, sq);
      const mask = z.gt(0.5);
      return arrayCase(() => {
        z.set(mask, 1);
        return z;
      });
    }
    case 'u-life-small':
      return life(s.lifeSmall[0], s.lifeSmall[1]);
    case 'u-life-large':
      return life(s.lifeLarge[0], s.lifeLarge[1]);
    case 'u-cube-pow': {
      const x = arr(s.vector, ma);
      return arrayCase(() => force(fast.pow(x, 3)));
    }
    case 'u-cube-mul': {
      const x = arr(s.vector, ma);
      return arrayCase(() => force(x.mul(x).mul(x)));
    }
    case 'u-cube-einsum': {
      const x = arr(s.vector, ma);
      return arrayCase(() => force(fast.einsum('i,i,i->i', x, x, x)));
    }
    case 'u-pow-float': {
      const x = arr(s.vector, ma);
      return arrayCase(() => force(fast.pow(x, 2.5)));
    }
    case 'u-softmax': {
      const [r, c] = s.rows;
      const x = arr(r * c, ma, [r, c]);
      return arrayCase(() => {
        const e = fast.exp(x.sub(x.max({ axis: 1, keepdims: true })));
        return force(e.div(e.sum({ axis: 1, keepdims: true })));
      });
    }
    case 'u-logsumexp': {
      const [r, c] = s.rows;
      const x = arr(r * c, ma, [r, c]);
      return arrayCase(() => {
        const m = x.max({ axis: 1, keepdims: true });
        return force(m.at(slice(null, null), 0).add(fast.log(fast.exp(x.sub(m)).sum({ axis: 1 }))));
      });
    }
    case 'u-kmeans': {
      const [n, d, k] = s.kmeans;
      const X = arr(n * d, mb, [n, d]);
      const C = fast.asarray(Float64Array.from({ length: k * d }, (_, i) => (Math.floor(i / d) + 0.5) / k)).reshape([k, d]);
      const all = slice(null, null);
      return listCase(() => {
        const dist = fast.pow(X.at(all, null, all).sub(C.at(null, all, all)), 2).sum({ axis: -1 });
        const lab = fast.argmin(dist, { axis: 1 });
        const out: FastArray[] = [];
        for (let j = 0; j < k; j++) out.push(X.at(lab.eq(j)).mean({ axis: 0 }));
        return out;
      });
    }
    case 'u-pairwise': {
      const [n, d] = s.pairwise;
      const X = arr(n * d, ma, [n, d]);
      const all = slice(null, null);
      return arrayCase(() => force(fast.sqrt(fast.pow(X.at(all, null, all).sub(X.at(null, all, all)), 2).sum({ axis: -1 }))));
    }
    case 'u-moving-avg': {
      const a = arr(s.vector, ma);
      const w = s.window;
      return arrayCase(() => {
        const r = fast.cumsum(a);
        r.set(`${w}:`, r.at(slice(w, null)).sub(r.at(slice(null, -w))));
        return force(r.at(slice(w - 1, null)).div(w));
      });
    }
    case 'u-add5': {
      const a = fast.zeros([s.stream]);
      return arrayCase(() => force(a.add(a).add(a).add(a).add(a)));
    }
    case 'u-hypot': {
      const a = arr(s.stream, ma);
      const b = arr(s.stream, mb);
      return arrayCase(() => force(fast.sqrt(a.mul(a).add(b.mul(b)))));
    }
    case 'u-mean': {
      const a = arr(s.stream, ma);
      return scalarCase(() => a.mean().item() as number);
    }
  }
}

/** Plain JS loops: a fresh Float64Array per run (the floor of a fresh result), where a loop is the whole workload. */
export function prepareFloorUser(spec: UserCaseSpec, s: UserSizes): BenchCase | Unavailable {
  const { a: ma, b: mb } = USER_MODULI;
  const f64 = (run: () => Float64Array): BenchCase => ({ run, checksum: (r) => weightedChecksum(r as Float64Array) });
  const add = (a: Float64Array, b: Float64Array): Float64Array => {
    const out = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) out[i] = a[i] + b[i];
    return out;
  };
  const chain3 = (a: Float64Array, b: Float64Array): Float64Array => {
    const out = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) out[i] = (a[i] + b[i]) * a[i] - b[i];
    return out;
  };
  const sum = (a: Float64Array): number => {
    let acc = 0;
    for (let i = 0; i < a.length; i++) acc += a[i];
    return acc;
  };
  const nsq = s.small * s.small;
  switch (spec.workload) {
    case 'u-add': {
      const a = pattern(spec.size, ma);
      const b = pattern(spec.size, mb);
      return f64(() => add(a, b));
    }
    case 'u-chain3': {
      const a = pattern(spec.size, ma);
      const b = pattern(spec.size, mb);
      return f64(() => chain3(a, b));
    }
    case 'u-sum': {
      const a = pattern(spec.size, ma);
      return { run: () => sum(a), checksum: (r) => r as number };
    }
    case 'u-add-small': {
      const a = pattern(nsq, ma);
      const b = pattern(nsq, mb);
      return f64(() => add(a, b));
    }
    case 'u-add-small-dispose':
    case 'u-add-small-scope': {
      // the floor of a recycled result: the add into one reused buffer
      const a = pattern(nsq, ma);
      const b = pattern(nsq, mb);
      const out = new Float64Array(nsq);
      return {
        run: () => {
          for (let i = 0; i < nsq; i++) out[i] = a[i] + b[i];
          return out[nsq - 1];
        },
        checksum: (r) => r as number,
      };
    }
    case 'u-chain3-small': {
      const a = pattern(nsq, ma);
      const b = pattern(nsq, mb);
      return f64(() => chain3(a, b));
    }
    case 'u-sum-small': {
      const a = pattern(nsq, ma);
      return { run: () => sum(a), checksum: (r) => r as number };
    }
    case 'u-add5': {
      const a = new Float64Array(s.stream);
      return f64(() => {
        const out = new Float64Array(a.length);
        for (let i = 0; i < a.length; i++) out[i] = a[i] + a[i] + a[i] + a[i] + a[i];
        return out;
      });
    }
    case 'u-hypot': {
      const a = pattern(s.stream, ma);
      const b = pattern(s.stream, mb);
      return f64(() => {
        const out = new Float64Array(a.length);
        for (let i = 0; i < a.length; i++) out[i] = Math.sqrt(a[i] * a[i] + b[i] * b[i]);
        return out;
      });
    }
    case 'u-mean': {
      const a = pattern(s.stream, ma);
      return { run: () => sum(a) / a.length, checksum: (r) => r as number };
    }
    case 'u-life-small':
    case 'u-life-large': {
      // one fused pass per step into a fresh board: the neighbour count and the rule per cell
      const [side, steps] = spec.workload === 'u-life-small' ? s.lifeSmall : s.lifeLarge;
      const board = lifeBoard(side);
      return f64(() => {
        let z = board.slice();
        for (let t = 0; t < steps; t++) {
          const next = new Float64Array(side * side);
          for (let i = 1; i < side - 1; i++) {
            const up = (i - 1) * side;
            const row = i * side;
            const down = (i + 1) * side;
            for (let j = 1; j < side - 1; j++) {
              const n = z[up + j - 1] + z[up + j] + z[up + j + 1] + z[row + j - 1] + z[row + j + 1] + z[down + j - 1] + z[down + j] + z[down + j + 1];
              next[row + j] = n === 3 || (n === 2 && z[row + j] === 1) ? 1 : 0;
            }
          }
          z = next;
        }
        return z;
      });
    }
    case 'u-softmax': {
      const [r, c] = s.rows;
      const x = pattern(r * c, ma);
      return f64(() => {
        const out = new Float64Array(r * c);
        for (let i = 0; i < r; i++) {
          const o = i * c;
          let m = -Infinity;
          for (let j = 0; j < c; j++) if (x[o + j] > m) m = x[o + j];
          let t = 0;
          for (let j = 0; j < c; j++) t += out[o + j] = Math.exp(x[o + j] - m);
          for (let j = 0; j < c; j++) out[o + j] /= t;
        }
        return out;
      });
    }
    case 'u-logsumexp': {
      const [r, c] = s.rows;
      const x = pattern(r * c, ma);
      return f64(() => {
        const out = new Float64Array(r);
        for (let i = 0; i < r; i++) {
          const o = i * c;
          let m = -Infinity;
          for (let j = 0; j < c; j++) if (x[o + j] > m) m = x[o + j];
          let t = 0;
          for (let j = 0; j < c; j++) t += Math.exp(x[o + j] - m);
          out[i] = m + Math.log(t);
        }
        return out;
      });
    }
    case 'u-pow-float': {
      const x = pattern(s.vector, ma);
      return f64(() => {
        const out = new Float64Array(x.length);
        for (let i = 0; i < x.length; i++) out[i] = Math.pow(x[i], 2.5);
        return out;
      });
    }
    case 'u-cube-pow': {
      const x = pattern(s.vector, ma);
      return f64(() => {
        const out = new Float64Array(x.length);
        for (let i = 0; i < x.length; i++) out[i] = x[i] * x[i] * x[i];
        return out;
      });
    }
    case 'u-mask-read': {
      const a = pattern(nsq, ma);
      return f64(() => {
        let n = 0;
        for (let i = 0; i < nsq; i++) if (a[i] > 0.5) n++;
        const out = new Float64Array(n);
        for (let i = 0, k = 0; i < nsq; i++) if (a[i] > 0.5) out[k++] = a[i];
        return out;
      });
    }
    default:
      return unavailable('no plain-loop floor for this program');
  }
}
