import { describe, expect, it } from "vitest";
import {
  apiCallBill,
  apiUsdPerCall,
  billingNoteSentences,
  cloudCostTable,
  costVolumeFigure,
  monthlyCostFigure,
} from "../../src/analysis/cost";
import { breakEvenOf } from "../../src/analysis/break-even";
import { breakEvenPanelSpec, tornadoPanelSpec } from "../../src/analysis/panels";
import { breakEvenUncertainty } from "../../src/analysis/sensitivity";
import { modelColors } from "../../src/analysis/figure-context";
import { findHardware, findWorkload } from "../../src/analysis/lookup";
import type { Figure } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { evaluateBreakEvenPanel, evaluateTornadoPanel } from "../../src/panels";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";
import { hardwareMonthlyCost } from "../../src/analysis/model-inputs";

const data = loadDataset(DATA_DIR);
const workload = findWorkload(data);
const colors = modelColors(data);

const names = (figure: Figure) => figure.data.map((trace) => trace.name);
const axisTitle = (figure: Figure, axis: "xaxis" | "yaxis") => (figure.layout[axis] as { title: { text: string } }).title.text;
const caption = (figure: Figure) => figure.layout.annotations?.at(-1)?.text;

describe("the chapter reproduced from data/", () => {
  it("59.1: every model's daily and monthly cost at 8K in + 1.5K out, 1,000 calls a day", () => {
    const table = Object.fromEntries(cloudCostTable(data).map((row) => [row.model.modelId, [row.usdPerDay, row.usdPerMonth]]));
    const expected: Record<string, [number, number]> = {
      "hermes-4-70b": [8.55, 256.5],
      "hermes-3-8b": [1.9, 57],
      "gpt-4o": [35, 1050],
      "gpt-4o-mini": [2.1, 63],
      "claude-3-5-sonnet": [46.5, 1395],
      "claude-3-5-haiku": [12.4, 372],
      "gemini-1.5-pro": [17.5, 525],
      "llama-3.1-70b-groq": [5.905, 177.15],
      "mistral-large": [25, 750],
    };
    expect(Object.keys(table)).toEqual(Object.keys(expected));
    for (const [id, [day, month]] of Object.entries(expected)) {
      expect(table[id]?.[0], id).toBeCloseTo(day, 2);
      expect(table[id]?.[1], id).toBeCloseTo(month, 2);
    }
  });

  it("59.1: the 4x A100 example costs $2,222.22 + $115.20 + $2,000 = $4,337.42 a month", () => {
    const cost = hardwareMonthlyCost(findHardware(data, "a100x4-70b"));
    expect(cost).toMatchObject({ basis: "itemised", energyKwhPerMonth: 1152 });
    if (cost.basis !== "itemised") return;
    expect(cost.depreciationUsd).toBeCloseTo(2222.22, 2);
    expect(cost.powerUsd).toBeCloseTo(115.2, 2);
    expect(cost.opsUsd).toBeCloseTo(2000, 2);
    expect(cost.totalUsd).toBeCloseTo(4337.42, 2);
  });
});

describe("the 59.1 figures", () => {
  it("numbers the title and captions the source with its as_of date", () => {
    const figure = monthlyCostFigure(data);
    expect(figure.layout.title.text).toBe("Figure 59.1a — Monthly cloud cost per model, 1,000 calls/day");
    expect(caption(figure)).toBe("Source: data/models.csv, data/workloads.csv, prices as of 2025-09-01. roilab");
  });

  it("59.1a: one bar per model, cheapest first, labelled in dollars", () => {
    const figure = monthlyCostFigure(data, workload, "x");
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
    const figure = costVolumeFigure(data, workload, [0, 5000, 10_000]);
    expect(names(figure)).toEqual(data.models.map((model) => model.modelName));
    const claude = figure.data.find((trace) => trace.name === "Claude 3.5 Sonnet") as unknown as { y: number[] };
    expect(claude.y[2]).toBeCloseTo(13_950, 2);
    expect(axisTitle(figure, "xaxis")).toBe("Calls per day");
    expect(figure.layout.annotations?.[0]?.text).toBe("workload: 1,000/day");
  });
});

