/** The 59.4 what-if: the page's evaluation against the notebook's route through the analysis layer, on random inputs. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routerFromData, routingLocalServer, tierCostFigure } from "../../src/analysis/hybrid-routing";
import { hybridRoutingPanelSpec } from "../../src/analysis/panels";
import { renumberFigure } from "../../src/charts/theme";
import { loadDataset } from "../../src/data";
import { savingsAfterHardware } from "../../src/model";
import { evaluateHybridRoutingPanel, HYBRID_ROUTING_PANEL, shareKey, type HybridRoutingPanelInputs } from "../../src/panels";
import { DATA_2026_DIR, DATA_DIR } from "../helpers/data-folder";

const editions = [
  { name: "chapter", data: loadDataset(DATA_DIR) },
  { name: "2026", data: loadDataset(DATA_2026_DIR) },
];

/** The notebook's what-if inputs before the panel: shares as fractions, 20,000 calls a day, premium from 0.8. */
const NOTEBOOK_MIX = { simple_qa: 0.5, summarization: 0.3, code_debugging: 0.15, complex_analysis: 0.05 };
const notebookDefaults = {
  taskMixPercent: Object.fromEntries(Object.entries(NOTEBOOK_MIX).map(([type, share]) => [type, share * 100])),
  dailyVolume: 20_000,
  complexityThreshold: 0.8,
};

describe("the hybrid-routing what-if", () => {
  for (const edition of editions) {
    it(`prices any mix, volume and threshold as the notebook's router does, hardware paid (${edition.name})`, () => {
      const spec = hybridRoutingPanelSpec(edition.data);
      const setup = routerFromData(edition.data);
      const localUsd = routingLocalServer(edition.data).monthlyUsd;
      const types = spec.taskTypes.map((type) => type.id);
      fc.assert(
        fc.property(
          fc.nat(2_000_000),
          fc.integer({ min: 0, max: 100 }),
          fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: types.length, maxLength: types.length }),
          (dailyVolume, thresholdHundredths, tenths) => {
            fc.pre(tenths.some((value) => value > 0));
            const inputs: HybridRoutingPanelInputs = { dailyVolume, complexityThreshold: thresholdHundredths / 100 };
            types.forEach((type, index) => {
              inputs[shareKey(type)] = (tenths[index] as number) / 10;
            });
            const page = evaluateHybridRoutingPanel(spec, inputs);
            // The notebook's route: shares as fractions of the day's calls, the data's router and config.
            const total = tenths.reduce((sum, value) => sum + value, 0);
            const mix = Object.fromEntries(
              types.flatMap((type, index) => ((tenths[index] as number) > 0 ? [[type, (tenths[index] as number) / total]] : [])),
            );
            const estimate = setup.router.estimateMonthlySavings(mix, dailyVolume, {
              ...setup.config,
              complexityThreshold: thresholdHundredths / 100,
            });
            const paid = savingsAfterHardware(estimate, localUsd);
            expect(page.estimate.pureCloudMonthly).toBeCloseTo(estimate.pureCloudMonthly, 6);
            expect(page.estimate.hybridMonthly).toBeCloseTo(estimate.hybridMonthly, 6);
            expect(page.paid.hybridMonthly).toBeCloseTo(paid.hybridMonthly, 6);
            expect(page.paid.monthlySavings).toBeCloseTo(paid.monthlySavings, 6);
            expect(page.estimate.byTaskType.map((row) => row.tier)).toEqual(estimate.byTaskType.map((row) => row.tier));
          },
        ),
        { numRuns: 60 },
      );
    });

    it(`starts at the notebook's what-if: its figure is the 59.4c the notebook drew (${edition.name})`, () => {
      const { data } = edition;
      const spec = hybridRoutingPanelSpec(data, { defaults: notebookDefaults });
      const page = evaluateHybridRoutingPanel(spec, spec.defaults);
      const setup = routerFromData(data);
      const before = renumberFigure(
        tierCostFigure(data, setup.router.estimateMonthlySavings(NOTEBOOK_MIX, 20_000, { ...setup.config, complexityThreshold: 0.8 })),
        "59.4c",
      );
      expect(renumberFigure(page.figure, "59.4c")).toEqual(before);
      expect(page.summary).toMatch(
        /^At 20,000 calls a day, with the premium tier from complexity 0\.8, hybrid routing costs \$[\d,]+ a month: /,
      );
      expect(page.summary).toMatch(
        /with the hardware paid; as the chapter counts it, local calls free, it saves \$[\d,]+ a month \(\d+\.\d%\)\.$/,
      );
    });
  }

  it("offers the data's task types by their names, with the data's own mix by default", () => {
    const { data } = editions[0]!;
    const spec = hybridRoutingPanelSpec(data);
    const labels = HYBRID_ROUTING_PANEL.controls(spec).map((control) => ("range" in control ? control.range.label : control.label));
    expect(labels).toContain("Simple question answering (%)");
    expect(labels.join(" ")).not.toMatch(/_/);
    expect(spec.defaults[shareKey("simple_qa")]).toBe(35);
    expect(spec.defaults[shareKey("system_automation")]).toBe(0);
  });

  it("says so when the shares do not add up to 100%, and counts each as its part of their total", () => {
    const spec = hybridRoutingPanelSpec(editions[0]!.data, { defaults: notebookDefaults });
    const scaled = { ...spec.defaults, [shareKey("complex_analysis")]: 0 };
    const shown = evaluateHybridRoutingPanel(spec, scaled);
    expect(shown.summary).toMatch(/The shares add up to 95%, so each counts as its part of that total \(scaled to 100%\)\.$/);
    expect(shown.distribution.simple_qa).toBeCloseTo(50 / 95, 12);
    expect(evaluateHybridRoutingPanel(spec, spec.defaults).summary).not.toMatch(/add up to/);
  });

  it("refuses out-of-range input with the field's label, and a mix with no calls", () => {
    const spec = hybridRoutingPanelSpec(editions[0]!.data, { defaults: notebookDefaults });
    expect(() => evaluateHybridRoutingPanel(spec, { ...spec.defaults, dailyVolume: -1 })).toThrow(/Calls per day/);
    expect(() => evaluateHybridRoutingPanel(spec, { ...spec.defaults, complexityThreshold: 1.5 })).toThrow(/Premium from complexity/);
    expect(() => evaluateHybridRoutingPanel(spec, { ...spec.defaults, [shareKey("simple_qa")]: 120 })).toThrow(
      /Simple question answering \(%\) must be from 0 to 100, not 120/,
    );
    const none = Object.fromEntries(Object.entries(spec.defaults).map(([key, value]) => [key, key.startsWith("share.") ? 0 : value]));
    expect(() => evaluateHybridRoutingPanel(spec, none as HybridRoutingPanelInputs)).toThrow(/above 0%/);
  });
});
