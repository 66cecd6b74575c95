import { describe, expect, it } from "vitest";
import {
  failoverFigure,
  failoverFromData,
  gpuConfigurations,
  modelSwitchTest,
  opsSweepFigure,
  opsSweepFromData,
  quantisationLevels,
  sampleSizeFigure,
  successRate,
  vramFigure,
  vramTable,
} from "../../src/analysis/closing-questions";
import type { Figure, Trace } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";
import { title, trace } from "../helpers/figures";

const data = loadDataset(DATA_DIR);

describe("closing questions from data", () => {
  it("lists the distinct GPU configurations by total VRAM", () => {
    expect(gpuConfigurations(data).map((config) => `${config.label}=${config.totalVramGib}`)).toEqual([
      "1× RTX 4090=24",
      "2× RTX 4090=48",
      "4× RTX 4090=96",
      "2× A100 80GB=160",
      "4× A100 80GB=320",
      "8× A100 80GB=640",
      "8× H100 80GB=640",
    ]);
  });

  it("fits the 70B model at Q4_K_M on the case study's 2× RTX 4090 but not at Q5_K_M, and gives 4-bit's quality cost as +2.8% perplexity on 8B", () => {
    const cells = vramTable(data, { contextTokens: 8000 });
    const q4 = cells.find((cell) => cell.modelId === "hermes-3-70b" && cell.quantId === "q4_k_m");
    const q5 = cells.find((cell) => cell.modelId === "hermes-3-70b" && cell.quantId === "q5_k_m");
    expect(q4?.fits["2× RTX 4090"]).toBe(true);
    expect(q5?.fits["2× RTX 4090"]).toBe(false);
    expect(q4?.weightsGib).toBeCloseTo(40.2, 1);
    const levels = quantisationLevels(data);
    expect(levels.find((level) => level.quantId === "q4_k_m" && level.referenceModel === "Llama 3 8B")?.perplexityIncreasePercent).toBeCloseTo(2.816, 3);
    expect(levels.find((level) => level.quantId === "q4_k_m" && level.referenceModel === "Llama 3 70B")?.perplexityIncreasePercent).toBeCloseTo(4.825, 3);
  });

  it("prices the failover scenario: 99% local, 99.994% with Claude as fallback, $69.36 of cloud calls a month", () => {
    const { result, callsPerMonth } = failoverFromData(data);
    expect(callsPerMonth).toBe(150_000);
    expect(result.availabilityLocalOnly).toBeCloseTo(0.99, 12);
    expect(result.availabilityWithFailover).toBeCloseTo(0.99994375, 10);
    expect(result.cloudUsdPerMonth).toBeCloseTo(69.36, 2);
    expect(failoverFromData(data, undefined, { localDowntimeHoursPerMonth: 0 }).result.cloudUsdPerMonth).toBe(0);
  });

  it("sweeps ops share on itemised hardware only", () => {
    const points = opsSweepFromData(data, "a100x4-70b", "claude-3-5-sonnet", [0.2], [10_000]);
    expect(points[0]?.breakEvenDailyCalls).toBe(3109);
    expect(() => opsSweepFromData(data, "h100x8", "claude-3-5-sonnet", [0.2], [10_000])).toThrow(/stated monthly cost only/);
  });

  it("plans an A/B test of Claude 3.5 against Hermes 4 on their GAIA Level 1 gap: 2,676 calls per arm, 4 days at half of 3,000 calls/day", () => {
    const test = modelSwitchTest(data, { baselineModelId: "claude-3-5-sonnet", candidateModelId: "hermes-4-70b", benchmark: "GAIA Level 1", callsPerDay: 3000, testShare: 0.5 });
    expect([test.baselineRate, test.candidateRate]).toEqual([0.841, 0.812]);
    expect(test.plan).toEqual({ callsPerArm: 2676, callsInTotal: 5352, days: 4 });
    expect(() => successRate(data, "hermes-4-70b", "AgentBench")).toThrow(/scored in points/);
  });
});

describe("Figures 59.9a–d, the closing questions", () => {
  it("59.9a stacks weights, KV cache and overhead per bit width, notes quality measured on another size, and lists configurations above the scale", () => {
    const figure = vramFigure(data, { contextTokens: 8000, concurrentSequences: 1 });
    expect(figure.data.map((candidate) => candidate.name)).toEqual(["weights", "KV cache", "runtime overhead"]);
    expect(trace(figure, "weights").x).toEqual(["8B F16", "8B Q8_0", "8B Q5_K_M", "8B Q4_K_M", "70B F16", "70B Q8_0", "70B Q5_K_M", "70B Q4_K_M"]);
    const texts = (figure.layout.annotations ?? []).map((annotation) => annotation.text);
    expect(texts).toContain("45 GiB<br>+4.8% ppl");
    expect(texts).toContain("51 GiB<br>+0.9% ppl (8B)");
    expect(texts).toContain("2× RTX 4090: 48 GiB");
    expect((figure.layout.xaxis as { title: { text: string } }).title.text).toContain("8× H100 80GB (640 GiB)");
  });

  it("59.9b counts calls lost a month on a log axis: 1,500 locally alone at 7.2 hours down", () => {
    const figure = failoverFigure(data);
    const local = trace(figure, "local only");
    const index = (local.x as number[]).findIndex((hours) => Math.abs(hours - 7) < 1e-9);
    expect((local.y as number[])[index]).toBeCloseTo(150_000 * (7 / 720), 6);
    expect((figure.layout.yaxis as { type: string }).type).toBe("log");
    expect(trace(figure, "cost with failover (right axis)").yaxis).toBe("y2");
  });

  it("59.9c draws a line per salary and the chapter's 0.2 FTE at 3,109 calls/day", () => {
    const figure = opsSweepFigure(data, { hardwareId: "a100x4-70b", apiModelId: "claude-3-5-sonnet", salariesUsdPerMonth: [5000, 10_000, 20_000], chapterFte: 0.2, chapterSalaryUsdPerMonth: 10_000, volumeCallsPerDay: 5000 });
    expect(title(figure)).toBe("Figure 59.9c — Hidden ops cost: break-even by ops share, 4x A100 80GB vs Claude 3.5 Sonnet");
    expect(trace(figure, "the chapter's assumption").y).toEqual([3109]);
    const top = trace(figure, "engineer at $20,000/month");
    expect((top.y as number[]).at(-1)).toBe(Math.trunc((2337.4222 + 20_000) / (0.0465 * 30)));
  });

  it("59.9d marks the Claude → Hermes 4 switch at 2.9 points, 2,676 calls per arm", () => {
    const figure = sampleSizeFigure(data, { baselineModelId: "claude-3-5-sonnet", candidateModelId: "hermes-4-70b", benchmark: "GAIA Level 1", callsPerDay: 3000, testShare: 0.5 });
    expect(figure.data).toHaveLength(2);
    const note = figure.layout.annotations?.[0];
    expect(note?.text).toContain("2,676 calls per arm, 4 day(s)");
    expect(note?.x).toBe(2.9);
    expect(((figure.data[1] as Trace).y as number[])[0]).toBeGreaterThan(((figure.data[0] as Trace).y as number[])[0] as number);
  });
});
