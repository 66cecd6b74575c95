import { describe, expect, it } from "vitest";
import { dataFileRecords, inspectDataFolder } from "../../src/cli/data-folders";
import { loadDataset } from "../../src/data";
import { DataError } from "../../src/errors";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";
import { tempFolder } from "../helpers/notebooks";

describe("what the CLI tells the runner about a data folder", () => {
  it("validates a roilab data folder and returns the newest as_of of each dated file", () => {
    expect(inspectDataFolder(DATA_DIR)).toEqual({ "models.csv": "2025-09-01", "hardware.csv": "2025-09-01", "throughput.csv": expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), "gpu_rentals.csv": "2026-11-09", "exchange_rates.csv": "2025-09-01" });
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
    expect(records.find((record) => record.name === "models.csv")).toMatchObject({ asOf: "2025-09-01", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(records.find((record) => record.name === "benchmarks.csv")?.asOf).toBeUndefined();
  });
});
