import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'conformance/**/*.test.ts', 'spec/**/*.test.ts', 'bench/**/*.test.ts'],
    // Compat boots one CPython per worker process; forks keep each interpreter in its own process.
    pool: 'forks',
    // Unit tests import fast's area modules directly; the package's entry points install FastArray's
    // methods (src/fast/methods.ts) on import, so the tests do the same before each file.
    setupFiles: ['src/fast/methods.ts'],
    // Lifetime tests force garbage collection with global.gc().
    execArgv: ['--expose-gc'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
