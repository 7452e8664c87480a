/**
 * FastArray: the fast runtime's n-dimensional array. Either materialised (a Storage, an element
 * offset and element strides) or lazy (an expression graph, computed into fresh C-contiguous
 * storage the first time a value is needed, then cached).
 */
import { DTYPES, typestrOf, type DTypeName } from '../common/dtypes.js';
import { DisposedError, DTypeError, IndexError, ValueError } from '../common/errors.js';
import type { IndexItem } from '../common/index-expr.js';
import type {
  ArrayInterface,
  AstypeOptions,
  Complex,
  IndexSpec,
  NdArray,
  NestedArray,
  Operand,
  ReduceOptions,
  Scalar,
} from '../common/ndarray.js';
import { addressOf } from './engine/address.js';
import { checkAttached, describeArray, detachedError } from './engine/detached.js';
import { evaluateInto } from './engine/codegen.js';
import { MAX_GRAPH_NODES, type LeafNode, type Node } from './engine/expr.js';
import { scope as scopeWith, scopeOpen, trackNew } from './engine/lifetimes.js';
import { checkDims, contiguousStrides, isCContiguous, MAX_DIMS, sizeOf } from './engine/shape.js';
import { checkNestedIntegerWrite } from './engine/write-check.js';
import { INT_RANGE, readElement } from './engine/scalars.js';
import { DATA_CTOR, slotsPerElement, Storage, type TypedData } from './engine/storage.js';
import { arrayNamespace, type FastNamespace } from './array-namespace.js';
import { formatRepr } from './repr.js';

/** Node's `util.inspect.custom` symbol, taken from the global symbol registry (no `node:util` import). */
const INSPECT_CUSTOM: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

export class FastArray implements NdArray {
  declare readonly shape: readonly number[];
  declare readonly dtype: DTypeName;
  declare readonly ndim: number;
  declare readonly size: number;

  /** @internal storage (null while lazy) */
  declare _st: Storage | null;
  /** @internal typed view of the storage (null while lazy) */
  declare _data: TypedData | null;
  /** @internal element offset into `_data` (complex: in elements, slots = 2 * offset) */
  declare _off: number;
  /** @internal element strides */
  declare _es: readonly number[];
  /** @internal the pending expression, null once materialised */
  declare _expr: Node | null;
  /** @internal false for read-only views (broadcast_to) */
  declare _writeable: boolean;
  // get()/set() fast paths: sizes and strides of the first two dimensions
  /** length for the 1-d get/set fast path: shape[0] when materialised and 1-d, else 0 (forces the slow path) */
  private _g1 = 0;
  /** rows and columns for the 2-d fast path (0 unless materialised and 2-d) */
  private _g2r = 0;
  private _g2c = 0;
  /** rows and columns of the direct float64 2-d path (0 unless `_f2` holds the elements) */
  private _c2r = 0;
  private _c2c = 0;
  declare private _s0: number;
  declare private _s1: number;
  /** how get/set reach an element: one READ_* code per storage class, so each load site stays monomorphic */
  declare private _rc: number;
  /**
   * Direct float64 paths (materialised, not disposed, float64): the elements of a 1-d array with unit
   * stride, and of a C-contiguous 2-d array, as a Float64Array starting at the first element; else the
   * shared empty array (never null, so V8 knows the field's class and checks nothing but the length).
   */
  private _f1: Float64Array = NO_F64;
  private _f2: Float64Array = NO_F64;
  /** true when a JS number can be stored directly (float and <= 32-bit integer dtypes, writeable) */
  declare private _numSet: boolean;
  /** range a JS number may have for the direct store (integer dtypes: their range) */
  declare private _lo: number;
  declare private _hi: number;
  private _leaf: LeafNode | null = null;
  private _disposed = false;

