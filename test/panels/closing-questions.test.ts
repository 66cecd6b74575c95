/** The 59.9 what-if: the page's evaluation against the notebook's route through the analysis layer, on random inputs. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { modelSwitchTest } from "../../src/analysis/ab-test";
import { failoverFromData } from "../../src/analysis/failover";
import { findHardware, findWorkload } from "../../src/analysis/lookup";
import { closingQuestionsPanelSpec } from "../../src/analysis/panels";
import { gpuConfigurations, vramFigure, vramTable } from "../../src/analysis/vram";
import { renumberFigure } from "../../src/charts/theme";
import { loadDataset, type Dataset } from "../../src/data";
import { CLOSING_QUESTIONS_PANEL, evaluateClosingQuestionsPanel, type ClosingQuestionsPanelInputs } from "../../src/panels";
import { DATA_2026_DIR, DATA_DIR } from "../helpers/data-folder";

/** Each edition with the 59.9 notebook's parameters (the 2026 edition's from its parameters.json). */
const editions = [
  {
    name: "chapter",
    data: loadDataset(DATA_DIR),
    failoverScenarioId: "a100-claude",
    ab: { abBaselineModelId: "claude-3-5-sonnet", abCandidateModelId: "hermes-4-70b", abBenchmark: "GAIA Level 1" },
  },
  {
    name: "2026",
    data: loadDataset(DATA_2026_DIR),
    failoverScenarioId: "h100-sonnet",
    ab: { abBaselineModelId: "claude-haiku-4-5", abCandidateModelId: "gpt-oss-20b", abBenchmark: "Terminal-Bench 2.0" },
  },
];

const NOTEBOOK_DEFAULTS: ClosingQuestionsPanelInputs = {
  contextTokens: 32000,
  concurrentSequences: 4,
  downtimeHoursPerMonth: 24,
  testSharePercent: 10,
  callsPerTask: 10,
};

/** The model the case study's server stands in for, as the notebook finds it. */
const vramModelIdOf = (data: Dataset) => findHardware(data, data.caseStudy[0]?.localHardwareId ?? "").servesModelId ?? "";

function specOf(edition: (typeof editions)[number], defaults = NOTEBOOK_DEFAULTS) {
  return closingQuestionsPanelSpec(edition.data, {
    vramModelId: vramModelIdOf(edition.data),
    overheadGibPerGpu: 1,
    failoverScenarioId: edition.failoverScenarioId,
    ...edition.ab,
    abCallsPerDay: 3000,
    abTestShare: 0.5,
    abCallsPerTask: 5,
    defaults,
  });
}

/** What the notebook's What-if cell computed before it became a panel, by the analysis layer's functions. */
function notebookRoute(edition: (typeof editions)[number], inputs: ClosingQuestionsPanelInputs) {
  const { data } = edition;
  const configurations = gpuConfigurations(data);
  const sizing = { contextTokens: inputs.contextTokens, concurrentSequences: inputs.concurrentSequences, overheadGibPerGpu: 1 };
  const cells = vramTable(data, sizing).filter((cell) => cell.modelId === vramModelIdOf(data));
  const test = (testShare: number, callsPerTask: number) =>
    modelSwitchTest(data, {
      ...edition.ab,
      baselineModelId: edition.ab.abBaselineModelId,
      candidateModelId: edition.ab.abCandidateModelId,
      benchmark: edition.ab.abBenchmark,
      callsPerDay: 3000,
      testShare,
      callsPerTask,
    }).plan;
  return {
    cells: cells.map((cell) => ({
      quantId: cell.quantId,
      gib: cell.weightsGib + cell.kvCacheGib,
      smallestFit: configurations.find((config) => cell.fits[config.label])?.label,
    })),
    failover: failoverFromData(data, edition.failoverScenarioId, { localDowntimeHoursPerMonth: inputs.downtimeHoursPerMonth }).result,
    smallerShare: test(inputs.testSharePercent / 100, 5),
    longerTasks: test(0.5, inputs.callsPerTask),
    figure: renumberFigure(vramFigure(data, sizing), "59.9e"),
  };
}

