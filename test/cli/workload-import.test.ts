import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { roilab } from "../helpers/cli";
import { importFixture } from "../helpers/usage-logs";

let fixture: ReturnType<typeof importFixture> | undefined;
afterEach(() => fixture?.dispose());

describe("roilab workload import, as a user runs it", () => {
  it("imports span and response logs into a copy of data/2026-11, exits 0, and prints what it read and wrote", async () => {
    fixture = importFixture();
    const result = await roilab(
      ["workload", "import", "spans.jsonl", "responses.jsonl", "--data", "data", "--id", "agent-nov", "--time-zone", "Asia/Shanghai"],
      { cwd: fixture.dir },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain(
      "read 5 calls (4 timed, 1 untimed) from spans.jsonl, responses.jsonl; skipped 2 spans: 1 without gen_ai usage, 1 of agent, tool or other operations",
    );
    expect(out).toContain(
      "time span: 2026-11-07 07:30 to 2026-11-10 12:30 Asia/Shanghai; 4 dates from 2026-11-07 to 2026-11-10: 2 weekdays and 2 weekend days",
    );
    expect(out).toContain("calls per day: 1.50 on weekdays (3 calls), 0.50 on weekend days (1 call)");
    expect(out).toMatch(/input \(cache included\)\s+1,920\s+2,000\s+3,000\s+3,000/);
    expect(out).toContain(
      "cache: 35.4% of input tokens read from the prompt cache, 10.4% written to it; reasoning: 14.8% of output tokens",
    );
    expect(out).toContain("busiest local hour: 07:00-08:00 Asia/Shanghai, 25.0% of timed calls");
    expect(out).toMatch(/my-finetune\s+1\s+not in models\.csv/);
    // The folder's prices came from the database itself: the two agree to the last cent's fraction.
    expect(out).toMatch(/gpt-6-sol\s+3\s+\$0\.0255\s+\$0\.0255\s+none\n/);
    expect(out).toMatch(/total\s+4\s+\$0\.0324\s+\$0\.0324\s+none\n/);
    expect(out).toContain("wrote data/workloads.csv: workload agent-nov, 1 row");
    expect(out).toContain("wrote data/traffic_profiles.csv: profiles agent-nov-weekday and agent-nov-weekend, 48 rows");
    expect(out).toContain("wrote data/workload_token_stats.csv (new file): token statistics of agent-nov, 5 rows");

    const workloads = parse(readFileSync(path.join(fixture.dataDir, "workloads.csv"), "utf8"), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(workloads.at(-1)).toMatchObject({
      workload_id: "agent-nov",
      input_tokens_per_call: "1920",
      weekday_calls_per_day: "1.5",
      current_model_id: "gpt-6-sol",
    });
  });

  it("exits 2 on an unknown time zone and on a second import of the same id, writing nothing", async () => {
    fixture = importFixture();
    const zone = await roilab(["workload", "import", "spans.jsonl", "--data", "data", "--id", "w", "--time-zone", "Mars/Base"], {
      cwd: fixture.dir,
    });
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('--time-zone "Mars/Base" is not a time zone this Node.js knows');
    expect((await roilab(["workload", "import", "spans.jsonl", "--data", "data", "--id", "w"], { cwd: fixture.dir })).code).toBe(0);
    const again = await roilab(["workload", "import", "spans.jsonl", "--data", "data", "--id", "w"], { cwd: fixture.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('workload "w" is already in data/workloads.csv');
    expect((await roilab(["workload", "import", "--data", "data", "--id", "w"], { cwd: fixture.dir })).code).toBe(2);
  });
});