  /** @internal use the creation functions (asarray, zeros, ...) instead. */
  constructor(
    dtype: DTypeName,
    shape: readonly number[],
    storage: Storage | null,
    offset: number,
    strides: readonly number[] | null,
    expr: Node | null,
    writeable = true,
  ) {
    if (shape.length > MAX_DIMS) checkDims(shape);
    this.dtype = dtype;
    // a frozen shape cannot change: share it (lazy results of arrays of one shape, views)
    this.shape = Object.isFrozen(shape) ? shape : Object.freeze(shape.slice());
    this.ndim = shape.length;
    this.size = sizeOf(shape);
    this._st = storage;
    this._data = storage === null ? null : storage.data;
    this._off = offset;
    this._es = Object.freeze(strides === null ? contiguousStrides(shape) : strides.slice());
    this._expr = expr;
    this._writeable = writeable;
    this._rc = READ_CODE[dtype];
    this.get = this._rc === READ_F64 ? this._getF64 : this._rc === READ_BOXED ? this._getBoxed : this._getNum;
    this._initFastPaths();
    this._s0 = shape.length > 0 ? this._es[0] : 0;
    this._s1 = shape.length > 1 ? this._es[1] : 0;
    const kind = DTYPES[dtype].kind;
    const range = INT_RANGE[dtype];
    this._lo = range ? Number(range[0]) : -Infinity;
    this._hi = range ? Number(range[1]) : Infinity;
    this._numSet = writeable && (kind === 'float' || ((kind === 'signed' || kind === 'unsigned') && dtype !== 'int64' && dtype !== 'uint64'));
    if (storage !== null) storage.hold();
    // a lazy array is pending on the epochs it reads until computed (a write then keeps their contents)
    if (expr !== null) for (const d of expr.deps) d.pending++;
    if (scopeOpen()) trackNew(this);
  }

  private _initFastPaths(): void {
    const ready = this._expr === null && !this._disposed;
    this._g1 = ready && this.ndim === 1 ? this.shape[0] : 0;
    this._g2r = ready && this.ndim === 2 ? this.shape[0] : 0;
    this._g2c = ready && this.ndim === 2 ? this.shape[1] : 0;
    this._f1 = NO_F64;
    this._f2 = NO_F64;
    this._c2r = 0;
    this._c2c = 0;
    // a detached buffer (transferred) gets no direct paths: reads take the slow path, which throws
    if (!ready || this._rc !== READ_F64 || this.size === 0 || this._data!.byteLength === 0) return;
    const es = this._es;
    if (this.ndim === 1 && es[0] === 1) this._f1 = unitView(this._data as Float64Array, this._off, this.size);
    else if (this.ndim === 2 && es[1] === 1 && es[0] === this.shape[1]) {
      this._f2 = unitView(this._data as Float64Array, this._off, this.size);
      this._c2r = this.shape[0];
      this._c2c = this.shape[1];
    }
  }

  /** @internal a lazy array computing `expr`. */
  static _lazy(expr: Node): FastArray {
    return new FastArray(expr.dtype, expr.shape, null, 0, null, expr);
  }

  /** @internal a view of `base`'s storage. */
  static _view(base: FastArray, shape: readonly number[], strides: readonly number[], offset: number, writeable = base._writeable): FastArray {
    base._force();
    return new FastArray(base.dtype, shape, base._st, offset, strides, null, writeable);
  }

  /** @internal compute a pending expression now (no-op when materialised). */
  _force(): void {
    if (this._disposed) throw disposed();
    const e = this._expr;
    if (e === null) {
      // every kernel and view reaches memory through here first: a transferred buffer is refused once
      if (this._data!.byteLength === 0 && this.size > 0) throw detachedError(describeArray(this));
      return;
    }
    const st = Storage.allocateForOverwrite(this.dtype, this.size); // the kernel writes every element
    evaluateInto(e, { data: st.data, offset: 0, strides: this._es, shape: this.shape, dtype: this.dtype });
    st.hold();
    this._st = st;
    this._data = st.data;
    this._off = 0;
    this._expr = null;
    this._initFastPaths();
    for (const d of e.deps) d.pending--;
  }

