/**
 * Parameter corners cannot pass by ignoring their parameter: for every case that says what the call is
 * without the parameter (`ignored`), NumPy's answer without it differs from its answer with it on every
 * trial (values, dtype, shape, or one of the two raising), with the inputs the report generates (seeds 1
 * and 2). Also: every parameter corner of the catalog has such a case.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../spec/catalog.js';
import type { Case } from './case.js';
import { ALL_CASES } from './cases/index.js';
import { generateInput, toHex } from './inputs.js';
import { subprocessOracle, type OracleRequest } from './oracle/oracle.js';
import { rngFor } from './prng.js';

const CORNER_IDS = loadCatalog().corners.map((c) => c.id);

function requests(seed: number): { label: string; with: OracleRequest; without: OracleRequest }[] {
  const byCorner = new Map<string, Case[]>();
  for (const c of ALL_CASES) byCorner.set(c.corner, [...(byCorner.get(c.corner) ?? []), c]);
  const out: { label: string; with: OracleRequest; without: OracleRequest }[] = [];
  for (const [corner, cases] of byCorner) {
    for (const [ci, c] of cases.entries()) {
      if (c.ignored === undefined || EXEMPT.has(corner)) continue;
      for (const [ti, spec] of c.trials.entries()) {
        const rng = rngFor(seed, corner, ci, ti);
        const inputs = Object.fromEntries(
          Object.entries(spec.inputs).map(([k, s]) => {
            const g = generateInput(rng, s);
            return [k, { dtype: g.dtype, shape: g.shape, hex: toHex(g.dtype, g.values), view: g.view }];
          }),
        );
        out.push({ label: `${corner} case ${ci} trial ${ti}`, with: { py: c.py, inputs, params: spec.params }, without: { py: c.ignored, inputs, params: spec.params } });
      }
    }
  }
  return out;
}

describe('parameter corners', () => {
  const catalog = loadCatalog();

  it('every parameter corner has a case that says what the call is without the parameter', () => {
    const withIgnored = new Set(ALL_CASES.filter((c) => c.ignored !== undefined).map((c) => c.corner));
    const params = catalog.corners.filter((c) => c.kind === 'parameter' && c.area !== 'nd' && !EXEMPT.has(c.id));
    expect(params.filter((c) => !withIgnored.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it.each([1, 2])('NumPy answers differently without the parameter, on every trial (seed %i)', (seed) => {
    const reqs = requests(seed);
    expect(reqs.length).toBeGreaterThan(400);
    const answers = subprocessOracle().run(reqs.flatMap((r) => [r.with, r.without]));
    const same: string[] = [];
    const bothRaise: string[] = [];
    reqs.forEach((r, i) => {
      const a = answers[2 * i];
      const b = answers[2 * i + 1];
      if ('raised' in a && 'raised' in b) bothRaise.push(`${r.label}: ${a.message}`);
      else if (JSON.stringify(a) === JSON.stringify(b)) same.push(r.label);
    });
    expect(bothRaise).toEqual([]);
    expect(same).toEqual([]);
  }, 120_000);
});

/**
 * Parameter corners where leaving the parameter out cannot change NumPy's answer, each with why; their
 * cases check the call is accepted and the result right.
 */
const EXEMPT = new Map<string, string>([
  ...CORNER_IDS.filter((id) => id.endsWith('.device')).map((id): [string, string] => [id, "NumPy's only device is 'cpu': the case checks the call accepts it"]),
  ['array.to_device.stream', 'no streams on the CPU: the case checks the call accepts stream=None'],
  ['array.__dlpack__.stream', 'no streams on the CPU: the case checks the capsule is made and read'],
  ['array.__dlpack__.max_version', 'a versioned capsule holds the same array: the case checks it is made and read'],
  ['array.__dlpack__.dl_device', 'the CPU is the only device: the case checks the capsule is made and read'],
  ['sorting.sort.stable', 'equal keys are indistinguishable in sorted values: stability is checked through argsort (sorting.argsort.stable)'],
  ['sorting.sort.kind', 'every algorithm sorts to the same values: kind is checked through argsort (sorting.argsort.kind)'],
  ...['creation.zeros', 'creation.arange', 'creation.asarray', 'data_type.astype', 'statistical.sum'].map(
    (f): [string, string] => [`${f}.dtype-spellings`, 'one dtype spelled several ways: the cases check each spelling gives NumPy\'s dtype and values'],
  ),
]);
