/**
 * The question a new user brings, answered as one would: an agent's traffic imported from OpenTelemetry spans,
 * then `decide` on the workload the import wrote. The spans are made by the OpenTelemetry SDK itself.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { decide, displayCurrency, findWorkload, selectWorkload } from "../../src/analysis";
import { decisionText } from "../../src/analysis/text";
import { importWorkload } from "../../src/analysis/workload-import";
import { loadDataset } from "../../src/data";
import { DATA_2026_DIR } from "../helpers/data-folder";
import { chatSpan, otlpLine } from "../helpers/otel-spans";

const dir = mkdtempSync(path.join(tmpdir(), "roilab-decide-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A week of the example agent at a hundredth of its volume: Monday 9 to Friday 13 November 2026, 20 calls in each
 * hour from 09:00 to 18:59 New York time (14:00–23:59 UTC in winter), each a Claude Sonnet 5 call of 30,000 input
 * tokens of which 21,000 read from the cache, and 2,000 output tokens of which 800 are reasoning.
 */
function weekOfSpans(): string {
  const lines: string[] = [];
  for (let day = 9; day <= 13; day++) {
    for (let hour = 9; hour < 19; hour++) {
      const spans = Array.from({ length: 20 }, (_, index) => {
        const utc = new Date(Date.UTC(2026, 10, day, hour + 5, index * 3, 0));
        return chatSpan(
          utc.toISOString(),
          "claude-sonnet-5",
          { input_tokens: 30_000, "cache_read.input_tokens": 21_000, output_tokens: 2000, "reasoning.output_tokens": 800 },
          { "gen_ai.provider.name": "anthropic" },
        );
      });
      lines.push(otlpLine(spans));
    }
  }
  return `${lines.join("\n")}\n`;
}

describe("the example question, from spans to a decision", async () => {
  const dataDir = path.join(dir, "data");
  cpSync(DATA_2026_DIR, dataDir, { recursive: true });
  writeFileSync(path.join(dir, "traces.jsonl"), weekOfSpans());
  const imported = await importWorkload({
    files: [path.join(dir, "traces.jsonl")],
    dataDir,
    id: "my-agent",
    timeZone: "America/New_York",
    now: new Date("2026-12-01T12:00:00Z"),
  });
  // The week's 200 calls a weekday, scaled to the agent's 20,000 as a run sets one field.
  const data = selectWorkload(loadDataset(dataDir), { workloadId: "my-agent", callsPerDay: 20_000 });
  const decision = decide(data, { workloadId: "my-agent" });
  const usd = (id: string) => Math.round((decision.options.find((option) => option.id === id)?.usdPerMonth ?? NaN) * 100) / 100;

  it("imports the week as 200 calls a weekday from 09:00 to 19:00 New York time on Claude Sonnet 5", () => {
    expect(imported.summary.calls).toBe(1000);
    const workload = findWorkload(loadDataset(dataDir), "my-agent");
    expect(workload).toMatchObject({
      inputTokensPerCall: 30_000,
      outputTokensPerCall: 1200,
      reasoningTokensPerCall: 800,
      weekdayCallsPerDay: 200,
      weekendCallsPerDay: 0,
      timeZone: "America/New_York",
      currentModelId: "claude-sonnet-5",
    });
    expect(workload.cachedInputShare).toBeCloseTo(0.7, 6);
  });

  it("gives the hand computation's months to the cent: Claude Sonnet 5, DeepSeek at peak and off-peak hours, a rented and a bought 8x H100", () => {
    // 20,000 × 30.4375 × 5/7 = 434,821.43 calls; Sonnet 5: $0.0422 each (reasoning billed as output).
    expect(usd("api:claude-sonnet-5")).toBe(18_349.46);
    // DeepSeek: a quarter of the calls (14:00–16:30 UTC) at $0.00522, the rest at $0.00261.
    expect(usd("api:deepseek-chat")).toBe(1418.6);
    // One 8x H100 bought: $369,231 / 36 + 10.2 kW × 730.5 h × $0.10 + $2,000.
    expect(usd("buy:h100x8:batched")).toBe(13_001.53);
    // Rented from Lambda ten hours a weekday: 8 × $3.99 × 10 × 21.741 + $2,000.
    expect(usd("rent-by-hour:lambda-h100x8")).toBe(8939.75);
  });

  it("gives the same months in CNY at the data's rate", () => {
    const text = decisionText(decision, displayCurrency(data, "CNY"));
    for (const amount of ["CN¥128,446.25", "CN¥9,930.23", "CN¥91,010.69", "CN¥62,578.25"]) expect(text).toContain(amount);
  });
});