  /** @internal the node this array contributes to an expression graph. */
  _node(): Node {
    if (this._disposed) throw disposed();
    const e = this._expr;
    if (e !== null) {
      if (e.count < MAX_GRAPH_NODES) return e;
      this._force();
    }
    const st = this._st!;
    const leaf = this._leaf;
    // one leaf per epoch of the storage: after a write, leaves made before it read the old contents
    if (leaf !== null && leaf.epoch === st.currentEpoch) return leaf;
    const epoch = st.readEpoch(...this._slotRange());
    return (this._leaf = { kind: 'leaf', dtype: this.dtype, shape: this.shape, deps: [epoch], count: 1, array: this, epoch });
  }

  /** The storage slots [lo, hi) this (materialised) array covers. */
  private _slotRange(): [number, number] {
    const slots = slotsPerElement(this.dtype);
    if (this.size === 0) return [0, 0];
    let lo = this._off;
    let hi = this._off;
    for (let d = 0; d < this.ndim; d++) {
      const step = (this.shape[d] - 1) * this._es[d];
      if (step < 0) lo += step;
      else hi += step;
    }
    return [lo * slots, (hi + 1) * slots];
  }

  /** The storage (forces a lazy array). For the bridge. */
  get storage(): Storage {
    this._force();
    return this._st!;
  }
  /** Offset of the first element, in elements. */
  get offset(): number {
    this._force();
    return this._off;
  }
  /** Strides in elements. */
  get elementStrides(): readonly number[] {
    return this._es;
  }
  get writeable(): boolean {
    return this._writeable;
  }
  /** True while the array is an unevaluated expression. */
  get lazy(): boolean {
    return this._expr !== null;
  }

  get itemsize(): number {
    return DTYPES[this.dtype].itemsize;
  }
  get nbytes(): number {
    return this.size * this.itemsize;
  }
  /** Strides in bytes, as NumPy. */
  get strides(): readonly number[] {
    const s = this.itemsize;
    return this._es.map((x) => x * s);
  }
  /** True when the elements are laid out in C order without gaps. */
  get cContiguous(): boolean {
    return this._expr !== null || isCContiguous(this.shape, this._es);
  }

  get __array_interface__(): ArrayInterface {
    this._force();
    const st = this._st!;
    checkAttached(this, st.data);
    const base = addressOf(st.buffer);
    const byteOff = st.data.byteOffset + this._off * this.itemsize;
    const address = typeof base === 'bigint' ? base + BigInt(byteOff) : base + byteOff;
    return {
      shape: this.shape.slice(),
      typestr: typestrOf(this.dtype),
      data: [address, !this._writeable],
      strides: isCContiguous(this.shape, this._es) ? null : this.strides.slice(),
      version: 3,
    };
  }

  // ---- element access ----------------------------------------------------------------------

  /**
   * One element; one integer per dimension, negative counts from the end.
   *
   * An own property set by the constructor to one of three methods by storage class (float64, the other
   * dtypes read as JS numbers, and bigint/bool/complex): each keeps its own V8 type feedback, so an
   * element loop over float64 arrays compiles to a bounds check and a load (measured at the speed of
   * indexing a Float64Array) however many other dtypes the program reads elsewhere, and never boxes
   * its numbers behind a result that could be a bigint or an object.
   */
  declare readonly get: (...indices: number[]) => Scalar;

