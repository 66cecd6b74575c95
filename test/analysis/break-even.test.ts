import { describe, expect, it } from "vitest";
import { breakEvenCurvesFigure, breakEvenHeatmapFigure, breakEvenOf, breakEvenTable, serverBreakEven } from "../../src/analysis/break-even";
import { findHardware, findModel, findWorkload } from "../../src/analysis/lookup";
import { END_LABEL, type Figure } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const workload = findWorkload(data);

const names = (figure: Figure) => figure.data.map((trace) => trace.name);
const axisTitle = (figure: Figure, axis: "xaxis" | "yaxis") => (figure.layout[axis] as { title: { text: string } }).title.text;
const caption = (figure: Figure) => figure.layout.annotations?.at(-1)?.text;

describe("the chapter reproduced from data/", () => {
  it("59.3 scenario 1: A100 cluster against Claude 3.5 Sonnet breaks even at 3,109 calls a day", () => {
    const result = breakEvenOf(data, "a100x4-70b", "claude-3-5-sonnet");
    expect(result.apiUsdPerCall).toBeCloseTo(0.0465, 6);
    expect(result.breakEvenDailyCalls).toBe(3109);
    expect(result.breakEvenMonthlyCalls).toBe(93_277);
    expect(result.breakEvenPerHour).toBe(129);
  });

  it("59.3 scenario 2: RTX 4090 server against GPT-4o costs $863.33 and breaks even at 822 calls a day", () => {
    const result = breakEvenOf(data, "rtx4090-server", "gpt-4o");
    expect(result.local.totalUsd).toBeCloseTo(863.33, 2);
    expect(result.breakEvenDailyCalls).toBe(822);
    expect(result.breakEvenMonthlyCalls).toBe(24_666);
  });

  it("59.3: the 5 x 3 break-even table, recomputed at each API's price for the typical workload", () => {
    const cells = breakEvenTable(data, {
      hardwareIds: ["rtx4090x1", "rtx4090x4", "a100x2", "a100x8", "h100x8"],
      apiModelIds: ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"],
    });
    expect(cells.map((cell) => cell.breakEvenDailyCalls)).toEqual([
      379, 504, 2066, 1118, 1485, 6081, 2271, 3018, 12_354, 4941, 6564, 26_873, 13_261, 17_619, 72_124,
    ]);
  });
});

