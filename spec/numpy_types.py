"""Read NumPy's own type stubs (the .pyi files shipped in the installed numpy package) with `ast` and print,
as JSON, the TypeScript signatures of every callable listed in spec/numpy-signatures.json (numpy, linalg,
fft, random and random.Generator), plus the first paragraph of each docstring.

The TypeScript side (spec/numpy-types-generate.ts) lays them out as declarations in
src/compat/numpy/generated/numpy-api.ts. Types are written against a type map `M` (see
src/compat/numpy/generated/support.ts) so one declaration serves compat (CompatArray, JS scalars) and nd
(FastArray, NumPy scalars as 0-d arrays):
  M['In'] array-like input, M['Arr'] an ndarray result, M['Half'] an ndarray of a dtype fast lacks,
  M['Float'] / M['Int'] / M['Bool'] / M['Complex'] / M['Scalar'] NumPy scalar results, M['Out'] an out=
  array, M['Dt'] a dtype, M['Any'] a result the stubs leave open, M['Obj'] another Python object.
Python builtins map to JS values (float -> number, bool -> boolean, str -> string, None -> null), as compat
converts them. Each Python signature becomes TS overloads: the positional parameters given, then a trailing
keyword object with NumPy's keyword names; identical overloads are merged.
"""
import ast
import inspect
import json
import os
import re
import sys

import numpy as np

ROOT = os.path.dirname(np.__file__)
HERE = os.path.dirname(os.path.abspath(__file__))

_parsed = {}


def parse_module(mod):
    """numpy.linalg._linalg -> its ast (package __init__.pyi or module .pyi), or None."""
    if mod in _parsed:
        return _parsed[mod]
    rel = mod.split(".")[1:]
    tree = None
    for cand in (os.path.join(ROOT, *rel, "__init__.pyi"), os.path.join(ROOT, *rel) + ".pyi"):
        if os.path.exists(cand):
            with open(cand, encoding="utf8") as f:
                tree = ast.parse(f.read())
            break
    _parsed[mod] = tree
    return tree


def absolute(mod, node):
    if node.level == 0:
        return node.module
    parts = mod.split(".")
    is_pkg = os.path.exists(os.path.join(ROOT, *parts[1:], "__init__.pyi"))
    base = parts if is_pkg else parts[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def find(mod, name, depth=0):
    """Where `name` is defined for module `mod`: ('def', [FunctionDef...], mod) | ('class', ClassDef, mod) |
    ('var', annotation, mod) | None. Follows `from x import y as name` and `name = _rand.name`."""
    tree = parse_module(mod)
    if tree is None or depth > 8:
        return None
    defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == name]
    if defs:
        return ("def", defs, mod)
    for n in tree.body:
        if isinstance(n, ast.ClassDef) and n.name == name:
            return ("class", n, mod)
        if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name) and n.target.id == name:
            # `zeros: Final[_ConstructorEmpty]`: a Protocol whose __call__ overloads are the signatures
            ann = n.annotation
            if isinstance(ann, ast.Subscript) and base_name(ann.value) == "Final":
                ann = ann.slice
            proto = find(mod, base_name(ann), depth + 1) if base_name(ann) else None
            if proto and proto[0] == "class":
                call = method(proto[1], "__call__", proto[2])
                if call:
                    return call
            return ("var", n.annotation, mod)
        if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in n.targets):
            v = n.value
            if isinstance(v, ast.Name):  # `round = around`
                return find(mod, v.id, depth + 1)
            if isinstance(v, ast.Attribute) and isinstance(v.value, ast.Name):
                # mtrand: `beta = _rand.beta` with `_rand: RandomState`
                cls = find(mod, "RandomState", depth + 1)
                if cls and cls[0] == "class":
                    return method(cls[1], v.attr, cls[2])
        if isinstance(n, ast.ImportFrom):
            for a in n.names:
                if (a.asname or a.name) == name:
                    return find(absolute(mod, n), a.name, depth + 1)
    return None


def method(cls, name, mod):
    defs = [n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == name]
    return ("def", defs, mod) if defs else None


# ---- annotations -> TS ------------------------------------------------------------------------------------

