import { describe, expect, it } from "vitest";
import { loadDataset, withAssignments } from "../../src/data";
import { parseAssignment } from "../../src/data/assignments";
import { DataError } from "../../src/errors";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";

describe("cell assignments", () => {
  it("parse file:row:column=number", () => {
    expect(parseAssignment("hardware.csv:a100x4-70b:power_usd_per_month=115")).toEqual({
      file: "hardware.csv",
      rowId: "a100x4-70b",
      column: "power_usd_per_month",
      value: 115,
    });
    expect(parseAssignment("power_usd_per_month=115")).toBeUndefined();
    expect(parseAssignment("hardware.csv:a100x4-70b:power_usd_per_month=abc")).toBeUndefined();
  });

  it("apply to a copy of the dataset, leaving the original as it was", () => {
    const data = loadDataset(DATA_DIR);
    const changed = withAssignments(data, [{ file: "hardware.csv", rowId: "a100x4-70b", column: "power_usd_per_month", value: 115 }]);
    expect(changed.hardware.find((row) => row.hardwareId === "a100x4-70b")!.powerUsdPerMonth).toBe(115);
    expect(data.hardware.find((row) => row.hardwareId === "a100x4-70b")!.powerUsdPerMonth).toBeUndefined();
    expect(changed.models).toBe(data.models);
  });

  function problems(edits: Parameters<typeof copyOfData>[0]): string[] {
    const copy = copyOfData(edits);
    try {
      loadDataset(copy.dir);
      return [];
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      return error.issues.map((issue) => `${issue.file.split("/").pop()}:${issue.line}:${issue.column} - ${issue.message}`);
    } finally {
      copy.dispose();
    }
  }

  it("a chapter input naming a row or column the data lacks is a data error at its file, line and column", () => {
    const line = 23;
    expect(
      problems({
        "published_figures.csv": (text) =>
          text.replace("hardware.csv:a100x4-70b:power_usd_per_month=115", "hardware.csv:a100x9:power_usd_per_month=115"),
      }),
    ).toEqual([`published_figures.csv:${line}:9 - hardware.csv:a100x9:power_usd_per_month: hardware.csv has no row hardware_id "a100x9"`]);
    expect(
      problems({
        "published_figures.csv": (text) =>
          text.replace("hardware.csv:a100x4-70b:power_usd_per_month=115", "hardware.csv:a100x4-70b:power_usd=115"),
      }),
    ).toEqual([`published_figures.csv:${line}:9 - hardware.csv:a100x4-70b:power_usd: hardware.csv has no column power_usd to set`]);
    expect(
      problems({ "published_figures.csv": (text) => text.replace("hardware.csv:a100x4-70b:power_usd_per_month=115", "power=115") })[0],
    ).toMatch(/^published_figures\.csv:23:9 - chapter_inputs must be empty or assignments/);
  });

  it("a chapter statement's data cell must exist too", () => {
    expect(
      problems({
        "chapter_statements.csv": (text) => text.replace("hardware.csv:a100x4-70b:capex_usd", "hardwares.csv:a100x4-70b:capex_usd"),
      }),
    ).toEqual(["chapter_statements.csv:4:7 - hardwares.csv:a100x4-70b:capex_usd: no data table hardwares.csv"]);
  });
});
