import { afterEach, describe, expect, it } from "vitest";
import { readFileSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import { DataError, formatDataIssue } from "../../src/errors";
import { camelCase, loadDataset, readDataset, TABLE_SPECS } from "../../src/data";
import { SENSITIVITY_INPUTS } from "../../src/model";
import { displayPath } from "../../src/util/display-path";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((dispose) => {
    dispose();
  });
  cleanups = [];
});

/** Loads a copy of data/ with the edits applied and returns the messages it fails with, paths relative to that copy. */
function problems(edits: Parameters<typeof copyOfData>[0]): string[] {
  const copy = copyOfData(edits);
  cleanups.push(copy.dispose);
  try {
    loadDataset(copy.dir);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return error.issues.map((issue) =>
      formatDataIssue(issue)
        .split(copy.dir + path.sep)
        .join(""),
    );
  }
  throw new Error("expected the data folder to be rejected");
}

const MODELS_HEADER =
  "model_id,model_name,provider,input_usd_per_mtok,output_usd_per_mtok,context_tokens,quality_stars,tool_use_stars,speed_stars,value_stars,data_region,as_of,source";

function modelsCsv(...rows: string[]): string {
  const keep =
    "hermes-4-70b,Hermes 4,Together AI,0.9,0.9,128000,4,5,4,5,US,2025-09-01,book\nhermes-3-8b,Hermes 3 8B,x,0.2,0.2,,,,,,unknown,2025-09-01,book\nclaude-3-5-sonnet,Claude,Anthropic,3,15,,,,,,US,2025-09-01,book\ngpt-4o,GPT-4o,OpenAI,2.5,10,,,,,,US,2025-09-01,book\ngemini-1.5-pro,Gemini,Google,1.25,5,,,,,,US,2025-09-01,book";
  return `${[MODELS_HEADER, keep, ...rows].join("\n")}\n`;
}

