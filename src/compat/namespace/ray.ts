/**
 * Ray as Dask's scheduler (compat.namespace('dask.array', { scheduler: 'ray' })). A local instance listens
 * on loopback only; `address` connects to an existing cluster instead. Ray is started once per process:
 * a second namespace with the same settings shares it, different settings are refused. A local instance
 * is shut down on the process's 'exit' (compat never finalises CPython, so Python's atexit would not run
 * and Ray's processes would outlive Node).
 */
import { z } from 'zod';
import { ValueError } from '../../common/errors.js';
import { callPython } from '../python/convert.js';
import { acquireGil, GIL } from '../python/gil.js';
import { getRuntime, raisePythonError, type Runtime } from '../python/runtime.js';

/** The Ray cluster a namespace computes on. */
export interface RayCluster {
  /** True for an instance this process started (on 127.0.0.1), false for a cluster it connected to. */
  readonly local: boolean;
  /** The address given, or 'local'. */
  readonly address: string;
  /** Milliseconds ray.init took (start-up of a local instance, or connecting). */
  readonly startupMs: number;
  /** Resources the cluster reports (ray.cluster_resources()), e.g. `{ CPU: 2, ... }`. */
  readonly resources: Readonly<Record<string, number>>;
}

const RAY_HELPERS = `
def ndbridge_ray_start(address, num_cpus):
    import ray
    import dask
    from ray.util.dask import ray_dask_get
    if not ray.is_initialized():
        kw = dict(include_dashboard=False, log_to_driver=False, configure_logging=False)
        if address is None:
            kw.update(address='local', _node_ip_address='127.0.0.1')
            if num_cpus is not None:
                kw['num_cpus'] = num_cpus
        else:
            kw['address'] = address
        ray.init(**kw)
    dask.config.set(scheduler=ray_dask_get)
    import json
    return json.dumps({k: float(v) for k, v in ray.cluster_resources().items()})

def ndbridge_ray_stop():
    import ray
    import dask
    dask.config.config.pop('scheduler', None)
    if ray.is_initialized():
        ray.shutdown()
`;

const ResourcesSchema = z.record(z.string(), z.number());

let started: { key: string; cluster: RayCluster } | undefined;
let exitHook = false;

function helper(rt: Runtime, name: string): bigint {
  let f = rt.api.PyDict_GetItemString(rt.helpers, name);
  if (f === 0n) {
    const r = rt.api.PyRun_String(RAY_HELPERS, 257, rt.helpers, rt.helpers);
    if (r === 0n) raisePythonError(rt);
    rt.api.Py_DecRef(r);
    f = rt.api.PyDict_GetItemString(rt.helpers, name);
  }
  return f;
}

export function startRay(rt: Runtime, options: { address?: string | undefined; numCpus?: number | undefined }): RayCluster {
  const key = JSON.stringify([options.address ?? null, options.numCpus ?? null]);
  if (started !== undefined) {
    if (started.key !== key) {
      throw new ValueError(
        `Ray is already running in this process for ${started.cluster.local ? 'a local instance' : started.cluster.address}; ` +
          'one process uses one Ray cluster (call compat.shutdownRay() first to switch)',
      );
    }
    return started.cluster;
  }
  const t0 = performance.now();
  const json = callPython(rt, helper(rt, 'ndbridge_ray_start'), [options.address ?? null, options.numCpus ?? null], false);
  const resources = ResourcesSchema.parse(JSON.parse(String(json)));
  const cluster: RayCluster = {
    local: options.address === undefined,
    address: options.address ?? 'local',
    startupMs: performance.now() - t0,
    resources: Object.freeze({ ...resources }),
  };
  started = { key, cluster };
  if (!exitHook) {
    exitHook = true;
    // a local instance's processes (GCS, raylet, workers) end with it; a remote cluster only loses this driver
    process.once('exit', () => {
      try {
        shutdownRay();
      } catch {
        // exiting anyway
      }
    });
  }
  return cluster;
}

/** Disconnect from Ray (and stop a local instance) now. Idempotent; Dask's scheduler goes back to its default. */
export function shutdownRay(): void {
  if (started === undefined) return;
  started = undefined;
  const rt = getRuntime();
  if (!GIL.held) acquireGil();
  callPython(rt, helper(rt, 'ndbridge_ray_stop'), [], false);
}
