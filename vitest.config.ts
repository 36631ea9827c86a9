import { defineConfig } from 'vitest/config';

// The JSON report lets .ci/run print the plain "N passed, N failed" line CI reads.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
