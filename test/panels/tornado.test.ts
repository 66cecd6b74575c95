import fc from "fast-check";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { breakEvenUncertainty, tornadoPanelSpec, uncertaintyFigures } from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { evaluateTornadoPanel, narrowTornadoFigure } from "../../src/panels/tornado";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const spec0 = tornadoPanelSpec(data, { hardwareId: "a100x4-70b", apiModelId: "claude-3-5-sonnet", swing: 0.2 });

describe("the 59.8 sensitivity what-if panel", () => {
  const spec = tornadoPanelSpec(data, { hardwareId: "a100x4-70b", apiModelId: "claude-3-5-sonnet", swing: 0.2 });

  it("starts where the notebook does", () => {
    const result = evaluateTornadoPanel(spec, spec.defaults);
    expect(result.tornado.bars[0]?.input).toBe("depreciationMonths");
    expect(result.tornado.baseBreakEven).toBeCloseTo(3109.26, 2);
    expect(result.summary).toBe(
      "4x A100 80GB vs Claude 3.5 Sonnet: break-even 3,109 calls a day. At ±20% the depreciation period moves it most, 2,843 to 3,507. " +
        "Over the data's ranges the ops share of an engineer moves it most, 2,392 to 5,976; " +
        "all inputs uncertain at once, it lies between 3,142 and 7,580 calls a day (5th to 95th percentile).",
    );
    expect(result.figure.layout.title.text).toMatch(/^Figure 59\.8w — /);
  });

  it("recomputes for another pair and swing, as the notebook's own what-if cell does", () => {
    const result = evaluateTornadoPanel(spec, { hardwareId: "rtx4090-server", apiId: "gpt-4o", swingPercent: 30 });
    expect(Math.trunc(result.tornado.baseBreakEven)).toBe(822);
    expect(result.tornado.bars[0]?.input).toBe("inputUsdPerMTok");
    expect(result.tornado.bars.map((bar) => bar.input)).toContain("opsUsdPerMonth");
  });

  it("fits a phone: the bars keep only each input's name and the axis title is short", () => {
    const result = evaluateTornadoPanel(spec, spec.defaults);
    const narrow = narrowTornadoFigure(result.figure, result.tornado.baseBreakEven);
    expect(narrow.data[0]?.y).toContain("Depreciation period");
    expect((narrow.layout.xaxis as { title: { text: string } }).title.text).toBe("Break-even, calls/day<br>line: 3,109 at base");
    expect((result.figure.data[0]!.y as string[]).some((label) => label.startsWith("Depreciation period ("))).toBe(true);
  });
});

/** The 59.8 what-if: the page's evaluation against the notebook's route (`breakEvenUncertainty`), on random pairs and swings. */
describe("the 59.8 what-if: another pair and swing", () => {
  const editions = [
    { name: "chapter", data },
    { name: "2026", data: loadDataset(path.join(DATA_DIR, "2026-11")) },
  ];
  for (const edition of editions) {
    it(`gives breakEvenUncertainty's base, tornadoes and percentiles for any server, API and swing (${edition.name})`, () => {
      const first = edition.data.hardware.find((row) => row.costBasis === "itemised")!;
      const spec = tornadoPanelSpec(edition.data, {
        hardwareId: first.hardwareId,
        apiModelId: edition.data.models[0]!.modelId,
        swing: 0.2,
        samples: 300,
      });
      fc.assert(
        fc.property(
          fc.constantFrom(...spec.hardware.map((machine) => machine.id)),
          fc.constantFrom(...spec.apis.map((api) => api.id)),
          fc.integer({ min: 1, max: 95 }),
          (hardwareId, apiId, swingPercent) => {
            const page = evaluateTornadoPanel(spec, { hardwareId, apiId, swingPercent });
            const notebook = breakEvenUncertainty(edition.data, hardwareId, apiId, { swing: swingPercent / 100, samples: 300, seed: 59 });
            expect(page.tornado.baseBreakEven).toBeCloseTo(notebook.tornado.baseBreakEven, 6);
            expect(page.tornado.bars.map((bar) => bar.input)).toEqual(notebook.tornado.bars.map((bar) => bar.input));
            page.tornado.bars.forEach((bar, index) => {
              expect(bar.spread).toBeCloseTo(notebook.tornado.bars[index]!.spread, 6);
            });
            expect(page.rangeTornado.bars.map((bar) => bar.input)).toEqual(notebook.rangeTornado.bars.map((bar) => bar.input));
            expect(page.p5).toBeCloseTo(notebook.p5, 6);
            expect(page.p95).toBeCloseTo(notebook.p95, 6);
          },
        ),
        { numRuns: 25 },
      );
    });
  }

  it("starts where the notebook's what-if did: the RTX 4090 server against GPT-4o at ±30%, its tornado and percentiles", () => {
    const spec = tornadoPanelSpec(data, { hardwareId: "rtx4090-server", apiModelId: "gpt-4o", swing: 0.3, samples: 2000, seed: 59 });
    const page = evaluateTornadoPanel(spec, spec.defaults);
    const notebook = breakEvenUncertainty(data, "rtx4090-server", "gpt-4o", { swing: 0.3, samples: 2000, seed: 59 });
    const figures = uncertaintyFigures(data, notebook, { comparison: "RTX 4090 server vs GPT-4o", swing: 0.3, samples: 2000, seed: 59 });
    // The figure is the notebook's tornado at ±30% for the pair, bar for bar.
    expect(page.figure.data.map((trace) => trace.x)).toEqual(figures.tornado.data.map((trace) => trace.x));
    expect(page.figure.data.map((trace) => trace.y)).toEqual(figures.tornado.data.map((trace) => trace.y));
    expect(page.summary).toContain(
      `between ${Math.trunc(notebook.p5).toLocaleString("en-US")} and ${Math.trunc(notebook.p95).toLocaleString("en-US")} calls a day`,
    );
    expect(page.summary).toContain(`Over the data's ranges the ${notebook.rangeTornado.bars[0]!.label.toLowerCase()} moves it most`);
  });

  it("refuses a swing outside 1–95% with the field's label", () => {
    expect(() => evaluateTornadoPanel(spec0, { ...spec0.defaults, swingPercent: 96 })).toThrow(
      "Each input ± (%) must be from 1 to 95, not 96",
    );
  });
});
