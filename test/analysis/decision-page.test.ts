import { describe, expect, it } from "vitest";
import {
  bottomLine,
  caseStudyDecision,
  caseStudyWorkload,
  decide,
  decisionFigure,
  decisionRows,
  displayCurrency,
  flipText,
  pageDecision,
  shortList,
} from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { DATA_2026_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_2026_DIR);
const usd = displayCurrency(data, "USD");

describe("the decision page on the example agent under the case study's residency rule", () => {
  const decision = pageDecision(data, { workloadId: "agent-example", scenarioId: "saas-export", samples: 0 });

  it("takes the rule and the country from the case study when the workload states none, and today's API from the workload", () => {
    expect(decision.allowedRegions).toEqual(["cn", "on_premises"]);
    expect(decision.country).toBe("CN");
    expect(decision.current.id).toBe("api:claude-sonnet-5");
  });

  it("says in one computed sentence that no compliant option is shown at today's quality, and names the cheapest compliant one: DeepSeek's API at $1,418.60, $18,349.46 − $1,418.60 = $16,930.86 less", () => {
    expect(bottomLine(decision, usd)).toBe(
      "No compliant option is shown to be at today's quality: today's Claude Sonnet 5 (74.6% on Terminal-Bench 2.1) is not compliant with the rule and not offered in CN, and no compliant option scores at least as well on a benchmark scoring both. " +
        "The cheapest compliant option is **DeepSeek V3.2 (DeepSeek API)** at **$1,418.60 a month**, $16,930.86 a month less than today's, which no benchmark in the data scores beside today's model: try it on the workload's own tasks before switching.",
    );
    expect(flipText(decision)).toBe("");
  });

  it("says what flips it where today's model sets no quality bar: API prices 2,016.25 / 1,418.60 = 1.42 times today's make seven bought RTX 5090s cheaper", () => {
    // Today on GPT-6 Sol (Claude Sonnet 5's prices, no score): residency alone decides, and API prices flip it.
    const sol = pageDecision(
      {
        ...data,
        workloads: data.workloads.map((row) => (row.workloadId === "agent-example" ? { ...row, currentModelId: "gpt-6-sol" } : row)),
      },
      { workloadId: "agent-example", scenarioId: "saas-export", samples: 0 },
    );
    expect(flipText(sol)).toMatch(
      /^It would change if every API price rose by 42% \(×1\.42\): then \*\*Buy RTX 5090 workstation \(gpt-oss-20b\)\*\* wins\./,
    );
  });

  it("lists every option with its compliance and region, quality and the same model's API", () => {
    const rows = decisionRows(decision, usd);
    const rtx = rows.find((row) => row.option === "Buy RTX 5090 workstation (gpt-oss-20b)");
    expect(rtx).toMatchObject({
      month: "$2,016",
      servers: "7",
      compliance: "compliant (on_premises)",
      quality: "low (3.1% on Terminal-Bench 2.0)",
      vsToday: "no shared score",
      sameModel: "$0.00206 a call",
      beats: "525",
    });
    expect(rows.find((row) => (row.option ?? "").startsWith("Rent RTX 5090 workstation from Vast.ai, by the hour"))?.compliance).toBe(
      "not compliant (unknown)",
    );
    expect(rows.find((row) => row.option === "Claude Sonnet 5")?.beats).toBe("today's");
    const figure = decisionFigure(data, decision, usd);
    expect(figure.data.map((trace) => trace.name)).toEqual(["call", "buy", "rent, by the hour", "rent, always on", "hybrid"]);
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
    expect(
      decision.options.filter((option) => option.kind.startsWith("rent")).every((option) => option.compliance === "not compliant"),
    ).toBe(true);
  });
});

describe("the short list", () => {
  it("lists today's API, the answer and the cheapest of each way that passes every rule, the country's included", () => {
    // Groq stated as not serving CN: its gpt-oss-20b, the cheapest API, may not stand as the cheapest call.
    const noGroq = {
      ...data,
      providerAvailability: [
        ...data.providerAvailability,
        { provider: "Groq", country: "CN", serves: "no" as const, asOf: "2026-12-07", source: "test" },
      ],
    };
    const decision = decide(noGroq, { workloadId: "agent-example", country: "CN", samples: 0 });
    const listed = shortList(decision);
    expect(listed[0]?.id).not.toBe("api:gpt-oss-20b");
    expect(
      listed.filter((option) => option.id !== decision.current.id).every((option) => option.passesRules && option.servesCountry !== "no"),
    ).toBe(true);
    expect(listed.map((option) => option.id)).toContain(decision.current.id);
    // The cheapest call left is the cheapest API whose provider is not stated as refusing CN.
    const cheapestCall = decision.options.find((option) => option.kind === "api" && option.servesCountry !== "no");
    expect(listed.find((option) => option.kind === "api" && option.id !== decision.current.id)?.id).toBe(cheapestCall?.id);
  });
});
