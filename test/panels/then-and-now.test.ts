/**
 * The 59.11 what-if: the page's headlines at a multiple of the later edition's API prices against the notebook's
 * route (the edition's answers recomputed from its data with every API price scaled, and the conclusions drawn from them).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inCurrency } from "../../src/analysis/currency";
import {
  conclusions,
  editionAnswers,
  editionLabel,
  editionScenarios,
  headlineMoves,
  type EditionAnswers,
  thenAndNowFigure,
  thenAndNowPanelSpec,
  withApiPricesScaled,
} from "../../src/analysis/then-and-now";
import { editionParameters, loadDataset } from "../../src/data";
import { formatPercent } from "../../src/format";
import { evaluateThenAndNowPanel, type EditionHeadlines } from "../../src/panels";
import { DATA_2026_DIR, DATA_DIR } from "../helpers/data-folder";

const edition = (dir: string, currency = "USD") => {
  const data = inCurrency(loadDataset(dir), currency);
  const scenarios = editionScenarios(editionParameters(dir));
  return { data, scenarios, answers: editionAnswers(data, editionLabel(data), scenarios) };
};
const asSent = <T>(spec: T): T => JSON.parse(JSON.stringify(spec)) as T;
const folders = { then: "data", now: "data/2026-11" };

/** The notebook's route at a factor: the later edition's answers from its data with every API price scaled. */
function notebookAt(now: ReturnType<typeof edition>, factor: number): EditionAnswers {
  return editionAnswers(
    withApiPricesScaled(now.data, factor),
    `${now.answers.label} at ${formatPercent(factor * 100, 0)} of its API prices`,
    now.scenarios,
  );
}

function expectSameHeadlines(page: EditionHeadlines, notebook: EditionAnswers): void {
  expect(page.label).toBe(notebook.label);
  expect(page.qualityBenchmark).toBe(notebook.qualityBenchmark);
  page.cheapest.forEach((row, index) => {
    const other = notebook.cheapest[index]!;
    expect(row.tier).toBe(other.tier);
    expect(row.model?.modelName).toBe(other.model?.modelName);
    if (other.usdPerMonth === undefined) expect(row.usdPerMonth).toBeUndefined();
    else expect(row.usdPerMonth).toBeCloseTo(other.usdPerMonth, 6);
  });
  expect(page.scenarios.map((row) => [row.hardwareName, row.apiName, row.breakEvenDailyCalls])).toEqual(
    notebook.scenarios.map((row) => [row.hardwareName, row.apiName, row.breakEvenDailyCalls]),
  );
  for (const option of ["all_cloud", "all_local", "hybrid"] as const)
    expect(page.caseStudy.sized[option]).toBeCloseTo(notebook.caseStudy.sized[option], 6);
  expect(page.caseStudy.sizedDecision).toBe(notebook.caseStudy.sizedDecision);
  const { winner } = notebook.caseStudy;
  expect(page.caseStudy.winner && { ...page.caseStudy.winner, usdPerMonth: 0 }).toEqual(winner && { ...winner, usdPerMonth: 0 });
  if (winner) expect(page.caseStudy.winner?.usdPerMonth).toBeCloseTo(winner.usdPerMonth, 6);
  expect(page.routerSavingsPercent).toBeCloseTo(notebook.routerSavingsPercent, 9);
}

const pairs: { name: string; then: ReturnType<typeof edition>; now: ReturnType<typeof edition> }[] = [];
const chapter = edition(DATA_DIR);
pairs.push({ name: "chapter against 2026", then: chapter, now: edition(DATA_2026_DIR) });
// The chapter's report asks the chapter's edition of itself.
pairs.push({ name: "chapter against itself", then: chapter, now: chapter });

const specOf = (pair: (typeof pairs)[number], factor = 0.5) =>
  thenAndNowPanelSpec({ then: pair.then, now: pair.now }, { folders, defaults: { apiPriceFactor: factor } });

describe("the then-and-now what-if", () => {
  for (const pair of pairs) {
    it(`moves every headline and conclusion as the edition's answers at scaled prices do (${pair.name})`, () => {
      const spec = asSent(specOf(pair));
      // Whole percents of the later edition's prices, from 1% to 100 times.
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 10_000 }), (percent) => {
          const factor = percent / 100;
          const page = evaluateThenAndNowPanel(spec, { apiPriceFactor: factor });
          const notebook = notebookAt(pair.now, factor);
          expectSameHeadlines(page.then, pair.then.answers);
          expectSameHeadlines(page.whatIf, notebook);
          const verdicts = conclusions(pair.then.answers, notebook);
          expect(page.verdicts.map((verdict) => [verdict.claim, verdict.then, verdict.now])).toEqual(
            verdicts.map((verdict) => [verdict.claim, verdict.then, verdict.now]),
          );
          // The figure's bars, compared as numbers: a label's last digit may round apart ($7.695 against $7.6949999).
          const moves = headlineMoves(pair.then.answers, notebook);
          const shownMoves = headlineMoves(page.then, page.whatIf);
          expect(shownMoves.map((move) => [move.short, move.name])).toEqual(moves.map((move) => [move.short, move.name]));
          shownMoves.forEach((move, index) => {
            expect(move.now).toBeCloseTo(moves[index]!.now, 6);
          });
          const [drawn, shown] = [thenAndNowFigure(pair.then.answers, notebook, folders).data[0]!, page.figure.data[0]!];
          expect(shown.y).toEqual(drawn.y);
          (shown.x as number[]).forEach((x, index) => {
            expect(x).toBeCloseTo((drawn.x as number[])[index]!, 6);
          });
        }),
        { numRuns: 10, examples: [[3]] },
      );
    }, 120_000);
  }

  it("starts at the notebook's half price, with the figure and verdicts the notebook showed", () => {
    const pair = { name: "in yuan", then: edition(DATA_DIR, "CNY"), now: edition(DATA_2026_DIR, "CNY") };
    const spec = specOf(pair);
    const result = evaluateThenAndNowPanel(spec, spec.defaults);
    const notebook = notebookAt(pair.now, 0.5);
    const figure = thenAndNowFigure(pair.then.answers, notebook, folders);
    expect(result.figure.data[0]?.customdata).toEqual(figure.data[0]?.customdata);
    expect(result.figure.layout.title.text).toBe(figure.layout.title.text.replace(/^Figure 59\.11a —/, "Figure 59.11b —"));
    expect(result.verdicts.map((verdict) => verdict.evidence)).toEqual(
      conclusions(pair.then.answers, notebook).map((verdict) => verdict.evidence),
    );
    expect(result.summary).toMatch(
      /^At 50% of 2026-11's API prices, scenario 1 breaks even at [\d,]+ calls a day \([\d,]+ at full price\); scenario 2 at /,
    );
    expect(result.summary).toMatch(/\d of the chapter's 3 conclusions holds? \(\d at full price\)/);
  });

  it("refuses a factor outside its range rather than clamp it", () => {
    const spec = specOf(pairs[0]!);
    expect(() => evaluateThenAndNowPanel(spec, { apiPriceFactor: 0 })).toThrow(/API prices \(× the later edition's\) must be from 0\.01/);
  });
});
