import { describe, expect, it } from "vitest";
import { loadDataset, toDataFrame } from "../../src/data";
import { htmlTable } from "../../src/display";
import {
  apiUsdPerCall,
  breakEvenTable,
  caseStudyFromData,
  checkPublishedFigures,
  cloudCostTable,
  findHardware,
  findModel,
  findWorkload,
  hardwareColors,
  hardwareMonthlyCost,
  hybridSavings,
  modelColors,
  provenance,
  savingsByThreshold,
} from "../../src/analysis";
import {
  auditDifferences,
  benchmarkComparison,
  breakEvenCurves,
  breakEvenHeatmap,
  caseStudyOptions,
  costMatrixHeatmap,
  costVersusVolume,
  MODEL_PALETTE,
  monthlyCostByModel,
  oneTwoFive,
  priceVersusQuality,
  savingsVersusThreshold,
  tierCostStacked,
  type Figure,
} from "../../src/charts";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const workload = findWorkload(data);
const colors = modelColors(data);
const source = provenance(data, ["models.csv", "workloads.csv"]);
const costs = cloudCostTable(data, workload);

const names = (figure: Figure) => figure.data.map((trace) => trace.name);
const axisTitle = (figure: Figure, axis: "xaxis" | "yaxis") => ((figure.layout[axis] as { title: { text: string } }).title.text);
const caption = (figure: Figure) => figure.layout.annotations?.at(-1)?.text;

describe("chapter theme", () => {
  it("numbers the title, captions the source with its as_of date, and gives each model one palette colour", () => {
    const figure = monthlyCostByModel(costs.map((row) => ({ modelId: row.model.modelId, modelName: row.model.modelName, usdPerMonth: row.usdPerMonth })), colors, source, "1,000 calls/day");
    expect(figure.layout.title.text).toBe("Figure 59.1a — Monthly cloud cost per model, 1,000 calls/day");
    expect(caption(figure)).toBe("Source: data/models.csv, data/workloads.csv, prices as of 2025-09-01. roilab");
    expect(colors.get("hermes-4-70b")).toBe(MODEL_PALETTE[0]);
    expect(new Set(colors.values()).size).toBe(data.models.length);
  });
});

