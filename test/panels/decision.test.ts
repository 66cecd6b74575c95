/** The decision page's what-if: the page's evaluation against the notebook's pageDecision at random volumes. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayCurrency } from "../../src/analysis/currency";
import { bottomLine, decisionFigure, pageDecision } from "../../src/analysis/decision-page";
import { decisionPanelSpec } from "../../src/analysis/panels";
import { selectWorkload } from "../../src/analysis/workload";
import { renumberFigure } from "../../src/charts/theme";
import { loadDataset } from "../../src/data";
import { formatInteger } from "../../src/format";
import { evaluateDecisionPanel } from "../../src/panels";
import { DATA_2026_DIR, DATA_DIR } from "../helpers/data-folder";

/** Each edition with the decision notebook's parameters (the 2026 edition's from its parameters.json). */
const editions = [
  { name: "chapter", data: loadDataset(DATA_DIR), workloadId: "typical", currentModelId: "claude-3-5-sonnet", currency: "USD" },
  { name: "2026 agent", data: loadDataset(DATA_2026_DIR), workloadId: "agent-example", currentModelId: "claude-sonnet-5", currency: "USD" },
  { name: "chapter in yuan", data: loadDataset(DATA_DIR), workloadId: "typical", currentModelId: "claude-3-5-sonnet", currency: "CNY" },
];

type Edition = (typeof editions)[number];

const pageOptions = (edition: Edition) => ({
  workloadId: edition.workloadId,
  currentModelId: edition.currentModelId,
  scenarioId: "",
  targetUtilisation: 0.7,
});

const specOf = (edition: Edition) =>
  decisionPanelSpec(edition.data, { ...pageOptions(edition), currency: displayCurrency(edition.data, edition.currency) });

/** What the notebook's What-if cell showed before it became a panel: pageDecision on the workload at that volume. */
function notebookRoute(edition: Edition, callsPerDay: number) {
  const money = displayCurrency(edition.data, edition.currency);
  const data = selectWorkload(edition.data, { workloadId: edition.workloadId, callsPerDay });
  const decision = pageDecision(data, { ...pageOptions(edition), samples: 0 });
  return {
    decision,
    summary: `At ${formatInteger(decision.volume.callsPerDay)} ${decision.volume.unit}: ${bottomLine(decision, money)}`.replace(
      /\*\*/g,
      "",
    ),
    figure: renumberFigure(decisionFigure(data, decision, money), "D2"),
  };
}

function expectSame(edition: Edition, callsPerDay: number) {
  const page = evaluateDecisionPanel(specOf(edition), { callsPerDay });
  const notebook = notebookRoute(edition, callsPerDay);
  expect(page.options.map((option) => option.id)).toEqual(notebook.decision.options.map((option) => option.id));
  page.options.forEach((option, index) => {
    const other = notebook.decision.options[index]!;
    expect(option.usdPerMonth).toBeCloseTo(other.usdPerMonth, 6);
    expect(option.servers).toBe(other.servers);
    expect(option.eligible).toBe(other.eligible);
  });
  expect(page.verdict.winner?.id).toBe(notebook.decision.winner?.id);
  expect(page.verdict.cheaperAtLowerQuality?.id).toBe(notebook.decision.cheaperAtLowerQuality?.id);
  // The two routes add a month's parts in another order: at ten million a month that can move the last cent, so
  // whole money units are compared (the months themselves are held to 1e-6 above).
  const wholeUnits = (text: string) => text.replace(/(\d)\.\d{2}(?!\d)/g, "$1");
  expect(wholeUnits(page.summary).startsWith(wholeUnits(notebook.summary))).toBe(true);
  expect(page.figure.layout).toEqual(notebook.figure.layout);
  page.figure.data.forEach((trace, index) => {
    const other = notebook.figure.data[index]!;
    expect(trace.y).toEqual(other.y);
    for (const [point, x] of (trace.x as number[]).entries()) expect(x).toBeCloseTo((other.x as number[])[point]!, 6);
  });
  return { page, notebook };
}

describe("the decision's what-if", () => {
  for (const edition of editions) {
    it(`re-prices every option and states the bottom line as pageDecision does, at any volume (${edition.name})`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2_000_000 }), (callsPerDay) => {
          expectSame(edition, callsPerDay);
        }),
        // 1,027,545 calls a day once gave the chapter in yuan a month a cent apart on the two routes.
        { numRuns: 10, examples: [[1_027_545]] },
      );
    }, 120_000);
  }

  it("gives at the notebook's volume, twice today's, the summary and figure D2 it showed", () => {
    for (const edition of editions.slice(0, 2)) {
      const spec = specOf(edition);
      const volume = Math.round(spec.calendarCallsPerDay * 2);
      const { page } = expectSame(edition, volume);
      expect(page.figure.layout.title.text).toMatch(/^Figure D2 — Every option for this workload, USD a month/);
    }
  }, 60_000);

  it("says how many servers a volume needs, and when one is not enough", () => {
    for (const edition of editions.slice(0, 2)) {
      const spec = specOf(edition);
      for (const callsPerDay of [10, 2_000_000]) {
        const result = evaluateDecisionPanel(spec, { callsPerDay });
        const hosted = result.options.find((option) => option.servers !== undefined && option.passesRules)!;
        expect(hosted.servers).toBeGreaterThan(0);
        const servers = hosted.servers === 1 ? "1 server" : `${formatInteger(hosted.servers!)} servers`;
        expect(result.summary).toContain(`with ${servers} for its busiest hour${hosted.servers! > 1 ? ": one is not enough" : ""}.`);
      }
      expect(evaluateDecisionPanel(spec, { callsPerDay: 2_000_000 }).summary).toContain("one is not enough");
    }
  });

  it("refuses a volume outside its range rather than clamp it", () => {
    const spec = specOf(editions[0]!);
    expect(() => evaluateDecisionPanel(spec, { callsPerDay: -1 })).toThrow(/Calls per day must be from 0/);
    expect(() => evaluateDecisionPanel(spec, { callsPerDay: 2.5 })).toThrow(/Calls per day must be a whole number/);
  });
});
