"""Print NumPy's own call signatures as JSON, for spec/numpy-signatures.json.

Run by `node dist/spec/numpy-signatures-generate.js` (which writes the file) and by
spec/numpy-signatures.test.ts (which fails when the checked-in file differs from what the installed NumPy
says). Covers every public callable of the numpy namespace and of numpy.linalg, numpy.fft and numpy.random
(module functions and numpy.random.Generator's methods), read with inspect.signature; ufuncs also record
nin/nout. A default that is not plain JSON data is kept as its repr; NumPy's `<no value>` sentinel
(np._NoValue: "not passed") is recorded as such.
"""
import inspect
import json
import math
import re
import sys
import types

import numpy as np

KIND = {
    inspect.Parameter.POSITIONAL_ONLY: "positional-only",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional-or-keyword",
    inspect.Parameter.VAR_POSITIONAL: "var-positional",
    inspect.Parameter.KEYWORD_ONLY: "keyword-only",
    inspect.Parameter.VAR_KEYWORD: "var-keyword",
}


def default_of(p):
    d = p.default
    if d is inspect.Parameter.empty:
        return None
    if d is np._NoValue:
        return {"kind": "novalue"}
    if d is None or isinstance(d, (bool, str)):
        return {"kind": "value", "value": d}
    if isinstance(d, int) and not isinstance(d, bool) and abs(d) <= 2**53:
        return {"kind": "value", "value": d}
    if isinstance(d, float) and math.isfinite(d):
        return {"kind": "value", "value": d}
    # Object reprs carry an address (`<... object at 0x7f...>`): drop it so the file is reproducible.
    return {"kind": "repr", "repr": re.sub(r" at 0x[0-9a-f]+", "", repr(d))}


# Where inspect's text signature is narrower than what NumPy's C argument parser accepts (checked by
# calling): np.arange(0, 5, 1, 'float32') takes dtype positionally.
POSITIONAL_TOO = {"arange": {"dtype"}}


def entry(path, obj, kind):
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return {"path": path, "kind": kind, "params": None}
    params = []
    for p in sig.parameters.values():
        if kind == "method" and not params and p.name == "self":
            continue
        item = {"name": p.name, "kind": KIND[p.kind]}
        if p.name in POSITIONAL_TOO.get(path, ()) and p.kind == inspect.Parameter.KEYWORD_ONLY:
            item["kind"] = "positional-or-keyword"
        d = default_of(p)
        if d is not None:
            item["default"] = d
        params.append(item)
    out = {"path": path, "kind": kind, "params": params}
    if isinstance(obj, np.ufunc):
        out["ufunc"] = {"nin": obj.nin, "nout": obj.nout}
    return out


def public_callables(mod, prefix):
    for name in sorted(dir(mod)):
        if name.startswith("_"):
            continue
        obj = getattr(mod, name)
        if isinstance(obj, types.ModuleType) or not callable(obj):
            continue
        if isinstance(obj, type) and not issubclass(obj, np.generic):
            kind = "class"
        elif isinstance(obj, type):
            kind = "scalar-type"
        elif isinstance(obj, np.ufunc):
            kind = "ufunc"
        else:
            kind = "function"
        yield entry(prefix + name, obj, kind)


def main():
    entries = []
    entries += public_callables(np, "")
    for sub in ("linalg", "fft", "random"):
        entries += public_callables(getattr(np, sub), sub + ".")
    gen = np.random.Generator
    for name in sorted(dir(gen)):
        if name.startswith("_"):
            continue
        obj = getattr(gen, name)
        if callable(obj):
            entries.append(entry("random.Generator." + name, obj, "method"))
    # One function a line: compact, and a NumPy upgrade shows up as a readable diff.
    head = json.dumps({"numpy": np.__version__})[:-1]
    lines = [json.dumps(e, separators=(",", ":")) for e in entries]
    sys.stdout.write(head + ', "functions": [\n' + ",\n".join(lines) + "\n]}\n")


if __name__ == "__main__":
    main()