describe("a workload that caches and batches", () => {
  // Claude 3.5 Sonnet gains its cache-read ($0.30) and batch ($1.50 / $7.50) prices; half of each call's input is
  // read from the cache and half of the calls are batched.
  const copy = copyOfData({
    "models.csv": (text) =>
      text.replace(
        "claude-3-5-sonnet,Claude 3.5 Sonnet,Anthropic,3.00,15.00,,,,",
        "claude-3-5-sonnet,Claude 3.5 Sonnet,Anthropic,3.00,15.00,0.30,1.50,7.50,",
      ),
    "workloads.csv": (text) =>
      text
        .replace("days_per_month,source", "days_per_month,cached_input_share,batch_share,source")
        .replace(",1000,30,", ",1000,30,0.5,0.5,"),
  });
  const cached = loadDataset(copy.dir);
  copy.dispose();
  // Interactive: (4,000 × $3 + 1,500 × $15 + 4,000 × $0.30) / 1M = $0.0357; batch, cache reads at the batch discount
  // too: (4,000 × $1.50 + 1,500 × $7.50 + 4,000 × $0.15) / 1M = $0.01785.
  const claudeUsdPerCall = (0.0357 + 0.01785) / 2;
  // The A100 server's $4,337.42 a month over $0.026775 × 30 days.
  const a100BreakEven = hardwareMonthlyCost(findHardware(cached, "a100x4-70b")).totalUsd / (claudeUsdPerCall * 30);

  it("prices Claude 3.5 Sonnet at $0.026775 a call, half of $0.0357 and half of $0.01785: $803.25 a month", () => {
    expect(apiUsdPerCall(cached, "claude-3-5-sonnet")).toBeCloseTo(claudeUsdPerCall, 12);
    const claude = cloudCostTable(cached).find((row) => row.model.modelId === "claude-3-5-sonnet");
    expect(claude?.usdPerMonth).toBeCloseTo(803.25, 9);
    expect(claude?.bill.byTokenKind.cacheReadUsd).toBeCloseTo(0.0009, 12);
    expect(claude?.bill.notes).toEqual([]);
  });

  it("moves every figure that prices that model: break-even, sensitivity and both what-if panels", () => {
    expect(a100BreakEven).toBeCloseTo(5399.84, 2);
    expect(breakEvenOf(cached, "a100x4-70b", "claude-3-5-sonnet", findWorkload(cached)).apiUsdPerCall).toBeCloseTo(claudeUsdPerCall, 12);
    expect(breakEvenUncertainty(cached, "a100x4-70b", "claude-3-5-sonnet", { samples: 10 }).tornado.baseBreakEven).toBeCloseTo(
      a100BreakEven,
      6,
    );
    const panel = breakEvenPanelSpec(cached, { apiModelIds: ["claude-3-5-sonnet"] });
    expect(evaluateBreakEvenPanel(panel, panel.defaults).apiUsdPerCall).toBeCloseTo(claudeUsdPerCall, 12);
    const tornadoPanel = tornadoPanelSpec(cached, { hardwareId: "a100x4-70b", apiModelId: "claude-3-5-sonnet", swing: 0.2 });
    expect(evaluateTornadoPanel(tornadoPanel, tornadoPanel.defaults).tornado.baseBreakEven).toBeCloseTo(a100BreakEven, 6);
    expect(JSON.parse(JSON.stringify(tornadoPanel))).toEqual(tornadoPanel);
  });

  it("bills a model without cache or batch prices at its plain prices, and says which models that is", () => {
    expect(apiUsdPerCall(cached, "gpt-4o")).toBeCloseTo(0.035, 12);
    expect(apiCallBill(cached, "gpt-4o").notes).toEqual([
      "cache-read-at-input-price",
      "batch-input-at-input-price",
      "batch-output-at-output-price",
    ]);
    const sentences = billingNoteSentences(cloudCostTable(cached));
    expect(sentences).toHaveLength(3);
    expect(sentences[0]).toMatch(
      /^Cached input billed at the plain input price \(no cache-read price listed\): Hermes 4 70B \(Together AI\), Hermes 3 8B, GPT-4o, GPT-4o-mini, Claude 3.5 Haiku, /,
    );
    expect(sentences.join(" ")).not.toContain("Claude 3.5 Sonnet");
    expect(billingNoteSentences(cloudCostTable(data))).toEqual([]);
  });
});

describe("long-context prices", () => {
  const at = (inputTokensPerCall: number) => ({ ...workload, inputTokensPerCall: inputTokensPerCall });

  it("bill Gemini 1.5 Pro's whole call at $2.50 / $10 above 128,000 input tokens: (200,000 × $2.50 + 1,500 × $10) / 1M = $0.515", () => {
    expect(apiUsdPerCall(data, "gemini-1.5-pro", at(200_000))).toBeCloseTo(0.515, 12);
    // At the threshold itself, base prices: (128,000 × $1.25 + 1,500 × $5) / 1M = $0.1675.
    expect(apiUsdPerCall(data, "gemini-1.5-pro", at(128_000))).toBeCloseTo(0.1675, 12);
    // Models without a tier keep their prices: (200,000 × $3 + 1,500 × $15) / 1M = $0.6225.
    expect(apiUsdPerCall(data, "claude-3-5-sonnet", at(200_000))).toBeCloseTo(0.6225, 12);
  });

  it("name long_context_prices.csv in the caption only where a call passes a tier", () => {
    expect(caption(monthlyCostFigure(data, at(200_000)))).toBe(
      "Source: data/models.csv, data/long_context_prices.csv, data/workloads.csv, prices as of 2025-09-01. roilab",
    );
    expect(caption(costVolumeFigure(data, workload, [0, 1000]))).toBe(
      "Source: data/models.csv, data/workloads.csv, prices as of 2025-09-01. roilab",
    );
  });
});
