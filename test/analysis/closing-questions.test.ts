import { describe, expect, it } from "vitest";
import {
  busiestHour,
  callContextTokens,
  failoverFigure,
  failoverFromData,
  gpuConfigurations,
  modelFitsHardware,
  modelSwitchTest,
  opsSweepFigure,
  opsSweepFromData,
  perHourBreakEvenNote,
  quantisationFor,
  quantisationLevels,
  sampleSizeFigure,
  successRate,
  vramFigure,
  vramTable,
} from "../../src/analysis";
import type { Trace } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { copyOfData, DATA_2026_DIR, DATA_DIR } from "../helpers/data-folder";
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

  it("sizes the KV cache for a whole call: the workload's 8,000 input plus 1,500 output tokens", () => {
    expect(callContextTokens(data)).toBe(9500);
    expect(vramTable(data).every((cell) => cell.contextTokens === 9500)).toBe(true);
  });

  it("takes bits per weight from the model's own size where quantisation.csv has it: Q4_K_M is 4.8203 on 70B, 4.8944 on 8B", () => {
    const own = quantisationFor(data, "q4_k_m", "Hermes 3 70B (Llama 3.1 70B)");
    expect([own.row.referenceModel, own.row.bitsPerWeight, own.ownSize]).toEqual(["Llama 3 70B", 4.8203, true]);
    expect(quantisationFor(data, "q4_k_m", "Hermes 3 8B (Llama 3.1 8B)").row.bitsPerWeight).toBe(4.8944);
    const borrowed = quantisationFor(data, "q5_k_m", "Hermes 3 70B (Llama 3.1 70B)");
    expect([borrowed.row.referenceModel, borrowed.ownSize]).toEqual(["Llama 3 8B", false]);
    expect(() => quantisationFor(data, "q3_k_s", "Hermes 3 70B")).toThrow(/unknown quant_id "q3_k_s"; known: f16, q8_0, q5_k_m, q4_k_m/);
  });

  it("fits the 70B model at Q4_K_M on the case study's 2× RTX 4090 (44.49 of 45.6 GiB) but not at Q5_K_M, and gives 4-bit's quality cost as +2.8% perplexity on 8B", () => {
    const cells = vramTable(data);
    const q4 = cells.find((cell) => cell.modelId === "hermes-3-70b" && cell.quantId === "q4_k_m");
    const q5 = cells.find((cell) => cell.modelId === "hermes-3-70b" && cell.quantId === "q5_k_m");
    // 39.5896 weights (70.55e9 × 4.8203 / 8 / 2^30) + 2.8992 KV (327,680 × 9,500 / 2^30) + 2 cards × 1 GiB = 44.4888 GiB.
    expect(q4?.weightsGib).toBeCloseTo(39.5896, 4);
    expect(q4?.byConfiguration["2× RTX 4090"]?.requiredGiB).toBeCloseTo(44.4888, 4);
    expect(q4?.byConfiguration["2× RTX 4090"]?.availableGiB).toBeCloseTo(45.6, 10);
    // The same model on four cards pays 4 GiB of overhead: 39.5896 + 2.8992 + 4 = 46.4888 GiB.
    expect(q4?.byConfiguration["4× RTX 4090"]?.requiredGiB).toBeCloseTo(46.4888, 4);
    expect(q4?.fits["2× RTX 4090"]).toBe(true);
    // Q5_K_M at the 8B's 5.7036 bits: 46.8442 + 2.8992 + 2 = 51.7434 GiB.
    expect(q5?.byConfiguration["2× RTX 4090"]?.requiredGiB).toBeCloseTo(51.7434, 4);
    expect(q5?.fits["2× RTX 4090"]).toBe(false);
    const levels = quantisationLevels(data);
    expect(
      levels.find((level) => level.quantId === "q4_k_m" && level.referenceModel === "Llama 3 8B")?.perplexityIncreasePercent,
    ).toBeCloseTo(2.816, 3);
    expect(
      levels.find((level) => level.quantId === "q4_k_m" && level.referenceModel === "Llama 3 70B")?.perplexityIncreasePercent,
    ).toBeCloseTo(4.825, 3);
  });

  it("leaves the quality cost unmeasured for a format with no published perplexity (a model's native MXFP4), and still sizes it", () => {
    const copy = copyOfData({
      "quantisation.csv": (text) => `${text}mxfp4,gpt-oss-20b (20.91B),4,4.63,,,,"released in MXFP4: no FP16 original"\n`,
      "model_architectures.csv": (text) => `${text}gpt-oss-20b,gpt-oss-20b (20.91B),20.91,24,8,64,config.json\n`,
    });
    try {
      const native = loadDataset(copy.dir);
      const level = quantisationLevels(native).find((candidate) => candidate.quantId === "mxfp4");
      expect(level).toMatchObject({ bitsPerWeight: 4.63, perplexityIncreasePercent: undefined });
      const cell = vramTable(native).find((candidate) => candidate.modelId === "gpt-oss-20b" && candidate.quantId === "mxfp4");
      expect(cell?.weightsGib).toBeCloseTo((20.91e9 * 4.63) / 8 / 2 ** 30, 9);
      const labels = (vramFigure(native).layout.annotations ?? []).map((annotation) => String(annotation.text));
      const native20b = labels.filter((label) => label.startsWith(`${((cell?.weightsGib ?? 0) + (cell?.kvCacheGib ?? 0)).toFixed(1)} GiB`));
      // Measured on its own size, with no perplexity to show: the bar carries its size alone, no quality cost.
      expect(native20b).toEqual([`${((cell?.weightsGib ?? 0) + (cell?.kvCacheGib ?? 0)).toFixed(1)} GiB`]);
      expect(labels.some((label) => label.includes("NaN") || label.includes("undefined"))).toBe(false);
    } finally {
      copy.dispose();
    }
  });

  it("says whether a hardware row can hold a model: 70B Q4_K_M fits 2× RTX 4090, not one", () => {
    const pair = modelFitsHardware(data, "rtx4090x2-saas", "hermes-3-70b", "q4_k_m");
    expect(pair.fits).toBe(true);
    expect(pair.requiredGiB).toBeCloseTo(44.4888, 4);
    expect(pair.availableGiB).toBeCloseTo(45.6, 10);
    expect([pair.gpuCount, pair.contextTokens, pair.bitsPerWeight]).toEqual([2, 9500, 4.8203]);
    // One card: 39.5896 + 2.8992 + 1 = 43.4888 GiB against 24 × 0.95 = 22.8.
    const single = modelFitsHardware(data, "rtx4090x1", "hermes-3-70b", "q4_k_m");
    expect([single.fits, +single.requiredGiB.toFixed(4), +single.availableGiB.toFixed(4)]).toEqual([false, 43.4888, 22.8]);
    expect(modelFitsHardware(data, "rtx4090x1", "hermes-3-8b", "q4_k_m").fits).toBe(true);
    expect(() => modelFitsHardware(data, "rtx4090x1", "hermes-9", "q4_k_m")).toThrow(/unknown model_architectures.csv model_id "hermes-9"/);
    expect(() => modelFitsHardware(data, "tpu", "hermes-3-8b", "q4_k_m")).toThrow(/unknown hardware_id "tpu"/);
  });

  it("puts the case study's busiest hour at 2.48 times the average hour, and says so beside a per-hour break-even", () => {
    // office-hours loads sum to 116 (8 night hours at 1, 105 from 08:00 to 20:00, 3 late at 1); the peak hour is 12:
    // 12 / 116 = 10.34% of the day, 12 × 24 / 116 = 2.4828 times the average hour.
    const peak = busiestHour(data);
    expect(peak.profileId).toBe("office-hours");
    expect(peak.peakHourShare).toBeCloseTo(12 / 116, 12);
    expect(peak.peakToAverage).toBeCloseTo(2.4828, 4);
    expect(busiestHour(data, "flat-24h").peakToAverage).toBeCloseTo(1, 12);
    // 3,109 calls a day: 3,109 / 24 = 129.5, shown as 129 like the break-even table; the busiest hour 3,109 × 12 / 116 = 321.6.
    expect(perHourBreakEvenNote(data, 3109)).toBe(
      "129 calls an hour is the daily break-even spread evenly over 24 hours; on the office-hours profile the busiest hour carries 2.48 times the average hour (322 calls at that volume), so compare a day's calls with the daily figure, not an hour's.",
    );
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

  it("plans an A/B test of Claude 3.5 against Hermes 4 on their GAIA Level 1 gap: 2,676 tasks per arm, 18 days at 5 calls a task", () => {
    const test = modelSwitchTest(data, {
      baselineModelId: "claude-3-5-sonnet",
      candidateModelId: "hermes-4-70b",
      benchmark: "GAIA Level 1",
      callsPerDay: 3000,
      testShare: 0.5,
    });
    expect([test.baselineRate, test.candidateRate]).toEqual([0.841, 0.812]);
    expect(test.plan).toEqual({ tasksPerArm: 2676, callsPerArm: 2676, callsInTotal: 5352, days: 4 });
    expect(test.nonInferiority).toBeUndefined();
    // 2,676 tasks × 5 calls = 13,380 calls per arm, 26,760 in all, at 1,500 test calls a day: 17.84, so 18 days.
    // Non-inferiority, 3-point margin, Hermes planned as good as Claude: 6.182557 × 2 × 0.841 × 0.159 / 0.03² = 1,837.2, so
    // 1,838 tasks, 9,190 calls per arm, 18,380 in all: 12.25, so 13 days.
    const perTask = modelSwitchTest(data, {
      baselineModelId: "claude-3-5-sonnet",
      candidateModelId: "hermes-4-70b",
      benchmark: "GAIA Level 1",
      callsPerDay: 3000,
      testShare: 0.5,
      callsPerTask: 5,
      nonInferiorityMarginPoints: 3,
    });
    expect(perTask.plan).toEqual({ tasksPerArm: 2676, callsPerArm: 13_380, callsInTotal: 26_760, days: 18 });
    expect(perTask.nonInferiority).toMatchObject({ marginPoints: 3, tasksPerArm: 1838, callsPerArm: 9190, callsInTotal: 18_380, days: 13 });
    // Planned at the benchmark gap, 2.9 of the 3 points are used up: 6.182557 × (0.841 × 0.159 + 0.812 × 0.188) / 0.001²
    // = 6.182557 × 0.286375 / 0.000001 ≈ 1,770,530 tasks per arm.
    expect(perTask.nonInferiority?.atBenchmarkGap.tasksPerArm).toBeGreaterThan(1_770_000);
    expect(perTask.nonInferiority?.atBenchmarkGap.tasksPerArm).toBeLessThan(1_771_000);
    const beyond = modelSwitchTest(data, {
      baselineModelId: "claude-3-5-sonnet",
      candidateModelId: "hermes-4-70b",
      benchmark: "GAIA Level 1",
      callsPerDay: 3000,
      nonInferiorityMarginPoints: 2,
    });
    expect(beyond.nonInferiority?.atBenchmarkGap.days).toBe(Infinity);
    expect(() => successRate(data, "hermes-4-70b", "AgentBench")).toThrow(/scored in points/);
  });
});

