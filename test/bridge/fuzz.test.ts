/**
 * The bridge's part of the fuzz suite (fast-check, seeded), each property in a child process under both FFI
 * engines so a crash fails the test instead of the runner:
 * - hostile `__array_interface__` dicts of the raw-pointer form, without the opt-in: always a typed error;
 * - buffer-backed interfaces over random bytes, shapes, strides, offsets and typestrs, and the same memory
 *   through the rawPointer opt-in with its owner: the values NumPy's np.ndarray(buffer=...) gives for the
 *   same description, or a typed error exactly where NumPy raises;
 * - DLPack producers: real NumPy arrays of random layouts (values compared with NumPy), and hostile
 *   `__dlpack__` implementations (typed errors).
 */
import { expect, it } from 'vitest';
import { describeCompat } from '../compat/support.js';
import { describeExit, ENGINES, LIB, runIsolated, type FfiEngineName } from '../support/isolated.js';

const engines: readonly FfiEngineName[] = process.env.NDBRIDGE_FFI === 'ffi-napi' ? ['ffi-napi'] : ENGINES;

const PRELUDE = `
import fc from 'fast-check';
import { fast, compat, asarray, NdbridgeError } from '${LIB}/index.js';
const np = compat.numpy();
/** Typed: the library's errors, and TypeError for bad option/argument types. */
const isTyped = (e) => e instanceof NdbridgeError || e instanceof TypeError;
const norm = (v) => Array.isArray(v) ? v.map(norm) : typeof v === 'bigint' ? Number(v) : typeof v === 'number' && Number.isNaN(v) ? 'NaN' : typeof v === 'boolean' ? Number(v) : v;
const done = (name) => console.log('PASSED ' + name);
`;

function runProperty(name: string, body: string, engine: FfiEngineName): void {
  const r = runIsolated(PRELUDE + body + `\ndone(${JSON.stringify(name)});`, { engine, timeoutMs: 240_000 });
  expect(r.signal, describeExit(r)).toBeNull();
  expect(r.status, describeExit(r)).toBe(0);
  expect(r.stdout, describeExit(r)).toContain(`PASSED ${name}`);
}

const TYPESTRS = ['<f8', '<f4', '<i4', '|u1', '|i1', '>i2', '<u2', '<i8', '|b1', '>f8'];

