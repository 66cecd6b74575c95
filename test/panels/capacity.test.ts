import fc from "fast-check";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { batchedWhatIf, capacityPanelSpec, caseStudyCapacity } from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { evaluateCapacityPanel } from "../../src/panels/capacity";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

describe("the 59.7 capacity what-if panel", () => {
  const spec = capacityPanelSpec(data);

  it("starts from the case study: 11 servers on its defaults", () => {
    const result = evaluateCapacityPanel(spec, spec.defaults);
    // 11 x 393.33 of hardware + 300 x (1 + 0.25 x 10) of operations.
    expect(result.allLocal).toEqual({ machines: 11, totalUsd: expect.closeTo(5376.67, 2) });
    expect(result.hybrid.machines).toBe(5);
    // 77,500 calls x Hermes 4's $0.00855 (8,000 x $0.90/M + 1,500 x $0.90/M).
    expect(result.allCloudUsd).toBeCloseTo(662.625, 6);
    expect(result.summary).toContain("all local needs 11 servers, $5,376.67 a month");
    expect(result.figure.layout.title.text).toBe("Figure 59.7w — servers needed for your throughput and traffic");
  });

  it("needs fewer servers with batching, a flatter day or a higher utilisation target", () => {
    const batched = evaluateCapacityPanel(spec, {
      ...spec.defaults,
      serving: "batched",
      outputTokensPerSecond: 150,
      promptTokensPerSecond: 1500,
    });
    expect(batched.allLocal.machines).toBe(2);
    expect(evaluateCapacityPanel(spec, { ...spec.defaults, profileId: "flat-24h" }).allLocal.machines).toBe(5);
    expect(evaluateCapacityPanel(spec, { ...spec.defaults, targetUtilisationPercent: 100 }).allLocal.machines).toBe(8);
  });

  it("refuses a zero throughput and a utilisation outside 1–100% rather than clamp them", () => {
    expect(() => evaluateCapacityPanel(spec, { ...spec.defaults, outputTokensPerSecond: 0 })).toThrow(
      "Output tokens/s per server must be from 0.01 to 1,000,000, not 0",
    );
    expect(() => evaluateCapacityPanel(spec, { ...spec.defaults, targetUtilisationPercent: 0 })).toThrow(
      "Planned utilisation (%) must be from 1 to 100, not 0",
    );
    expect(() => evaluateCapacityPanel(spec, { ...spec.defaults, targetUtilisationPercent: 150 })).toThrow(
      "Planned utilisation (%) must be from 1 to 100, not 150",
    );
    expect(() => evaluateCapacityPanel(spec, { ...spec.defaults, weekdayCallsPerDay: Number.NaN })).toThrow(
      "Weekday calls per day needs a number from 0 to 100,000,000",
    );
  });

  it("starts from defaults that fit their inputs' steps", () => {
    expect(() => evaluateCapacityPanel(spec, spec.defaults)).not.toThrow();
    expect(spec.defaults.outputTokensPerSecond).toBe(19.06);
    expect(spec.defaults.promptTokensPerSecond).toBe(905.38);
  });
});

/** The 59.7 what-if: the page's evaluation against the notebook's route (`batchedWhatIf`), on random rates and volumes. */
describe("the 59.7 what-if: a batching server", () => {
  const editions = [
    { name: "chapter", data },
    { name: "2026", data: loadDataset(path.join(DATA_DIR, "2026-11")) },
  ];
  for (const edition of editions) {
    it(`sizes and prices the case study's options as batchedWhatIf does (${edition.name})`, () => {
      const spec = capacityPanelSpec(edition.data, { scenarioId: "saas-export", targetUtilisation: 0.7 });
      const study = caseStudyCapacity(edition.data, { scenarioId: "saas-export", targetUtilisation: 0.7 });
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 500_000 }).map((hundredths) => hundredths / 100),
          fc.integer({ min: 1, max: 5_000_000 }).map((hundredths) => hundredths / 100),
          fc.nat(200_000),
          fc.integer({ min: 1, max: 100 }),
          (outputTokensPerSecond, promptTokensPerSecond, weekdayCallsPerDay, targetUtilisationPercent) => {
            const page = evaluateCapacityPanel(spec, {
              ...spec.defaults,
              serving: "batched",
              outputTokensPerSecond,
              promptTokensPerSecond,
              weekdayCallsPerDay,
              targetUtilisationPercent,
            });
            const notebook = batchedWhatIf(edition.data, study, {
              outputTokensPerSecond,
              promptTokensPerSecond,
              weekdayCallsPerDay,
              targetUtilisation: targetUtilisationPercent / 100,
            });
            expect(page.callsPerDayPerMachine).toBeCloseTo(notebook.fleet.callsPerDayPerMachine, 6);
            const [cloud, local, hybrid] = notebook.result.options;
            expect(page.allLocal.machines).toBe(local?.machines);
            expect(page.allLocal.totalUsd).toBeCloseTo(local?.totalUsd ?? Number.NaN, 6);
            expect(page.hybrid.machines).toBe(hybrid?.machines);
            expect(page.hybrid.totalUsd).toBeCloseTo(hybrid?.totalUsd ?? Number.NaN, 6);
            expect(page.allCloudUsd).toBeCloseTo(cloud?.totalUsd ?? Number.NaN, 6);
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it("starts where the notebook's what-if did: 150 and 1,500 tokens/s batched at 3,000 weekday calls, Figure 59.7c's lines", () => {
    const spec = capacityPanelSpec(data, {
      scenarioId: "saas-export",
      targetUtilisation: 0.7,
      maxCallsPerDay: 10_000,
      defaults: { serving: "batched", outputTokensPerSecond: 150, promptTokensPerSecond: 1500, weekdayCallsPerDay: 3000 },
    });
    const page = evaluateCapacityPanel(spec, spec.defaults);
    const study = caseStudyCapacity(data, { scenarioId: "saas-export", targetUtilisation: 0.7 });
    const notebook = batchedWhatIf(data, study, {
      outputTokensPerSecond: 150,
      promptTokensPerSecond: 1500,
      weekdayCallsPerDay: 3000,
      targetUtilisation: 0.7,
      maxCallsPerDay: 10_000,
    });
    // The same traces: the measured single-stream server, the batched what-if, and the servers each needs at 3,000 a day.
    expect(page.figure.data).toEqual(notebook.figure.data);
    expect(page.allLocal.machines).toBe(2);
    expect(page.summary).toContain("all local needs 2 servers");
  });
});
