/**
 * Parameter corners beyond the standard's own: NumPy's keyword parameters of catalogued functions (the
 * ufunc keywords `out`, `where`, `dtype`, `casting`, `order` of every element-wise ufunc; `out`,
 * `initial`, `where` of reductions; linspace's `num`, eye's `M`, take's `mode`...), NumPy's dtype
 * spellings, and `nd`'s calling conventions (positional arguments as NumPy binds them, a trailing keyword
 * object, Python's TypeErrors). The standard's own parameters are generated from its listing in
 * spec/generate.ts; these are written here. Each becomes a catalog entry of kind `parameter` with its
 * function corner in `of`; spec/numpy-params.test.ts checks every name against the installed NumPy.
 */

export interface ParamCornerSpec {
  /** The function corner the parameter belongs to. */
  readonly of: string;
  /** NumPy's parameter name. */
  readonly param: string;
  /** The id's last segment when it is not the parameter's name (`dtype-spellings`). */
  readonly suffix?: string;
  readonly description: string;
}

/** The standard's element-wise functions that are NumPy ufuncs (a test checks this list against NumPy). */
export const STANDARD_UFUNCS = [
  'abs', 'acos', 'acosh', 'add', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'bitwise_and', 'bitwise_left_shift',
  'bitwise_invert', 'bitwise_or', 'bitwise_right_shift', 'bitwise_xor', 'ceil', 'conj', 'copysign', 'cos', 'cosh',
  'divide', 'equal', 'exp', 'expm1', 'floor', 'floor_divide', 'greater', 'greater_equal', 'hypot', 'isfinite', 'isinf',
  'isnan', 'less', 'less_equal', 'log', 'log1p', 'log2', 'log10', 'logaddexp', 'logical_and', 'logical_not',
  'logical_or', 'logical_xor', 'maximum', 'minimum', 'multiply', 'negative', 'nextafter', 'not_equal', 'positive',
  'pow', 'reciprocal', 'remainder', 'sign', 'signbit', 'sin', 'sinh', 'square', 'sqrt', 'subtract', 'tan', 'tanh',
  'trunc',
] as const;

/** NumPy's own ufunc corners (catalogued in numpy-corners.ts). */
export const NUMPY_UFUNCS = ['cbrt', 'exp2', 'fmod', 'deg2rad', 'heaviside'] as const;

/** The ufunc keywords every ufunc corner gets a parameter corner for (subok, signature: no JS meaning). */
export const UFUNC_KEYWORDS: ReadonlyArray<readonly [param: string, description: string]> = [
  ['out', 'out=: the result is written into the given array, which is returned'],
  ['where', 'where=: only elements where the mask is True are computed into out; the rest keep out\'s values'],
  ['dtype', 'dtype=: the computation runs in and returns the given dtype'],
  ['casting', "casting='no': a call needing any cast raises"],
  ['order', "order='F': the result is laid out in Fortran order"],
];

export function ufuncCorner(name: string): string {
  return (NUMPY_UFUNCS as readonly string[]).includes(name) ? `numpy.${name}` : `elementwise.${name}`;
}

const ufuncParams: ParamCornerSpec[] = [...STANDARD_UFUNCS, ...NUMPY_UFUNCS].flatMap((name) =>
  UFUNC_KEYWORDS.map(([param, text]): ParamCornerSpec => ({ of: ufuncCorner(name), param, description: `np.${name} ufunc keyword ${text}` })),
);

const p = (of: string, param: string, description: string, suffix?: string): ParamCornerSpec => ({ of, param, description, suffix });

