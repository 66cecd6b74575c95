import { describe, expect, it } from "vitest";
import { qualityOf, qualityRule, qualityText, referenceBenchmark } from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { DATA_2026_DIR } from "../helpers/data-folder";

const now = loadDataset(DATA_2026_DIR);
const chapter = loadDataset("data");

describe("quality from sourced scores", () => {
  it("takes the benchmark scored for the most models, the first listed among equals", () => {
    expect(referenceBenchmark(now)).toBe("Terminal-Bench 2.0");
    // The chapter's six benchmarks score four models each: AgentBench is listed first.
    expect(referenceBenchmark(chapter)).toBe("AgentBench");
  });

  it("tiers a score against the best on that benchmark: Gemini 3.1 Pro's 68.5% is the best, Claude Haiku 4.5's 27.0% is 39% of it, gpt-oss-20b's 3.1% is 4.5%", () => {
    expect(qualityOf(now, "gemini-3.1-pro-preview")).toMatchObject({ tier: "top", score: 68.5, shareOfBest: 1 });
    expect(qualityOf(now, "claude-haiku-4-5")).toMatchObject({ tier: "low", score: 27 });
    const small = qualityOf(now, "gpt-oss-20b");
    expect(small.tier).toBe("low");
    expect(small.shareOfBest).toBeCloseTo(3.1 / 68.5, 12);
    expect(qualityText(small)).toBe("low (3.1% on Terminal-Bench 2.0)");
  });

  it("gives a model without a score no rating rather than a borrowed tier, and one scored elsewhere its score without a tier", () => {
    expect(qualityOf(now, "claude-sonnet-5")).toMatchObject({ tier: "no rating", score: 74.6, benchmark: "Terminal-Bench 2.1" });
    expect(qualityText(qualityOf(now, "claude-sonnet-5"))).toBe("74.6% on Terminal-Bench 2.1 (no tier)");
    expect(qualityOf(now, undefined).tier).toBe("no rating");
    expect(qualityText(qualityOf(now, "qwen3-235b-a22b"))).toBe("no rating");
  });

  it("tiers the chapter's AgentBench points: GPT-4o's 72.1 is the best; Hermes 4 70B's 68.4 is 94.9% of it, top; Gemini 1.5 Pro's 65.3 is 90.6%, top", () => {
    expect(qualityOf(chapter, "gpt-4o").tier).toBe("top");
    expect(qualityOf(chapter, "hermes-4-70b").shareOfBest).toBeCloseTo(68.4 / 72.1, 12);
    expect(qualityOf(chapter, "gemini-1.5-pro").tier).toBe("top");
    expect(qualityRule(chapter)).toMatch(/score on AgentBench.*top from 90% of it, middle from 60%, low below/);
  });
});