describeCompat('bridge fuzz (fast-check, seeded), each property in a child process', () => {
  for (const engine of engines) {
    it(`${engine}: raw-pointer __array_interface__ dicts without the opt-in are always a typed error`, () => {
      runProperty(
        'raw',
        `
        const field = fc.oneof(fc.anything(), fc.integer(), fc.bigInt(), fc.constant(null));
        const address = fc.oneof(fc.constantFrom(0, 1, 4096, 2 ** 47, 2 ** 53 - 1, -1), fc.bigInt({ min: -1n, max: 2n ** 65n }), fc.anything());
        const dict = fc.record(
          {
            shape: fc.oneof(fc.array(fc.integer({ min: -2, max: 2 ** 31 }), { maxLength: 70 }), field),
            typestr: fc.oneof(fc.constantFrom(...${JSON.stringify(TYPESTRS)}, '|O8', '<U4', '<f2', '<M8', ''), fc.string()),
            data: fc.oneof(fc.tuple(address, fc.boolean()), fc.tuple(address), address, field),
            strides: fc.oneof(fc.constant(null), fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { maxLength: 70 }), field),
            version: fc.oneof(fc.constant(3), field),
            offset: fc.oneof(fc.nat(), field),
          },
          { requiredKeys: [] },
        );
        // as JSON.parse would deliver it too (no bigint there)
        const provider = fc.oneof(dict.map((d) => ({ __array_interface__: d })), dict.map((d) => { try { return JSON.parse(JSON.stringify({ __array_interface__: d })); } catch { return { __array_interface__: d }; } }));
        fc.assert(
          fc.property(provider, (p) => {
            try {
              asarray(p);
            } catch (e) {
              if (isTyped(e)) return true;
              throw e;
            }
            throw new Error('accepted a raw-pointer interface without the opt-in: ' + JSON.stringify(p, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
          }),
          { seed: 42, numRuns: 1500 },
        );`,
        engine,
      );
    }, 250_000);

    it(`${engine}: buffer-backed and opted-in raw interfaces agree with np.ndarray(buffer=...) or fail typed where NumPy raises`, () => {
      runProperty(
        'buffer',
        `
        const layout = fc.record({
          bytes: fc.oneof({ arbitrary: fc.uint8Array({ minLength: 48, maxLength: 160 }), weight: 3 }, { arbitrary: fc.uint8Array({ maxLength: 16 }), weight: 1 }),
          start: fc.nat({ max: 8 }),
          shape: fc.array(fc.nat({ max: 3 }), { maxLength: 3 }),
          strideSeed: fc.array(fc.integer({ min: -16, max: 16 }), { minLength: 3, maxLength: 3 }),
          contiguous: fc.boolean(),
          offset: fc.oneof(fc.constantFrom(0, 8, 16, 24), fc.nat({ max: 40 })),
          typestr: fc.constantFrom(...${JSON.stringify(TYPESTRS)}),
          readonly: fc.boolean(),
        });
        // NumPy's np.ndarray(buffer=...) accepts some layouts that reach past the buffer (shape [1], strides [0]
        // over 0 bytes): the oracle refuses those too, by NumPy's own byte_bounds.
        const oracleSource = \`
import numpy as np
def oracle(b, shape, dtype, offset, strides):
    buf = bytearray(bytes(b))
    a = np.ndarray(tuple(shape), dtype, buffer=buf, offset=offset, strides=None if strides is None else tuple(strides))
    if a.size:
        lo, hi = np.lib.array_utils.byte_bounds(a)
        base = np.frombuffer(buf, np.uint8).__array_interface__['data'][0] if len(buf) else None
        if base is None or lo < base or hi > base + len(buf):
            raise ValueError('the layout reaches past the buffer')
    return a.tolist()
\`;
        compat.exec("import sys, types\\nm = types.ModuleType('ndbridge_fuzz_oracle')\\nexec(src, m.__dict__)\\nsys.modules[m.__name__] = m", { src: oracleSource });
        const oracle = compat.evaluate('__import__("ndbridge_fuzz_oracle").oracle');
        let compared = 0, refused = 0;
        fc.assert(
          fc.property(layout, (l) => {
            const start = Math.min(l.start, l.bytes.length);
            const sub = l.bytes.subarray(start);
            const strides = l.contiguous ? null : l.shape.map((_, i) => l.strideSeed[i]);
            const iface = { shape: l.shape, typestr: l.typestr, data: [sub, l.readonly], strides, offset: l.offset, version: 3 };
            let expected, numpyError = null;
            try {
              expected = norm(compat.evaluate('f(b, shape, dtype, offset, strides)', { f: oracle, b: Array.from(sub), shape: l.shape, dtype: l.typestr, offset: l.offset, strides }));
            } catch (e) {
              numpyError = e;
            }
            const attempts = [() => asarray({ __array_interface__: iface })];
            if (sub.length > 0) {
              // the same memory by address, opted in, bounds-checked against the owner
              const address = BigInt(asarray(sub).__array_interface__.data[0]);
              attempts.push(() => asarray(
                { __array_interface__: { ...iface, data: [address + BigInt(l.offset), l.readonly], offset: 0 } },
                { rawPointer: { trust: true, owner: sub } },
              ));
            }
            for (const attempt of attempts) {
              let got, ourError = null;
              try {
                const a = attempt();
                got = norm(a.toArray());
                if (attempts.indexOf(attempt) === 0 && l.readonly && a.writeable && a.size > 0) {
                  // writeable despite readonly: only a copy may be (writing must leave the source untouched)
                  const before = Array.from(sub);
                  a.set(new Array(a.ndim).fill(0), l.typestr === '|b1' ? true : 1);
                  if (Array.from(sub).some((v, i) => v !== before[i])) throw new Error('readonly flag not honoured: a write reached the source');
                }
              } catch (e) {
                if (!isTyped(e)) throw e;
                ourError = e;
              }
              if (numpyError !== null) {
                if (ourError === null) throw new Error('NumPy raised (' + numpyError.message + ') but asarray accepted ' + JSON.stringify({ ...iface, data: [Array.from(sub), l.readonly] }));
                refused++;
              } else {
                if (ourError !== null) throw new Error('NumPy accepted but asarray threw ' + ourError.message + ' for ' + JSON.stringify({ ...iface, data: [Array.from(sub), l.readonly] }));
                if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error('values differ: ' + JSON.stringify(got) + ' vs NumPy ' + JSON.stringify(expected));
                compared++;
              }
            }
          }),
          { seed: 42, numRuns: 500 },
        );
        if (compared < 100 || refused < 100) throw new Error('too few cases of one kind: compared ' + compared + ', refused ' + refused);`,
        engine,
      );
    }, 250_000);

    it(`${engine}: DLPack producers: real NumPy layouts agree with NumPy, hostile __dlpack__ gives typed errors`, () => {
      runProperty(
        'dlpack',
        `
        const source = \`
import numpy as np
class Returns:
    def __init__(self, value): self.value = value
    def __dlpack__(self, **kw): return self.value
    def __dlpack_device__(self): return (1, 0)
class Raises:
    def __dlpack__(self, **kw): raise RuntimeError('no tensor today')
class NotCallable:
    __dlpack__ = 5
def used_capsule():
    c = np.arange(3.0).__dlpack__()
    np.from_dlpack(type('P', (), {'__dlpack__': lambda self, **kw: c, '__dlpack_device__': lambda self: (1, 0)})())
    return c
def capsule_named(name):
    import ctypes
    f = ctypes.pythonapi.PyCapsule_New
    f.restype = ctypes.py_object
    f.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    global _keep_names
    _keep_names = name
    return f(8, name, None)
hostile = {
    'none': lambda: Returns(None), 'int': lambda: Returns(4096), 'str': lambda: Returns('dltensor'),
    'raises': lambda: Raises(), 'notcallable': lambda: NotCallable(),
    'used': lambda: Returns(used_capsule()), 'wrongname': lambda: Returns(capsule_named(b'not_a_tensor')),
    'list': lambda: Returns([1, 2]),
}
\`;
        compat.exec("import sys, types\\nm = types.ModuleType('ndbridge_hostile_dlpack')\\nexec(src, m.__dict__)\\nsys.modules[m.__name__] = m", { src: source });
        const hostile = ['none', 'int', 'str', 'raises', 'notcallable', 'used', 'wrongname', 'list'];
        fc.assert(
          fc.property(fc.constantFrom(...hostile), (kind) => {
            const producer = compat.evaluate('__import__("ndbridge_hostile_dlpack").hostile[k]()', { k: kind });
            try {
              fast.from_dlpack(producer);
            } catch (e) {
              if (isTyped(e)) return true;
              throw e;
            }
            throw new Error('a hostile DLPack producer (' + kind + ') was accepted');
          }),
          { seed: 42, numRuns: 60 },
        );
        const real = fc.record({
          dtype: fc.constantFrom('float64', 'float32', 'int32', 'uint8', 'int16', 'bool', 'int64'),
          shape: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
          view: fc.constantFrom('...', '::-1', '::2', 'T'),
        });
        fc.assert(
          fc.property(real, ({ dtype, shape, view }) => {
            const x = compat.evaluate(
              \`(lambda a: a.T if v == 'T' else (a[::-1] if v == '::-1' and a.ndim else (a[::2] if v == '::2' and a.ndim else a)))((np.arange(int(np.prod(s))) * 7 % 11).astype(d).reshape(s))\`,
              { s: shape, d: dtype, v: view },
            );
            const f = fast.from_dlpack(x);
            const got = JSON.stringify(norm(f.toArray()));
            const expected = JSON.stringify(norm(compat.evaluate('x.tolist()', { x })));
            if (got !== expected) throw new Error('from_dlpack differs from NumPy: ' + got + ' vs ' + expected);
          }),
          { seed: 42, numRuns: 150 },
        );`,
        engine,
      );
    }, 250_000);
  }
});