describe("Figures 59.9a–d, the closing questions", () => {
  it("59.9a stacks weights and KV cache per bit width against each configuration less headroom and per-GPU overhead, and names borrowed measurements", () => {
    const figure = vramFigure(data);
    // 48 × 0.95 − 2 × 1 = 43.6 GiB; 24 × 0.95 − 1 = 21.8 GiB: each configuration a dashed line the legend names.
    expect(figure.data.map((candidate) => candidate.name)).toEqual([
      "weights",
      "KV cache",
      "1× RTX 4090: 21.8 of 24 GiB",
      "2× RTX 4090: 43.6 of 48 GiB",
      "4× RTX 4090: 87.2 of 96 GiB",
      "2× A100 80GB: 150.0 of 160 GiB",
    ]);
    expect(trace(figure, "weights").x).toEqual([
      "8B F16",
      "8B Q8_0",
      "8B Q5_K_M",
      "8B Q4_K_M",
      "70B F16",
      "70B Q8_0",
      "70B Q5_K_M",
      "70B Q4_K_M",
    ]);
    expect(title(figure)).toContain("9,500-token context × 1 sequence");
    const texts = (figure.layout.annotations ?? []).map((annotation) => annotation.text);
    // 39.5896 + 2.8992 = 42.49 GiB; Q5_K_M 46.8442 + 2.8992 = 49.74 GiB at the 8B's bits.
    expect(texts).toContain("42.5 GiB<br>+4.8% ppl");
    expect(texts).toContain("49.7 GiB<br>+0.9% ppl (8B)");
    expect(texts).toContain("134.3 GiB<br>bits as 8B");
    // The legend beside the plot names the level lines; no label at their ends lies on it.
    expect(texts.filter((text) => /RTX|A100/.test(text))).toEqual([]);
    const axis = (figure.layout.xaxis as { title: { text: string } }).title.text;
    expect(axis).toContain("5% headroom and 1 GiB runtime overhead per GPU");
    expect(axis).toContain("above the scale: 4× A100 80GB (300 of 320 GiB), 8× A100 80GB (600 of 640 GiB), 8× H100 80GB (600 of 640 GiB)");
  });

  it("59.9a stands each bar's total upright where bars are too many to label side by side (the 2026 edition's 28), its quality cost in the hover, and draws no line in a bar's colour", () => {
    const figure = vramFigure(loadDataset(DATA_2026_DIR));
    const weights = trace(figure, "weights");
    expect((weights.x as string[]).length).toBe(28);
    const labels = (figure.layout.annotations ?? []).filter((annotation) => annotation.xref === "x");
    expect(labels).toHaveLength(28);
    for (const label of labels) expect(label).toMatchObject({ textangle: -90, text: expect.stringMatching(/^[\d.]+ GiB$/) });
    expect(weights.customdata as string[]).toContain("<br>+0.04% ppl (8B)");
    const colors = figure.data.map(
      (candidate) => (candidate.line as { color?: string } | undefined)?.color ?? (candidate.marker as { color: string }).color,
    );
    expect(new Set(colors).size).toBe(colors.length);
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
    const figure = opsSweepFigure(data, {
      hardwareId: "a100x4-70b",
      apiModelId: "claude-3-5-sonnet",
      salariesUsdPerMonth: [5000, 10_000, 20_000],
      chapterFte: 0.2,
      chapterSalaryUsdPerMonth: 10_000,
      volumeCallsPerDay: 5000,
    });
    expect(title(figure)).toBe("Figure 59.9c — Hidden ops cost: break-even by ops share, 4x A100 80GB vs Claude 3.5 Sonnet");
    expect(trace(figure, "the chapter's assumption").y).toEqual([3109]);
    const top = trace(figure, "engineer at $20,000/month");
    expect((top.y as number[]).at(-1)).toBe(Math.trunc((2337.4222 + 20_000) / (0.0465 * 30)));
  });

  it("59.9d marks the Claude → Hermes 4 switch at 2.9 points, 2,676 calls per arm, and adds the non-inferiority line in calls of 5-call tasks", () => {
    const figure = sampleSizeFigure(data, {
      baselineModelId: "claude-3-5-sonnet",
      candidateModelId: "hermes-4-70b",
      benchmark: "GAIA Level 1",
      callsPerDay: 3000,
      testShare: 0.5,
    });
    expect(figure.data).toHaveLength(2);
    const note = figure.layout.annotations?.[0];
    expect(note?.text).toContain("2,676 calls per arm, 4 days");
    expect(note?.x).toBe(2.9);
    expect(((figure.data[1] as Trace).y as number[])[0]).toBeGreaterThan(((figure.data[0] as Trace).y as number[])[0] as number);
    const perTask = sampleSizeFigure(data, {
      baselineModelId: "claude-3-5-sonnet",
      candidateModelId: "hermes-4-70b",
      benchmark: "GAIA Level 1",
      callsPerDay: 3000,
      testShare: 0.5,
      callsPerTask: 5,
      nonInferiorityMarginPoints: 3,
    });
    expect(perTask.data).toHaveLength(3);
    expect(perTask.layout.annotations?.[0]?.text).toContain("2,676 tasks (13,380 calls) per arm, 18 days");
    expect(title(perTask)).toContain("(tasks of 5 calls)");
    const oneSided = perTask.data[2] as Trace;
    expect(oneSided.name).toBe("no worse than the margin, one-sided: 80% power, α = 0.05");
    // At a 3-point margin: 1,838 tasks × 5 = 9,190 calls per arm (x runs 1, 1.5, 2, … so 3 is the fifth point).
    expect((oneSided.x as number[])[4]).toBe(3);
    expect((oneSided.y as number[])[4]).toBe(9190);
  });
});

describe("failover over the workload's month", () => {
  it("counts downtime against the workload's hours: 22 working days are 528 hours, not a 30-day month's 720", () => {
    const working = { ...data, workloads: data.workloads.map((row, index) => (index === 0 ? { ...row, daysPerMonth: 22 } : row)) };
    const row = data.failover[0]!;
    const scenario = failoverFromData(working, row.scenarioId);
    expect(scenario.result.availabilityLocalOnly).toBeCloseTo(1 - row.localDowntimeHoursPerMonth / (24 * 22), 12);
  });
});
