/** The 59.1 what-if: the page's evaluation against the notebook's route through the analysis layer, on random inputs. */
import fc from "fast-check";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { cloudCostTable } from "../../src/analysis/cost";
import { findWorkload } from "../../src/analysis/lookup";
import { monthlyCostPanelSpec } from "../../src/analysis/panels";
import { selectWorkload, workloadAtVolume } from "../../src/analysis/workload";
import { loadDataset } from "../../src/data";
import { evaluateMonthlyCostPanel } from "../../src/panels";
import { DATA_DIR } from "../helpers/data-folder";

const editions = [
  // The chapter's alike days; the 2026 agent: weekdays only, New York hours, cache reads and reasoning tokens.
  { name: "chapter", data: loadDataset(DATA_DIR), localHardwareId: "a100x4-70b" },
  {
    name: "2026 agent",
    data: selectWorkload(loadDataset(path.join(DATA_DIR, "2026-11")), { workloadId: "agent-example" }),
    localHardwareId: "h100x1-70b",
  },
];

describe("the monthly-cost what-if", () => {
  for (const edition of editions) {
    it(`bills every model as the notebook's cost table does, at any volume and call size (${edition.name})`, () => {
      const spec = monthlyCostPanelSpec(edition.data, { localHardwareId: edition.localHardwareId });
      const workload = findWorkload(edition.data);
      fc.assert(
        fc.property(fc.nat(2_000_000), fc.nat(200_000), fc.nat(20_000), (callsPerDay, inputTokensPerCall, outputTokensPerCall) => {
          const page = evaluateMonthlyCostPanel(spec, { callsPerDay, inputTokensPerCall, outputTokensPerCall });
          const notebook = cloudCostTable(edition.data, {
            ...workloadAtVolume(workload, callsPerDay),
            inputTokensPerCall,
            outputTokensPerCall,
          });
          expect(page.rows.map((row) => row.modelId)).toEqual(notebook.map((row) => row.model.modelId));
          page.rows.forEach((row, index) => {
            expect(row.usdPerMonth).toBeCloseTo(notebook[index]!.usdPerMonth, 6);
          });
        }),
        { numRuns: 40 },
      );
    });
  }

  it("starts at the workload's own month: its default figure is 59.1a's", () => {
    const { data } = editions[1]!;
    const spec = monthlyCostPanelSpec(data, { localHardwareId: "h100x1-70b" });
    const result = evaluateMonthlyCostPanel(spec, spec.defaults);
    const table = cloudCostTable(data);
    for (const row of result.rows)
      expect(row.usdPerMonth).toBeCloseTo(table.find((entry) => entry.model.modelId === row.modelId)!.usdPerMonth, 6);
    expect(result.figure.layout.title.text).toMatch(/^Figure 59\.1w — /);
    expect(result.summary).toMatch(
      /^At 20,000 calls a weekday, the cheapest model is .+ a month at any volume, \$[\d,]+\.\d\d (more|less) than .+\.$/,
    );
    // The difference stated is the local server's month less the cheapest model's.
    const cheapest = result.cheapest!;
    const stated = Number(/, \$([\d,.]+) (?:more|less) than/.exec(result.summary)![1]!.replace(/,/g, ""));
    expect(stated).toBeCloseTo(Math.abs(spec.local.usdPerMonth - cheapest.usdPerMonth), 2);
  });

  it("refuses a volume outside its range rather than clamp it", () => {
    const spec = monthlyCostPanelSpec(editions[0]!.data, { localHardwareId: "a100x4-70b" });
    expect(() => evaluateMonthlyCostPanel(spec, { ...spec.defaults, callsPerDay: -1 })).toThrow(/Calls per day/);
  });
});
