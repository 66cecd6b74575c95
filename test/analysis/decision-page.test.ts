import { describe, expect, it } from "vitest";
import { bottomLine, caseStudyDecision, caseStudyWorkload, decisionFigure, decisionRows, displayCurrency, flipText, pageDecision } from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { DATA_2026_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_2026_DIR);
const usd = displayCurrency(data, "USD");

describe("the decision page on the example agent under the case study's residency rule", () => {
  const decision = pageDecision(data, { workloadId: "agent-example", scenarioId: "saas-export", samples: 0 });

  it("takes the rule from the case study when the workload states none, and today's API from the workload", () => {
    expect(decision.allowedRegions).toEqual(["cn", "on_premises"]);
    expect(decision.current.id).toBe("api:claude-sonnet-5");
  });

  it("says the bottom line in one computed sentence: DeepSeek's API at $1,418.60, $18,349.46 − $1,418.60 = $16,930.86 less than today's non-compliant Claude Sonnet 5", () => {
    expect(bottomLine(decision, usd)).toBe(
      "The cheapest compliant option is **DeepSeek V3.2 (DeepSeek API)** (quality no rating) at **$1,418.60 a month**, $0.00326 a call, $16,930.86 a month less than today's Claude Sonnet 5 (quality no rating; not compliant with the rule).",
    );
  });

  it("says what flips it: API prices 2,016.25 / 1,418.60 = 1.42 times today's make seven bought RTX 5090s cheaper", () => {
    expect(flipText(decision)).toMatch(/^It would change if every API price rose by 42% \(×1\.42\): then \*\*Buy RTX 5090 workstation \(gpt-oss-20b\)\*\* wins\./);
  });

  it("lists every option with its compliance and region, quality and the same model's API", () => {
    const rows = decisionRows(decision, usd);
    const rtx = rows.find((row) => row.option === "Buy RTX 5090 workstation (gpt-oss-20b)");
    expect(rtx).toMatchObject({ month: "$2,016", servers: "7", compliance: "compliant (on_premises)", quality: "low (3.1% on Terminal-Bench 2.0)", sameModel: "$0.00206 a call", beats: "524" });
    expect(rows.find((row) => (row.option ?? "").startsWith("Rent RTX 5090 workstation from Vast.ai, by the hour"))?.compliance).toBe("not compliant (unknown)");
    expect(rows.find((row) => row.option === "Claude Sonnet 5")?.beats).toBe("today's");
    const figure = decisionFigure(data, decision, usd);
    expect(figure.data.map((trace) => trace.name)).toEqual(["call", "buy", "rent, by the hour", "rent, always on"]);
    // Cheapest at the top: Plotly draws the array's last category highest.
    const order = (figure.layout.yaxis as { categoryarray: string[] }).categoryarray;
    expect(order.at(-1)).toBe("gpt-oss-20b (Groq)");
    expect(order).toHaveLength(decision.options.length);
    expect((figure.layout.xaxis as { dtick: number }).dtick).toBe(1);
  });
});

describe("the case study decided over every model and rental", () => {
  it("is the default workload's call at (3,000 × 25 + 500 × 5) = 77,500 calls a month on 30 days, under CN or own servers", () => {
    const workload = caseStudyWorkload(data, "saas-export");
    expect(workload.callsPerDay * workload.daysPerMonth).toBeCloseTo(77_500, 9);
    expect(workload.allowedRegions).toEqual(["CN", "on_premises"]);
  });

  it("names DeepSeek V3.2 at 77,500 × (8,000 × $0.2288 + 1,500 × $0.3432) / 1M = $181.75, below one RTX 5090's $480.29, and marks every rental non-compliant", () => {
    const decision = caseStudyDecision(data, "saas-export");
    expect(decision.winner?.id).toBe("api:deepseek-v3.2");
    expect(Math.round((decision.winner?.usdPerMonth ?? 0) * 100) / 100).toBe(181.75);
    expect(Math.round(77_500 * 0.0023452 * 100) / 100).toBe(181.75);
    expect(decision.options.filter((option) => option.kind.startsWith("rent")).every((option) => option.compliance === "not compliant")).toBe(true);
  });
});
