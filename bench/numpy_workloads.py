"""NumPy in CPython: the reference contender of `ndbridge bench`.

Runs each case it is sent with the same warm-up/repetition policy as the Node harness
(bench/measure.ts), timing every run itself with time.perf_counter (protocol: see main). Inputs are built exactly as bench/workloads.ts builds them: element i of an input
with modulus m is (i % m) / m.
"""
import json
import platform
import sys
import time

import numpy as np

import numpy_user


def pattern(n, m):
    return np.arange(n, dtype=np.int64) % m / m


def weighted_checksum(r):
    flat = np.ascontiguousarray(r, dtype=np.float64).ravel()
    return float((flat * (1 + np.arange(flat.size) % 7)).sum())


def scalar(x):
    return float(x)


def prepare(case, sizes, moduli):
    """Returns (run, checksum) for one case."""
    w = case["workload"]
    n = sizes["n"]
    if w == "add":
        a = np.zeros(n)
        return (lambda: a + a + a + a + a), weighted_checksum
    if w == "iterate":
        a = pattern(n, moduli["a"])

        def iterate():
            s = 0.0
            for i in range(n):
                s += a[i]
            return s

        return iterate, scalar
    if w == "sum":
        a = pattern(n, moduli["a"])
        return (lambda: a.sum()), scalar
    if w == "mean":
        a = pattern(n, moduli["a"])
        return (lambda: a.mean()), scalar
    if w == "sum-ab":
        a = pattern(n, moduli["a"])
        b = pattern(n, moduli["b"])
        return (lambda: (a * b).sum()), scalar
    if w == "std":
        a = pattern(n, moduli["a"])
        return (lambda: a.std()), scalar
    if w == "hypot":
        a = pattern(n, moduli["a"])
        b = pattern(n, moduli["b"])
        return (lambda: np.sqrt(a * a + b * b)), weighted_checksum
    if w in ("convolve-loops", "convolve-slices"):
        side, k = sizes["image"], sizes["kernel"]
        m = side - k + 1
        img = pattern(side * side, moduli["a"]).reshape(side, side)
        ker = pattern(k * k, moduli["kernel"]).reshape(k, k)
        if w == "convolve-loops":

            def loops():
                out = np.zeros((m, m))
                for i in range(m):
                    for j in range(m):
                        s = 0.0
                        for u in range(k):
                            for v in range(k):
                                s += img[i + u, j + v] * ker[k - 1 - u, k - 1 - v]
                        out[i, j] = s
                return out

            return loops, weighted_checksum

        def slices():
            out = np.zeros((m, m))
            for u in range(k):
                for v in range(k):
                    out += ker[k - 1 - u, k - 1 - v] * img[u:u + m, v:v + m]
            return out

        return slices, weighted_checksum
    if w == "matmul":
        d = sizes["matmul"]
        A = pattern(d * d, moduli["a"]).reshape(d, d)
        B = pattern(d * d, moduli["b"]).reshape(d, d)
        return (lambda: A @ B), weighted_checksum
    if w == "copy-fresh":
        a = pattern(n, moduli["a"])
        return (lambda: a.copy()), weighted_checksum
    if w == "copy-reused":
        a = pattern(n, moduli["a"])
        out = np.empty(n)

        def copy_reused():
            np.copyto(out, a)
            return out

        return copy_reused, weighted_checksum
    if w in ("asarray-to-numpy", "asarray-from-numpy"):
        # The reference of the asarray rows is copying: what a conversion costs without zero-copy.
        a = pattern(case["size"], moduli["a"])
        return (lambda: a.copy()), weighted_checksum
    raise ValueError(f"unknown workload {w!r}")


SLOW_REPS = 3  # as bench/measure.ts


def measure(run, policy):
    last = None
    min_reps = policy["minReps"]
    for i in range(policy["warmup"]):
        last = None  # the previous result is freed before the next run starts (bench/measure.ts alike)
        t0 = time.perf_counter()
        last = run()
        dt = (time.perf_counter() - t0) * 1e3
        if dt > policy["budgetMs"]:
            if i == 0 and policy["coldSlowRun"]:
                return [dt], last, True
            min_reps = min(min_reps, SLOW_REPS)
            break
    samples = []
    total = 0.0
    while len(samples) < policy["maxReps"] and (len(samples) < min_reps or total < policy["budgetMs"]):
        last = None
        t0 = time.perf_counter()
        last = run()
        dt = (time.perf_counter() - t0) * 1e3
        samples.append(dt)
        total += dt
    return samples, last, False


def blas_info():
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg["Build Dependencies"]["blas"]
        return f'{blas.get("name", "?")} {blas.get("version", "?")}'
    except Exception as exc:  # the report says why instead of guessing
        return f"unknown ({type(exc).__name__})"


def info():
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "numpy": np.__version__,
        "blas": blas_info(),
    }


def main():
    """Line protocol: prints one JSON line of versions, then answers each JSON job line on stdin
    ({case, sizes, moduli, policy}; with "suite": "user", a user-style case of bench/numpy_user.py)
    with one JSON result line, until stdin closes. The harness sends
    a case just before the JavaScript contenders run it, so NumPy is measured under the same load."""
    out = sys.stdout
    out.write(json.dumps(info()) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        case = job["case"]
        try:
            if job.get("suite") == "user":
                run, checksum = numpy_user.prepare(case, job["sizes"], job["moduli"], weighted_checksum, scalar)
                samples, batch, last = numpy_user.measure(run, job["policy"])
                result = {"key": case["key"], "samples": samples, "checksum": checksum(last), "cold": False, "batch": batch}
            else:
                run, checksum = prepare(case, job["sizes"], job["moduli"])
                samples, last, cold = measure(run, job["policy"])
                result = {"key": case["key"], "samples": samples, "checksum": checksum(last), "cold": cold}
            del run, last
        except Exception as exc:  # reported as the cell's reason, never as a figure
            result = {"key": case["key"], "error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(result) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
