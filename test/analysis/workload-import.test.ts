import { afterEach, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { schemas } from "../../src/data";
import { parseTable } from "../../src/data/table";
import { importWorkload, type WorkloadImportOptions } from "../../src/analysis/workload-import";
import { DataError, UsageError } from "../../src/errors";
import { importFixture } from "../helpers/usage-logs";

let fixture: ReturnType<typeof importFixture> | undefined;
afterEach(() => fixture?.dispose());

const NOW = new Date("2026-12-01T09:00:00Z");

function run(options: Partial<WorkloadImportOptions> = {}) {
  if (!fixture) throw new Error("no fixture");
  return importWorkload({
    files: [fixture.file("spans.jsonl"), fixture.file("responses.jsonl")],
    dataDir: fixture.dataDir,
    id: "agent-nov",
    timeZone: "Asia/Shanghai",
    now: NOW,
    ...options,
  });
}

const csv = (file: string) =>
  parse(readFileSync(path.join(fixture!.dataDir, file), "utf8"), { columns: true, bom: true }) as Array<Record<string, string>>;
const header = (file: string) => readFileSync(path.join(fixture!.dataDir, file), "utf8").split("\n")[0];

/*
 * The five calls, by hand (Asia/Shanghai):
 *   span 1   Sat 07:30  gpt-6-sol             input 1000 (400 read, 100 written)  output 300 (100 reasoning)
 *   span 2   Mon 09:15  gpt-6-sol             input 2000                          output 500
 *   OpenAI   Mon 10:00  gpt-6-sol-2026-10-01  input 3000 (1000 read)              output 800 (200 reasoning)
 *   Anthropic no time   claude-sonnet-5-2026… input 100 + 2000 read + 900 written output 400
 *   Gemini   Tue 12:30  my-finetune           input 600                           output 90 + 10 thoughts
 * Input 9600 in all: 1920 a call; 3400 read (0.354167), 1000 written (0.104167). Visible output 1790: 358 a call;
 * reasoning 310: 62. Dates Sat 2026-11-07 to Tue 2026-11-10: 2 weekdays with 3 calls (1.5 a day), 2 weekend days
 * with 1 (0.5).
 */
describe("roilab workload import", () => {
  it("writes the workload row with every column, means, shares, calls per day type and the most-called model", async () => {
    fixture = importFixture();
    await run();
    expect(header("workloads.csv")).toBe(
      "workload_id,input_tokens_per_call,output_tokens_per_call,reasoning_tokens_per_call,calls_per_day,days_per_month,weekday_calls_per_day,weekend_calls_per_day,weekday_profile_id,weekend_profile_id,time_zone,cached_input_share,cache_write_share,batch_share,cache_write_ttl,current_model_id,allowed_regions,country,target_ttft_p95_seconds,target_output_tokens_per_second_per_user_p95,source",
    );
    const rows = csv("workloads.csv");
    const [typical, imported] = [rows.find((row) => row.workload_id === "typical"), rows.find((row) => row.workload_id === "agent-nov")];
    // The row that was there keeps its values, with empty cells in the new columns.
    expect(typical).toMatchObject({
      workload_id: "typical",
      input_tokens_per_call: "8000",
      calls_per_day: "1000",
      days_per_month: "30",
      weekday_calls_per_day: "",
      reasoning_tokens_per_call: "",
    });
    expect(imported).toEqual({
      workload_id: "agent-nov",
      input_tokens_per_call: "1920",
      output_tokens_per_call: "358",
      reasoning_tokens_per_call: "62",
      calls_per_day: "",
      days_per_month: "",
      weekday_calls_per_day: "1.5",
      weekend_calls_per_day: "0.5",
      weekday_profile_id: "agent-nov-weekday",
      weekend_profile_id: "agent-nov-weekend",
      time_zone: "Asia/Shanghai",
      cached_input_share: "0.354167",
      cache_write_share: "0.104167",
      batch_share: "",
      cache_write_ttl: "",
      // Three calls map to gpt-6-sol (one by its dated name), one to claude-sonnet-5.
      current_model_id: "gpt-6-sol",
      // The residency rule, the country and the latency target are the reader's to state: logs do not say them.
      allowed_regions: "",
      country: "",
      target_ttft_p95_seconds: "",
      target_output_tokens_per_second_per_user_p95: "",
      source:
        "imported by roilab workload import on 2026-12-01 from 5 calls in spans.jsonl, responses.jsonl, 2026-11-07 to 2026-11-10 (Asia/Shanghai dates); 1 call without a time counts for tokens only",
    });
  });

  it("writes each profile's mean calls per local hour per date of its type, 24 hours each, which the data layer reads", async () => {
    fixture = importFixture();
    await run();
    const rows = csv("traffic_profiles.csv").filter((row) => row.profile_id?.startsWith("agent-nov-"));
    const loads = (id: string) =>
      Object.fromEntries(
        rows.filter((row) => row.profile_id === id && row.relative_load !== "0").map((row) => [row.hour, row.relative_load]),
      );
    expect(rows).toHaveLength(48);
    expect(loads("agent-nov-weekday")).toEqual({ "9": "0.5", "10": "0.5", "12": "0.5" });
    expect(loads("agent-nov-weekend")).toEqual({ "7": "0.5" });
    expect(rows[0]?.source).toBe(
      "mean calls in each local hour (Asia/Shanghai) over the 2 weekdays (Mon-Fri) from 2026-11-07 to 2026-11-10, 3 calls; roilab workload import on 2026-12-01 from spans.jsonl, responses.jsonl",
    );
    const text = readFileSync(path.join(fixture.dataDir, "traffic_profiles.csv"), "utf8");
    const table = parseTable(schemas.trafficProfiles, text, "traffic_profiles.csv");
    expect(table.issues).toEqual([]);
    expect(table.rows.filter((row) => row.profileId === "office-hours")).toHaveLength(24);
  });

  it("writes token statistics: calls, mean and nearest-rank p50, p90, p99 of each kind", async () => {
    fixture = importFixture();
    await run();
    // Of 5 calls, p50 is the 3rd smallest, p90 and p99 the 5th.
    expect(csv("workload_token_stats.csv").map(({ source: _source, ...row }) => row)).toEqual([
      { workload_id: "agent-nov", token_kind: "input", calls: "5", mean: "1920", p50: "2000", p90: "3000", p99: "3000" },
      { workload_id: "agent-nov", token_kind: "output", calls: "5", mean: "358", p50: "400", p90: "600", p99: "600" },
      { workload_id: "agent-nov", token_kind: "cache_read", calls: "5", mean: "680", p50: "400", p90: "2000", p99: "2000" },
      { workload_id: "agent-nov", token_kind: "cache_write", calls: "5", mean: "200", p50: "0", p90: "900", p99: "900" },
      { workload_id: "agent-nov", token_kind: "reasoning", calls: "5", mean: "62", p50: "10", p90: "200", p99: "200" },
    ]);
    expect(header("workload_token_stats.csv")).toBe("workload_id,token_kind,calls,mean,p50,p90,p99,source");
  });

  it("counts calls by model, maps them to models.csv, and prices the mapped ones with billCall and with the database", async () => {
    fixture = importFixture();
    const result = await run();
    expect(result.models).toEqual([
      { logModel: "gpt-6-sol", calls: 2, modelId: "gpt-6-sol" },
      { logModel: "claude-sonnet-5-20261001", calls: 1, modelId: "claude-sonnet-5" },
      { logModel: "gpt-6-sol-2026-10-01", calls: 1, modelId: "gpt-6-sol" },
      { logModel: "my-finetune", calls: 1, modelId: undefined },
    ]);
    expect(result.log).toEqual({ lines: 5, calls: 5, spansWithoutUsage: 1, spansOfOtherOperations: 1 });
    // gpt-6-sol: $2 input, $0.20 cache read, $2.50 cache write, $10 output per million tokens.
    //   span 1: 500 × 2 + 400 × 0.2 + 100 × 2.5 + 300 × 10 = 4,330; span 2: 2000 × 2 + 500 × 10 = 9,000;
    //   OpenAI: 2000 × 2 + 1000 × 0.2 + 800 × 10 = 12,200 → 25,530 per million = $0.02553.
    // claude-sonnet-5, the same prices: 100 × 2 + 2000 × 0.2 + 900 × 2.5 + 400 × 10 = 6,850 → $0.00685.
    const [sol, sonnet] = result.listPrices;
    expect(sol).toMatchObject({ modelId: "gpt-6-sol", priceRef: "openai:gpt-6-sol", calls: 3, databaseCalls: 3 });
    expect(sol?.billedUsd).toBeCloseTo(0.02553, 12);
    expect(sonnet).toMatchObject({ modelId: "claude-sonnet-5", calls: 1, databaseCalls: 1 });
    expect(sonnet?.billedUsd).toBeCloseTo(0.00685, 12);
    // The folder's prices came from the same database: its own calcPrice gives the same totals.
    expect(sol?.databaseUsd).toBeCloseTo(0.02553, 12);
    expect(sonnet?.databaseUsd).toBeCloseTo(0.00685, 12);
  });

  it("shows where the folder's prices and the database's part: gpt-6-sol's output re-priced from $10 to $12 in models.csv", async () => {
    fixture = importFixture();
    const models = path.join(fixture.dataDir, "models.csv");
    writeFileSync(models, readFileSync(models, "utf8").replace("gpt-6-sol,GPT-6 Sol,OpenAI,2,10,", "gpt-6-sol,GPT-6 Sol,OpenAI,2,12,"));
    const [sol] = (await run()).listPrices;
    // 1,600 output tokens (reasoning included) × $2 more per million: $0.0032 more than the database's $0.02553.
    expect(sol?.billedUsd).toBeCloseTo(0.02873, 12);
    expect(sol?.databaseUsd).toBeCloseTo(0.02553, 12);
  });

  it("refuses an id the folder has, and with --replace writes it again in place of the old rows", async () => {
    fixture = importFixture();
    await run();
    const error = await run().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(
      /^workload "agent-nov" is already in .*workloads\.csv \(workload_id agent-nov\), .*traffic_profiles\.csv \(profile_id agent-nov-weekday, agent-nov-weekend\), .*workload_token_stats\.csv \(workload_id agent-nov\); give --replace/,
    );
    const result = await run({ files: [fixture.file("spans.jsonl")], replace: true, timeZone: "UTC" });
    expect(result.written.map((table) => [path.basename(table.file), table.rows, table.replaced])).toEqual([
      ["workload_token_stats.csv", 5, 5],
      ["traffic_profiles.csv", 48, 48],
      ["workloads.csv", 1, 1],
    ]);
    const workloads = csv("workloads.csv");
    expect(workloads.map((row) => row.workload_id)).toEqual(["typical", "agent-example", "agent-nov"]);
    // In UTC the two spans fall on Friday 2026-11-06 and Monday 2026-11-09: 2 weekdays, 2 weekend days between.
    expect(workloads[2]).toMatchObject({
      input_tokens_per_call: "1500",
      weekday_calls_per_day: "1",
      weekend_calls_per_day: "0",
      time_zone: "UTC",
    });
    expect(csv("traffic_profiles.csv").filter((row) => row.profile_id?.startsWith("agent-nov-"))).toHaveLength(48);
    expect(csv("workload_token_stats.csv")).toHaveLength(5);
  });

  it("writes nothing when a line is malformed, and names it as file:line", async () => {
    fixture = importFixture({
      "broken.jsonl":
        '{"model":"gpt-6-sol","usage":{"prompt_tokens":10,"completion_tokens":5}}\n{"model":"gpt-6-sol","usage":{"prompt_tokens":"ten","completion_tokens":5}}\n',
    });
    const before = readFileSync(path.join(fixture.dataDir, "workloads.csv"), "utf8");
    const error = await run({ files: [fixture.file("spans.jsonl"), fixture.file("broken.jsonl")] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).exitCode).toBe(2);
    expect((error as DataError).message).toMatch(
      /broken\.jsonl:2:1 - openai chat response: Expected `usage\.prompt_tokens` value to be a number, got string; nothing was written$/,
    );
    expect(readFileSync(path.join(fixture.dataDir, "workloads.csv"), "utf8")).toBe(before);
    expect(csv("traffic_profiles.csv").some((row) => row.profile_id?.startsWith("agent-nov"))).toBe(false);
  });

  it("refuses an unknown time zone, an id that is not one, and logs without a timed call, writing nothing", async () => {
    fixture = importFixture({
      "untimed.jsonl": '{"type":"message","model":"claude-haiku-4-5","usage":{"input_tokens":10,"output_tokens":5}}\n',
    });
    await expect(run({ timeZone: "Europe/Atlantis" })).rejects.toThrow(
      new UsageError(
        '--time-zone "Europe/Atlantis" is not a time zone this Node.js knows; give an IANA name such as UTC, Europe/Berlin or Asia/Shanghai',
      ),
    );
    await expect(run({ id: "=cmd|calc" })).rejects.toThrow(/--id must be an identifier/);
    await expect(run({ files: [fixture.file("untimed.jsonl")] })).rejects.toThrow(
      "none of the 1 calls has a time, so calls per day and the hourly profile cannot be worked out; nothing was written",
    );
    expect(csv("workloads.csv").map((row) => row.workload_id)).toEqual(["typical", "agent-example"]);
  });
});
