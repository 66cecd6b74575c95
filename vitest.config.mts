import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Real kernels and browsers are slow to start on small machines; no test measures time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