SCALAR_KIND = {
    "float64": "Float", "float32": "Float", "floating": "Float", "double": "Float", "single": "Float",
    "longdouble": "Float", "inexact": "Scalar", "float16": "Float", "half": "Float",
    "int8": "Int", "int16": "Int", "int32": "Int", "int64": "Int", "uint8": "Int", "uint16": "Int",
    "uint32": "Int", "uint64": "Int", "integer": "Int", "signedinteger": "Int", "unsignedinteger": "Int",
    "intp": "Int", "uintp": "Int", "int_": "Int", "uint": "Int", "long": "Int", "ulong": "Int", "intc": "Int",
    "bool": "Bool", "bool_": "Bool",
    "complex128": "Complex", "complex64": "Complex", "complexfloating": "Complex", "cdouble": "Complex",
    "clongdouble": "Complex", "csingle": "Complex",
    "generic": "Scalar", "number": "Scalar", "object_": "Scalar", "timedelta64": "Scalar", "datetime64": "Scalar",
    "str_": "Scalar", "bytes_": "Scalar", "void": "Scalar", "character": "Scalar", "flexible": "Scalar",
}
HALF = {"float16", "half", "longdouble", "clongdouble", "object_", "str_", "bytes_", "datetime64", "timedelta64", "void"}


def base_name(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def literal(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v).replace('"', "'")
    return None


def union(items):
    out = []
    for t in items:
        for part in split_union(t):
            if part not in out:
                out.append(part)
    out = [t for t in out if t != "never"] or ["never"]
    if "unknown" in out:
        return "unknown"
    return " | ".join(out) if out else "never"


def split_union(t):
    parts, depth, cur = [], 0, ""
    for ch in t:
        if ch in "<[({":
            depth += 1
        elif ch in ">])}":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    parts.append(cur.strip())
    return [p for p in parts if p]


def paren(t):
    return f"({t})" if len(split_union(t)) > 1 or "=>" in t or t.startswith("readonly ") else t


class Ctx:
    def __init__(self, mod, typevars, ret):
        self.mod, self.typevars, self.ret = mod, typevars, ret

    def sub(self, ret=None):
        return Ctx(self.mod, self.typevars, self.ret if ret is None else ret)


def typevars_of(tree):
    out = {}
    for n in tree.body:
        if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call) and base_name(n.value.func) == "TypeVar":
            name = n.targets[0].id if isinstance(n.targets[0], ast.Name) else None
            bound = next((k.value for k in n.value.keywords if k.arg == "bound"), None)
            if bound is None and len(n.value.args) > 1:
                bound = ast.BinOp(left=n.value.args[1], op=ast.BitOr(), right=n.value.args[-1])
            if name:
                out[name] = bound
    return out


def aliases_of(tree):
    out = {}
    for n in tree.body:
        if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name) and base_name(n.annotation) == "TypeAlias" and n.value is not None:
            out[n.target.id] = n.value
        elif isinstance(n, ast.TypeAlias) if hasattr(ast, "TypeAlias") else False:
            out[n.name.id] = n.value
    return out


def named_tuple(mod, name):
    tree = parse_module(mod)
    for n in tree.body if tree else []:
        if isinstance(n, ast.ClassDef) and n.name == name and any(base_name(b) == "NamedTuple" for b in n.bases):
            return [(s.target.id, s.annotation) for s in n.body if isinstance(s, ast.AnnAssign)]
    return None