describe("loadDataset", () => {
  it("loads the shipped data folder with every table typed", () => {
    const data = loadDataset(DATA_DIR);
    expect(data.models).toHaveLength(9);
    expect(data.benchmarks).toHaveLength(24);
    expect(data.hardware).toHaveLength(8);
    expect(data.models.find((m) => m.modelId === "claude-3-5-sonnet")).toMatchObject({
      inputUsdPerMTok: 3,
      outputUsdPerMTok: 15,
      contextTokens: 200_000,
      dataRegion: "US",
    });
    expect(data.models.find((m) => m.modelId === "mistral-large")).toMatchObject({
      qualityStars: undefined,
      cachedInputUsdPerMTok: undefined,
    });
    expect(data.caseStudy[0]?.allowedRegions).toEqual(["CN", "on_premises"]);
    expect(data.taskMix.filter((row) => row.mixId === "saas-case" && row.sensitive).map((row) => row.taskType)).toEqual([
      "compliance_query",
      "quote_calculation",
    ]);
  });

  it("reports a non-numeric price, a missing column and a duplicate model, one file:line:column message each", () => {
    const header = MODELS_HEADER.replace(",output_usd_per_mtok", "");
    const csv = [header, "a,A,p,abc,1,,,,,US,2025-09-01,s", "b,B,p,1,1,,,,,US,2025-09-01,s", "a,A again,p,1,1,,,,,US,2025-09-01,s"].join(
      "\n",
    );
    expect(problems({ "models.csv": csv })).toEqual([
      'models.csv:1:13 - missing required column "output_usd_per_mtok"',
      'models.csv:2:4 - input_usd_per_mtok must be a non-negative number, got "abc"',
      'models.csv:4:1 - model_id "a" is duplicated (first on line 2)',
    ]);
  });

  it("reports negative prices, bad stars and bad dates, and keeps an analyst's own column with a warning", () => {
    const csv = `${MODELS_HEADER},analyst_note\nx,X,p,-1,1,,6,,,,US,2025-13-45,s,n\n`;
    expect(problems({ "models.csv": csv })).toEqual([
      'models.csv:2:4 - input_usd_per_mtok must be a non-negative number, got "-1"',
      'models.csv:2:7 - quality_stars must be empty or a whole number of stars from 1 to 5, got "6"',
      'models.csv:2:12 - as_of must be a date as YYYY-MM-DD, got "2025-13-45" (no such day, or before 1900)',
    ]);
    const withNote = (text: string) =>
      text
        .split("\n")
        .map((line, index) => (line === "" ? line : `${line}${index === 0 ? ",analyst_note" : ",checked by finance"}`))
        .join("\n");
    const copy = copyOfData({ "models.csv": withNote });
    try {
      const { data, notes } = readDataset(copy.dir);
      expect(data.models).toHaveLength(loadDataset(DATA_DIR).models.length);
      expect(notes.map(formatDataIssue)).toEqual([
        `${displayPath(path.join(copy.dir, "models.csv"))}:1:19 - column "analyst_note" is not one roilab reads; it is kept as it is`,
      ]);
    } finally {
      copy.dispose();
    }
  });

  it("refuses numbers too large or too small to compute a finite cost with, and days the calendar does not have", () => {
    const sizes = "(roilab reads numbers from 1e-9 to 1000000000000 in size (or 0), so that every cost made of them is a finite number)";
    /** The text with one cell replaced: the row whose first field is `id`, the column named `column` (no quoted field before it). */
    const setCell = (id: string, column: string, value: string) => (text: string) => {
      const index = text.split("\n")[0]!.split(",").indexOf(column);
      return text
        .split("\n")
        .map((line) =>
          line.startsWith(`${id},`)
            ? line
                .split(",")
                .map((field, at) => (at === index ? value : field))
                .join(",")
            : line,
        )
        .join("\n");
    };
    const models = (text: string) =>
      [
        setCell("gpt-4o", "input_usd_per_mtok", "1e308"),
        setCell("gpt-4o-mini", "as_of", "2025-02-30"),
        setCell("claude-3-5-haiku", "as_of", "0000-01-01"),
      ].reduce((edited, edit) => edit(edited), text);
    const hardware = setCell("a100x4-70b", "depreciation_months", "1e-320");
    const found = problems({ "models.csv": models, "hardware.csv": hardware });
    expect(found).toContain(`models.csv:4:4 - input_usd_per_mtok must be a non-negative number, got "1e308" ${sizes}`);
    expect(found).toContainEqual(
      expect.stringMatching(/^models\.csv:\d+:\d+ - as_of must be a date as YYYY-MM-DD, got "2025-02-30" \(no such day, or before 1900\)$/),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^models\.csv:\d+:\d+ - as_of must be a date as YYYY-MM-DD, got "0000-01-01" \(no such day, or before 1900\)$/),
    );
    expect(found).toContain(`hardware.csv:2:9 - depreciation_months must be empty or a positive number, got "1e-320" ${sizes}`);
  });

  it("reports a link in the folder to a file that does not exist", () => {
    const copy = copyOfData();
    cleanups.push(copy.dispose);
    symlinkSync(path.join(copy.dir, "gone.csv"), path.join(copy.dir, "notes.csv"));
    expect(() => loadDataset(copy.dir)).toThrow(
      `${displayPath(path.join(copy.dir, "notes.csv"))}:1:1 - a link to ${path.join(copy.dir, "gone.csv")}, which does not exist`,
    );
  });

  it("takes a misspelt required column for what it is, and says which one was meant", () => {
    const csv = `${MODELS_HEADER.replace("output_usd_per_mtok", "Output_USD_per_mtk")}\nx,X,p,1,1,,,,,,US,2025-09-01,s\n`;
    expect(problems({ "models.csv": csv })).toEqual([
      'models.csv:1:5 - unknown column "Output_USD_per_mtk": did you mean "output_usd_per_mtok", a required column?',
    ]);
  });

  it("reports a row with too few fields", () => {
    expect(problems({ "models.csv": modelsCsv("x,X,p,1,1") })).toContain("models.csv:7:6 - expected 13 fields, got 5");
  });

  it("accepts a UTF-8 BOM, CRLF line ends, quoted commas and CJK text", () => {
    const csv = `\uFEFF${modelsCsv('qwen,"通义千问, Qwen 2.5",阿里云,0.5,1.5,,,,,,CN,2025-09-01,"价格表, 2025"').replace(/\n/g, "\r\n")}`;
    const copy = copyOfData({ "models.csv": csv });
    cleanups.push(copy.dispose);
    const qwen = loadDataset(copy.dir).models.find((m) => m.modelId === "qwen");
    expect(qwen).toMatchObject({ modelName: "通义千问, Qwen 2.5", provider: "阿里云", dataRegion: "CN", source: "价格表, 2025" });
  });

  it("counts lines inside quoted multi-line fields when locating later errors", () => {
    const csv = modelsCsv('m1,"two\nlines",p,1,1,,,,,,US,2025-09-01,s', "m2,M2,p,oops,1,,,,,,US,2025-09-01,s");
    expect(problems({ "models.csv": csv })).toEqual(['models.csv:9:4 - input_usd_per_mtok must be a non-negative number, got "oops"']);
  });

  it("reports a CSV syntax error with its line", () => {
    expect(problems({ "models.csv": modelsCsv('bad,"unclosed,p,1,1,,,,,,US,2025-09-01,s') })).toEqual([
      expect.stringMatching(/^models\.csv:7:\d+ - CSV syntax error: .*quote/i),
    ]);
  });

  it("reports references that resolve to nothing", () => {
    expect(problems({ "benchmarks.csv": (text) => text.replace("gpt-4o,AgentBench", "gpt-5,AgentBench") })).toEqual([
      'benchmarks.csv:3:1 - model_id "gpt-5" does not match any model_id in models.csv',
    ]);
    expect(problems({ "case_study.csv": (text) => text.replace("rtx4090x2-saas", "rtx5090") })).toEqual([
      'case_study.csv:2:8 - local_hardware_id "rtx5090" does not match any hardware_id in hardware.csv',
    ]);
  });

  it("refuses a price per call stated beside a cloud tier's model, which would keep a re-price of the model from the tier", () => {
    expect(
      problems({
        "routing_tiers.csv": (text) =>
          text.replace("cloud_economy,hermes-4,hermes-4-70b,cloud,,", "cloud_economy,hermes-4,hermes-4-70b,cloud,0.009,"),
      }),
    ).toEqual([
      "routing_tiers.csv:4:5 - usd_per_call must be empty for a cloud tier with a model_id: the tier is priced from hermes-4-70b's prices in models.csv",
    ]);
  });

  it("reports task-mix shares that do not add up to 1", () => {
    expect(problems({ "task_mix.csv": (text) => text.replace("router-example,simple_qa,0.35", "router-example,simple_qa,0.45") })).toEqual([
      'task_mix.csv:2:3 - shares of mix_id "router-example" add up to 1.1, not 1',
    ]);
  });

  it("reports itemised hardware without the inputs its cost needs", () => {
    const hardware = (text: string) =>
      text.replace(
        "a100x4-70b,4x A100 80GB (Hermes 3 70B),NVIDIA A100 80GB,4,80,hermes-3-70b,f16,80000,36,1.6,0.10,",
        "a100x4-70b,4x A100 80GB (Hermes 3 70B),NVIDIA A100 80GB,4,80,hermes-3-70b,f16,,36,,0.10,",
      );
    expect(problems({ "hardware.csv": hardware })).toEqual([
      "hardware.csv:2:8 - capex_usd is required when cost_basis is itemised",
      "hardware.csv:2:10 - power_kw is required when power_usd_per_month is empty",
    ]);
  });

  it("reports a stated cost whose operations part exceeds it, and an operations share above 1", () => {
    const row = "a100x2,2x A100 80GB,NVIDIA A100 80GB,2,80,hermes-3-70b,f16,,,,,,,,2000,0.25,3169,";
    const opsAbove = (text: string) =>
      text.replace(row, "a100x2,2x A100 80GB,NVIDIA A100 80GB,2,80,hermes-3-70b,f16,,,,,,,,4000,0.25,3169,");
    expect(problems({ "hardware.csv": opsAbove })).toEqual([
      "hardware.csv:7:15 - the operations part (4000) exceeds monthly_fixed_usd (3169)",
    ]);
    const shareAbove = (text: string) =>
      text.replace(row, "a100x2,2x A100 80GB,NVIDIA A100 80GB,2,80,hermes-3-70b,f16,,,,,,,,2000,1.5,3169,");
    expect(problems({ "hardware.csv": shareAbove })).toEqual([
      'hardware.csv:7:16 - ops_share_per_added_server must be empty or a number from 0 to 1, got "1.5"',
    ]);
  });

  it("reports a configuration serving a model or quantisation the data does not describe", () => {
    const hardware = (text: string) =>
      text.replace(
        "rtx4090x1,1x RTX 4090,NVIDIA RTX 4090,1,24,hermes-3-70b,q4_k_m,",
        "rtx4090x1,1x RTX 4090,NVIDIA RTX 4090,1,24,hermes-5-405b,q3,",
      );
    expect(problems({ "hardware.csv": hardware })).toEqual([
      'hardware.csv:5:6 - serves_model_id "hermes-5-405b" does not match any model_id in model_architectures.csv',
      'hardware.csv:5:7 - serves_quant_id "q3" does not match any quant_id in quantisation.csv',
    ]);
  });

  it("reports a missing file and keeps checking the others", () => {
    expect(problems({ "benchmarks.csv": null, "workloads.csv": "workload_id\n" })).toEqual([
      "benchmarks.csv:1:1 - required file not found",
      'workloads.csv:1:2 - missing required column "input_tokens_per_call"',
      'workloads.csv:1:2 - missing required column "output_tokens_per_call"',
      'workloads.csv:1:2 - missing required column "source"',
    ]);
  });

  it("reports a traffic profile with a missing or impossible hour", () => {
    const profiles = (text: string) => text.replace("flat-24h,5,1,", "flat-24h,24,1,");
    expect(problems({ "traffic_profiles.csv": profiles })).toEqual([
      "traffic_profiles.csv:7:2 - hour must be 0 to 23, got 24",
      'traffic_profiles.csv:2:2 - profile_id "flat-24h" has no row for hour 5',
    ]);
  });

  it("reports an uncertainty range upside down or with its mode outside it, and an unknown input", () => {
    const ranges = (text: string) =>
      text
        .replace("capex_usd,0.9,1.25,triangular,1.0,", "capex_usd,1.25,0.9,uniform,,")
        .replace("power_kw,0.5,1.25,triangular,1.0,", "power_kw,0.5,1.25,triangular,2,")
        .replace("ops_fte,", "ops_people,");
    expect(problems({ "uncertainty_ranges.csv": ranges })).toEqual([
      expect.stringMatching(/^uncertainty_ranges\.csv:10:1 - input must be one of .*got "ops_people"$/),
      "uncertainty_ranges.csv:6:3 - high_factor 0.9 is below low_factor 1.25",
      "uncertainty_ranges.csv:8:5 - mode_factor 2 is outside 0.5 to 1.25",
    ]);
  });

  it("reports throughput, failover and case-study rows that name unknown hardware, models or profiles", () => {
    expect(
      problems({
        "throughput.csv": (text) => text.replace("rtx4090x4,single_stream", "rtx9090x4,single_stream"),
        "failover.csv": (text) => text.replace("a100x4-70b,claude-3-5-sonnet", "a100x4-70b,claude-9"),
        "case_study.csv": (text) => text.replace(",office-hours,", ",night-shift,"),
      }),
    ).toEqual([
      'case_study.csv:2:11 - traffic_profile_id "night-shift" does not match any profile_id in traffic_profiles.csv',
      'throughput.csv:3:1 - hardware_id "rtx9090x4" does not match any hardware_id in hardware.csv',
      'failover.csv:2:3 - cloud_model_id "claude-9" does not match any model_id in models.csv',
      // The rental of that server now has no throughput to serve at.
      'gpu_rentals.csv:5:3 - no throughput.csv row for hardware_id "rtx4090x4" served single_stream',
    ]);
  });

  it("reads a workload's cache and batch shares, empty or absent as no share at all", () => {
    const shares =
      "workload_id,input_tokens_per_call,output_tokens_per_call,calls_per_day,days_per_month,cached_input_share,cache_write_share,batch_share,source\ntypical,8000,1500,1000,30,0.7,0.3,,book\n";
    const copy = copyOfData({ "workloads.csv": shares });
    cleanups.push(copy.dispose);
    // 0.7 + 0.3 is all of the input, not more.
    expect(loadDataset(copy.dir).workloads[0]).toMatchObject({ cachedInputShare: 0.7, cacheWriteShare: 0.3, batchShare: undefined });
    expect(loadDataset(DATA_DIR).workloads[0]).toMatchObject({
      cachedInputShare: undefined,
      cacheWriteShare: undefined,
      batchShare: undefined,
    });
  });

  it("reports cache shares that add up to more than a call's input, and a share above 1", () => {
    const header =
      "workload_id,input_tokens_per_call,output_tokens_per_call,calls_per_day,days_per_month,cached_input_share,cache_write_share,batch_share,source";
    expect(
      problems({ "workloads.csv": `${header}\ntypical,8000,1500,1000,30,0.7,0.4,,book\nbatchy,8000,1500,1000,30,,,1.5,book\n` }),
    ).toEqual([
      'workloads.csv:3:8 - batch_share must be empty or a number from 0 to 1, got "1.5"',
      "workloads.csv:2:7 - cached_input_share + cache_write_share add up to 1.1, more than 1",
    ]);
  });

  it("loads Gemini 1.5 Pro's long-context tier, and a folder without long_context_prices.csv", () => {
    expect(loadDataset(DATA_DIR).longContextPrices).toEqual([
      {
        modelId: "gemini-1.5-pro",
        aboveInputTokens: 128_000,
        inputUsdPerMTok: 2.5,
        outputUsdPerMTok: 10,
        cachedInputUsdPerMTok: undefined,
        cacheWriteUsdPerMTok: undefined,
        source: "@pydantic/genai-prices 0.1.8 (google:gemini-1.5-pro)",
      },
    ]);
    const older = copyOfData({ "long_context_prices.csv": null });
    cleanups.push(older.dispose);
    expect(loadDataset(older.dir).longContextPrices).toEqual([]);
  });

  it("reports a long-context tier for a model models.csv does not have, and a tier given twice", () => {
    const tiers = (text: string) => `${text}gemini-9-pro,200000,5,20,,,vendor page\ngemini-1.5-pro,128000,3,12,,,again\n`;
    expect(problems({ "long_context_prices.csv": tiers })).toEqual([
      'long_context_prices.csv:4:1 - model_id + above_input_tokens "gemini-1.5-pro / 128000" is duplicated (first on line 2)',
      'long_context_prices.csv:3:1 - model_id "gemini-9-pro" does not match any model_id in models.csv',
    ]);
  });

  it("loads a case study without the traffic_profile_id column, written before capacity planning", () => {
    const copy = copyOfData({
      "case_study.csv": (text) =>
        text
          .split("\n")
          .map((line) =>
            line
              .split(",")
              .filter((_, index) => index !== 10)
              .join(","),
          )
          .join("\n"),
    });
    cleanups.push(copy.dispose);
    expect(loadDataset(copy.dir).caseStudy[0]?.trafficProfileId).toBeUndefined();
  });
});

