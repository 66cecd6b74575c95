import { describe, expect, it } from "vitest";
import { csvText, spreadsheetText } from "../../../src/report/browser/csv";

describe("the CSV of a page's downloads", () => {
  it("gives every cell a spreadsheet would read as a formula a leading quote", () => {
    for (const cell of [
      `=HYPERLINK("http://example.org","x")`,
      "+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      "-2+3",
      "\t=1+1",
      "\r=1+1",
      "-",
      "=1",
    ]) {
      expect(spreadsheetText(cell)).toBe(`'${cell}`);
    }
  });

  it("leaves plain numbers and ordinary text as they are", () => {
    for (const cell of ["1395", "-1395.5", "+2", "-1e-7", ".5", "claude-3-5-sonnet", "a=b", "", "RTX 4090 × 2"])
      expect(spreadsheetText(cell)).toBe(cell);
    expect(spreadsheetText(-2.5)).toBe("-2.5");
    expect(spreadsheetText(undefined)).toBe("");
  });

  it("quotes a neutralised cell that holds a separator, as any other", () => {
    expect(
      csvText([
        ["model", "usd"],
        [`=HYPERLINK("http://example.org","x")`, -3],
      ]),
    ).toBe(`model,usd\r\n"'=HYPERLINK(""http://example.org"",""x"")",-3\r\n`);
  });
});
