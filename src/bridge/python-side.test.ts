/**
 * The Python half of the bridge, exercised directly in a python3 subprocess (no FFI): FastMemory over a
 * NumPy-owned buffer must behave like the array it describes through both protocols, and DLPackImport must
 * read NumPy's own capsules and release them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BRIDGE_PY } from './python-side.js';

function hasNumpy(): boolean {
  try {
    execFileSync(process.env.NDBRIDGE_PYTHON ?? 'python3', ['-c', 'import numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const required = process.env.NDBRIDGE_REQUIRE_COMPAT === '1' || process.env.CI === 'true';
const available = hasNumpy();
if (!available && !required) console.warn('SKIPPED: bridge python-side tests need python3 with NumPy');

function runPython(scenario: string): unknown {
  const script = `${BRIDGE_PY}\nimport json, gc\nimport numpy as np\n${scenario}`;
  const r = spawnSync(process.env.NDBRIDGE_PYTHON ?? 'python3', ['-c', script], { encoding: 'utf8' });
  // Errors inside ctypes callbacks (deleters, capsule destructors) are only printed, never raised: a clean
  // stderr is part of the contract.
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe.skipIf(!available && !required)('bridge python side', () => {
  it('FastMemory is read by np.asarray and np.from_dlpack without copying, with lifetimes tracked', () => {
    const result = runPython(`
src = np.arange(12, dtype=np.float64).reshape(3, 4)[:, ::-2]
ai = src.__array_interface__
m = FastMemory(ai["shape"], ai["typestr"], ai["data"][0], False, ai["strides"])
a = np.asarray(m)
d = np.from_dlpack(m)
same = bool((a == src).all() and (d == src).all())
shares = bool(np.shares_memory(a, src) and np.shares_memory(d, src))
base_is_m = a.base is m
live_before = exported_count()
del d; gc.collect()
live_after = exported_count()
d2 = np.from_dlpack(m, copy=False)
d2[0, 0] = 99.0
print(json.dumps({"same": same, "shares": shares, "base": base_is_m, "before": live_before, "after": live_after, "written": float(src[0, 0])}))
`);
    expect(result).toEqual({ same: true, shares: true, base: true, before: 1, after: 0, written: 99 });
  });

  it('read-only memory refuses legacy DLPack and exports versioned read-only', () => {
    const result = runPython(`
src = np.arange(4, dtype=np.int32)
ai = src.__array_interface__
m = FastMemory(ai["shape"], ai["typestr"], ai["data"][0], True, None)
errors = []
try:
    m.__dlpack__()
except BufferError as e:
    errors.append("legacy")
d = np.from_dlpack(m)
print(json.dumps({"errors": errors, "writeable": bool(d.flags.writeable), "values": d.tolist()}))
`);
    expect(result).toEqual({ errors: ['legacy'], writeable: false, values: [0, 1, 2, 3] });
  });

  it('an unconsumed capsule frees its tensor', () => {
    const result = runPython(`
src = np.zeros(3)
ai = src.__array_interface__
m = FastMemory(ai["shape"], ai["typestr"], ai["data"][0], False, None)
cap = m.__dlpack__()
n1 = exported_count()
del cap; gc.collect()
print(json.dumps([n1, exported_count()]))
`);
    expect(result).toEqual([1, 0]);
  });

  it('DLPackImport reads NumPy capsules and releases them', () => {
    const result = runPython(`
import sys
src = np.arange(10, dtype=np.complex64)[::3]
before = sys.getrefcount(src)
imp = DLPackImport(src)
during = sys.getrefcount(src)
desc = {"shape": list(imp.shape), "strides": list(imp.strides) if imp.strides else None, "typestr": imp.typestr(),
        "address_ok": imp.address == src.__array_interface__["data"][0], "readonly": imp.readonly}
imp.release(); imp.release()
after = sys.getrefcount(src)
ro = np.arange(3.0); ro.flags.writeable = False
print(json.dumps({"desc": desc, "held": during > before, "released": after == before, "ro": DLPackImport(ro).readonly}))
`);
    expect(result).toEqual({
      desc: { shape: [4], strides: [24], typestr: '<c8', address_ok: true, readonly: false },
      held: true,
      released: true,
      ro: true,
    });
  });
});