  /** get() of float64 arrays: direct unit-stride paths for 1-d and C-contiguous 2-d, then strided. */
  private _getF64(i0?: number, i1?: number): number {
    // Kept small (V8 inlines it into element loops only while the caller's inlining budget lasts, and
    // a loop calls get() from several peeled copies of its body). `(i >>> 0) < n` is one unsigned
    // comparison for 0 <= i < n; `(i | 0) === i` then rejects fractions, NaN and huge values, and
    // costs nothing when V8 knows i is a small integer.
    const na = arguments.length;
    if (na === 1) {
      // Range-check first, never let the typed-array load itself go out of bounds: once a load site
      // has seen an out-of-bounds read (a lazy array's empty _f1, a negative index), V8 compiles it to
      // yield undefined there, and every element read through it is boxed (measured 3x slower loops)
      const f = this._f1;
      if ((i0 as number) >>> 0 < f.length && ((i0 as number) | 0) === i0) return f[i0 as number];
    } else if (na === 2) {
      const c = this._c2c;
      if ((i0 as number) >>> 0 < this._c2r && (i1 as number) >>> 0 < c && ((i0 as number) | 0) === i0 && ((i1 as number) | 0) === i1) {
        const v = this._f2[(i0 as number) * c + (i1 as number)];
        if (v !== undefined) return v; // undefined: the buffer was detached (_getNum's slow path throws)
      }
    }
    // strided layouts, other ranks, negative indices, errors; a float64 element is a number, and the
    // unary plus tells V8 so: the caller's loop keeps raw doubles
    // eslint-disable-next-line prefer-rest-params
    return +this._getNum.apply(this, arguments as unknown as [number, number]);
  }

  /** get() of the dtypes read as JS numbers (and of float64 off its direct paths): any strides. */
  private _getNum(i0?: number, i1?: number): number {
    const na = arguments.length;
    if (na === 1) {
      if ((i0 as number) >>> 0 < this._g1 && ((i0 as number) | 0) === i0) {
        const v = this._readNum(this._off + (i0 as number) * this._s0);
        if (v !== undefined) return v; // undefined: the buffer was detached (the slow path throws)
      }
    } else if (na === 2) {
      if ((i0 as number) >>> 0 < this._g2r && (i1 as number) >>> 0 < this._g2c && ((i0 as number) | 0) === i0 && ((i1 as number) | 0) === i1) {
        const v = this._readNum(this._off + (i0 as number) * this._s0 + (i1 as number) * this._s1);
        if (v !== undefined) return v;
      }
    }
    // eslint-disable-next-line prefer-rest-params
    return +(this._getSlow(Array.prototype.slice.call(arguments) as number[]) as number);
  }

  /**
   * get() of int64, uint64 (bigint), bool and complex ({ re, im }) arrays. The same shape as _getNum on
   * purpose: sharing one function would share its V8 feedback, and its number results would be boxed.
   */
  private _getBoxed(i0?: number, i1?: number): Scalar {
    const na = arguments.length;
    if (na === 1) {
      if ((i0 as number) >>> 0 < this._g1 && ((i0 as number) | 0) === i0) return this._boxed(this._off + (i0 as number) * this._s0);
    } else if (na === 2) {
      if ((i0 as number) >>> 0 < this._g2r && (i1 as number) >>> 0 < this._g2c && ((i0 as number) | 0) === i0 && ((i1 as number) | 0) === i1) {
        return this._boxed(this._off + (i0 as number) * this._s0 + (i1 as number) * this._s1);
      }
    }
    // eslint-disable-next-line prefer-rest-params
    return this._getSlow(Array.prototype.slice.call(arguments) as number[]);
  }

  /**
   * Element `k` of a materialised array read as a JS number, one load site per typed-array class: a
   * single `data[k]` site sees every class a program uses and turns megamorphic in V8.
   */
  private _readNum(k: number): number {
    const d = this._data!;
    switch (this._rc) {
      case READ_I32: return (d as Int32Array)[k];
      case READ_F32: return (d as Float32Array)[k];
      case READ_U8: return (d as Uint8Array)[k];
      case READ_I16: return (d as Int16Array)[k];
      case READ_I8: return (d as Int8Array)[k];
      case READ_U16: return (d as Uint16Array)[k];
      case READ_U32: return (d as Uint32Array)[k];
      default: return (d as Float64Array)[k];
    }
  }

  private _getSlow(all: readonly number[]): Scalar {
    if (this._disposed) throw disposed();
    this._force();
    return this._getN(all);
  }