describe("figure builders on chapter data", () => {
  it("59.1a: one bar per model, cheapest first, labelled in dollars", () => {
    const figure = monthlyCostByModel(costs.map((row) => ({ modelId: row.model.modelId, modelName: row.model.modelName, usdPerMonth: row.usdPerMonth })), colors, source, "x");
    const [bars] = figure.data as unknown as [{ x: string[]; y: number[]; text: string[]; marker: { color: string[] } }];
    expect(figure.data).toHaveLength(1);
    expect(bars.x[0]).toBe("Hermes 3 8B");
    expect(bars.x.at(-1)).toBe("Claude 3.5 Sonnet");
    expect(bars.y.at(-1)).toBeCloseTo(1395, 2);
    expect(bars.text.at(-1)).toBe("$1,395");
    expect(bars.marker.color.at(-1)).toBe(colors.get("claude-3-5-sonnet"));
    expect(axisTitle(figure, "yaxis")).toBe("Cost per month (USD)");
    expect((figure.layout.yaxis as { tickformat: string }).tickformat).toBe("$,.0f");
  });

  it("59.1b: one line per model; Claude costs $13,950 a month at 10,000 calls/day", () => {
    const figure = costVersusVolume(costs.map((row) => ({ modelId: row.model.modelId, modelName: row.model.modelName, usdPerCall: row.usdPerCall })), [0, 5000, 10_000], 30, colors, source, 1000);
    expect(names(figure)).toEqual(data.models.map((model) => model.modelName));
    const claude = figure.data.find((trace) => trace.name === "Claude 3.5 Sonnet") as unknown as { y: number[] };
    expect(claude.y[2]).toBeCloseTo(13_950, 2);
    expect(axisTitle(figure, "xaxis")).toBe("Calls per day");
    expect(figure.layout.annotations?.[0]?.text).toBe("workload: 1,000/day");
  });

  it("59.2a: the cost matrix has a row per model and a column per volume, labelled in dollars", () => {
    const cells = costs.flatMap((row) => [1000, 5000].map((calls) => ({ modelId: row.model.modelId, modelName: row.model.modelName, callsPerDay: calls, usdPerMonth: calls * row.usdPerCall * 30 })));
    const figure = costMatrixHeatmap(cells, source);
    const [heat] = figure.data as unknown as [{ x: string[]; y: string[]; text: string[][]; customdata: number[][] }];
    expect(heat.x).toEqual(["1,000/day", "5,000/day"]);
    expect(heat.y).toHaveLength(9);
    const claude = heat.y.indexOf("Claude 3.5 Sonnet");
    expect(heat.text[claude]).toEqual(["$1,395", "$6,975"]);
    expect(heat.customdata[claude]?.[1]).toBeCloseTo(6975, 2);
  });

  it("59.2b: price against quality places each rated model at its cost per call and stars", () => {
    const rated = costs.filter((row) => row.model.qualityStars !== undefined).map((row) => ({ modelId: row.model.modelId, modelName: row.model.modelName, usdPerCall: row.usdPerCall, qualityStars: row.model.qualityStars!, toolUseStars: row.model.toolUseStars! }));
    const figure = priceVersusQuality(rated, colors, source);
    expect(figure.data).toHaveLength(8);
    const gpt = figure.data.find((trace) => trace.name === "GPT-4o") as unknown as { x: number[]; y: number[]; marker: { size: number } };
    expect(gpt.x[0]).toBeCloseTo(0.035, 6);
    expect(gpt.y[0]).toBe(5);
    expect(gpt.marker.size).toBe(28);
    expect((figure.layout.xaxis as { type: string }).type).toBe("log");
  });

  it("59.2c: six benchmarks, four models, scores as printed", () => {
    const modelName = (id: string) => findModel(data, id).modelName;
    const figure = benchmarkComparison(data.benchmarks.map((row) => ({ ...row, modelName: modelName(row.modelId) })), colors, provenance(data, ["benchmarks.csv"]));
    expect(names(figure)).toEqual(["Hermes 4 70B (Together AI)", "GPT-4o", "Claude 3.5 Sonnet", "Gemini 1.5 Pro"]);
    const hermes = figure.data[0] as unknown as { x: string[]; y: number[] };
    expect(hermes.x).toEqual(["AgentBench", "GAIA Level 1", "GAIA Level 2", "Terminal-Bench 2.0", "YC-Bench", "TBLite"]);
    expect(hermes.y).toEqual([68.4, 81.2, 54.3, 71.6, 76.8, 82.3]);
    expect(figure.layout.barmode).toBe("group");
  });

  const tableHardware = ["rtx4090x1", "rtx4090x4", "a100x2", "a100x8", "h100x8"];
  const apiIds = ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"];
  const cells = breakEvenTable(data, { hardwareIds: tableHardware, apiModelIds: apiIds });
  const local = tableHardware.map((id) => ({ id, name: findHardware(data, id).name, monthlyUsd: hardwareMonthlyCost(findHardware(data, id)).totalUsd }));
  const apis = apiIds.map((id) => ({ id, name: findModel(data, id).modelName, usdPerCall: apiUsdPerCall(data, id) }));

  it("59.3a: API lines, dashed local lines and a labelled marker at every crossover in range", () => {
    const figure = breakEvenCurves(local, apis, cells, { maxCallsPerDay: 20_000, daysPerMonth: 30, modelColors: colors, hardwareColors: hardwareColors(data), provenance: source });
    expect(names(figure)).toEqual([...apis.map((api) => api.name), ...local.map((machine) => `${machine.name} (local)`), "Break-even"]);
    expect((figure.data[3] as unknown as { line: { dash: string } }).line.dash).toBe("dash");
    const labels = figure.layout.annotations!.slice(0, -1);
    // Of the 15 crossovers, A100 x8 (26,873/day) and H100 x8 (72,124/day) against Hermes lie beyond 20,000/day.
    expect(labels).toHaveLength(13);
    const a100 = labels.find((label) => label.text === "2,271/day") as unknown as { x: number; y: number; value: number };
    expect(a100.value).toBe(2271);
    expect(10 ** a100.x).toBeCloseTo(2271, 6);
    expect(10 ** a100.y).toBeCloseTo(3169, 6);
    expect(axisTitle(figure, "xaxis")).toBe("Calls per day (log scale)");
  });

  it("59.3a on linear axes labels the what-if crossover at its value", () => {
    const [claude] = apis;
    const figure = breakEvenCurves([local[0]!], [claude!], cells.slice(0, 1), { maxCallsPerDay: 1000, daysPerMonth: 30, modelColors: colors, hardwareColors: hardwareColors(data), provenance: source, logScale: false });
    expect(figure.layout.annotations?.[0]).toMatchObject({ text: "379/day", x: 379, y: 530 });
  });

  it("59.3b: the break-even heatmap has hardware rows, API columns and 'never' where nothing is saved", () => {
    const all = data.hardware.map((row) => ({ id: row.hardwareId, name: row.name }));
    const withFree = [...cells, { hardwareId: "rtx4090x1", apiId: "free", monthlyLocalUsd: 530, apiUsdPerCall: 0, breakEvenMonthlyCalls: Infinity, breakEvenDailyCalls: Infinity, breakEvenPerHour: Infinity }];
    const figure = breakEvenHeatmap(breakEvenTable(data, { apiModelIds: apiIds }).concat(withFree), all, [...apis, { id: "free", name: "Free API" }], source);
    const [heat] = figure.data as unknown as [{ x: string[]; y: string[]; text: string[][] }];
    expect(heat.x).toEqual(["vs Claude 3.5 Sonnet", "vs GPT-4o", "vs Hermes 4 70B (Together AI)", "vs Free API"]);
    expect(heat.y[0]).toBe("4x A100 80GB (Hermes 3 70B)");
    expect(heat.text[0]?.[0]).toBe("3,109/day");
    expect(heat.text[3]).toEqual(["379/day", "504/day", "2,066/day", "never"]);
    expect(figure.layout.title.text).toBe("Figure 59.3b — Break-even by hardware and API (calls per day)");
  });

  it("59.4a: pure cloud $6,975, hybrid $3,138.75, and hybrid with the A100 server $7,476.17", () => {
    const estimate = hybridSavings(data);
    const figure = tierCostStacked(estimate, { name: "4x A100", monthlyUsd: 4337.42 }, source);
    expect(names(figure)).toEqual(["Cloud premium", "Local hardware (4x A100)"]);
    expect(figure.layout.barmode).toBe("stack");
    expect(figure.layout.annotations?.slice(0, 3).map((label) => label.text)).toEqual(["$6,975", "$3,139", "$7,476"]);
    const premium = figure.data[0] as unknown as { y: number[] };
    expect(premium.y[1]).toBeCloseTo(3138.75, 2);
  });

  it("59.4b: savings step from 55.0% to 75.2% once code generation moves to the economy tier", () => {
    const localUsd = hardwareMonthlyCost(findHardware(data, "a100x4-70b")).totalUsd;
    const points = savingsByThreshold(data, [0.7, 0.85, 0.9, 0.95], localUsd);
    expect(points.map((point) => +point.savingsPercentage.toFixed(1))).toEqual([55, 55, 75.2, 75.2]);
    expect(points[0]!.savingsAfterHardwarePercentage).toBeCloseTo(-7.19, 2);
    const figure = savingsVersusThreshold(points, 0.7, source);
    expect(figure.layout.annotations?.[0]?.text).toBe("chapter's threshold 0.7: 55.0% saved");
    expect(axisTitle(figure, "yaxis")).toBe("Saved against pure cloud (%)");
  });

  it("59.5: three options stacked, all-cloud marked not compliant, budget noted", () => {
    const { result } = caseStudyFromData(data);
    const figure = caseStudyOptions(result, 5000, source);
    expect(names(figure)).toEqual(["Local server", "Cloud API"]);
    expect((figure.data[1] as unknown as { y: number[] }).y.map((value) => +value.toFixed(2))).toEqual([697.5, 0, 418.5]);
    const labels = figure.layout.annotations!.map((label) => label.text);
    expect(labels[0]).toBe("$698<br><b>not compliant</b>");
    expect(labels[2]).toBe("$1,112");
    expect(labels).toContain("budget $5,000: above the scale");
    const tight = caseStudyOptions(result, 1000, source);
    expect((tight.layout.shapes as { y0: number }[])[0]?.y0).toBe(1000);
  });
});

