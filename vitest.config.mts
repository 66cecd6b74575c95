import { defineConfig } from "vitest/config";

/**
 * Test files that start a tslab kernel, Chromium, the CLI as a process of its own, tslab's own compiler (the type
 * check's oracle), or read the compiled library in `dist/`: the `e2e` project, which builds the library and checks the system packages first. Every other file is a
 * `unit` test: it imports `src/` directly and needs neither a build nor those packages (`npm run test:unit`).
 */
const E2E = [
  "test/bin.test.ts",
  "test/index.test.ts",
  "test/notebooks.test.ts",
  "test/data/price-update.test.ts",
  "test/cli/workload-import.test.ts",
  "test/notebook/check.test.ts",
  "test/notebook/kernel.test.ts",
  "test/notebook/kernel-reuse.test.ts",
  "test/notebook/kernel-preload-process.test.ts",
  "test/notebook/run.test.ts",
  "test/report/build.test.ts",
  "test/report/chinese-pages.test.ts",
  "test/report/chinese-report.test.ts",
  "test/report/editions-build.test.ts",
  "test/report/editions-figures.test.ts",
  "test/report/layout.test.ts",
  "test/report/reading.test.ts",
  "test/report/whatif.test.ts",
  "test/report/whatif-sections.test.ts",
  "test/report/browser/draw-order.test.ts",
  "test/report/browser/downloads.test.ts",
  "test/report/pdf/print-pages.test.ts",
  "test/report/pdf/printed-report.test.ts",
  "test/report/pdf/report-pdf.test.ts",
  "test/report/preview/preview.test.ts",
];

export default defineConfig({
  test: {
    // Real kernels and browsers are slow to start on small machines; no test measures time.
    testTimeout: 120_000,
    // Most of an end-to-end test is spent waiting on other processes (kernels, Chromium, the CLI), so three files
    // at once keep a 2-core machine busy, where Vitest's default (one less than the cores) would run them one by one.
    maxWorkers: 3,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: E2E } },
      { extends: true, test: { name: "e2e", include: E2E, globalSetup: ["test/global-setup.ts"] } },
    ],
  },
});