describe("the closing questions' what-if", () => {
  for (const edition of editions) {
    it(`answers the four questions as the notebook's route does, at any inputs (${edition.name})`, () => {
      const spec = specOf(edition);
      const hours = 24 * findWorkload(edition.data).daysPerMonth;
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 400_000 }),
          fc.integer({ min: 1, max: 64 }),
          fc.integer({ min: 0, max: hours * 2 }),
          fc.integer({ min: 1, max: 100 }),
          fc.integer({ min: 10, max: 1000 }),
          (contextTokens, concurrentSequences, halfHours, testSharePercent, tenthsPerTask) => {
            const inputs = {
              contextTokens,
              concurrentSequences,
              downtimeHoursPerMonth: halfHours / 2,
              testSharePercent,
              callsPerTask: tenthsPerTask / 10,
            };
            const page = evaluateClosingQuestionsPanel(spec, inputs);
            const notebook = notebookRoute(edition, inputs);
            const focus = page.cells.filter((cell) => cell.modelId === spec.vram.focusModelId);
            expect(focus.map((cell) => cell.quantId)).toEqual(notebook.cells.map((cell) => cell.quantId));
            focus.forEach((cell, index) => {
              expect(cell.weightsGib + cell.kvCacheGib).toBeCloseTo(notebook.cells[index]!.gib, 9);
              expect(cell.smallestFit).toBe(notebook.cells[index]!.smallestFit);
            });
            expect(page.failover.availabilityWithFailover).toBeCloseTo(notebook.failover.availabilityWithFailover, 12);
            expect(page.failover.cloudUsdPerMonth).toBeCloseTo(notebook.failover.cloudUsdPerMonth, 6);
            expect(page.smallerShare).toEqual(notebook.smallerShare);
            expect(page.longerTasks).toEqual(notebook.longerTasks);
            expect(page.figure.data).toEqual(notebook.figure.data);
            expect(page.figure.layout).toEqual(notebook.figure.layout);
          },
        ),
        { numRuns: 30 },
      );
    });
  }

  it("gives at the notebook's inputs the figure 59.9e it showed, and says which configuration holds the model", () => {
    const edition = editions[0]!;
    const result = evaluateClosingQuestionsPanel(specOf(edition), NOTEBOOK_DEFAULTS);
    const before = notebookRoute(edition, NOTEBOOK_DEFAULTS);
    expect(result.figure).toEqual(before.figure);
    expect(result.figure.layout.title.text).toMatch(/^Figure 59\.9e — GPU memory by bit width: 32,000-token context × 4 sequences$/);
    for (const cell of before.cells)
      expect(result.summary).toContain(
        `${cell.gib.toFixed(0)} GiB at ${cell.quantId.toUpperCase()} (${cell.smallestFit ? `smallest fit: ${cell.smallestFit}` : "no configuration holds it"})`,
      );
    expect(result.summary).toContain(`${(before.failover.availabilityWithFailover * 100).toFixed(3)}%`);
    expect(result.summary).toContain(`takes ${before.smallerShare.days} days`);
    expect(result.summary).toMatch(/the fallback costs \$[\d,]+ a month, \$[\d,]+ more than at the data's 7\.2 h\./);
  });

  it("warns when no configuration holds the model", () => {
    const spec = specOf(editions[0]!);
    const result = evaluateClosingQuestionsPanel(spec, { ...NOTEBOOK_DEFAULTS, contextTokens: 1_000_000, concurrentSequences: 64 });
    expect(result.summary).toMatch(/^No GPU configuration in the data holds .+ at 1,000,000 tokens × 64 sequences, at any bit width/);
  });

  it("leaves the bars' labels to a tap on a phone, keeping each configuration's line and its label", () => {
    const spec = specOf(editions[1]!);
    const wide = CLOSING_QUESTIONS_PANEL.show(spec, spec.defaults, { narrow: false }).figure;
    const narrow = CLOSING_QUESTIONS_PANEL.show(spec, spec.defaults, { narrow: true }).figure;
    const onBars = (figure: typeof wide) => (figure.layout.annotations ?? []).filter((annotation) => annotation.xref === "x").length;
    expect(onBars(wide)).toBeGreaterThan(20);
    expect(onBars(narrow)).toBe(0);
    expect(narrow.layout.annotations!.length).toBe(wide.layout.annotations!.length - onBars(wide));
    expect(narrow.data).toEqual(wide.data);
  });

  it("refuses an input outside its range rather than clamp it", () => {
    const spec = specOf(editions[0]!);
    expect(() => evaluateClosingQuestionsPanel(spec, { ...NOTEBOOK_DEFAULTS, testSharePercent: 0 })).toThrow(
      /Traffic in the A\/B test \(%\)/,
    );
    expect(() => evaluateClosingQuestionsPanel(spec, { ...NOTEBOOK_DEFAULTS, downtimeHoursPerMonth: 721 })).toThrow(
      /Local downtime \(hours a month\) must be from 0 to 720/,
    );
  });
});