/** Reductions: NumPy's out, initial and where (and mean/std/var's dtype, std/var's ddof). */
const reductionParams: ParamCornerSpec[] = [
  ...['sum', 'prod', 'max', 'min'].flatMap((n) => [
    p(`statistical.${n}`, 'out', `np.${n}(x, axis, out=o): the reduction is written into o, which is returned`),
    p(`statistical.${n}`, 'initial', `np.${n}(x, initial=v): v is the starting value of the reduction`),
    p(`statistical.${n}`, 'where', `np.${n}(x, where=m${n === 'max' || n === 'min' ? ', initial=v' : ''}): only elements where m is True are reduced`),
  ]),
  ...['mean', 'std', 'var'].flatMap((n) => [
    p(`statistical.${n}`, 'out', `np.${n}(x, axis, out=o): the result is written into o, which is returned`),
    p(`statistical.${n}`, 'where', `np.${n}(x, where=m): only elements where m is True are included`),
    p(`statistical.${n}`, 'dtype', `np.${n}(x, dtype=d): accumulate and return in dtype d`),
  ]),
  p('statistical.std', 'ddof', 'np.std(x, ddof=1): NumPy\'s name of the correction'),
  p('statistical.var', 'ddof', 'np.var(x, ddof=1): NumPy\'s name of the correction'),
  ...['all', 'any'].flatMap((n) => [
    p(`utility.${n}`, 'out', `np.${n}(x, axis, out=o): the result is written into o, which is returned`),
    p(`utility.${n}`, 'where', `np.${n}(x, where=m): only elements where m is True are tested`),
  ]),
  p('searching.argmax', 'out', 'np.argmax(x, axis, out=o): indices written into o, which is returned'),
  p('searching.argmin', 'out', 'np.argmin(x, axis, out=o): indices written into o, which is returned'),
  p('statistical.cumulative_sum', 'out', 'np.cumulative_sum(x, axis=a, out=o): written into o, which is returned'),
  p('statistical.cumulative_prod', 'out', 'np.cumulative_prod(x, axis=a, out=o): written into o, which is returned'),
];