describe("a workload's calendar in workloads.csv", () => {
  const header =
    "workload_id,input_tokens_per_call,output_tokens_per_call,calls_per_day,days_per_month,weekday_calls_per_day,weekend_calls_per_day,weekday_profile_id,time_zone,source\n";
  const table = (row: string) => ({ "workloads.csv": `${header}typical,8000,1500,1000,30,,,,,book\n${row}\n` });

  it("takes weekday and weekend volumes over a calendar month, and fills in the chapter's two fields", () => {
    const copy = copyOfData(table("weekly,8000,1500,,,20000,500,flat-24h,Asia/Shanghai,example"));
    try {
      const weekly = loadDataset(copy.dir).workloads[1];
      expect(weekly?.daysPerMonth).toBe(365.25 / 12);
      expect(weekly?.callsPerDay).toBeCloseTo(20_000 * (5 / 7) + 500 * (2 / 7), 9);
    } finally {
      copy.dispose();
    }
  });

  it("reports a row with both calendars, half of one, a profile without weekday volumes, and an unknown zone or profile", () => {
    expect(
      problems(
        table(
          [
            "both,8000,1500,1000,30,20000,0,,,x",
            "half,8000,1500,,,20000,,,,x",
            "flatprofile,8000,1500,1000,30,,,flat-24h,,x",
            "zone,8000,1500,,,100,0,,Mars/Olympus,x",
            "profile,8000,1500,,,100,0,no-such-profile,,x",
            "nothing,8000,1500,,,,,,,x",
          ].join("\n"),
        ),
      ),
    ).toEqual([
      'workloads.csv:6:9 - time_zone must be empty or an IANA time zone name such as Asia/Shanghai or UTC, got "Mars/Olympus"',
      "workloads.csv:3:6 - give calls_per_day and days_per_month, or weekday_calls_per_day and weekend_calls_per_day, not both",
      "workloads.csv:4:7 - weekend_calls_per_day is required beside weekday_calls_per_day",
      "workloads.csv:5:8 - weekday_profile_id needs weekday_calls_per_day and weekend_calls_per_day",
      "workloads.csv:8:4 - calls_per_day is required (or weekday_calls_per_day and weekend_calls_per_day)",
      "workloads.csv:8:5 - days_per_month is required beside calls_per_day",
      'workloads.csv:7:8 - weekday_profile_id "no-such-profile" does not match any profile_id in traffic_profiles.csv',
    ]);
  });
});

