import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { cheapestByQualityTier, conclusions, editionAnswers, editionLabel, editionScenarios, headlineMoves, qualityTierOf, thenAndNowFigure } from "../../src/analysis";
import { percentChange } from "../../src/charts";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";

const chapter = loadDataset(DATA_DIR);
const CHAPTER_SCENARIOS = [
  { hardwareId: "a100x4-70b", apiModelId: "claude-3-5-sonnet" },
  { hardwareId: "rtx4090-server", apiModelId: "gpt-4o" },
];

describe("quality tiers", () => {
  it("reads a model's tier from its own column, else from the chapter's stars: 5 frontier, 4 mid, 3 small", () => {
    const model = chapter.models.find((row) => row.modelId === "gpt-4o")!;
    expect(qualityTierOf(model)).toBe("frontier");
    expect(qualityTierOf({ ...model, qualityStars: 4 })).toBe("mid");
    expect(qualityTierOf({ ...model, qualityStars: 3 })).toBe("small");
    expect(qualityTierOf({ ...model, qualityStars: 3, qualityTier: "frontier" })).toBe("frontier");
    expect(qualityTierOf({ ...model, qualityStars: undefined })).toBeUndefined();
  });

  it("finds the chapter's cheapest per tier at 1,000 calls of 8,000 + 1,500 tokens a day", () => {
    // Gemini 1.5 Pro: (8,000 x 1.25 + 1,500 x 5) / 1e6 x 30,000 = $525; GPT-4o-mini (0.15/0.60): $63; Hermes 3 8B (0.20/0.20): $57.
    expect(cheapestByQualityTier(chapter).map((row) => [row.tier, row.model?.modelId, Number(row.usdPerMonth?.toFixed(2))])).toEqual([
      ["frontier", "gemini-1.5-pro", 525],
      ["mid", "gpt-4o-mini", 63],
      ["small", "hermes-3-8b", 57],
    ]);
  });
});

describe("two editions side by side", () => {
  it("names the scenarios an edition's parameters give, and refuses parameters without them", () => {
    expect(editionScenarios({ scenarioOneHardwareId: "a", scenarioOneApiModelId: "b", scenarioTwoHardwareId: "c", scenarioTwoApiModelId: "d" })).toEqual([
      { hardwareId: "a", apiModelId: "b" },
      { hardwareId: "c", apiModelId: "d" },
    ]);
    expect(() => editionScenarios({})).toThrow("the edition's parameters.json gives no scenarioOneHardwareId");
  });

  it("answers the chapter's questions from its data: 3,109 calls a day for the A100 server against Claude", () => {
    const answers = editionAnswers(chapter, editionLabel(chapter), CHAPTER_SCENARIOS);
    expect(answers.label).toBe("2025-09");
    expect(Math.floor(answers.scenarios[0]!.breakEvenDailyCalls)).toBe(3109);
    expect(answers.caseStudy.servers).toBe(11);
    expect(answers.routerSavingsPercent).toBeCloseTo(55, 6);
  });

  it("moves every headline a re-price touches: Claude and Hermes 4 at half price double scenario 1's break-even", () => {
    const copy = copyOfData({
      "models.csv": (text) => text.replace("Anthropic,3.00,15.00", "Anthropic,1.50,7.50").replace("Together AI,0.90,0.90", "Together AI,0.45,0.45"),
    });
    try {
      const later = loadDataset(copy.dir);
      const [then, now] = [editionAnswers(chapter, "then", CHAPTER_SCENARIOS), editionAnswers(later, "now", CHAPTER_SCENARIOS)];
      const moves = headlineMoves(then, now);
      const scenarioOne = moves.find((move) => move.name.startsWith("scenario 1"))!;
      expect(percentChange(scenarioOne)).toBeCloseTo(100, 6);
      // Gemini stays the cheapest frontier model ($525): Claude at half price is $697.50.
      expect(percentChange(moves.find((move) => move.name.startsWith("frontier"))!)).toBe(0);
      // The case study's cloud part is Hermes 4: all-cloud halves.
      expect(percentChange(moves.find((move) => move.name === "all cloud")!)).toBeCloseTo(-50, 6);
      const figure = thenAndNowFigure(then, now, { then: "data", now: "copy" });
      expect(figure.layout.title.text).toBe("Figure 59.11a — How the chapter's headlines moved, then to now");
      expect((figure.data[0]!.x as number[]).length).toBe(moves.length);
    } finally {
      copy.dispose();
    }
  });

  it("tests each conclusion against both editions with its numbers", () => {
    const answers = editionAnswers(chapter, "2025-09", CHAPTER_SCENARIOS);
    const result = conclusions(answers, answers);
    expect(result.map((row) => [row.then, row.now])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
    expect(result[0]!.evidence).toContain("scenario 1 breaks even at 3,109 calls a day in 2025-09");
  });
});
