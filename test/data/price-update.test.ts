import { afterEach, describe, expect, it, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { loadDataset } from "../../src/data";
import { updatePrices } from "../../src/data/price-update";
import { LOCK_FILE } from "../../src/util/folder-lock";
import { lookupPrices, priceDatabaseVersion } from "../../src/data/price-database";
import { ROOT } from "../helpers/cli";
import { copyOfData } from "../helpers/data-folder";
import { scratchFolders } from "../helpers/notebooks";

const AS_OF = "2026-11-29";
const GUARD = path.join(ROOT, "test/helpers/no-network.cjs");
// A network namespace of its own where the system allows one; the preloaded guard refuses sockets either way.
const ISOLATED = spawnSync("unshare", ["-rn", "true"]).status === 0;

/** `roilab prices update` as a user runs it, with networking disabled. */
function update(...args: string[]) {
  const node = [process.execPath, "--require", GUARD, path.join(ROOT, "dist/bin.js"), "prices", "update", ...args];
  const [command, ...rest] = ISOLATED ? ["unshare", "-rn", ...node] : node;
  const result = spawnSync(command as string, rest, { cwd: ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const modelsCsv = (dir: string) => readFileSync(path.join(dir, "models.csv"));

describe("roilab prices update, networking disabled", () => {
  it("refreshes every model the database knows, lists the others and exits 0", () => {
    const copy = copyOfData();
    try {
      const result = update("--data", copy.dir, "--as-of", AS_OF);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`7 model(s) from @pydantic/genai-prices ${priceDatabaseVersion()}, offline`);
      expect(result.stdout).toContain("not in the database, left as they were: hermes-4-70b (together:NousResearch/Hermes-4-70B)");
      expect(result.stdout).toContain("no price_ref, left as they were: hermes-3-8b");
      expect(result.stdout).toContain(
        "gemini-1.5-pro (google:gemini-1.5-pro): input $1.25, output $5 per million tokens; dearer above 128,000 input tokens",
      );
      const models = loadDataset(copy.dir).models;
      for (const model of models.filter((row) => row.priceRef && row.modelId !== "hermes-4-70b")) {
        const lookup = lookupPrices(model.priceRef as string, new Date(AS_OF));
        if (lookup.kind !== "found") throw new Error(`${model.modelId}: ${lookup.kind}`);
        expect(model).toMatchObject({
          inputUsdPerMTok: lookup.prices.inputUsdPerMTok,
          outputUsdPerMTok: lookup.prices.outputUsdPerMTok,
          cachedInputUsdPerMTok: lookup.prices.cachedInputUsdPerMTok,
          cacheWriteUsdPerMTok: lookup.prices.cacheWriteUsdPerMTok,
          asOf: AS_OF,
          source: `@pydantic/genai-prices ${priceDatabaseVersion()} (${lookup.prices.matched})`,
        });
      }
      expect(models.find((row) => row.modelId === "claude-3-5-sonnet")).toMatchObject({
        cachedInputUsdPerMTok: 0.3,
        cacheWriteUsdPerMTok: 3.75,
      });
      expect(models.find((row) => row.modelId === "hermes-4-70b")).toMatchObject({ inputUsdPerMTok: 0.9, asOf: "2025-09-01" });
      // Unchanged prices keep their text: "2.50" is not rewritten as "2.5".
      expect(modelsCsv(copy.dir).toString()).toContain("gpt-4o,GPT-4o,OpenAI,2.50,10.00,1.25,");
    } finally {
      copy.dispose();
    }
  });

  it("replaces a refreshed model's long-context tiers with the database's (none for Mistral Large) and keeps those of a model it does not know", () => {
    const copy = copyOfData({
      "models.csv": (text) => text.replace(",anthropic:claude-3-5-sonnet,", ",anthropic:claude-sonnet-4-5,"),
      "long_context_prices.csv": (text) =>
        `${text.trimEnd()}\nmistral-large,100000,4,12,,,a tier the database does not give\nhermes-4-70b,64000,1.8,1.8,,,a tier of a model the database does not list\n`,
    });
    try {
      expect(update("--data", copy.dir, "--as-of", AS_OF).code).toBe(0);
      const tiers = loadDataset(copy.dir).longContextPrices.map((row) => [
        row.modelId,
        row.aboveInputTokens,
        row.inputUsdPerMTok,
        row.outputUsdPerMTok,
        row.cachedInputUsdPerMTok,
        row.cacheWriteUsdPerMTok,
      ]);
      expect(tiers).toContainEqual(["claude-3-5-sonnet", 200000, 6, 22.5, 0.6, 7.5]);
      expect(tiers).toContainEqual(["gemini-1.5-pro", 128000, 2.5, 10, undefined, undefined]);
      expect(tiers).toContainEqual(["hermes-4-70b", 64000, 1.8, 1.8, undefined, undefined]);
      expect(tiers).toHaveLength(3);
    } finally {
      copy.dispose();
    }
  });

  it("writes nothing with --dry-run, and with --strict exits 1 over the unknown model", () => {
    const copy = copyOfData();
    try {
      const before = modelsCsv(copy.dir);
      const dry = update("--data", copy.dir, "--as-of", AS_OF, "--dry-run");
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain("would update");
      expect(modelsCsv(copy.dir)).toEqual(before);
      const strict = update("--data", copy.dir, "--strict");
      expect(strict.code).toBe(1);
      expect(strict.stderr).toContain("hermes-4-70b (together:NousResearch/Hermes-4-70B)");
      expect(modelsCsv(copy.dir)).toEqual(before);
    } finally {
      copy.dispose();
    }
  });

  it("exits 2 and writes nothing when a row's price_ref is malformed, naming file, line and column", () => {
    const copy = copyOfData({ "models.csv": (text) => text.replace(",openai:gpt-4o-mini,", ",gpt-4o-mini,") });
    try {
      const before = modelsCsv(copy.dir);
      const result = update("--data", copy.dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /models\.csv:5:16 - price_ref "gpt-4o-mini" is not provider:model \(e\.g\. openai:gpt-4o\); nothing was written/,
      );
      expect(modelsCsv(copy.dir)).toEqual(before);
    } finally {
      copy.dispose();
    }
  });
});

describe("a damaged price database", () => {
  const scratch = scratchFolders("roilab-price-database-");
  const copies: { dispose(): void }[] = [];
  afterEach(() =>
    copies.splice(0).forEach((copy) => {
      copy.dispose();
    }),
  );
  const real = require.resolve("@pydantic/genai-prices");

  /** The database's package copied with its data file changed by `change`; returns the file to load instead. */
  function damaged(change: (text: string) => string): string {
    const dir = scratch();
    mkdirSync(path.join(dir, "dist"));
    copyFileSync(path.join(path.dirname(path.dirname(real)), "package.json"), path.join(dir, "package.json"));
    const file = path.join(dir, "dist", "index.cjs");
    writeFileSync(file, change(readFileSync(real, "utf8")));
    return file;
  }

  function roilabWith(database: string, ...args: string[]) {
    const result = spawnSync(
      process.execPath,
      ["--require", path.join(ROOT, "test/helpers/price-database-swap.cjs"), path.join(ROOT, "dist/bin.js"), ...args],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, ROILAB_TEST_PRICE_DATABASE: database } },
    );
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it("fails only the price commands when its file is cut short, naming the file", () => {
    const truncated = damaged((text) => text.slice(0, Math.floor(text.length / 2)));
    const version = roilabWith(truncated, "--version");
    // Lengths, not texts: the file's own code would fill the report.
    expect([version.code, version.stderr.length]).toEqual([0, 0]);
    const copy = copyOfData();
    copies.push(copy);
    const before = modelsCsv(copy.dir);
    const result = roilabWith(truncated, "prices", "update", "--data", copy.dir);
    expect([result.code, result.stderr.trimEnd().split("\n").length]).toEqual([2, 1]);
    expect(result.stderr).toMatch(
      new RegExp(
        `^${truncated.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+ - the bundled price database cannot be loaded \\(SyntaxError: `,
      ),
    );
    expect(result.stderr).not.toContain("    at ");
    expect(modelsCsv(copy.dir).equals(before)).toBe(true);
  });

  it("reports a negative price it holds as file:line:column with exit 2, and writes nothing", () => {
    const negative = damaged((text) => text.replace(/input_mtok:2\.5,/g, "input_mtok:-2.5,"));
    const copy = copyOfData();
    copies.push(copy);
    const before = modelsCsv(copy.dir);
    const result = roilabWith(negative, "prices", "update", "--data", copy.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /models\.csv:\d+:\d+ - openai:gpt-4o: the database's answer is malformed \(Invalid price value for input_mtok: [^)]*\); nothing was written/,
    );
    expect(modelsCsv(copy.dir).equals(before)).toBe(true);
  });
});

describe("roilab prices update, at scale and beside another writer", () => {
  it("takes the data folder's lock, so that a second writer stops instead of undoing the first", () => {
    const copy = copyOfData();
    try {
      // The parent of this test process stands in for another roilab that is writing the folder.
      writeFileSync(
        path.join(copy.dir, LOCK_FILE),
        JSON.stringify({ pid: process.ppid, command: "prices import map.json", since: "2026-11-29T10:00:00.000Z" }),
      );
      const before = modelsCsv(copy.dir);
      const result = update("--data", copy.dir, "--as-of", AS_OF);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${copy.dir} is in use by another roilab (pid ${process.ppid}, "roilab prices import map.json"`);
      expect(modelsCsv(copy.dir).equals(before)).toBe(true);
    } finally {
      copy.dispose();
    }
  });

  it("looks each model's row up once, not by a scan of every row per model", () => {
    const ROWS = 5000;
    const copy = copyOfData({
      "models.csv": (text) => {
        const row = text.split("\n").find((line) => line.startsWith("gpt-4o,")) as string;
        return `${text.trimEnd()}\n${Array.from({ length: ROWS }, (_, index) => row.replace(/^gpt-4o,/, `bulk-${index},`)).join("\n")}\n`;
      },
    });
    // Scans of a whole-file-sized list: a scan per model makes the update quadratic in rows (40,000 rows took 51 s).
    let scans = 0;
    const find = Array.prototype.find;
    const spy = vi.spyOn(Array.prototype, "find").mockImplementation(function (this: unknown[], ...args: Parameters<typeof find>) {
      if (this.length >= ROWS) scans += 1;
      return find.apply(this, args);
    });
    try {
      const result = updatePrices({ dataDir: copy.dir, asOf: AS_OF, dryRun: true });
      expect(result.updated.length).toBeGreaterThanOrEqual(ROWS);
      expect(scans).toBeLessThan(10);
    } finally {
      spy.mockRestore();
      copy.dispose();
    }
  });
});
