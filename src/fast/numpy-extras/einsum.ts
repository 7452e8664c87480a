/**
 * NumPy's einsum for subscripts of letters, explicit ('ij,jk->ik') or implicit ('ij,jk': the
 * letters seen once, sorted): a direct loop over every index combination, summing products in
 * the promoted dtype (float: in float64 then rounded once for float32; complex; integers up to
 * 32 bits wrap as NumPy). Ellipses, int64/uint64 and bool operands are NotSupported.
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { NotSupportedError, ShapeError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { resultType } from '../engine/promotion.js';
import { shapeStr } from '../engine/shape.js';
import { fresh, materialize, toFast, type ArrayInput } from '../linalg/support.js';

/** `einsum(subscripts, ...operands)`. */
export function einsum(subscripts: string, ...operands: ArrayInput[]): FastArray {
  if (typeof subscripts !== 'string') throw new ValueError(`einsum takes the subscripts string first, got ${typeof subscripts}`);
  const spec = subscripts.replace(/\s+/g, '');
  if (spec.includes('.')) throw new NotSupportedError('numpy.einsum', `ellipsis subscripts ('${subscripts}')`);
  const [lhs, rhs] = spec.includes('->') ? spec.split('->') : [spec, null];
  const inputs = lhs.split(',');
  if (inputs.length !== operands.length) throw new ValueError(`einsum: ${inputs.length} operand subscripts in '${subscripts}' but ${operands.length} operands`);
  const arrs = operands.map((o) => toFast(o));
  const dtype = resultType(...arrs.map((a) => a.dtype));
  const kind = DTYPES[dtype].kind;
  if (kind === 'bool' || dtype === 'int64' || dtype === 'uint64') throw new NotSupportedError('numpy.einsum', `operands of dtype ${dtype}`);
  const sizes = new Map<string, number>();
  const counts = new Map<string, number>();
  inputs.forEach((sub, t) => {
    if (!/^[a-zA-Z]*$/.test(sub)) throw new ValueError(`einsum: invalid subscript '${sub}' in '${subscripts}' (letters only)`);
    if (sub.length !== arrs[t].ndim) throw new ValueError(`einsum: operand ${t} has ${arrs[t].ndim} dimensions (shape ${shapeStr(arrs[t].shape)}) but subscript '${sub}' has ${sub.length}`);
    [...sub].forEach((c, d) => {
      const n = arrs[t].shape[d];
      const have = sizes.get(c);
      if (have !== undefined && have !== n && have !== 1 && n !== 1) {
        throw new ShapeError(`einsum: size of label '${c}' is ${have} in one operand and ${n} in operand ${t} (shape ${shapeStr(arrs[t].shape)})`);
      }
      sizes.set(c, have === undefined || have === 1 ? n : have);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    });
  });
  const out = rhs ?? [...counts.keys()].filter((c) => counts.get(c) === 1).sort().join('');
  for (const c of out) {
    if (!sizes.has(c)) throw new ValueError(`einsum: output subscript '${c}' does not appear in the inputs of '${subscripts}'`);
    if (out.indexOf(c) !== out.lastIndexOf(c)) throw new ValueError(`einsum: output subscript '${c}' appears more than once in '${subscripts}'`);
  }
  const summed = [...sizes.keys()].filter((c) => !out.includes(c));
  const labels = [...out, ...summed];
  const dims = labels.map((c) => sizes.get(c)!);
  const complex = kind === 'complex';
  const calc: DTypeName = complex ? 'complex128' : kind === 'float' ? 'float64' : dtype;
  const mats = arrs.map((a) => materialize(a, calc));
  // element stride of each label in each operand (0 where absent or broadcast; repeated labels add up)
  const strides = mats.map((a, t) =>
    labels.map((c) => {
      let s = 0;
      [...inputs[t]].forEach((l, d) => {
        if (l === c && a.shape[d] !== 1) s += a._es[d];
      });
      return s;
    }),
  );
  const outShape = [...out].map((c) => sizes.get(c)!);
  const result = fresh(dtype, outShape);
  const rd = result._data!;
  const nOut = outShape.reduce((p, d) => p * d, 1);
  const nSum = summed.reduce((p, c) => p * sizes.get(c)!, 1);
  const k = out.length;
  const idx = new Array<number>(labels.length).fill(0);
  const offs = mats.map((a) => a._off);
  const wrap = kind === 'signed' || kind === 'unsigned';
  for (let o = 0; o < nOut; o++) {
    let re = 0;
    let im = 0;
    for (let sIdx = 0; sIdx < nSum; sIdx++) {
      let pr = 1;
      let pi = 0;
      for (let t = 0; t < mats.length; t++) {
        let off = offs[t];
        for (let l = 0; l < labels.length; l++) off += idx[l] * strides[t][l];
        const d = mats[t]._data as Float64Array;
        if (complex) {
          const xr = d[2 * off];
          const xi = d[2 * off + 1];
          const nr = pr * xr - pi * xi;
          pi = pr * xi + pi * xr;
          pr = nr;
        } else if (wrap) pr = Math.imul(pr, d[off]);
        else pr *= d[off];
      }
      if (wrap) re = (re + pr) | 0;
      else {
        re += pr;
        im += pi;
      }
      for (let l = labels.length - 1; l >= k; l--) {
        if (++idx[l] < dims[l]) break;
        idx[l] = 0;
      }
    }
    if (complex) {
      rd[2 * o] = re;
      rd[2 * o + 1] = im;
    } else (rd as Float64Array)[o] = re;
    for (let l = k - 1; l >= 0; l--) {
      if (++idx[l] < dims[l]) break;
      idx[l] = 0;
    }
  }
  return result;
}
