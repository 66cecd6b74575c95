import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { ImportedRows } from "../../../src/data/usage-log/summarise";
import { writeImportedRows } from "../../../src/data/usage-log/write-workload";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const profile = (id: string, source: string) =>
  Array.from({ length: 24 }, (_, hour) => ({ profile_id: id, hour: String(hour), relative_load: hour === 9 ? "2" : "0", source }));

function rows(source: string): ImportedRows {
  return {
    workload: { workload_id: "w", input_tokens_per_call: "10", output_tokens_per_call: "2", source },
    profiles: [...profile("w-weekday", source), ...profile("w-weekend", source)],
    tokenStats: [{ workload_id: "w", token_kind: "input", calls: "1", mean: "10", p50: "10", p90: "10", p99: "10", source }],
  };
}

describe("writing an imported workload into a data folder", () => {
  it("adds the missing columns in their place, keeps other rows, columns and line ends, and creates the files it lacks", () => {
    dir = mkdtempSync(path.join(tmpdir(), "roilab-write-"));
    writeFileSync(
      path.join(dir, "workloads.csv"),
      'workload_id,input_tokens_per_call,output_tokens_per_call,calls_per_day,days_per_month,my_note,source\r\ntypical,8000,1500,1000,30,kept,"book, 59.1"\r\n',
    );
    const written = writeImportedRows(dir, "w", rows("imported"), false);
    expect(written.map((table) => [path.basename(table.file), table.created])).toEqual([
      ["workload_token_stats.csv", true],
      ["traffic_profiles.csv", true],
      ["workloads.csv", false],
    ]);
    expect(readFileSync(path.join(dir, "workloads.csv"), "utf8")).toBe(
      "workload_id,input_tokens_per_call,output_tokens_per_call,reasoning_tokens_per_call,calls_per_day,days_per_month,weekday_calls_per_day,weekend_calls_per_day,weekday_profile_id,weekend_profile_id,time_zone,cached_input_share,cache_write_share,batch_share,cache_write_ttl,current_model_id,allowed_regions,country,target_ttft_p95_seconds,target_output_tokens_per_second_per_user_p95,my_note,source\r\n" +
        'typical,8000,1500,,1000,30,,,,,,,,,,,,,,,kept,"book, 59.1"\r\n' +
        "w,10,2,,,,,,,,,,,,,,,,,,,imported\r\n",
    );
    expect(readFileSync(path.join(dir, "traffic_profiles.csv"), "utf8").split("\n").slice(0, 2)).toEqual([
      "profile_id,hour,relative_load,source",
      "w-weekday,0,0,imported",
    ]);
  });

  it("neutralises text a spreadsheet would run as a formula, leaving numbers alone", () => {
    dir = mkdtempSync(path.join(tmpdir(), "roilab-write-"));
    for (const [index, source] of ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"].entries()) {
      writeImportedRows(dir, "w", rows(source), index > 0);
      const line = readFileSync(path.join(dir, "workload_token_stats.csv"), "utf8").split("\n")[1];
      expect(line?.startsWith("w,input,1,10,10,10,10,")).toBe(true);
      expect(line?.slice("w,input,1,10,10,10,10,".length)).toMatch(/^"?'/);
    }
    expect(existsSync(path.join(dir, "workloads.csv"))).toBe(true);
  });
});
