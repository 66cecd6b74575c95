import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { breakEvenUncertainty, capacityFigures, capacityPanelSpec, tornadoPanelSpec, failoverFigure, opsSweepFigure, sampleSizeFigure, uncertaintyFigures, vramFigure } from "../../src/analysis";
import { capacityCostChart, machinesNeededChart, tornadoChart, type Figure, type Trace } from "../../src/charts";
import { evaluateCapacityPanel, evaluateTornadoPanel } from "../../src/panels";
import { tornado } from "../../src/model";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const title = (figure: Figure) => figure.layout.title.text;
const trace = (figure: Figure, name: string): Trace => {
  const found = figure.data.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no trace ${name}; have ${figure.data.map((candidate) => candidate.name).join(", ")}`);
  return found;
};
const caption = (figure: Figure) => figure.layout.annotations?.at(-1)?.text ?? "";
const source = { files: ["throughput.csv"], asOf: "2025-09-01" };

describe("Figure 59.7a, servers needed", () => {
  const { machines } = capacityFigures(data);

  it("draws a step line per traffic profile and labels the case study's volumes with their server counts", () => {
    expect(title(machines)).toBe("Figure 59.7a — Servers needed: 2x RTX 4090 server (case study), by traffic profile");
    expect(machines.data.filter((candidate) => (candidate.line as { shape?: string } | undefined)?.shape === "hv")).toHaveLength(2);
    const labels = trace(machines, "servers at the marked volumes");
    // flat-24h at 500 and 3,000 calls/day, then office-hours at the same two.
    expect(labels.text).toEqual(["1", "5", "2", "11"]);
    expect(labels.x).toEqual([500, 3000, 500, 3000]);
    expect(caption(machines)).toContain("data/throughput.csv");
  });

  it("shades where one server carries the day under every profile, and more lightly under the flat one only", () => {
    const shapes = machines.layout.shapes as Array<{ type: string; x0: number; x1: number }>;
    const rects = shapes.filter((shape) => shape.type === "rect");
    expect(rects.map((rect) => Math.round(rect.x1))).toEqual([278, 691]);
  });

  it("steps up exactly where a server fills (builder on its own)", () => {
    const figure = machinesNeededChart([{ id: "p", label: "p", callsPerDayPerMachine: 1000, color: "#000" }], { serverName: "S", maxCallsPerDay: 3500, marks: [], provenance: source });
    const line = figure.data[0] as Trace;
    expect(line.x).toEqual([100, 1000, 2000, 3000, 3500]);
    expect(line.y).toEqual([1, 2, 3, 4, 4]);
  });
});

describe("Figure 59.7b, cost with the servers needed", () => {
  const { cost } = capacityFigures(data);

  it("prices the API at $0.009 a call against the chapter's one server and the fleet each profile needs", () => {
    const api = trace(cost, "Hermes 4 70B (Together AI) (API)");
    const x = api.x as number[];
    const y = api.y as number[];
    expect(y[x.length - 1]).toBeCloseTo(10_000 * 0.009 * 30, 6);
    expect(trace(cost, "one server at any volume (the chapter)").y).toEqual([12_000 / 36 + 60 + 300, 12_000 / 36 + 60 + 300]);
    const office = trace(cost, "servers needed, office-hours");
    const officeX = office.x as number[];
    const stepAt3000 = officeX.filter((value) => value <= 3000).length - 1;
    expect((office.y as number[])[stepAt3000]).toBeCloseTo(11 * (12_000 / 36 + 60) + 300, 6);
  });

  it("uses log axes with 1-2-5 ticks (builder on its own)", () => {
    const figure = capacityCostChart([{ label: "f", callsPerDayPerMachine: 500, perMachineUsdPerMonth: 400, sharedUsdPerMonth: 300, color: "#000" }], {
      serverName: "S",
      maxCallsPerDay: 5000,
      marks: [{ label: "m", callsPerDay: 1000 }],
      provenance: source,
      api: { name: "A", usdPerCall: 0.01, color: "#111" },
      daysPerMonth: 30,
    });
    expect((figure.layout.xaxis as { type: string; tickvals: number[] }).tickvals).toEqual([100, 200, 500, 1000, 2000, 5000]);
    expect((figure.layout.yaxis as { type: string }).type).toBe("log");
  });
});

describe("Figures 59.8a and 59.8b, sensitivity and uncertainty", () => {
  const uncertainty = breakEvenUncertainty(data, "a100x4-70b", "claude-3-5-sonnet", { samples: 400, seed: 59 });
  const figures = uncertaintyFigures(data, uncertainty, { comparison: "4x A100 vs Claude 3.5 Sonnet", swing: 0.2, samples: 400, seed: 59 });

  it("puts the longest bar on top, each bar starting at the base break-even", () => {
    const low = trace(figures.tornado, "input 20% lower");
    const labels = low.y as string[];
    expect(labels.at(-1)).toBe("Depreciation period (28.8–43.2 months)");
    expect((low.base as number[]).every((value) => value === uncertainty.tornado.baseBreakEven)).toBe(true);
    // Depreciation 20% shorter raises the break-even to 3,508/day.
    expect(((low.x as number[]).at(-1) as number) + uncertainty.tornado.baseBreakEven).toBeCloseTo(3507.51, 2);
    expect((low.text as string[]).at(-1)).toBe("3,508");
    expect((figures.tornado.layout.xaxis as { title: { text: string } }).title.text).toContain("3,109/day");
  });

  it("takes its swing from the caller (builder on its own)", () => {
    const result = tornado(uncertainty.inputs, { swing: 0.1 });
    const figure = tornadoChart(result.bars, { baseBreakEven: result.baseBreakEven, swing: 0.1, comparison: "c", provenance: source });
    expect(title(figure)).toContain("±10%");
    expect(figure.data.map((candidate) => candidate.name)).toEqual(["input 10% lower", "input 10% higher"]);
  });

  it("fills the 5–95% band between its edges and marks the break-even percentiles", () => {
    const band = trace(figures.band, "5–95% of simulated inputs");
    expect(band.fill).toBe("tonexty");
    const low = trace(figures.band, "5th percentile").y as number[];
    (band.y as number[]).forEach((high, index) => expect(high).toBeGreaterThanOrEqual(low[index] as number));
    const texts = (figures.band.layout.annotations ?? []).map((annotation) => annotation.text);
    expect(texts).toContain(`median break-even<br>${Math.round(uncertainty.p50).toLocaleString("en-US")}/day`);
    expect(texts).toContain("400 draws, seed 59");
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

describe("the 59.7 capacity what-if panel", () => {
  const spec = capacityPanelSpec(data);

  it("starts from the case study: its server's measured throughput, 70%, its office-hours profile, 11 servers", () => {
    expect(spec.defaults).toEqual({ weekdayCallsPerDay: 3000, serving: "single_stream", outputTokensPerSecond: 19.06, promptTokensPerSecond: 905.38, targetUtilisationPercent: 70, profileId: "office-hours" });
    const result = evaluateCapacityPanel(spec, spec.defaults);
    expect(result.allLocal).toEqual({ machines: 11, totalUsd: expect.closeTo(4626.67, 2) });
    expect(result.hybrid.machines).toBe(5);
    expect(result.allCloudUsd).toBeCloseTo(697.5, 2);
    expect(result.summary).toContain("all local needs 11 server(s), $4,626.67 a month");
    expect(result.figure.layout.title.text).toBe("Figure 59.7w — servers needed for your throughput and traffic");
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it("needs fewer servers with batching, a flatter day or a higher utilisation target", () => {
    const batched = evaluateCapacityPanel(spec, { ...spec.defaults, serving: "batched", outputTokensPerSecond: 150, promptTokensPerSecond: 1500 });
    expect(batched.allLocal.machines).toBe(2);
    expect(evaluateCapacityPanel(spec, { ...spec.defaults, profileId: "flat-24h" }).allLocal.machines).toBe(5);
    expect(evaluateCapacityPanel(spec, { ...spec.defaults, targetUtilisationPercent: 100 }).allLocal.machines).toBe(8);
  });

  it("survives blank or zero inputs from the page without throwing", () => {
    const result = evaluateCapacityPanel(spec, { ...spec.defaults, outputTokensPerSecond: 0, promptTokensPerSecond: 0, targetUtilisationPercent: 0, weekdayCallsPerDay: 0 });
    expect(result.allLocal.machines).toBe(Math.max(1, Math.ceil(500 / result.callsPerDayPerMachine)));
    expect(Number.isFinite(result.allLocal.totalUsd)).toBe(true);
  });
});

describe("the 59.8 sensitivity what-if panel", () => {
  const spec = tornadoPanelSpec(data, { hardwareId: "a100x4-70b", apiModelId: "claude-3-5-sonnet", swing: 0.2 });

  it("offers every itemised server and every API, and starts where the notebook does", () => {
    expect(spec.hardware.map((server) => server.id)).toEqual(["a100x4-70b", "rtx4090-server", "rtx4090x2-saas"]);
    expect(spec.apis).toHaveLength(data.models.length);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    const result = evaluateTornadoPanel(spec, spec.defaults);
    expect(result.tornado.bars[0]?.input).toBe("depreciationMonths");
    expect(result.tornado.baseBreakEven).toBeCloseTo(3109.26, 2);
    expect(result.summary).toBe("4x A100 80GB vs Claude 3.5 Sonnet: break-even 3,109 calls a day. At ±20% the depreciation period moves it most, 2,844 to 3,508.");
    expect(result.figure.layout.title.text).toMatch(/^Figure 59\.8w — /);
  });

  it("recomputes for another pair and swing, as the notebook's own what-if cell does", () => {
    const result = evaluateTornadoPanel(spec, { hardwareId: "rtx4090-server", apiId: "gpt-4o", swingPercent: 30 });
    expect(Math.trunc(result.tornado.baseBreakEven)).toBe(822);
    expect(result.tornado.bars[0]?.input).toBe("inputUsdPerMTok");
    expect(result.tornado.bars.map((bar) => bar.input)).toContain("opsUsdPerMonth");
  });
});