def tr(node, ctx, depth=0):
    """A stub annotation -> a TS type (string) over the type map M."""
    ret = ctx.ret
    if depth > 12 or node is None:
        return "M['Any']" if ret else "unknown"
    if isinstance(node, ast.Constant):
        if node.value is None:
            return "null"
        if node.value is Ellipsis:
            return "M['Any']" if ret else "unknown"
        if isinstance(node.value, str):  # a forward reference
            try:
                return tr(ast.parse(node.value, mode="eval").body, ctx, depth + 1)
            except SyntaxError:
                return "M['Any']" if ret else "unknown"
        return literal(node.value) or "unknown"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return union([tr(node.left, ctx, depth + 1), tr(node.right, ctx, depth + 1)])
    if isinstance(node, ast.Subscript):
        head = base_name(node.value)
        args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if head in ("Literal", "L"):
            vals = [literal(a.value) if isinstance(a, ast.Constant) else None for a in args]
            return union([v for v in vals if v is not None]) if all(v is not None for v in vals) else ("M['Any']" if ret else "unknown")
        if head in ("Union",):
            return union([tr(a, ctx, depth + 1) for a in args])
        if head == "Optional":
            return union([tr(args[0], ctx, depth + 1), "null"])
        if head in ("tuple", "Tuple"):
            if len(args) == 2 and isinstance(args[1], ast.Constant) and args[1].value is Ellipsis:
                el = paren(tr(args[0], ctx, depth + 1))
                return f"{el}[]" if ret else f"readonly {el}[]"
            if len(args) == 1 and isinstance(args[0], ast.Tuple) and not args[0].elts:
                return "[]"
            inner = ", ".join(tr(a, ctx, depth + 1) for a in args)
            return f"[{inner}]" if ret else f"readonly [{inner}]"
        if head in ("list", "List", "Sequence", "Iterable", "MutableSequence", "Collection", "_NestedSequence", "Iterator"):
            if head == "_NestedSequence" or any("ArrayLike" in (base_name(a) or "") for a in args):
                return "M['In']" if not ret else "M['Any']"
            el = paren(tr(args[0], ctx, depth + 1))
            return f"{el}[]" if ret else f"readonly {el}[]"
        if head in ("ndarray", "NDArray", "MaskedArray", "matrix", "_Array", "_Array1D", "_Array2D", "_ArrayND"):
            if not ret:
                return "M['In']"
            # an array of only dtypes fast lacks (NDArray[np.float16], NDArray[np.str_]) stays NumPy's
            kinds = [base_name(n) for n in ast.walk(node.slice) if base_name(n) in SCALAR_KIND]
            return "M['Half']" if kinds and all(k in HALF for k in kinds) else "M['Arr']"
        if head in ("dtype", "type", "_DTypeLike", "_SupportsDType"):
            return "M['Dt']" if not ret else "M['Obj']"
        if head in ("Callable",):
            return "((...args: never[]) => unknown)" if not ret else "M['Obj']"
        if head in ("Annotated", "Final", "ClassVar"):
            return tr(args[0], ctx, depth + 1)
        if head in ("dict", "Mapping", "Dict"):
            return "M['Any']" if ret else "Readonly<Record<string, unknown>>"
        if head in SCALAR_KIND or head in ("np", "numpy"):
            return tr(node.value, ctx, depth + 1)
        if head and "ArrayLike" in head:
            return "M['In']" if not ret else "M['Any']"
        if head and "DTypeLike" in head:
            return "M['Dt']"
        return tr(node.value, ctx, depth + 1)
    name = base_name(node)
    if name is None:
        return "M['Any']" if ret else "unknown"
    if name in ctx.typevars:
        bound = ctx.typevars[name]
        if bound is None:
            return "M['Any']" if ret else "unknown"
        return tr(bound, ctx, depth + 1)
    fields = named_tuple(ctx.mod, name)
    if fields is not None and ret:
        types = [tr(a, ctx, depth + 1) for _, a in fields]
        obj = "; ".join(f"{f}: {t}" for (f, _), t in zip(fields, types))
        return f"Named<M, [{', '.join(types)}], {{ {obj} }}>"
    if name == "None" or name == "NoneType":
        return "null"
    if name in ("bool",) and isinstance(node, ast.Name):
        return "boolean"
    if name in ("int", "SupportsIndex", "SupportsInt", "_IntLike_co", "_SupportsIndex"):
        return "number" if ret else "number | bigint"
    if name in ("float", "SupportsFloat", "_FloatLike_co"):
        return "number"
    if name in ("complex", "SupportsComplex", "_ComplexLike_co"):
        return "Complex" if ret else "number | Complex"
    if name in ("str", "LiteralString", "StrPath", "StrOrBytesPath", "PathLike"):
        return "string"
    if name in ("_ShapeLike", "_Shape", "_AnyShape"):
        return "number[]" if ret else "Shape"
    if name in ("ndarray", "NDArray", "MaskedArray", "matrix") or re.match(r"_Array(T|Type)?\w*$", name) and "Like" not in name:
        return "M['Arr']" if ret else "M['In']"
    if name in ("_ScalarLike_co", "_NumberLike_co", "_NumberLike"):
        return "ScalarIn" if not ret else "M['Scalar']"
    if "ArrayLike" in name or name == "_SupportsArray":
        return "M['In']" if not ret else "M['Any']"
    if "DTypeLike" in name or name in ("dtype", "DTypeLike"):
        return "M['Dt']" if not ret else "M['Obj']"
    if name in SCALAR_KIND:
        if not ret:
            return "ScalarIn"
        return "M['Half']" if name in HALF and name not in ("object_", "str_", "bytes_", "void") and False else f"M['{SCALAR_KIND[name]}']"
    if name == "Generator":
        return "NumpyGenerator<M> & M['Module']" if ret else "M['Obj']"
    if name in ("_NoValueType", "_NoValue"):
        return "never"
    if name in ("_BoolLike_co",):
        return "boolean"
    if name in ("Any", "object", "Incomplete", "Self", "_T", "Never", "NoReturn"):
        return "M['Any']" if ret else "unknown"
    aliases = aliases_of(parse_module(ctx.mod))
    if name in aliases:
        return tr(aliases[name], ctx, depth + 1)
    # a name imported into this stub from a sibling module: a TypeAlias or TypeVar defined there
    tree = parse_module(ctx.mod)
    for n in tree.body:
        if isinstance(n, ast.ImportFrom):
            for a in n.names:
                if (a.asname or a.name) == name:
                    src = absolute(ctx.mod, n)
                    t2 = parse_module(src)
                    if t2 is not None and src.startswith("numpy"):
                        al = aliases_of(t2)
                        tv = typevars_of(t2)
                        if a.name in al:
                            return tr(al[a.name], Ctx(src, tv, ret), depth + 1)
                        if a.name in tv and tv[a.name] is not None:
                            return tr(tv[a.name], Ctx(src, tv, ret), depth + 1)
    return "M['Obj']" if ret else "unknown"


