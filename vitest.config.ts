import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests must never reach real AWS, whatever the developer's shell has set.
    env: {
      AWS_PROFILE: '',
      AWS_DEFAULT_PROFILE: '',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      // The SDK's notice about its Node support window, once per worker and per spawned CLI: the CLI
      // itself silences it the same way (bin/lanyard.js), so tests see what users see.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
