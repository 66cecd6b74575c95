/** The 59.2 what-if: the page's matrix against a budget, against the notebook's route through the cost table, on random inputs. */
import fc from "fast-check";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { cloudCostTable } from "../../src/analysis/cost";
import { inCurrency, usdIn } from "../../src/analysis/currency";
import { findWorkload } from "../../src/analysis/lookup";
import { costMatrixFigure, priceMatrixPanelSpec } from "../../src/analysis/price-matrix";
import { selectWorkload } from "../../src/analysis/workload";
import { loadDataset } from "../../src/data";
import { evaluatePriceMatrixPanel } from "../../src/panels";
import { DATA_DIR } from "../helpers/data-folder";

const later = loadDataset(path.join(DATA_DIR, "2026-11"));
const editions = [
  { name: "chapter", data: loadDataset(DATA_DIR) },
  { name: "2026, typical", data: selectWorkload(later, { workloadId: "typical" }) },
  // Weekdays only, New York hours, cached reads and reasoning tokens: a call's average cost comes from its month.
  { name: "2026, agent", data: selectWorkload(later, { workloadId: "agent-example" }) },
];
const asSent = <T>(spec: T): T => JSON.parse(JSON.stringify(spec)) as T;
const defaults = { firstCallsPerDay: 2000, secondCallsPerDay: 4000, thirdCallsPerDay: 8000, budgetUsdPerMonth: 1500 };

describe("the price-matrix what-if", () => {
  for (const edition of editions) {
    it(`prices every model at any three volumes as the cost table does, and counts what fits the budget (${edition.name})`, () => {
      const spec = asSent(priceMatrixPanelSpec(edition.data, { defaults }));
      const workload = findWorkload(edition.data);
      const table = cloudCostTable(edition.data, workload);
      const calls = fc.integer({ min: 1, max: 5_000_000 });
      fc.assert(
        fc.property(calls, calls, calls, fc.integer({ min: 0, max: 50_000_000 }), (first, second, third, cents) => {
          const budget = cents / 100;
          const inputs = { firstCallsPerDay: first, secondCallsPerDay: second, thirdCallsPerDay: third, budgetUsdPerMonth: budget };
          const page = evaluatePriceMatrixPanel(spec, inputs);
          for (const volume of [first, second, third]) {
            // The notebook's route: a model's month is its average call times the day's calls times the workload's days.
            const months = table.map((row) => ({ id: row.model.modelId, usd: volume * row.usdPerCall * workload.daysPerMonth }));
            for (const month of months) {
              const cell = page.cells.find((candidate) => candidate.modelId === month.id && candidate.callsPerDay === volume);
              expect(cell?.usdPerMonth).toBeCloseTo(month.usd, 6);
            }
            const fit = page.fits.find((candidate) => candidate.callsPerDay === volume);
            expect(fit?.fitting.map((cell) => cell.modelId).sort()).toEqual(
              months
                .filter((month) => month.usd <= budget)
                .map((month) => month.id)
                .sort(),
            );
            expect(fit?.cheapest?.usdPerMonth).toBeCloseTo(Math.min(...months.map((month) => month.usd)), 6);
          }
          expect(page.fits.map((fit) => fit.callsPerDay)).toEqual([...new Set([first, second, third])].sort((a, b) => a - b));
        }),
        { numRuns: 40 },
      );
    });
  }

  it("starts at the notebook's volumes and budget, with the matrix the notebook showed and the cells over the budget marked", () => {
    const data = inCurrency(loadDataset(DATA_DIR), "CNY");
    const budget = usdIn(data, 1500);
    const spec = priceMatrixPanelSpec(data, { defaults: { ...defaults, budgetUsdPerMonth: budget } });
    const result = evaluatePriceMatrixPanel(spec, spec.defaults);
    const before = costMatrixFigure(data, [2000, 4000, 8000]).data[0] as unknown as {
      x: string[];
      y: string[];
      customdata: number[][];
      text: string[][];
    };
    const [heat] = result.figure.data as unknown as [typeof before];
    expect(heat.x).toEqual(before.x);
    expect(heat.y).toEqual(before.y);
    expect(heat.customdata).toEqual(before.customdata);
    heat.text.forEach((row, i) => {
      row.forEach((text, j) => {
        expect(text).toBe(`${before.text[i]![j]}${before.customdata[i]![j]! > budget ? " (over)" : ""}`);
      });
    });
    expect(result.figure.layout.title.text).toBe("Figure 59.2d — Cost matrix against a budget of $10,500 a month");
    expect(result.summary).toMatch(
      /^Against a budget of \$10,500 a month: at 2,000 calls a day \d+ of 9 models fit, the cheapest .+ a month, \$[\d,]+ under; at 4,000/,
    );
  });

  it("says by how much the cheapest model is over when none fits", () => {
    const spec = priceMatrixPanelSpec(editions[0]!.data, { defaults });
    const result = evaluatePriceMatrixPanel(spec, { ...defaults, thirdCallsPerDay: 10_000_000, budgetUsdPerMonth: 10 });
    expect(result.summary).toMatch(/at 10,000,000 calls a day none fits: the cheapest, .+, costs \$[\d,]+ a month, \$[\d,]+ over\.$/);
  });

  it("refuses a volume or budget outside its range rather than clamp it", () => {
    const spec = priceMatrixPanelSpec(editions[0]!.data, { defaults });
    expect(() => evaluatePriceMatrixPanel(spec, { ...defaults, secondCallsPerDay: 0 })).toThrow(
      /Second volume \(calls a day\) must be from 1/,
    );
    expect(() => evaluatePriceMatrixPanel(spec, { ...defaults, budgetUsdPerMonth: -5 })).toThrow(/Budget \(\$ a month\)/);
  });
});
