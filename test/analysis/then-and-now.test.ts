import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import {
  cheapestByQualityTier,
  conclusions,
  editionAnswers,
  editionLabel,
  editionScenarios,
  headlineMoves,
  thenAndNowFigure,
  tiersComparable,
} from "../../src/analysis";
import { percentChange } from "../../src/charts";
import { copyOfData, DATA_2026_DIR, DATA_DIR } from "../helpers/data-folder";

const chapter = loadDataset(DATA_DIR);
const CHAPTER_SCENARIOS = [
  { hardwareId: "a100x4-70b", apiModelId: "claude-3-5-sonnet" },
  { hardwareId: "rtx4090-server", apiModelId: "gpt-4o" },
];

describe("quality tiers", () => {
  it("finds the chapter's cheapest per score tier at 1,000 calls of 8,000 + 1,500 tokens a day: every scored model is within 10% of GPT-4o's 72.1 AgentBench points", () => {
    // Hermes 4 70B on Together AI (0.90/0.90): (8,000 + 1,500) x 0.90 / 1e6 x 30,000 = $256.50, 68.4 points, 94.9% of 72.1.
    expect(
      cheapestByQualityTier(chapter).map((row) => [
        row.tier,
        row.model?.modelId,
        row.usdPerMonth === undefined ? undefined : Number(row.usdPerMonth.toFixed(2)),
      ]),
    ).toEqual([
      ["top", "hermes-4-70b", 256.5],
      ["middle", undefined, undefined],
      ["low", undefined, undefined],
    ]);
  });

  it("tiers the 2026 edition by its Terminal-Bench 2.0 scores: Gemini 3.1 Pro's 68.5% alone is top, gpt-oss-20b at (8,000 x 0.075 + 1,500 x 0.30) / 1e6 x 30,000 = $31.50 the cheapest low, and no unscored model borrows a tier", () => {
    const later = loadDataset(DATA_2026_DIR);
    const rows = cheapestByQualityTier(later);
    expect(rows.map((row) => [row.tier, row.model?.modelId])).toEqual([
      ["top", "gemini-3.1-pro-preview"],
      ["middle", undefined],
      ["low", "gpt-oss-20b"],
    ]);
    expect(Number(rows[2]!.usdPerMonth?.toFixed(2))).toBe(31.5);
  });
});

describe("two editions side by side", () => {
  it("names the scenarios an edition's parameters give, and refuses parameters without them", () => {
    expect(
      editionScenarios({ scenarioOneHardwareId: "a", scenarioOneApiModelId: "b", scenarioTwoHardwareId: "c", scenarioTwoApiModelId: "d" }),
    ).toEqual([
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
      "models.csv": (text) =>
        text.replace("Anthropic,3.00,15.00", "Anthropic,1.50,7.50").replace("Together AI,0.90,0.90", "Together AI,0.45,0.45"),
    });
    try {
      const later = loadDataset(copy.dir);
      const [then, now] = [editionAnswers(chapter, "then", CHAPTER_SCENARIOS), editionAnswers(later, "now", CHAPTER_SCENARIOS)];
      const moves = headlineMoves(then, now);
      const scenarioOne = moves.find((move) => move.name.startsWith("scenario 1"))!;
      expect(percentChange(scenarioOne)).toBeCloseTo(100, 6);
      // Hermes 4 70B at half price stays the cheapest top-tier model: $256.50 halves to $128.25.
      expect(percentChange(moves.find((move) => move.name.startsWith("top"))!)).toBeCloseTo(-50, 6);
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
      // Over every model and server under the residency rule, one RTX 4090 running Llama 3 8B on site costs less than any hybrid.
      [false, false],
    ]);
    expect(result[0]!.evidence).toContain(
      "in 2025-09 scenario 1 breaks even at 3,109 calls a day (4x A100 80GB (Hermes 3 70B) vs Claude 3.5 Sonnet), scenario 2 breaks even at 822 calls a day (RTX 4090 server vs GPT-4o)",
    );
    expect(result[0]!.evidence).toContain("(it holds where every scenario breaks even at 800 or more)");
    expect(result[2]!.evidence).toContain(
      "the cheapest compliant option in 2025-09 is Buy 1x RTX 4090 (Llama 3 8B), buy, at $1,060.00 (quality against today's: no shared score)",
    );
  });

  it("asks the case study's question of every model, server and rental: in 2026-11 DeepSeek V3.2 at 77,500 x (8,000 x $0.2288 + 1,500 x $0.3432) / 1M = $181.75 is cheaper than all local at $480.29", () => {
    const later = loadDataset(DATA_2026_DIR);
    const answers = editionAnswers(later, "2026-11", [
      { hardwareId: "h100x1-70b", apiModelId: "claude-sonnet-5" },
      { hardwareId: "rtx5090-ws", apiModelId: "gpt-6-sol" },
    ]);
    expect(answers.caseStudy.winner).toMatchObject({ name: "DeepSeek V3.2", kind: "api" });
    expect(Math.round((answers.caseStudy.winner?.usdPerMonth ?? 0) * 100) / 100).toBe(181.75);
    expect(answers.caseStudy.sizedDecision).toBe("all_local");
    const [, , residency] = conclusions(answers, answers);
    expect(residency!.now).toBe(false);
    expect(residency!.evidence).toContain(
      "in 2026-11 DeepSeek V3.2, all cloud, at $181.75 (quality against today's: not compared: today's model has no score)",
    );
  });
});

describe("the low-volume conclusion asks every scenario", () => {
  it("fails where one scenario's server pays from well under a thousand calls a day, as the 2026 RTX 5090 against GPT-6 Sol does at 516", () => {
    const answers = editionAnswers(chapter, "2025-09", CHAPTER_SCENARIOS);
    const cheapServer = {
      ...answers,
      label: "later",
      scenarios: [answers.scenarios[0]!, { ...answers.scenarios[1]!, breakEvenDailyCalls: 516 }],
    };
    const [lowVolume] = conclusions(answers, cheapServer);
    expect([lowVolume!.then, lowVolume!.now]).toEqual([true, false]);
  });

  it("sets no tier's price against another edition's when the two rank on different benchmarks", () => {
    const later = editionAnswers(loadDataset(DATA_2026_DIR), "2026-11", [
      { hardwareId: "h100x1-70b", apiModelId: "claude-sonnet-5" },
      { hardwareId: "rtx5090-ws", apiModelId: "gpt-6-sol" },
    ]);
    const then = editionAnswers(chapter, "2025-09", CHAPTER_SCENARIOS);
    expect([then.qualityBenchmark, later.qualityBenchmark]).toEqual(["AgentBench", "Terminal-Bench 2.0"]);
    expect(tiersComparable(then, later)).toBe(false);
    expect(headlineMoves(then, later).some((move) => move.group.startsWith("Cheapest API per quality tier"))).toBe(false);
    expect(tiersComparable(then, then)).toBe(true);
  });
});