  private _getN(indices: readonly number[]): Scalar {
    if (indices.length !== this.ndim) {
      throw new IndexError(
        `get() needs one index per dimension: the array is ${this.ndim}-dimensional but ${indices.length} ${indices.length === 1 ? 'index was' : 'indices were'} given` +
          (indices.length < this.ndim ? '; use at() for sub-arrays' : ''),
      );
    }
    let k = this._off;
    for (let d = 0; d < indices.length; d++) k += checkIndex(indices[d], this.shape[d], d) * this._es[d];
    return this._boxed(k);
  }

  private _boxed(k: number): Scalar {
    const d = this._data!;
    // k is a valid element index, so an empty typed array means the buffer was detached
    if (d.length === 0) throw detachedError(describeArray(this));
    return readElement(d, this.dtype, k);
  }

  /** Store a JS number at element `k` (the dtype takes numbers directly: _numSet), one site per class. */
  private _writeAt(k: number, v: number): void {
    const d = this._data!;
    switch (this._rc) {
      case READ_F64: (d as Float64Array)[k] = v; return;
      case READ_I32: (d as Int32Array)[k] = v; return;
      case READ_F32: (d as Float32Array)[k] = v; return;
      case READ_U8: (d as Uint8Array)[k] = v; return;
      case READ_I16: (d as Int16Array)[k] = v; return;
      case READ_I8: (d as Int8Array)[k] = v; return;
      case READ_U16: (d as Uint16Array)[k] = v; return;
      default: (d as Uint32Array)[k] = v;
    }
  }

  /**
   * `a[index] = value`, the value broadcast to the indexed region. `a.set(i, j, ..., value)` (integer
   * indices, the value last, as scijs ndarray) sets element [i, j, ...].
   */
  set(index: IndexSpec, value: Operand | NestedArray): void;
  set(...indicesThenValue: [number, number, ...(number | Operand | NestedArray)[]]): void;
  set(index: IndexSpec, value: Operand | NestedArray): void {
    if (arguments.length !== 2) {
      this._setVariadic(Array.prototype.slice.call(arguments) as unknown[]);
      return;
    }
    // hot path: one element of a 1-d or 2-d float/int array from a JS number (element loops)
    if (typeof value === 'number' && this._numSet && value >= this._lo && value <= this._hi) {
      let k = -1;
      if (typeof index === 'number') {
        if (index >= 0 && index < this._g1 && (index | 0) === index) k = this._off + index * this._s0;
      } else if (Array.isArray(index) && index.length === 2) {
        const i = index[0];
        const j = index[1];
        if (typeof i === 'number' && typeof j === 'number' && i >= 0 && i < this._g2r && (i | 0) === i && j >= 0 && j < this._g2c && (j | 0) === j) {
          k = this._off + i * this._s0 + j * this._s1;
        }
      }
      if (k >= 0) {
        // k is a valid element, so a shorter typed array means its buffer was transferred (detached)
        if (k >= this._data!.length) throw detachedError(describeArray(this));
        this._st!.beforeWrite();
        this._writeAt(k, value);
        return;
      }
    }
    if (this._numSet || this.dtype === 'int64' || this.dtype === 'uint64') checkNestedIntegerWrite(value, this.dtype);
    this._setIndex(index, value);
  }

  /** `set(i, j, ..., value)`: every argument but the last an integer index. */
  private _setVariadic(args: unknown[]): void {
    if (args.length < 2) throw new TypeError(`set takes an index and a value (or integer indices and then the value), got ${args.length} argument(s)`);
    const value = args.pop() as Operand | NestedArray;
    for (const i of args) {
      if (typeof i !== 'number' || !Number.isInteger(i)) {
        throw new TypeError(`set(i, j, ..., value) takes integer indices before the value, got ${typeof i === 'string' ? JSON.stringify(i) : typeof i}; use set([indices], value) or set('index string', value)`);
      }
    }
    if (args.length !== this.ndim) throw new IndexError(`set(${args.join(', ')}, value): ${args.length} indices for a ${this.ndim}-dimensional array`);
    this.set(args as number[], value);
  }