describe("the 59.3 figures", () => {
  const tableHardware = ["rtx4090x1", "rtx4090x4", "a100x2", "a100x8", "h100x8"];
  const apiIds = ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"];
  // The one-card configuration is marked: it cannot hold the 70B model its comparisons assume (vram).
  const local = tableHardware.map((id) => ({
    name: id === "rtx4090x1" ? "1x RTX 4090 (too small for Hermes 3 70B)" : findHardware(data, id).name,
  }));
  const apis = apiIds.map((id) => ({ name: findModel(data, id).modelName }));

  it("59.3a: API lines, dashed local lines and a labelled marker at every crossover in range", () => {
    const figure = breakEvenCurvesFigure(data, { hardwareIds: tableHardware, apiModelIds: apiIds, maxCallsPerDay: 20_000 });
    expect(names(figure)).toEqual([...apis.map((api) => api.name), ...local.map((machine) => `${machine.name} (local)`), "Break-even"]);
    expect((figure.data[3] as unknown as { line: { dash: string } }).line.dash).toBe("dash");
    // The crossovers' labels, beside the labels that name each line at its end (one per API and configuration).
    const ends = figure.layout.annotations!.filter((label) => label.name === END_LABEL);
    expect(ends.map((label) => label.text)).toEqual([
      "Claude 3.5 Sonnet",
      "GPT-4o",
      "Hermes 4 70B<br>(Together AI)",
      "1x RTX 4090 (too small<br>for Hermes 3 70B)",
      "4x RTX 4090",
      "2x A100 80GB",
      "8x A100 80GB",
      "8x H100 80GB",
    ]);
    const labels = figure.layout.annotations!.slice(0, -1).filter((label) => label.name !== END_LABEL);
    // Of the 15 crossovers, A100 x8 (26,873/day) and 8x H100 80GB (72,124/day) against Hermes lie beyond 20,000/day.
    expect(labels).toHaveLength(13);
    const a100 = labels.find((label) => label.text === "2,271/day") as unknown as { x: number; y: number; value: number };
    expect(a100.value).toBe(2271);
    expect(10 ** a100.x).toBeCloseTo(2271, 6);
    expect(10 ** a100.y).toBeCloseTo(3169, 6);
    expect(axisTitle(figure, "xaxis")).toBe("Calls per day (log scale)");
  });

  it("59.3b: the break-even of every configuration against each API, captioned with the files it comes from", () => {
    const figure = breakEvenHeatmapFigure(data, { apiModelIds: apiIds });
    const [heat] = figure.data as unknown as [{ x: string[]; y: string[]; text: string[][] }];
    expect(heat.y).toEqual(
      data.hardware.map((row) =>
        ["rtx4090x1", "rtx4090-server"].includes(row.hardwareId) ? `${row.name} (too small for Hermes 3 70B)` : row.name,
      ),
    );
    expect(heat.x).toEqual(["vs Claude 3.5 Sonnet", "vs GPT-4o", "vs Hermes 4 70B (Together AI)"]);
    // RTX 4090 server: $8,000 / 24 + $30 + $500 = $863.33 a month; GPT-4o: 8,000 × $2.50/M + 1,500 × $10/M = $0.035 a call.
    expect(heat.text[1]?.[1]).toBe("822/day");
    expect(caption(figure)).toBe("Source: data/models.csv, data/hardware.csv, data/workloads.csv, prices as of 2025-09-01. roilab");
  });

  it("59.3b: the break-even heatmap has hardware rows, API columns and 'never' where nothing is saved", () => {
    // A free API beside the chapter's: no volume of calls to it pays for a server.
    const withFree = copyOfData({
      "models.csv": (text) => `${text}free,Free API,Nobody,0,0,,,,128000,,,,,US,,,2025-09-01,an API that costs nothing\n`,
    });
    try {
      const figure = breakEvenHeatmapFigure(loadDataset(withFree.dir), { apiModelIds: [...apiIds, "free"] });
      const [heat] = figure.data as unknown as [{ x: string[]; y: string[]; text: string[][] }];
      expect(heat.x).toEqual(["vs Claude 3.5 Sonnet", "vs GPT-4o", "vs Hermes 4 70B (Together AI)", "vs Free API"]);
      expect(heat.y[0]).toBe("4x A100 80GB (Hermes 3 70B)");
      expect(heat.text[0]?.[0]).toBe("3,109/day");
      expect(heat.text[3]).toEqual(["379/day", "504/day", "2,066/day", "never"]);
      expect(figure.layout.title.text).toBe("Figure 59.3b — Break-even by hardware and API (calls per day)");
    } finally {
      withFree.dispose();
    }
  });

  it("59.3c: the what-if server's month is the workload's, as the page's panel takes it (22 working days: 1,938 calls a day, not 1,421)", () => {
    const working = { ...workload, daysPerMonth: 22 };
    const whatIf = serverBreakEven(data, {
      hardwareCostUsd: 30_000,
      depreciationMonths: 36,
      powerUsdPerMonth: 150,
      opsUsdPerMonth: 1000,
      apiModelId: "claude-3-5-sonnet",
      workload: working,
    });
    // (30,000 / 36 + 150 + 1,000) / (0.0465 × 22) = 1,938.8.
    expect(whatIf.result.breakEvenDailyCalls).toBe(1938);
  });

  it("59.3c on linear axes labels the what-if crossover at its value", () => {
    // A server at $530 a month, as the 1x RTX 4090 configuration, against Claude 3.5 Sonnet.
    const { figure } = serverBreakEven(data, {
      hardwareCostUsd: 530 * 36,
      depreciationMonths: 36,
      powerUsdPerMonth: 0,
      opsUsdPerMonth: 0,
      apiModelId: "claude-3-5-sonnet",
      workload,
    });
    expect(figure.layout.annotations?.[0]).toMatchObject({ text: "379/day", x: 379, y: 530 });
  });

  it("59.3c: the notebook's what-if server, $30,000 over 36 months with $150 power and $1,000 ops, breaks even with Claude 3.5 Sonnet at 1,421 calls a day", () => {
    const whatIf = serverBreakEven(data, {
      hardwareCostUsd: 30_000,
      depreciationMonths: 36,
      powerUsdPerMonth: 150,
      opsUsdPerMonth: 1000,
      apiModelId: "claude-3-5-sonnet",
      workload,
    });
    // $833.33 + $150 + $1,000 = $1,983.33 a month; 8,000 × $3/M + 1,500 × $15/M = $0.0465 a call; 1,983.33 / (0.0465 × 30) = 1,421.7.
    expect(whatIf.apiUsdPerCall).toBeCloseTo(0.0465, 9);
    expect(whatIf.result.totalMonthlyLocalCost).toBeCloseTo(30_000 / 36 + 1150, 9);
    expect(whatIf.result.breakEvenDailyCalls).toBe(1421);
    expect(whatIf.figure.layout.title.text).toMatch(/^Figure 59\.3c — /);
    expect(names(whatIf.figure)).toEqual(["Claude 3.5 Sonnet", "What-if server (local)", "Break-even"]);
    expect(whatIf.figure.layout.annotations?.[0]).toMatchObject({ text: "1,421/day", x: 1421 });
    expect(axisTitle(whatIf.figure, "xaxis")).toBe("Calls per day");
  });
});
