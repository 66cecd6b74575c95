import { describe, expect, it } from "vitest";
import { caption, colorMap, MODEL_PALETTE, themedFigure } from "../../src/charts/theme";

describe("chapter theme", () => {
  it("captions the source files under data/ unless told another folder, with the prices' as_of date when there is one", () => {
    expect(caption({ files: ["models.csv", "workloads.csv"], asOf: "2025-09-01" })).toBe(
      "Source: data/models.csv, data/workloads.csv, prices as of 2025-09-01. roilab",
    );
    expect(caption({ files: ["benchmarks.csv"], folder: "data/2026-11" })).toBe("Source: data/2026-11/benchmarks.csv. roilab");
  });

  it("numbers the title and puts the caption last, after the figure's own annotations", () => {
    const figure = themedFigure([], { number: "59.0", title: "T", provenance: { files: ["x.csv"] }, annotations: [{ text: "mine" }] });
    expect(figure.layout.title.text).toBe("Figure 59.0 — T");
    expect(figure.layout.annotations?.map((annotation) => annotation.text)).toEqual(["mine", "Source: data/x.csv. roilab"]);
  });

  it("gives ids palette colours in order, starting over when the palette runs out", () => {
    const ids = Array.from({ length: MODEL_PALETTE.length + 1 }, (_, index) => `m${index}`);
    const colors = colorMap(ids, MODEL_PALETTE);
    expect(colors.get("m0")).toBe(MODEL_PALETTE[0]);
    expect(colors.get(`m${MODEL_PALETTE.length - 1}`)).toBe(MODEL_PALETTE.at(-1));
    expect(colors.get(`m${MODEL_PALETTE.length}`)).toBe(MODEL_PALETTE[0]);
  });
});
