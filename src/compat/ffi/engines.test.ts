import { describe, expect, it } from 'vitest';
import { CompatUnavailableError } from '../../common/errors.js';
import type { FfiEngine } from './engine.js';
import { createFfiNapiEngine } from './ffi-napi-engine.js';
import { selectedEngineName } from './index.js';
import { createKoffiEngine } from './koffi-engine.js';

const engines: [string, () => FfiEngine][] = [
  ['koffi', createKoffiEngine],
  ['ffi-napi', createFfiNapiEngine],
];

describe('engine selection', () => {
  it('defaults to koffi and accepts ffi-napi', () => {
    expect(selectedEngineName({})).toBe('koffi');
    expect(selectedEngineName({ NDBRIDGE_FFI: 'ffi-napi' })).toBe('ffi-napi');
  });
  it('rejects an unknown engine with the valid names', () => {
    expect(() => selectedEngineName({ NDBRIDGE_FFI: 'ctypes' })).toThrow(CompatUnavailableError);
    expect(() => selectedEngineName({ NDBRIDGE_FFI: 'ctypes' })).toThrow(/'koffi', 'ffi-napi'/);
  });
});

describe.skipIf(process.platform !== 'linux')('engines against libc', () => {
  for (const [name, make] of engines) {
    describe(name, () => {
      const engine = make();
      const libc = engine.loadGlobal('libc.so.6');

      it('binds functions with strings, sizes and pointers', () => {
        const strlen = libc.bind('strlen', 'size', ['str']);
        expect(strlen('héllo')).toBe(Buffer.byteLength('héllo'));
        const labs = libc.bind('labs', 'long', ['long']);
        expect(labs(-42)).toBe(42);
        const strtoll = libc.bind('strtoll', 'i64', ['str', 'ptr', 'int']);
        expect(strtoll('-9007199254740993', 0n, 10)).toBe(-9007199254740993n);
        const getenv = libc.bind('getenv', 'ptr', ['str']);
        expect(getenv('NDBRIDGE_SURELY_UNSET_VARIABLE')).toBe(0n);
        expect(libc.symbol('strlen')).not.toBe(0n);
        expect(libc.symbol('no_such_symbol_anywhere')).toBe(0n);
      });

      it('reads and writes native memory, views it without copying, and finds ArrayBuffer addresses', () => {
        const p = engine.alloc(64);
        const bytes = engine.view(p, 64);
        expect(bytes.length).toBe(64);
        expect(bytes.every((b) => b === 0)).toBe(true);
        engine.writePtr(p, 8, 0x1234_5678_9abcn);
        expect(engine.readPtr(p, 8)).toBe(0x1234_5678_9abcn);
        expect(new BigUint64Array(bytes.buffer, bytes.byteOffset, 8)[1]).toBe(0x1234_5678_9abcn);
        bytes.set(Buffer.from('abc\0'), 16);
        expect(engine.readUtf8(p + 16n)).toBe('abc');
        expect(engine.readUtf8(p + 16n, 2)).toBe('ab');
        new DataView(bytes.buffer, bytes.byteOffset).setInt32(32, -7, true);
        expect(engine.readI32(p, 32)).toBe(-7);
        expect(engine.readI64(p, 8)).toBe(0x1234_5678_9abcn);
        const ab = new ArrayBuffer(256);
        const addr = engine.addressOf(ab);
        expect(engine.addressOf(new Uint8Array(ab, 16))).toBe(addr + 16n);
        const memcpy = libc.bind('memcpy', 'ptr', ['ptr', 'ptr', 'size']);
        memcpy(addr, p + 16n, 3);
        expect(Buffer.from(ab, 0, 3).toString()).toBe('abc');
        engine.free(p);
      });

      it('registers callbacks C can call', () => {
        const qsort = libc.bind('qsort', 'void', ['ptr', 'size', 'size', 'ptr']);
        const data = engine.alloc(5 * 4);
        const ints = new Int32Array(engine.view(data, 20).buffer, engine.view(data, 20).byteOffset, 5);
        ints.set([5, -1, 3, 9, 0]);
        let calls = 0;
        const cmp = engine.registerCallback('int', ['ptr', 'ptr'], (a: bigint, b: bigint) => {
          calls++;
          return engine.readI32(a) - engine.readI32(b);
        });
        qsort(data, 5, 4, cmp.ptr);
        expect([...ints]).toEqual([-1, 0, 3, 5, 9]);
        expect(calls).toBeGreaterThan(0);
        cmp.unregister();
        engine.free(data);
      });
    });
  }
});
