import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CHAPTER_TASK_COMPLEXITY,
  DEFAULT_ROUTING_CONFIG,
  HybridModelRouter,
  taskTypeName,
  TIER_ORDER,
  tierName,
  type ModelTier,
} from "../../src/model";

const router = new HybridModelRouter();
const chapterMix = { simple_qa: 0.35, summarization: 0.2, code_generation: 0.25, multi_step_research: 0.15, complex_analysis: 0.05 };

describe("HybridModelRouter", () => {
  it("scores tool calls, context and task type, capped at 1", () => {
    expect(router.assessTaskComplexity({ type: "simple_qa", expectedToolCalls: 3, contextTokens: 8000 })).toBeCloseTo(0.48, 12);
    expect(router.assessTaskComplexity({ type: "code_generation", expectedToolCalls: 50, contextTokens: 1_000_000 })).toBe(1);
    expect(router.assessTaskComplexity({})).toBeCloseTo(0.1, 12);
  });

  it("scores an unknown task type 0.3, as the chapter's code does", () => {
    expect(router.assessTaskComplexity({ type: "code_gen" })).toBeCloseTo(0.3, 12);
    expect(new HybridModelRouter({ unknownTaskComplexity: 0.55 }).assessTaskComplexity({ type: "code_gen" })).toBeCloseTo(0.55, 12);
  });

  it("keeps sensitive tasks local, large when complexity is over 0.5", () => {
    expect(router.route({ type: "complex_analysis", containsSensitiveData: true, contextTokens: 500_000 })).toBe("local_large");
    expect(router.route({ type: "simple_qa", containsSensitiveData: true })).toBe("local_small");
    expect(router.route({ type: "simple_qa" }, { ...DEFAULT_ROUTING_CONFIG, sensitiveData: true })).toBe("local_small");
  });

  it("sends context over the threshold to the premium tier", () => {
    expect(router.route({ type: "simple_qa", contextTokens: 32_001 })).toBe("cloud_premium");
    expect(router.route({ type: "simple_qa", contextTokens: 32_000 })).toBe("local_large");
  });

  it("routes by complexity bands", () => {
    const tierOf = (type: string) => router.route({ type, expectedToolCalls: 0, contextTokens: 0 });
    expect(tierOf("summarization")).toBe("local_small");
    expect(tierOf("code_generation")).toBe("local_large");
    expect(tierOf("code_debugging")).toBe("cloud_economy");
    expect(tierOf("multi_step_research")).toBe("cloud_premium");
  });

  it("steps down to a cheaper tier when the premium call is over budget", () => {
    const task = { type: "complex_analysis" };
    expect(router.route(task, { ...DEFAULT_ROUTING_CONFIG, maxCostPerCall: 0.01 })).toBe("cloud_economy");
    expect(router.route(task, { ...DEFAULT_ROUTING_CONFIG, maxCostPerCall: 0.001 })).toBe("local_large");
  });

  it("estimates the 59.4 example: $6,975 pure cloud, $3,138.75 hybrid, 55.0% saved", () => {
    const savings = router.estimateMonthlySavings(chapterMix, 5000);
    expect(savings.pureCloudMonthly).toBeCloseTo(6975, 2);
    expect(savings.hybridMonthly).toBeCloseTo(3138.75, 2);
    expect(savings.monthlySavings).toBeCloseTo(3836.25, 2);
    expect(savings.savingsPercentage).toBeCloseTo(55.0, 6);
    expect(Object.fromEntries(savings.byTaskType.map((row) => [row.taskType, row.tier]))).toEqual({
      simple_qa: "local_large",
      summarization: "local_large",
      code_generation: "cloud_premium",
      multi_step_research: "cloud_premium",
      complex_analysis: "cloud_premium",
    });
  });

  it("reports 0% saved, not NaN, at zero volume", () => {
    expect(router.estimateMonthlySavings(chapterMix, 0).savingsPercentage).toBe(0);
  });

  it("never routes a more complex task to a lower tier (property)", () => {
    const types = [...Object.keys(CHAPTER_TASK_COMPLEXITY), "unknown"];
    const task = fc.record({ type: fc.constantFrom(...types), expectedToolCalls: fc.nat(20), contextTokens: fc.nat(32_000) });
    const rank = (tier: ModelTier) => TIER_ORDER.indexOf(tier);
    fc.assert(
      fc.property(
        task,
        task,
        fc.double({ min: 0.6, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (a, b, threshold, budget) => {
          for (const maxCostPerCall of [0.05, budget]) {
            const config = { ...DEFAULT_ROUTING_CONFIG, complexityThreshold: threshold, maxCostPerCall };
            const [simpler, harder] = router.assessTaskComplexity(a) <= router.assessTaskComplexity(b) ? [a, b] : [b, a];
            expect(rank(router.route(simpler, config))).toBeLessThanOrEqual(rank(router.route(harder, config)));
          }
        },
      ),
    );
  });
});

describe("the router's ids as a reader names them", () => {
  it("names every tier and reads a task type's id as words", () => {
    expect(tierName("local_small")).toBe("small local model");
    expect(tierName("cloud_premium")).toBe("premium cloud model");
    expect(taskTypeName("simple_qa")).toBe("simple Q&A");
    expect(taskTypeName("multi_step_research")).toBe("multi-step research");
    expect(taskTypeName("code_generation")).toBe("code generation");
  });
});
