"""NumPy's side of the user-style table of `ndbridge bench` (bench/user/): the same workloads as
bench/user/contenders.ts, written as a NumPy user writes them, timed as bench/user/measure.ts times
fast: one synchronous loop, a fresh result each run, samples of whole batches."""
import time

import numpy as np


def pattern(n, m):
    return np.arange(n, dtype=np.int64) % m / m


def life_board(side):
    i = np.arange(side * side, dtype=np.uint64)
    h = (i * np.uint64(2654435761)) % np.uint64(2**32)
    return ((h >> np.uint64(29)) < 3).astype(np.float64).reshape(side, side)


def life_step(Z):
    N = (Z[0:-2, 0:-2] + Z[0:-2, 1:-1] + Z[0:-2, 2:] +
         Z[1:-1, 0:-2] + Z[1:-1, 2:] +
         Z[2:, 0:-2] + Z[2:, 1:-1] + Z[2:, 2:])
    inner = Z[1:-1, 1:-1]
    birth = (N == 3) & (inner == 0)
    survive = ((N == 2) | (N == 3)) & (inner == 1)
    alive = birth | survive
    Z[...] = 0
    Z[1:-1, 1:-1][alive] = 1


def life(side, steps):
    board = life_board(side)

    def run():
        Z = board.copy()
        for _ in range(steps):
            life_step(Z)
        return Z

    return run


def prepare(case, s, moduli, weighted_checksum, scalar):
    """Returns (run, checksum) for one user-style case."""
    w = case["workload"]
    ma, mb = moduli["a"], moduli["b"]
    n = case["size"]
    side = s["small"]
    sq = (side, side)
    arr = weighted_checksum
    if w == "u-add":
        a, b = pattern(n, ma), pattern(n, mb)
        return (lambda: a + b), arr
    if w == "u-chain3":
        a, b = pattern(n, ma), pattern(n, mb)
        return (lambda: (a + b) * a - b), arr
    if w == "u-sum":
        a = pattern(n, ma)
        return (lambda: a.sum()), scalar
    if w == "u-add-small":
        a, b = pattern(side * side, ma).reshape(sq), pattern(side * side, mb).reshape(sq)
        return (lambda: a + b), arr
    if w in ("u-add-small-dispose", "u-add-small-scope"):
        a, b = pattern(side * side, ma).reshape(sq), pattern(side * side, mb).reshape(sq)

        def run():
            r = a + b
            v = r[side - 1, side - 1]
            del r
            return v

        return run, scalar
    if w == "u-chain3-small":
        a, b = pattern(side * side, ma).reshape(sq), pattern(side * side, mb).reshape(sq)
        return (lambda: (a + b) * a - b), arr
    if w == "u-sum-small":
        a = pattern(side * side, ma).reshape(sq)
        return (lambda: a.sum()), scalar
    if w == "u-mask-read":
        a = pattern(side * side, ma).reshape(sq)
        return (lambda: a[a > 0.5]), arr
    if w == "u-mask-write":
        z = pattern(side * side, ma).reshape(sq)
        mask = z > 0.5

        def run():
            z[mask] = 1
            return z

        return run, arr
    if w == "u-life-small":
        return life(*s["lifeSmall"]), arr
    if w == "u-life-large":
        return life(*s["lifeLarge"]), arr
    if w in ("u-cube-pow", "u-cube-mul", "u-cube-einsum", "u-pow-float"):
        x = pattern(s["vector"], ma)
        if w == "u-cube-pow":
            return (lambda: np.power(x, 3)), arr
        if w == "u-cube-mul":
            return (lambda: x * x * x), arr
        if w == "u-cube-einsum":
            return (lambda: np.einsum("i,i,i->i", x, x, x)), arr
        return (lambda: np.power(x, 2.5)), arr
    if w == "u-softmax":
        r, c = s["rows"]
        x = pattern(r * c, ma).reshape(r, c)

        def softmax():
            e = np.exp(x - x.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True)

        return softmax, arr
    if w == "u-logsumexp":
        r, c = s["rows"]
        x = pattern(r * c, ma).reshape(r, c)

        def logsumexp():
            m = x.max(axis=1, keepdims=True)
            return m[:, 0] + np.log(np.exp(x - m).sum(axis=1))

        return logsumexp, arr
    if w == "u-kmeans":
        n, d, k = s["kmeans"]
        X = pattern(n * d, mb).reshape(n, d)
        C = ((np.arange(k * d) // d + 0.5) / k).reshape(k, d)

        def kmeans():
            dist = ((X[:, None, :] - C[None, :, :]) ** 2).sum(-1)
            lab = dist.argmin(1)
            return [X[lab == j].mean(0) for j in range(k)]

        return kmeans, lambda r: weighted_checksum(np.concatenate(r))
    if w == "u-pairwise":
        n, d = s["pairwise"]
        X = pattern(n * d, ma).reshape(n, d)
        return (lambda: np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))), arr
    if w == "u-moving-avg":
        a = pattern(s["vector"], ma)
        k = s["window"]

        def moving_average():
            r = np.cumsum(a)
            r[k:] = r[k:] - r[:-k]
            return r[k - 1:] / k

        return moving_average, arr
    if w == "u-add5":
        a = np.zeros(s["stream"])
        return (lambda: a + a + a + a + a), arr
    if w == "u-hypot":
        a, b = pattern(s["stream"], ma), pattern(s["stream"], mb)
        return (lambda: np.sqrt(a * a + b * b)), arr
    if w == "u-mean":
        a = pattern(s["stream"], ma)
        return (lambda: a.mean()), scalar
    raise ValueError(f"unknown user-style workload {w!r}")


def measure(run, policy):
    """bench/user/measure.ts's measureUser: warm-up, batch size from the warm-up's speed, samples."""
    last = None
    runs = 0
    w0 = time.perf_counter()
    while True:
        last = run()
        runs += 1
        elapsed = (time.perf_counter() - w0) * 1e3
        if elapsed >= policy["warmupMs"] or runs >= 1_000_000:
            break
    per_run = elapsed / runs
    batch = max(1, min(1_000_000, int(-(-policy["batchMs"] // max(per_run, 1e-6)))))
    samples = []
    total = 0.0
    while len(samples) < policy["maxReps"] and (len(samples) < policy["minReps"] or total < policy["budgetMs"]):
        t0 = time.perf_counter()
        for _ in range(batch):
            last = run()
        dt = (time.perf_counter() - t0) * 1e3
        samples.append(dt / batch)
        total += dt
    return samples, batch, last
