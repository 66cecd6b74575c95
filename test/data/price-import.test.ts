import { describe, expect, it } from "vitest";
import { LOCK_FILE } from "../../src/util/folder-lock";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { loadDataset } from "../../src/data";
import { ROOT } from "../helpers/cli";
import { roilabMain } from "../helpers/cli-main";
import { copyOfData } from "../helpers/data-folder";
import { tempFolder } from "../helpers/notebooks";

const FIXTURE = path.join(ROOT, "test/fixtures/litellm-prices.json");
const map = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>;
const cli = (...args: string[]) => roilabMain(["prices", "import", ...args]);

describe("roilab prices import", () => {
  it("rewrites models.csv with the new prices, as_of and source, and prints how results moved", async () => {
    const copy = copyOfData();
    try {
      const result = await cli(FIXTURE, "--data", copy.dir, "--as-of", "2026-11-28");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("7 models from");
      expect(result.stdout).toContain("no price_map_key, left as they were: hermes-4-70b, hermes-3-8b");
      expect(result.stdout).toMatch(/Gemini 1\.5 Pro +\$1\.25 +\$1\.25 +\$5\.00 +\$10\.00/);
      expect(result.stdout).toMatch(/Gemini 1\.5 Pro +\$525\.00 +\$750\.00 +\+42\.9%/);
      const after = loadDataset(copy.dir).models;
      expect(after.find((row) => row.modelId === "gemini-1.5-pro")).toMatchObject({
        outputUsdPerMTok: 10,
        contextTokens: 2097152,
        asOf: "2026-11-28",
        source: "LiteLLM price map litellm-prices.json",
      });
      expect(after.find((row) => row.modelId === "gpt-4o")).toMatchObject({ cachedInputUsdPerMTok: 1.25, batchOutputUsdPerMTok: 5 });
      expect(after.find((row) => row.modelId === "hermes-4-70b")).toMatchObject({ asOf: "2025-09-01", inputUsdPerMTok: 0.9 });
    } finally {
      copy.dispose();
    }
  });

  it("writes nothing when the map has a problem, and exits 2", async () => {
    const copy = copyOfData();
    const folder = tempFolder();
    try {
      const bad = path.join(folder.dir, "bad.json");
      writeFileSync(bad, JSON.stringify({ ...map, "gpt-4o": { input_cost_per_token: "cheap", output_cost_per_token: 1e-5 } }));
      const before = readFileSync(path.join(copy.dir, "models.csv"), "utf8");
      const result = await cli(bad, "--data", copy.dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${bad}: gpt-4o: input_cost_per_token must be a non-negative number, got "cheap"`);
      expect(readFileSync(path.join(copy.dir, "models.csv"), "utf8")).toBe(before);
      writeFileSync(bad, "{ not json");
      expect((await cli(bad, "--data", copy.dir)).code).toBe(2);
    } finally {
      copy.dispose();
      folder.dispose();
    }
  });
});

describe("roilab prices import, checking what it writes", () => {
  it("refuses a price that overflows per million before writing anything (exit 2)", async () => {
    const copy = copyOfData();
    const folder = tempFolder();
    try {
      const huge = path.join(folder.dir, "huge.json");
      writeFileSync(huge, JSON.stringify({ ...map, "gpt-4o": { ...(map["gpt-4o"] as object), input_cost_per_token: 1e305 } }));
      const before = readFileSync(path.join(copy.dir, "models.csv"));
      const result = await cli(huge, "--data", copy.dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /models\.csv:\d+:4 - input_usd_per_mtok must be a non-negative number, got "Infinity" \(after the import; nothing was written\)/,
      );
      expect(readFileSync(path.join(copy.dir, "models.csv")).equals(before)).toBe(true);
    } finally {
      copy.dispose();
      folder.dispose();
    }
  });

  it("keeps the file's byte-order mark and Windows line ends", async () => {
    const copy = copyOfData({ "models.csv": (text) => `\ufeff${text.replace(/\r?\n/g, "\r\n")}` });
    try {
      expect((await cli(FIXTURE, "--data", copy.dir)).code).toBe(0);
      const bytes = readFileSync(path.join(copy.dir, "models.csv"));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString("utf8");
      expect(text.match(/\r\n/g)?.length).toBe(text.match(/\n/g)?.length);
      expect(loadDataset(copy.dir).models.find((row) => row.modelId === "gpt-4o")?.cachedInputUsdPerMTok).toBe(1.25);
    } finally {
      copy.dispose();
    }
  });
});

describe("roilab prices update, bad arguments", () => {
  it("refuses a date that is not YYYY-MM-DD and a file argument (exit 2)", async () => {
    // A copy of data/: were the arguments taken, the update would write there.
    const copy = copyOfData();
    try {
      expect((await roilabMain(["prices", "update", "--data", copy.dir, "--as-of", "2026-02-30"])).code).toBe(2);
      expect((await roilabMain(["prices", "update", "--data", copy.dir, "prices.json"])).code).toBe(2);
    } finally {
      copy.dispose();
    }
  });
});

describe("roilab prices import, beside another writer", () => {
  it("takes the data folder's lock, so that a second writer stops instead of undoing the first", async () => {
    const copy = copyOfData();
    try {
      // The parent of this test process stands in for another roilab that is writing the folder.
      writeFileSync(
        path.join(copy.dir, LOCK_FILE),
        JSON.stringify({ pid: process.ppid, command: "prices update", since: "2026-11-29T10:00:00.000Z" }),
      );
      const before = readFileSync(path.join(copy.dir, "models.csv"));
      const result = await cli(FIXTURE, "--data", copy.dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${copy.dir} is in use by another roilab (pid ${process.ppid}, "roilab prices update"`);
      expect(readFileSync(path.join(copy.dir, "models.csv")).equals(before)).toBe(true);
    } finally {
      copy.dispose();
    }
  });
});