# ---- signatures -------------------------------------------------------------------------------------------


RESERVED = set("break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await".split())


def ts_param(name):
    """A positional parameter's TS name (its name only documents it): reserved words get a trailing _."""
    return name + "_" if name in RESERVED else name


def ts_key(name):
    return name if re.match(r"^[A-Za-z_$][\w$]*$", name) else json.dumps(name)


def signatures_of(fdef, ctx, is_method):
    a = fdef.args
    pos = list(a.posonlyargs) + list(a.args)
    n_posonly = len(a.posonlyargs)
    defaults = [None] * (len(pos) - len(a.defaults)) + list(a.defaults)
    if pos and pos[0].arg in ("self", "cls"):
        pos, defaults, n_posonly = pos[1:], defaults[1:], max(0, n_posonly - 1)
    pctx = ctx.sub(ret=False)
    P = [(p.arg, tr(p.annotation, pctx) if p.annotation is not None else "unknown", d is None, i < n_posonly) for i, (p, d) in enumerate(zip(pos, defaults))]
    KO = [(p.arg, tr(p.annotation, pctx) if p.annotation is not None else "unknown", d is None) for p, d in zip(a.kwonlyargs, a.kw_defaults)]
    ret = tr(fdef.returns, ctx.sub(ret=True)) if fdef.returns is not None else "M['Any']"
    # `out` takes an array NumPy writes into
    P = [(n, "M['Out']" if n == "out" and "M['In']" in t else t, r, po) for n, t, r, po in P]
    KO = [(n, "M['Out']" if n == "out" and "M['In']" in t else t, r) for n, t, r in KO]
    last_required = max([i + 1 for i, (_, _, req, _) in enumerate(P) if req], default=0)
    out = []
    rest = None
    if a.vararg is not None:
        rest = tr(a.vararg.annotation, pctx) if a.vararg.annotation is not None else "unknown"
    for k in range(last_required, len(P) + 1):
        if rest is not None and k < len(P):
            continue
        params = [f"{ts_param(n)}: {t}" for n, t, _, _ in P[:k]]
        kw = [(n, t, req) for n, t, req, po in P[k:] if not po] + KO
        if any(req for n, t, req, po in P[k:] if po):
            continue  # a positional-only parameter must be given positionally
        kw_text = "; ".join(f"{ts_key(n)}{'' if req else '?'}: {t}" for n, t, req in kw)
        kw_required = any(req for _, _, req in kw)
        if rest is not None:
            params_plain = params + [f"...{ts_param(a.vararg.arg)}: readonly {paren(rest)}[]"] if not kw_required else None
            if params_plain is not None:
                out.append((params_plain, ret))
            if kw:
                out.append((params + [f"...{ts_param(a.vararg.arg)}: readonly [...{paren(rest)}[], {{ {kw_text} }}]"], ret))
            continue
        if kw:
            params.append(f"kw{'' if kw_required else '?'}: {{ {kw_text} }}")
        out.append((params, ret))
    return out


def fallback(params):
    """Signatures from inspect's parameter list alone (no stub found): NumPy's names, broad types."""
    P, KO, rest = [], [], None
    for p in params:
        req = "default" not in p
        if p["kind"] in ("positional-only", "positional-or-keyword"):
            P.append((p["name"], "unknown", req, p["kind"] == "positional-only"))
        elif p["kind"] == "keyword-only":
            KO.append((p["name"], "unknown", req))
        elif p["kind"] == "var-positional":
            rest = p["name"]
    out = []
    last_required = max([i + 1 for i, (_, _, req, _) in enumerate(P) if req], default=0)
    for k in range(last_required, len(P) + 1):
        params = [f"{ts_param(n)}: unknown" for n, _, _, _ in P[:k]]
        kw = [(n, t, req) for n, t, req, po in P[k:] if not po] + KO
        if any(req for n, t, req, po in P[k:] if po):
            continue
        if rest is not None:
            if k < len(P):
                continue
            params.append(f"...{ts_param(rest)}: readonly unknown[]")
        elif kw:
            req = any(r for _, _, r in kw)
            params.append(f"kw{'' if req else '?'}: {{ " + "; ".join(f"{ts_key(n)}{'' if r else '?'}: unknown" for n, _, r in kw) + " }")
        out.append((params, "M['Any']"))
    return out