/** Other NumPy parameters of catalogued functions that real code passes. */
const otherParams: ParamCornerSpec[] = [
  p('creation.linspace', 'num', 'np.linspace(start, stop, num): num points (NumPy: optional, default 50)'),
  p('creation.linspace', 'retstep', 'np.linspace(..., retstep=True): also returns the step'),
  p('creation.eye', 'M', 'np.eye(N, M): NumPy\'s name of the column count, positional second'),
  p('creation.full', 'order', "np.full(shape, v, order='F'): Fortran-ordered result"),
  p('creation.zeros', 'order', "np.zeros(shape, order='F'): Fortran-ordered result"),
  p('creation.meshgrid', 'sparse', 'np.meshgrid(x, y, sparse=True): broadcastable sparse grids'),
  p('elementwise.round', 'decimals', 'np.round(x, decimals): round to a number of decimals, negative included'),
  p('elementwise.round', 'out', 'np.round(x, out=o): written into o, which is returned'),
  p('elementwise.clip', 'a_min', 'np.clip(x, a_min, a_max): the lower bound, positional or a_min='),
  p('elementwise.clip', 'a_max', 'np.clip(x, a_min, a_max): the upper bound, positional or a_max='),
  p('elementwise.clip', 'out', 'np.clip(x, lo, hi, out=o): written into o, which is returned'),
  p('indexing.take', 'mode', "np.take(x, i, mode='clip'/'wrap'): out-of-range indices clipped or wrapped"),
  p('indexing.take', 'out', 'np.take(x, i, out=o): written into o, which is returned'),
  p('manipulation.reshape', 'order', "np.reshape(x, shape, order='F'): elements read and placed in Fortran order"),
  p('manipulation.concat', 'dtype', 'np.concat(xs, dtype=d): the result in dtype d'),
  p('manipulation.concat', 'out', 'np.concat(xs, out=o): written into o, which is returned'),
  p('manipulation.stack', 'dtype', 'np.stack(xs, dtype=d): the result in dtype d'),
  p('sorting.sort', 'kind', "np.sort(x, kind='stable'): the algorithm (values are the same; stability checked through argsort)"),
  p('sorting.argsort', 'kind', "np.argsort(x, kind='stable'): stable order of equal keys"),
  p('linalg.svd', 'compute_uv', 'np.linalg.svd(x, compute_uv=False): singular values only'),
  p('linalg.eigh', 'UPLO', "np.linalg.eigh(x, UPLO='U'): the upper triangle is read"),
  p('linalg.pinv', 'hermitian', 'np.linalg.pinv(x, hermitian=True): the Hermitian method'),
  p('numpy.bincount', 'weights', 'np.bincount(x, weights): weighted counts, weights positional second'),
  p('numpy.bincount', 'minlength', 'np.bincount(x, w, minlength): at least minlength bins'),
  p('numpy.ravel', 'order', "np.ravel(x, 'F'): flattened in Fortran order"),
  p('numpy.diag', 'k', 'np.diag(m, k): the k-th diagonal, positional second'),
  p('numpy.around', 'decimals', 'np.around(x, decimals): decimals positional second'),
  p('numpy.cumsum', 'dtype', 'np.cumsum(x, axis, dtype): accumulate in dtype'),
  p('numpy.cumsum', 'out', 'np.cumsum(x, axis, out=o): written into o, which is returned'),
  p('numpy.percentile', 'method', "np.percentile(x, q, method='nearest'): the interpolation method"),
  p('numpy.median', 'keepdims', 'np.median(x, axis, keepdims=True): reduced axes kept'),
  p('numpy.histogram', 'range', 'np.histogram(x, bins, range=(lo, hi)): bins over the given range'),
  p('numpy.histogram', 'density', 'np.histogram(x, bins, density=True): a probability density'),
  p('numpy.pad.constant', 'mode', "np.pad(x, w, 'constant', constant_values=v): mode positional third"),
  p('numpy.pad.reflect', 'mode', "np.pad(x, w, 'reflect'): mode positional third"),
  p('numpy.pad.edge', 'mode', "np.pad(x, w, 'edge'): mode positional third"),
  p('numpy.unique', 'return_index', 'np.unique(x, return_index=True): first indices of the unique values'),
  p('numpy.unique', 'return_inverse', 'np.unique(x, return_inverse=True): indices that rebuild x'),
  p('numpy.unique', 'axis', 'np.unique(x, axis=0): unique rows'),
  p('numpy.cumsum', 'axis', 'np.cumsum(x, axis): axis positional second'),
  p('numpy.nan_to_num', 'nan', 'np.nan_to_num(x, nan=v): the value NaN becomes'),
  p('numpy.isclose', 'atol', 'np.isclose(a, b, atol=t): the absolute tolerance'),
  p('numpy.allclose', 'rtol', 'np.allclose(a, b, rtol): the relative tolerance, positional third'),
  p('numpy.average', 'returned', 'np.average(x, weights=w, returned=True): also the sum of the weights'),
  p('numpy.split', 'axis', 'np.split(x, n, axis): split along an axis, positional third'),
  p('numpy.tri', 'dtype', 'np.tri(n, m, k, dtype): the dtype, positional fourth'),
  p('numpy.trace', 'axis1', 'np.trace(x, offset, axis1, axis2): the axes the diagonal is taken from'),
  p('numpy.linalg.norm', 'axis', 'np.linalg.norm(x, ord, axis): norms along an axis'),
  p('numpy.linalg.norm', 'keepdims', 'np.linalg.norm(x, axis=a, keepdims=True): reduced axes kept'),
  p('numpy.fft.fft2', 's', 'np.fft.fft2(x, s): the transform shape (crop or pad)'),
  p('numpy.fft.fft2', 'norm', "np.fft.fft2(x, norm='ortho'): the normalisation"),
  // dtype spellings: NumPy's names, type codes, aliases and dtype objects
  p('creation.zeros', 'dtype', "np.zeros(3, 'f4'/'<f8'/'i8'/'u1'/'int'/'float'/'complex'/'double'/'uint'/np.float32): every dtype spelling", 'dtype-spellings'),
  p('creation.arange', 'dtype', 'np.arange(n, dtype=spelling): every dtype spelling', 'dtype-spellings'),
  p('creation.asarray', 'dtype', 'np.asarray(v, dtype=spelling): every dtype spelling', 'dtype-spellings'),
  p('data_type.astype', 'dtype', 'np.astype(x, spelling): every dtype spelling', 'dtype-spellings'),
  p('statistical.sum', 'dtype', 'np.sum(x, dtype=spelling): every dtype spelling', 'dtype-spellings'),
];

/** nd's calling conventions: NumPy's binding rules across functions (area `nd`, no single function). */
export const CALLING_CORNERS: ReadonlyArray<readonly [id: string, description: string]> = [
  ['nd.positional', "NumPy-style positional calls: sum(x, 0), mean(x, 1), linspace(0, 1, 3, False), zeros(3, 'float32'), eye(3, 3, 1), pad(x, 1, 'edge')"],
  ['nd.keyword-object', 'a trailing plain object is keyword arguments, mixed with positional ones: sum(x, 0, { keepdims: true })'],
  ['nd.unknown-keyword', "an unknown keyword is Python's TypeError (sum(x, { axsi: 0 })), never ignored"],
  ['nd.too-many-positional', "more positional arguments than the signature takes is Python's TypeError, never ignored"],
  ['nd.keyword-and-positional', "a parameter given positionally and by keyword is Python's TypeError (sum(x, 0, { axis: 1 }))"],
];

export const NUMPY_PARAM_CORNERS: readonly ParamCornerSpec[] = [...ufuncParams, ...reductionParams, ...otherParams];

export function paramCornerId(s: ParamCornerSpec): string {
  return `${s.of}.${s.suffix ?? s.param}`;
}
