import { describe, expect, it } from "vitest";
import { displayWidth, renderTextTable } from "../../../src/analysis/text/text-table";

describe("text tables for the terminal", () => {
  it("count a Chinese character or full-width punctuation as two columns, anything else as one", () => {
    expect(displayWidth("Option")).toBe(6);
    expect(displayWidth("方案")).toBe(4);
    expect(displayWidth("优于现用（calls a day）")).toBe(8 + 2 + 11 + 2);
    expect(displayWidth("¥12.35万")).toBe(8);
  });

  it("line Chinese headers up with the values under them", () => {
    const table = renderTextTable(
      [{ header: "方案" }, { header: "合计", align: "right" }],
      [
        ["all-cloud", "¥4,638.38"],
        ["hybrid", "¥12.35万"],
      ],
    );
    expect(table.split("\n")).toEqual(["方案            合计", "---------  ---------", "all-cloud  ¥4,638.38", "hybrid      ¥12.35万"]);
  });
});
