/**
 * How fast takes each NumPy function's parameters: the one table that both fast's run-time option checks
 * and `nd`'s per-call routing read. Parameter names are NumPy's (`a`, `axis`, `where`...), keys are the
 * dotted paths nd uses (`sum`, `linalg.norm`, `fft.rfft`).
 *
 *   sum: { positional: ['a'], options: { axis: 'axis', dtype: 'dtype', keepdims: 'keepdims' }, unsupported: ['out', ...] }
 *
 * - `positional`: NumPy parameters fast takes as leading positional arguments, in fast's order
 *   (`fast.sum(a, options)` -> ['a']).
 * - `options`: NumPy parameters fast honours in its trailing options object, mapped to fast's key (the
 *   same name unless fast follows the Array API standard's spelling).
 * - `fastOnly`: option keys fast accepts that NumPy's function does not have (standard-only keys).
 * - `unsupported`: NumPy parameters fast does not implement. Passing one with a value other than NumPy's
 *   default is `NotSupportedError('<path>.<param>')` in fast, and in nd a route to NumPy.
 *
 * Every NumPy parameter of a function fast has is in exactly one of positional / options / unsupported:
 * a test checks this against NumPy's own signatures (spec/numpy-signatures.json), so nothing can be
 * silently dropped.
 */
export interface FastSignature {
  readonly positional: readonly string[];
  readonly options: Readonly<Record<string, string>>;
  readonly fastOnly?: readonly string[];
  readonly unsupported: readonly string[];
  /** Names from `positional` that fast also takes by name in its options object, as NumPy's positional-or-keyword parameters (`linspace(0, 1, { num: 5 })`). */
  readonly byKeyword?: readonly string[];
}

/** The keywords every NumPy ufunc takes besides its operands; fast's element-wise functions take none of them. */
const UFUNC_KEYWORDS = ['out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'] as const;
/** Generalized ufuncs (matmul, vecdot) take axes/axis/keepdims instead of where. */
const GUFUNC_KEYWORDS = ['out', 'casting', 'order', 'dtype', 'subok', 'signature', 'axes', 'axis', 'keepdims'] as const;

type Opts = Readonly<Record<string, string>>;
const sig = (positional: readonly string[], options: Opts | readonly string[] = {}, unsupported: readonly string[] = [], fastOnly?: readonly string[]): FastSignature => ({
  positional,
  options: Array.isArray(options) ? Object.fromEntries((options as readonly string[]).map((k) => [k, k])) : (options as Opts),
  unsupported,
  ...(fastOnly ? { fastOnly } : {}),
});
/** A unary ufunc `f(x)`, a binary one `f(x1, x2)` (two-output ones, modf and divmod, take their outputs as one `out`). */
/** The ufunc keywords fast honours on its element-wise functions (elementwise/ufunc-keywords.ts); `signature` is refused. */
const UFUNC_HONOURED = ['out', 'where', 'casting', 'order', 'dtype', 'subok'] as const;
const uf1 = sig(['x'], UFUNC_HONOURED, ['signature']);
const uf2 = sig(['x1', 'x2'], UFUNC_HONOURED, ['signature']);
// two-output ufuncs (modf, divmod) and ldexp take none of the keywords yet
const uf1to2 = sig(['x'], {}, UFUNC_KEYWORDS);
const uf2to2 = sig(['x1', 'x2'], {}, UFUNC_KEYWORDS);

const UNARY = `abs absolute acos acosh arccos arccosh arcsin arcsinh arctan arctanh asin asinh atan atanh bitwise_invert cbrt ceil conj
  conjugate cos cosh deg2rad degrees exp exp2 expm1 fabs floor invert isfinite isinf isnan log log10 log1p log2 logical_not negative
  positive rad2deg radians reciprocal rint sign signbit sin sinh sqrt square tan tanh trunc`;
const BINARY = `add arctan2 atan2 bitwise_and bitwise_left_shift bitwise_or bitwise_right_shift bitwise_xor copysign divide equal
  float_power floor_divide fmax fmin fmod gcd greater greater_equal heaviside hypot lcm ldexp left_shift less less_equal logaddexp
  logaddexp2 logical_and logical_or logical_xor maximum minimum mod multiply nextafter not_equal pow power remainder right_shift
  subtract true_divide`;

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Creation functions: NumPy's `device`/`like` are refused (fast has one device and no array-function protocol). */
const REDUCE_WHERE = { axis: 'axis', keepdims: 'keepdims', where: 'where' } as const;