describe("money in another currency", () => {
  const rates = "currency,per_usd,as_of,source\nCNY,7.00,2025-09-01,the chapter's rate\n";
  // The A100 server's capex and power price stated in yuan: ¥560,000 and ¥0.70/kWh.
  const inYuan = (text: string) =>
    text
      .replace("capex_usd", "capex_cny")
      .replace("electricity_usd_per_kwh", "electricity_cny_per_kwh")
      .split("\n")
      .map((line) => (line.startsWith("a100x4-70b,") ? line.replace(",80000,", ",560000,").replace(",0.10,", ",0.70,") : line))
      .join("\n");

  it("reads a money column stated in CNY and holds it in USD at exchange_rates.csv's rate", () => {
    const copy = copyOfData({ "hardware.csv": inYuan, "exchange_rates.csv": rates });
    try {
      const a100 = loadDataset(copy.dir).hardware.find((row) => row.hardwareId === "a100x4-70b");
      expect(a100?.capexUsd).toBeCloseTo(80_000, 9);
      expect(a100?.electricityUsdPerKwh).toBeCloseTo(0.1, 12);
    } finally {
      copy.dispose();
    }
  });

  it("reads a money column whose name starts with a three-letter word, ops_cny_per_month as ops_usd_per_month", () => {
    // Scenario 2's RTX 4090 server and its stated $500 a month of operations, written as ¥3,500.
    const opsInYuan = (text: string) => {
      const [header = "", ...rows] = text.split("\n");
      const column = header.split(",").indexOf("ops_usd_per_month");
      const edited = rows.map((line) => {
        if (!line.startsWith("rtx4090-server,")) return line;
        const cells = line.split(",");
        cells[column] = String(Number(cells[column]) * 7);
        return cells.join(",");
      });
      return [header.replace("ops_usd_per_month", "ops_cny_per_month"), ...edited].join("\n");
    };
    const copy = copyOfData({ "hardware.csv": opsInYuan, "exchange_rates.csv": rates });
    try {
      const data = loadDataset(copy.dir);
      const original = loadDataset(DATA_DIR).hardware.find((row) => row.hardwareId === "rtx4090-server");
      const server = data.hardware.find((row) => row.hardwareId === "rtx4090-server");
      expect(original?.opsUsdPerMonth).toBeGreaterThan(0);
      expect(server?.opsUsdPerMonth).toBeCloseTo(original?.opsUsdPerMonth ?? Number.NaN, 9);
    } finally {
      copy.dispose();
    }
  });

  it("refuses a currency the folder has no rate for, on the column's header", () => {
    const header = readFileSync(path.join(DATA_DIR, "hardware.csv"), "utf8").split("\n")[0]!.split(",");
    expect(problems({ "hardware.csv": inYuan, "exchange_rates.csv": null })).toEqual([
      `hardware.csv:1:${header.indexOf("capex_usd") + 1} - CNY money needs a CNY row in exchange_rates.csv (units per USD, dated and sourced)`,
      `hardware.csv:1:${header.indexOf("electricity_usd_per_kwh") + 1} - CNY money needs a CNY row in exchange_rates.csv (units per USD, dated and sourced)`,
    ]);
  });

  it("refuses one amount stated in two currencies, naming the second column", () => {
    const both = (text: string) =>
      text
        .replace("capex_usd", "capex_usd,capex_cny")
        .split("\n")
        .map((line, index) => (index === 0 || line === "" ? line : line.replace(/^([^,]*(?:,[^,]*){6}),/, "$1,,")))
        .join("\n");
    const header = "hardware_id,name,gpu_model,gpu_count,vram_gb_per_gpu,serves_model_id,serves_quant_id,capex_usd,capex_cny";
    const found = problems({ "hardware.csv": both, "exchange_rates.csv": rates });
    expect(found).toContain(
      `hardware.csv:1:${header.split(",").indexOf("capex_cny") + 1} - capex_cny states capex_usd again in another currency; keep one of them`,
    );
  });

  it("names the column as the file writes it when a cell is bad", () => {
    const bad = (text: string) => inYuan(text).replace(",560000,", ",lots,");
    expect(problems({ "hardware.csv": bad, "exchange_rates.csv": rates })[0]).toMatch(
      /^hardware\.csv:\d+:\d+ - capex_cny must be empty or a non-negative number/,
    );
  });
});

describe("names of columns and fields", () => {
  it("spell a million tokens as the model does: input_usd_per_mtok is inputUsdPerMTok", () => {
    expect(camelCase("input_usd_per_mtok")).toBe("inputUsdPerMTok");
    expect(camelCase("cache_write_1h_usd_per_mtok")).toBe("cacheWrite1hUsdPerMTok");
    expect(camelCase("mtok_total")).toBe("mtokTotal");
    expect(loadDataset(DATA_DIR).models[0]).toHaveProperty("inputUsdPerMTok");
  });

  it("name each uncertain input by the column its value comes from", () => {
    expect(SENSITIVITY_INPUTS.map((input) => camelCase(input.column))).toEqual(SENSITIVITY_INPUTS.map((input) => input.key));
  });

  it("list every table once, each with its own file", () => {
    const files = TABLE_SPECS.map((spec) => spec.file);
    expect(new Set(files).size).toBe(files.length);
    expect(Object.keys(loadDataset(DATA_DIR)).filter((key) => key !== "dir")).toHaveLength(files.length);
  });
});
