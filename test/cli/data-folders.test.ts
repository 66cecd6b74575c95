import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { dataFileRecords, datedEditions, editionPlans, inspectDataFolder, pageLang, pricingCurrency } from "../../src/cli/data-folders";
import { loadDataset } from "../../src/data";
import { DataError, UsageError } from "../../src/errors";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";
import { tempFolder } from "../helpers/notebooks";

describe("what the CLI tells the runner about a data folder", () => {
  it("validates a roilab data folder and returns the newest as_of of each dated file", () => {
    expect(inspectDataFolder(DATA_DIR)).toEqual({
      "models.csv": "2025-09-01",
      "hardware.csv": "2025-09-01",
      "throughput.csv": expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      "gpu_rentals.csv": "2026-11-09",
      "exchange_rates.csv": "2025-09-01",
    });
  });

  it("stops on bad data with every problem located", () => {
    const copy = copyOfData({ "models.csv": (text) => text.replace("GPT-4o,OpenAI,2.50", "GPT-4o,OpenAI,abc") });
    try {
      expect(() => inspectDataFolder(copy.dir)).toThrow(DataError);
      expect(() => inspectDataFolder(copy.dir)).toThrow(/models\.csv:4:4 - input_usd_per_mtok must be a non-negative number, got "abc"/);
    } finally {
      copy.dispose();
    }
  });

  it("leaves a folder that holds no roilab tables to the notebook", () => {
    const folder = tempFolder();
    try {
      expect(inspectDataFolder(folder.dir)).toBeUndefined();
    } finally {
      folder.dispose();
    }
  });

  it("lists a loaded dataset's files with their hashes and dates for a page footer", () => {
    const records = dataFileRecords(loadDataset(DATA_DIR));
    expect(records.map((record) => record.name)).toContain("published_figures.csv");
    expect(records.find((record) => record.name === "models.csv")).toMatchObject({
      asOf: "2025-09-01",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(records.find((record) => record.name === "benchmarks.csv")?.asOf).toBeUndefined();
  });
});

describe("the editions report --editions builds", () => {
  it("publish the newest dated edition at --out, older ones in sub-folders of their name, and the data folder's own in chapter/", () => {
    const folder = tempFolder();
    try {
      const data = path.join(folder.dir, "data");
      for (const dir of [
        data,
        path.join(data, "2026-05"),
        path.join(data, "2026-11"),
        path.join(data, "notes"),
        path.join(data, "2027-01"),
        path.join(data, "2026-11-cn"),
      ])
        mkdirSync(dir, { recursive: true });
      for (const dir of [data, path.join(data, "2026-05"), path.join(data, "2026-11"), path.join(data, "2026-11-cn")])
        writeFileSync(path.join(dir, "models.csv"), "model_id\n");
      // 2027-01 holds no roilab tables and `notes` is no date: neither is an edition.
      expect(datedEditions(data)).toEqual([path.join(data, "2026-05"), path.join(data, "2026-11"), path.join(data, "2026-11-cn")]);
      // The regional edition, last by name, is not the newest for every reader: it goes in a folder of its own.
      expect(editionPlans("reports", data)).toEqual([
        { outDir: "reports", dataDir: path.join(data, "2026-11") },
        { outDir: path.join("reports", "2026-05"), dataDir: path.join(data, "2026-05") },
        { outDir: path.join("reports", "2026-11-cn"), dataDir: path.join(data, "2026-11-cn") },
        { outDir: path.join("reports", "chapter"), dataDir: data },
      ]);
    } finally {
      folder.dispose();
    }
  });

  it("are the data folder's own alone when it has no dated edition; a missing data folder is a usage error", () => {
    const folder = tempFolder();
    try {
      expect(editionPlans("reports", folder.dir)).toEqual([{ outDir: "reports", dataDir: folder.dir }]);
      expect(() => editionPlans("reports", path.join(folder.dir, "none"))).toThrow(UsageError);
    } finally {
      folder.dispose();
    }
  });

  it("read each notebook's own data for the chapter's edition when no --data is given, as roilab report does", () => {
    expect(editionPlans("reports", undefined).at(-1)).toEqual({ outDir: path.join("reports", "chapter"), dataDir: undefined });
    expect(editionPlans("reports", undefined)[0]).toEqual({ outDir: "reports", dataDir: path.join("data", "2026-11") });
  });
});

describe("the currency tables and decide show", () => {
  it("is --currency, else the data folder's own (the China edition's CNY), else USD", () => {
    expect(pricingCurrency(undefined, path.join("data", "2026-11-cn"))).toBe("CNY");
    expect(pricingCurrency("USD", path.join("data", "2026-11-cn"))).toBe("USD");
    expect(pricingCurrency(undefined, path.join("data", "2026-11"))).toBe("USD");
    expect(pricingCurrency(undefined, "data")).toBe("USD");
  });
});

describe("the language report and preview publish a data folder in", () => {
  it("is --lang, else the data folder's own (the China edition's Chinese), else English; a bad one names its file", () => {
    expect(pageLang(undefined, path.join("data", "2026-11-cn"))).toBe("zh-CN");
    expect(pageLang("en", path.join("data", "2026-11-cn"))).toBe("en");
    expect(pageLang(undefined, path.join("data", "2026-11"))).toBe("en");
    expect(pageLang(undefined, undefined)).toBe("en");
    const folder = tempFolder();
    try {
      writeFileSync(path.join(folder.dir, "parameters.json"), '{"lang": "fr"}');
      expect(() => pageLang(undefined, folder.dir)).toThrow(/parameters\.json: lang must be one of en, zh-CN, got "fr"/);
    } finally {
      folder.dispose();
    }
  });
});