const TABLE: Record<string, FastSignature> = {
  ...Object.fromEntries(words(UNARY).map((n) => [n, uf1])),
  ...Object.fromEntries(words(BINARY).map((n) => [n, uf2])),
  modf: uf1to2,
  ldexp: uf2to2,
  divmod: uf2to2,
  matmul: sig(['x1', 'x2'], {}, GUFUNC_KEYWORDS),
  vecdot: sig(['x1', 'x2'], { axis: 'axis' }, GUFUNC_KEYWORDS.filter((k) => k !== 'axis')),
  fix: sig(['x'], {}, ['out']),
  real: sig(['val']),
  imag: sig(['val']),
  round: sig(['a'], ['decimals'], ['out']),
  around: sig(['a', 'decimals'], {}, ['out']),
  clip: sig(['a', 'a_min', 'a_max'], ['min', 'max'], ['out']),
  nan_to_num: sig(['x'], ['copy', 'nan', 'posinf', 'neginf']),
  isclose: sig(['a', 'b'], ['rtol', 'atol', 'equal_nan']),
  allclose: sig(['a', 'b'], ['rtol', 'atol', 'equal_nan']),
  angle: sig(['z'], ['deg']),

  // ---- creation ----
  asarray: sig(['a'], ['dtype', 'order', 'copy'], ['device', 'like']),
  zeros: sig(['shape'], ['dtype', 'order'], ['device', 'like']),
  ones: sig(['shape'], ['dtype', 'order'], ['device', 'like']),
  empty: sig(['shape'], ['dtype', 'order'], ['device', 'like']),
  full: sig(['shape', 'fill_value'], ['dtype', 'order'], ['device', 'like']),
  zeros_like: sig(['a'], ['dtype', 'order', 'shape'], ['subok', 'device']),
  ones_like: sig(['a'], ['dtype', 'order', 'shape'], ['subok', 'device']),
  empty_like: sig(['prototype'], ['dtype', 'order', 'shape'], ['subok', 'device']),
  full_like: sig(['a', 'fill_value'], ['dtype', 'order', 'shape'], ['subok', 'device']),
  arange: sig(['start_or_stop', 'stop', 'step'], ['dtype'], ['device', 'like']),
  linspace: { ...sig(['start', 'stop', 'num'], ['endpoint', 'dtype'], ['retstep', 'axis', 'device']), byKeyword: ['num'] },
  logspace: sig(['start', 'stop', 'num'], ['endpoint', 'base', 'dtype'], ['axis']),
  geomspace: sig(['start', 'stop', 'num'], ['endpoint', 'dtype'], ['axis']),
  eye: sig(['N', 'M'], ['k', 'dtype', 'order'], ['device', 'like']),
  identity: sig(['n'], ['dtype'], ['like']),
  tri: sig(['N', 'M'], ['k', 'dtype'], ['like']),
  copy: sig(['a'], ['order'], ['subok']),
  astype: sig(['x', 'dtype'], ['copy'], ['device'], ['casting']),

  // ---- reductions and statistics ----
  sum: sig(['a'], { ...REDUCE_WHERE, dtype: 'dtype', initial: 'initial' }, ['out']),
  prod: sig(['a'], { ...REDUCE_WHERE, dtype: 'dtype', initial: 'initial' }, ['out']),
  min: sig(['a'], { ...REDUCE_WHERE, initial: 'initial' }, ['out']),
  max: sig(['a'], { ...REDUCE_WHERE, initial: 'initial' }, ['out']),
  mean: sig(['a'], { ...REDUCE_WHERE, dtype: 'dtype' }, ['out']),
  all: sig(['a'], REDUCE_WHERE, ['out']),
  any: sig(['a'], REDUCE_WHERE, ['out']),
  std: sig(['a'], ['axis', 'dtype', 'ddof', 'keepdims', 'correction'], ['out', 'where', 'mean']),
  var: sig(['a'], ['axis', 'dtype', 'ddof', 'keepdims', 'correction'], ['out', 'where', 'mean']),
  nansum: sig(['a'], ['axis', 'keepdims'], ['dtype', 'out', 'initial', 'where']),
  nanmean: sig(['a'], ['axis', 'keepdims'], ['dtype', 'out', 'where']),
  nanmax: sig(['a'], ['axis', 'keepdims'], ['out', 'initial', 'where']),
  nanmin: sig(['a'], ['axis', 'keepdims'], ['out', 'initial', 'where']),
  nanvar: sig(['a'], ['axis', 'ddof', 'keepdims', 'correction'], ['dtype', 'out', 'where', 'mean']),
  nanstd: sig(['a'], ['axis', 'ddof', 'keepdims', 'correction'], ['dtype', 'out', 'where', 'mean']),
  cumsum: sig(['a'], ['axis', 'dtype'], ['out']),
  cumprod: sig(['a'], ['axis', 'dtype'], ['out']),
  cumulative_sum: sig(['x'], ['axis', 'dtype', 'include_initial'], ['out']),
  cumulative_prod: sig(['x'], ['axis', 'dtype', 'include_initial'], ['out']),
  argmax: sig(['a'], ['axis', 'keepdims'], ['out']),
  argmin: sig(['a'], ['axis', 'keepdims'], ['out']),
  nanargmax: sig(['a'], ['axis', 'keepdims'], ['out']),
  nanargmin: sig(['a'], ['axis', 'keepdims'], ['out']),
  count_nonzero: sig(['a'], ['axis', 'keepdims']),
  quantile: sig(['a', 'q'], ['axis', 'method', 'keepdims', 'overwrite_input'], ['out', 'weights']),
  percentile: sig(['a', 'q'], ['axis', 'method', 'keepdims', 'overwrite_input'], ['out', 'weights']),
  median: sig(['a'], ['axis', 'keepdims', 'overwrite_input'], ['out']),
  nanmedian: sig(['a'], ['axis', 'keepdims', 'overwrite_input'], ['out']),
  ptp: sig(['a'], ['axis', 'keepdims'], ['out']),
  average: sig(['a'], ['axis', 'weights', 'keepdims'], ['returned']),
  gradient: sig(['f'], ['axis'], ['edge_order']),
  bincount: sig(['x'], ['weights', 'minlength']),
  digitize: sig(['x', 'bins'], ['right']),
  histogram: sig(['a'], ['bins', 'range'], ['density', 'weights']),
  cov: sig(['m'], ['rowvar', 'bias', 'ddof'], ['y', 'fweights', 'aweights', 'dtype']),
  corrcoef: sig(['x'], ['rowvar'], ['y', 'dtype']),
  trace: sig(['a'], ['offset', 'axis1', 'axis2', 'dtype'], ['out']),

  // ---- manipulation ----
  reshape: sig(['a', 'shape'], ['order', 'copy']),
  ravel: sig(['a'], ['order']),
  transpose: sig(['a', 'axes']),
  permute_dims: sig(['a', 'axes']),
  matrix_transpose: sig(['x']),
  swapaxes: sig(['a', 'axis1', 'axis2']),
  moveaxis: sig(['a', 'source', 'destination']),
  squeeze: sig(['a', 'axis']),
  expand_dims: sig(['a', 'axis']),
  flip: sig(['m', 'axis']),
  broadcast_to: sig(['array', 'shape'], {}, ['subok']),
  broadcast_arrays: sig([], {}, ['subok']),
  broadcast_shapes: sig([]),
  concat: sig(['arrays'], ['axis'], ['out', 'dtype', 'casting']),
  concatenate: sig(['arrays'], ['axis'], ['out', 'dtype', 'casting']),
  stack: sig(['arrays'], ['axis'], ['out', 'dtype', 'casting']),
  unstack: sig(['x'], ['axis']),
  hstack: sig(['tup'], {}, ['dtype', 'casting']),
  vstack: sig(['tup'], {}, ['dtype', 'casting']),
  column_stack: sig(['tup']),
  split: sig(['ary', 'indices_or_sections'], ['axis']),
  array_split: sig(['ary', 'indices_or_sections'], ['axis']),
  tile: sig(['A', 'reps']),
  repeat: sig(['a', 'repeats'], ['axis']),
  roll: sig(['a', 'shift'], ['axis']),
  take: sig(['a', 'indices'], ['axis'], ['out', 'mode']),
  take_along_axis: sig(['arr', 'indices'], ['axis']),
  append: sig(['arr', 'values'], ['axis']),
  insert: sig(['arr', 'obj', 'values'], ['axis']),
  delete: sig(['arr', 'obj'], ['axis']),
  pad: sig(['array', 'pad_width'], ['mode'], [], ['constant_values']),
  meshgrid: sig([], ['indexing', 'copy', 'sparse']),
  tril: sig(['m'], ['k']),
  triu: sig(['m'], ['k']),
  diag: sig(['v'], ['k']),
  diff: sig(['a'], ['n', 'axis', 'prepend', 'append']),

  // ---- searching, sorting, sets ----
  where: sig(['condition', 'x', 'y']),
  nonzero: sig(['a']),
  argwhere: sig(['a']),
  flatnonzero: sig(['a']),
  searchsorted: sig(['a', 'v'], ['side', 'sorter']),
  select: sig(['condlist', 'choicelist'], ['default']),
  sort: sig(['a'], ['axis', 'kind', 'stable'], ['order'], ['descending']),
  argsort: sig(['a'], ['axis', 'kind', 'stable'], ['order'], ['descending']),
  partition: sig(['a', 'kth'], ['axis', 'kind'], ['order']),
  argpartition: sig(['a', 'kth'], ['axis', 'kind'], ['order']),
  lexsort: sig(['keys'], {}, ['axis']),
  unique: sig(['ar'], ['return_index', 'return_inverse', 'return_counts', 'axis', 'equal_nan'], ['sorted']),
  unique_all: sig(['x']),
  unique_counts: sig(['x']),
  unique_inverse: sig(['x']),
  unique_values: sig(['x']),
  isin: sig(['element', 'test_elements'], ['assume_unique', 'invert', 'kind']),

  from_dlpack: sig(['x'], ['device', 'copy']),
  __array_namespace_info__: sig([]),

  // ---- dtype functions ----
  can_cast: sig(['from_', 'to'], ['casting']),
  result_type: sig([]),
  isdtype: sig(['dtype', 'kind']),
  finfo: sig(['dtype']),
  iinfo: sig(['int_type']),

  // ---- products, signal, polynomials ----
  dot: sig(['a', 'b'], {}, ['out']),
  vdot: sig(['a', 'b']),
  inner: sig(['a', 'b']),
  outer: sig(['a', 'b'], {}, ['out']),
  kron: sig(['a', 'b']),
  tensordot: sig(['a', 'b', 'axes']),
  cross: sig(['a', 'b'], ['axis'], ['axisa', 'axisb', 'axisc']),
  einsum: sig([], {}, ['out', 'optimize']),
  convolve: sig(['a', 'v'], ['mode']),
  correlate: sig(['a', 'v'], ['mode']),
  interp: sig(['x', 'xp', 'fp'], ['left', 'right', 'period']),
  trapezoid: sig(['y'], ['x', 'dx', 'axis']),
  polyval: sig(['p', 'x']),
  polyfit: sig(['x', 'y', 'deg'], ['rcond'], ['full', 'w', 'cov']),
  vander: sig(['x', 'N'], ['increasing']),

  // ---- linalg ----
  'linalg.matmul': sig(['x1', 'x2']),
  'linalg.matrix_transpose': sig(['x']),
  'linalg.tensordot': sig(['x1', 'x2', 'axes']),
  'linalg.vecdot': sig(['x1', 'x2'], ['axis']),
  'linalg.outer': sig(['x1', 'x2']),
  'linalg.cross': sig(['x1', 'x2'], ['axis']),
  'linalg.diagonal': sig(['x'], ['offset']),
  'linalg.trace': sig(['x'], ['offset', 'dtype']),
  'linalg.vector_norm': sig(['x'], ['axis', 'keepdims', 'ord']),
  'linalg.matrix_norm': sig(['x'], ['keepdims', 'ord']),
  'linalg.norm': sig(['x'], ['ord', 'axis', 'keepdims']),
  'linalg.det': sig(['a']),
  'linalg.slogdet': sig(['a']),
  'linalg.inv': sig(['a']),
  'linalg.solve': sig(['a', 'b']),
  'linalg.cholesky': sig(['a'], ['upper']),
  'linalg.qr': sig(['a'], ['mode']),
  'linalg.matrix_power': sig(['a', 'n']),
  'linalg.svdvals': sig(['x']),
  'linalg.matrix_rank': sig(['A'], ['tol', 'rtol'], ['hermitian']),
  'linalg.pinv': sig(['a'], ['rcond', 'rtol'], ['hermitian']),
  'linalg.eigvalsh': sig(['a'], ['UPLO']),
  'linalg.lstsq': sig(['a', 'b'], ['rcond']),
  'linalg.cond': sig(['x', 'p']),
  // fast refuses these whole functions (linalg.ts says why): every parameter routes nd to NumPy
  'linalg.eigh': sig([], {}, ['a', 'UPLO']),
  'linalg.svd': sig([], {}, ['a', 'full_matrices', 'compute_uv', 'hermitian']),
  'linalg.eig': sig([], {}, ['a']),
  'linalg.eigvals': sig([], {}, ['a']),
  'random.default_rng': sig([], {}, ['seed']),

  // ---- fft ----
  ...Object.fromEntries(words('fft ifft rfft irfft hfft ihfft').map((n) => [`fft.${n}`, sig(['a'], ['n', 'axis', 'norm'], ['out'])])),
  ...Object.fromEntries(words('fftn ifftn rfftn irfftn fft2 ifft2').map((n) => [`fft.${n}`, sig(['a'], ['s', 'axes', 'norm'], ['out'])])),
  'fft.fftfreq': sig(['n'], ['d'], ['device'], ['dtype']),
  'fft.rfftfreq': sig(['n'], ['d'], ['device'], ['dtype']),
  'fft.fftshift': sig(['x'], ['axes']),
  'fft.ifftshift': sig(['x'], ['axes']),
};

export const FAST_SIGNATURES: Readonly<Record<string, FastSignature>> = TABLE;
