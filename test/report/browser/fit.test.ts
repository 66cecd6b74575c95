import { describe, expect, it } from "vitest";
import { fitFigure, wrapWords } from "../../../src/report/browser/fit";

describe("figures on a narrow screen", () => {
  it("wraps words into lines no longer than asked, a long word on its own line", () => {
    expect(wrapWords("Servers needed: 2x RTX 4090 server (case study), by traffic profile", 30)).toEqual(["Servers needed: 2x RTX 4090", "server (case study), by", "traffic profile"]);
    expect(wrapWords("a supercalifragilistic b", 5)).toEqual(["a", "supercalifragilistic", "b"]);
  });

  it("puts the number on its own line, wraps the rest to the width, and makes room above the plot for each extra line", () => {
    const figure = { data: [], layout: { title: { text: "Figure 59.7a — Servers needed: 2x RTX 4090 server (case study), by traffic profile" }, annotations: [] } };
    const narrow = fitFigure(figure, 390);
    const lines = (narrow.layout.title?.text ?? "").split("<br>");
    expect(lines[0]).toBe("Figure 59.7a");
    expect(lines.slice(1).every((line) => line.length <= Math.floor((390 - 24) / 7))).toBe(true);
    expect(lines.slice(1).join(" ")).toBe("Servers needed: 2x RTX 4090 server (case study), by traffic profile");
    expect((narrow.layout as unknown as { margin: { t: number } }).margin.t).toBe(125 + 17 * (lines.length - 2));
    expect(fitFigure(figure, 1280)).toBe(figure);
  });
});