  /** The Array API namespace of this array: the fast namespace (`ndbridge/fast`). */
  __array_namespace__(options: { api_version?: string | null } = {}): FastNamespace {
    const v = options.api_version;
    if (v !== undefined && v !== null && v !== '2024.12' && v !== '2023.12' && v !== '2022.12' && v !== '2021.12') {
      throw new ValueError(`__array_namespace__: unsupported api_version ${JSON.stringify(v)}; fast implements '2024.12'`);
    }
    return arrayNamespace();
  }

  /** The elements in C order: the storage itself when the array is contiguous, else a contiguous copy. */
  toTypedArray(): TypedData {
    this._force();
    const st = this._st!;
    checkAttached(this, st.data);
    const slots = slotsPerElement(this.dtype);
    if (isCContiguous(this.shape, this._es)) {
      return new DATA_CTOR[this.dtype](st.buffer, st.data.byteOffset + this._off * this.itemsize, this.size * slots) as TypedData;
    }
    return this.copy().toTypedArray();
  }
  /** The single element of a size-1 array, as NumPy's `item()`. */
  item(): Scalar {
    if (this.size !== 1) throw new ValueError(`can only convert an array of size 1 to a scalar, this one has size ${this.size}`);
    return this.get(...new Array<number>(this.ndim).fill(0));
  }
  /** Python's bool(x): the truth of the only element (ValueError for other sizes). */
  __bool__(): boolean {
    const v = this._single('bool');
    return typeof v === 'object' ? v.re !== 0 || v.im !== 0 : typeof v === 'number' ? v !== 0 : typeof v === 'bigint' ? v !== 0n : v;
  }
  /** Python's int(x): truncates floats; bigint for int64/uint64. */
  __int__(): number | bigint {
    const v = this._single('int');
    if (typeof v === 'object') throw new DTypeError("int() of a complex array is not defined; use .get() and take 're'");
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'bigint') return v;
    if (Number.isNaN(v)) throw new ValueError('cannot convert float NaN to integer');
    if (!Number.isFinite(v)) throw new ValueError('cannot convert float infinity to integer');
    const t = Math.trunc(v);
    return Object.is(t, -0) ? 0 : t;
  }
  /** Python's float(x). */
  __float__(): number {
    const v = this._single('float');
    if (typeof v === 'object') throw new DTypeError("float() of a complex array is not defined; use .get() and take 're'");
    return typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
  }
  /** Python's complex(x). */
  __complex__(): Complex {
    const v = this._single('complex');
    if (typeof v === 'object') return v;
    return { re: typeof v === 'boolean' ? (v ? 1 : 0) : Number(v), im: 0 };
  }
  /** Python's operator.index(x): integer dtypes only. */
  __index__(): number | bigint {
    const k = DTYPES[this.dtype].kind;
    if (k !== 'signed' && k !== 'unsigned') throw new DTypeError(`only integer arrays can be used as an index, this one is ${this.dtype}`);
    return this._single('index') as number | bigint;
  }
  private _single(what: string): Scalar {
    if (this.size !== 1) {
      throw new ValueError(
        `${what}() needs an array with exactly one element, this one has ${this.size}` +
          (this.size > 1 ? ' (the truth value of an array with more than one element is ambiguous; use any() or all())' : ''),
      );
    }
    return this.item();
  }
  /** The device (Array API): always 'cpu'. */
  get device(): 'cpu' {
    return 'cpu';
  }
  /** Array API to_device: only 'cpu' exists; returns this array. */
  to_device(device: string): FastArray {
    if (device !== 'cpu') throw new ValueError(`unknown device '${device}'; the fast runtime has only 'cpu'`);
    return this;
  }
  /** DLPack device of the memory (Array API): `[1, 0]`, kDLCPU device 0. */
  __dlpack_device__(): [number, number] {
    return [1, 0];
  }

  toString(): string {
    return formatRepr(this);
  }
  /** Node's console.log / util.inspect hook (the same Symbol.for key util.inspect.custom is; no node:util import, so fast bundles for browsers). */
  [INSPECT_CUSTOM](): string {
    return formatRepr(this);
  }
  valueOf(): never {
    throw new ValueError('a FastArray has no primitive value; use get(), item() or toArray()');
  }

  /**
   * Release what the storage holds on the other runtime (the bridge's owner, e.g. a NumPy array)
   * now instead of at garbage collection, once no other view of the same storage is left undisposed:
   * views share their memory, and it stays while any of them may still read it. Idempotent.
   * Afterwards this array throws DisposedError.
   */
  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    const st = this._st;
    const e = this._expr;
    if (e !== null) for (const d of e.deps) d.pending--;
    if (st !== null) {
      st.beforeWrite();
      st.unhold(); // the owner goes when the last array over this storage is disposed
    }
    // send every later access down the slow paths, which throw DisposedError
    this._expr = null;
    this._initFastPaths();
    this._numSet = false;
    this._data = st === null ? null : emptyData(this.dtype);
  }
  /** `using a = ...`: dispose() at the end of the block. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

/** Normalise one index against a dimension of length n; IndexError as NumPy words it. */
function disposed(): DisposedError {
  return new DisposedError('this array was disposed (dispose() released its memory); make a copy() before disposing to keep the values');
}