describe("the audit figure", () => {
  it("59.6: one bar per flagged figure, largest difference on top, negative labels right of zero", () => {
    const flagged = checkPublishedFigures(data).filter((check) => !check.withinRounding && Number.isFinite(check.relativeDifference));
    const figure = auditDifferences(flagged.map((check) => ({ figureId: check.figure.figureId, relativePercent: check.relativeDifference * 100 })), provenance(data, ["published_figures.csv"]));
    const [bars] = figure.data as unknown as [{ y: string[]; x: number[]; text: string[] }];
    expect(bars.y).toHaveLength(21);
    expect(bars.y.at(-1)).toBe("case/hybrid/extra_vs_cloud_usd_per_month");
    expect(bars.x.at(-1)).toBeCloseTo(185.75, 2);
    expect(figure.layout.annotations).toContainEqual(expect.objectContaining({ text: "-8.3%", y: "router/savings_percent", x: 0 }));
    expect(figure.layout.title.text).toBe("Figure 59.6 — Printed figures that differ from the chapter's formulas");
  });
});

describe("log-axis ticks and HTML tables", () => {
  it("steps 1-2-5 between two values", () => {
    expect(oneTwoFive(100, 20_000)).toEqual([100, 200, 500, 1000, 2000, 5000, 10_000, 20_000]);
  });

  it("formats money and counts right-aligned and escapes text", () => {
    const html = htmlTable([{ model: "<img src=x onerror=alert(1)>", usd: 1395, calls: 93_277, rate: 52.0833 }], [
      { key: "model", label: "Model" },
      { key: "usd", label: "$/month", format: "usd" },
      { key: "calls", format: "integer" },
      { key: "rate", format: "decimal1" },
    ]);
    expect(html).toContain(">52.1<");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
    expect(html).toContain('<td style="text-align:right;font-variant-numeric:tabular-nums">$1,395.00</td>');
    expect(html).toContain(">93,277<");
  });

  it("reads a danfojs DataFrame", () => {
    const html = htmlTable(toDataFrame([{ a: 1.5 }, { a: 2 }]), [{ key: "a", format: "usd" }]);
    expect(html).toContain("$1.50");
    expect(html).toContain("$2.00");
  });
});
