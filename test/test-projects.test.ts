/**
 * The split of the tests into projects (vitest.config.mts) holds: a file left to the unit project starts no kernel,
 * no browser and no roilab process, so `npm run test:unit` stays fast and needs no build and no system packages.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const E2E = new Set(
  [...readFileSync(path.join(ROOT, "vitest.config.mts"), "utf8").matchAll(/"(test\/[^"*]+\.test\.ts)"/g)].map((match) => match[1]),
);

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory()
      ? testFiles(full)
      : name.endsWith(".test.ts")
        ? [path.relative(ROOT, full).split(path.sep).join("/")]
        : [];
  });
}

/** What only an end-to-end test may do, as it reads in a test file. */
const END_TO_END = [
  { what: "runs the roilab executable", pattern: /\broilab(?:Sync)?\(/ },
  { what: "drives Chromium", pattern: /from "playwright-core"|helpers\/browser"/ },
  { what: "starts a tslab kernel", pattern: /TslabKernel\.start\(/ },
];

describe("the test projects", () => {
  it("list only files that exist", () => {
    const files = testFiles(path.join(ROOT, "test"));
    expect([...E2E].filter((file) => !files.includes(file as string))).toEqual([]);
    expect(E2E.size).toBeGreaterThan(5);
  });

  it("leave to the unit project no file that starts a kernel, a browser or the executable", () => {
    const found = testFiles(path.join(ROOT, "test"))
      // This file names the patterns it looks for.
      .filter((file) => !E2E.has(file) && file !== "test/test-projects.test.ts")
      .flatMap((file) => {
        const text = readFileSync(path.join(ROOT, file), "utf8");
        return END_TO_END.filter(({ pattern }) => pattern.test(text)).map(({ what }) => `${file} ${what}`);
      });
    expect(found).toEqual([]);
  });
});