export function checkIndex(i: number, n: number, axis: number): number {
  if (typeof i !== 'number' || !Number.isInteger(i)) {
    throw new IndexError(`only integers are valid indices, got ${typeof i === 'number' ? i : typeof i} for axis ${axis}`);
  }
  const j = i < 0 ? i + n : i;
  if (j < 0 || j >= n) throw new IndexError(`index ${i} is out of bounds for axis ${axis} with size ${n}`);
  return j;
}

/** One shared empty typed array per dtype: what a disposed array's data becomes (no allocation per dispose). */
const EMPTY_DATA = new Map<DTypeName, TypedData>();
function emptyData(dtype: DTypeName): TypedData {
  let d = EMPTY_DATA.get(dtype);
  if (d === undefined) EMPTY_DATA.set(dtype, (d = new DATA_CTOR[dtype](new ArrayBuffer(8), 0, 0) as TypedData));
  return d;
}

/** The shared empty Float64Array of arrays without a direct float64 path. */
const NO_F64 = new Float64Array(0);

/** `data[off : off + n]` as its own Float64Array (the data itself when it is exactly that). */
function unitView(data: Float64Array, off: number, n: number): Float64Array {
  return off === 0 && data.length === n ? data : data.subarray(off, off + n);
}

// get/set dispatch codes: one per typed-array class read as a JS number; the rest are boxed
const READ_F64 = 0;
const READ_F32 = 1;
const READ_I32 = 2;
const READ_I16 = 3;
const READ_I8 = 4;
const READ_U8 = 5;
const READ_U16 = 6;
const READ_U32 = 7;
const READ_BOXED = 8;
const READ_CODE: Readonly<Record<DTypeName, number>> = {
  float64: READ_F64,
  float32: READ_F32,
  int32: READ_I32,
  int16: READ_I16,
  int8: READ_I8,
  uint8: READ_U8,
  uint16: READ_U16,
  uint32: READ_U32,
  int64: READ_BOXED,
  uint64: READ_BOXED,
  bool: READ_BOXED,
  complex64: READ_BOXED,
  complex128: READ_BOXED,
};

/**
 * Runs `fn` and disposes every fast array made meanwhile except those it returns (alone, or in a
 * returned JS array or plain object): deterministic reuse of their memory in loops, as tfjs's
 * `tidy`. See lifetimes.ts.
 */
export function scope<T>(fn: () => T): T {
  return scopeWith(fn, (x): x is FastArray => x instanceof FastArray);
}