def first_paragraph(obj):
    doc = inspect.getdoc(obj) or ""
    paras = [p.strip() for p in re.split(r"\n\s*\n", doc) if p.strip()]
    # ufunc and C-function docstrings start with the call signature
    while paras and re.match(r"^[\w.]+\(.*\)(\s*->.*)?$", paras[0].replace("\n", " ")):
        paras = paras[1:]
    text = " ".join(paras[0].split()) if paras else ""
    return text.replace("*/", "*\\/")


def load_table():
    with open(os.path.join(HERE, "numpy-signatures.json"), encoding="utf8") as f:
        return json.load(f)


# Functions whose stubs return `Any` for something other than an array or a NumPy scalar (a list of
# arrays, a loaded object, a state tuple, None): elsewhere an `Any` return is an array or a NumPy scalar
# (a reduction with an axis, a norm, ...), typed M['Result'].
OPEN_ANY = {"einsum", "fromfunction", "gradient", "load", "test", "linalg.test", "fft.test", "random.test",
            "random.get_state", "trim_zeros"}

MODULES = {"": "numpy", "linalg": "numpy.linalg", "fft": "numpy.fft", "random": "numpy.random",
           "polynomial": "numpy.polynomial", "polynomial.polynomial": "numpy.polynomial.polynomial"}


def polynomial_entries():
    """numpy.polynomial and its power-series module (numpy.polynomial.polynomial): not in the signature
    table (nd binds no calls there), read here with inspect the same way spec/numpy_signatures.py does."""
    import types as _types
    out = []
    for prefix in ("polynomial", "polynomial.polynomial"):
        mod = runtime_object(prefix)
        for name in sorted(dir(mod)):
            obj = getattr(mod, name)
            if name.startswith("_") or isinstance(obj, _types.ModuleType) or not callable(obj):
                continue
            if getattr(obj, "__module__", "").split(".")[:2] != ["numpy", "polynomial"]:
                continue  # re-exported helpers (np, pu)
            kind = "class" if isinstance(obj, type) else "function"
            try:
                params = [{"name": q.name, "kind": q.kind.name.lower().replace("_", "-"), **({} if q.default is q.empty else {"default": True})}
                          for q in inspect.signature(obj).parameters.values()]
            except (TypeError, ValueError):
                params = None
            out.append({"path": f"{prefix}.{name}", "kind": kind, "params": params})
    return out


def runtime_object(path):
    obj = np
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def main():
    table = load_table()
    entries = []
    for fn in table["functions"] + polynomial_entries():
        path = fn["path"]
        parts = path.split(".")
        name = parts[-1]
        kind = fn["kind"]
        doc = first_paragraph(runtime_object(path))
        item = {"path": path, "kind": kind, "doc": doc}
        if kind == "ufunc":
            item["ufunc"] = fn["ufunc"]
            entries.append(item)
            continue
        if kind in ("class", "scalar-type"):
            entries.append(item)
            continue
        if parts[:2] == ["random", "Generator"]:
            cls = find("numpy.random._generator", "Generator")
            found = method(cls[1], name, cls[2]) if cls else None
        else:
            found = find(MODULES[".".join(parts[:-1])], name)
        sigs = []
        if found and found[0] == "def":
            fmod = found[2]
            ctx = Ctx(fmod, typevars_of(parse_module(fmod)), True)
            for d in found[1]:
                for params, ret in signatures_of(d, ctx, is_method=kind == "method"):
                    if ret == "M['Half']":
                        # e.g. round(bool array) -> float16: TS cannot tell a bool array from others, and
                        # the overload would shadow the general one
                        continue
                    if ret == "M['Any']" and path not in OPEN_ANY:
                        ret = "M['Result']"
                    if (params, ret) not in sigs:
                        sigs.append((params, ret))
            item["source"] = fmod
        if not sigs and fn["params"] is not None:
            sigs = fallback(fn["params"])
            item["broad"] = True
        item["signatures"] = [{"params": p, "returns": r} for p, r in sigs]
        entries.append(item)
    json.dump({"numpy": np.__version__, "entries": entries}, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
