import { afterAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { roilabMain } from "../helpers/cli-main";
import { copyOfData, priceUpdateCopy } from "../helpers/data-folder";
import { tempFolder } from "../helpers/notebooks";
import { setDisplayCurrency } from "../../src/format";

const updated = priceUpdateCopy();
const out = tempFolder("roilab-diff-");
afterAll(() => {
  updated.dispose();
  out.dispose();
});

describe("roilab CLI", () => {
  it("tables prints the chapter's tables computed from data/", async () => {
    const { code, stdout } = await roilabMain(["tables"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Claude 3\.5 Sonnet +\$3\.00 +\$15\.00 +\$0\.04650 +\$46\.50 +\$1,395\.00/);
    expect(stdout).toMatch(/4x A100 80GB \(Hermes 3 70B\) +\$2,222\.22 +\$115\.20 +\$2,000\.00 +\$4,337\.42/);
    expect(stdout).toMatch(/8x H100 80GB +\$18,500\.00 +13,261 +17,619 +72,124/);
    expect(stdout).toContain("Pure cloud $6,975.00/month, hybrid $3,138.75/month, saving $3,836.25 (55.0%)");
    // 60% of 77,500 calls at Hermes 4's 8,000 x $0.90/M + 1,500 x $0.90/M = $0.00855: $397.575; + $693.33 = $1,090.91.
    expect(stdout).toMatch(/all-cloud +\$0\.00 +\$662\.63 +\$662\.63 +no +yes/);
    expect(stdout).toMatch(/hybrid +\$693\.33 +\$397\.58 +\$1,090\.91 +yes +yes/);
    // 41 before, less the case study's all-cloud weekday, weekend and total, now at $0.00855 a call where the chapter uses $0.009.
    expect(stdout).toContain("38 of 62 match their formulas within rounding");
  });

  it("tables --lang zh-CN prints the headings in Chinese and yuan as ¥, in 万 from 100,000, its columns lined up", async () => {
    const { code, stdout } = await roilabMain(["tables", "--lang", "zh-CN", "--currency", "CNY"]);
    // A command sets the process's display currency (one command, one process): the tests after this one run in USD.
    setDisplayCurrency("USD");
    expect(code).toBe(0);
    expect(stdout).toContain("59.1 本地部署月成本");
    expect(stdout).toMatch(/^模型 +输入 ¥\/M +输出 ¥\/M +¥\/次 +¥\/日 +¥\/月$/m);
    // $18,500 a month at 7 yuan to the dollar: ¥129,500, which Chinese writes in 万.
    expect(stdout).toMatch(/^8x H100 80GB +¥12\.95万 +来源标价$/m);
    // The analysis's own words are Chinese too: the cloud table's title, the router's task types and tiers, the case's options.
    expect(stdout).toMatch(/^59\.1 云端成本：每次调用输入 /m);
    expect(stdout).toMatch(/^简单问答 +/m);
    expect(stdout).toMatch(/^全云端 +/m);
    // The rate's note quotes its source as the data writes it.
    expect(stdout.split("金额以")[0]).not.toMatch(/\b(?:simple_qa|local_large|cloud_premium|all-cloud|stated|itemised|Cloud cost)\b/);
    expect(stdout).toContain("纯云端每月 ¥48,825.00，混合方案每月 ¥21,971.25，节省 ¥26,853.75（55.0%）");
    expect(stdout).toContain("本章书中数字：62 个中有 38 个在舍入范围内与公式一致");
    // Each header ends where the widest value under it ends: a Chinese character takes two columns.
    const lines = stdout.split("\n");
    const header = lines.find((line) => line.startsWith("方案 "))!;
    const rule = lines[lines.indexOf(header) + 1]!;
    const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u4e00-\u9fff]/.test(char) ? 2 : 1), 0);
    expect(width(header)).toBe(rule.length);
  });

  it("decide --lang zh-CN prints its labels, options and bottom line in Chinese; a --lang roilab does not write is a usage error, exit 2", async () => {
    const decided = await roilabMain(["decide", "--current", "gpt-4o", "--lang", "zh-CN"]);
    expect(decided.code).toBe(0);
    expect(decided.stdout).toContain("现用方案：GPT-4o，每月 US$1,050.00（每次调用 US$0.03500）。");
    expect(decided.stdout).toMatch(/^方案 +方式 +所用模型 +区域 +合规 +质量 +与现用相比 +USD\/月 +USD\/次 +服务器 +优于现用（次\/日）$/m);
    // What the analysis composes is Chinese too: the option's compliance and quality, and the bottom line.
    expect(decided.stdout).toMatch(/^GPT-4o +调用 +GPT-4o +美国 +无规则 /m);
    expect(decided.stdout).toMatch(/^在现用质量或更高质量下|^最便宜的/m);
    expect(decided.stdout).not.toMatch(/\b(?:compliant|a month|a call|today's)\b/);
    for (const command of ["tables", "decide", "report", "preview"]) {
      const { code, stdout, stderr } = await roilabMain([command, "--lang", "fr"]);
      expect(code, command).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toBe('--lang must be one of en, zh-CN, got "fr"\nRun roilab --help for usage.\n');
    }
  });

  it("rejects a bad models file with one file:line:column message per problem and exit code 2", async () => {
    const copy = copyOfData({
      "models.csv": (text) =>
        text
          .replace(",output_usd_per_mtok,", ",")
          .split("\n")
          .map((line, index) => (index === 0 || !line ? line : line.replace(/^([^,]+,[^,]+,[^,]+,[^,]+),[^,]+,/, "$1,")))
          .join("\n")
          .replace("gpt-4o,GPT-4o,OpenAI,2.50,", "gpt-4o,GPT-4o,OpenAI,abc,")
          .replace("mistral-large,", "gpt-4o-mini,"),
    });
    try {
      const { code, stdout, stderr } = await roilabMain(["tables", "--data", copy.dir]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      const file = path.join(copy.dir, "models.csv");
      expect(stderr.trim().split("\n")).toEqual([
        `${file}:1:18 - missing required column "output_usd_per_mtok"`,
        `${file}:4:4 - input_usd_per_mtok must be a non-negative number, got "abc"`,
        `${file}:10:1 - model_id "gpt-4o-mini" is duplicated (first on line 5)`,
      ]);
    } finally {
      copy.dispose();
    }
  });

  it("validate reports a clean data folder", async () => {
    const { code, stdout } = await roilabMain(["validate"]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      "data: 20 files, 219 rows, no problems (optional, absent: time_of_day_prices.csv, workload_token_stats.csv, provider_availability.csv)\n",
    );
  });

  it("validate accepts a folder from before capacity data and names the optional files it lacks", async () => {
    const older = copyOfData({ "throughput.csv": null, "failover.csv": null, "gpu_rentals.csv": null });
    try {
      const { code, stdout } = await roilabMain(["validate", "--data", older.dir]);
      expect(code).toBe(0);
      expect(stdout).toBe(
        `${older.dir}: 17 files, 200 rows, no problems (optional, absent: throughput.csv, failover.csv, gpu_rentals.csv, time_of_day_prices.csv, workload_token_stats.csv, provider_availability.csv)\n`,
      );
    } finally {
      older.dispose();
    }
  });

  it("exits 2 with usage help for an unknown command or flag", async () => {
    expect(await roilabMain(["publish"])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "publish"') });
    expect(await roilabMain(["tables", "--colour"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--colour") });
    expect(await roilabMain(["--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("Exit codes: 0 success") });
  });
});

describe("roilab audit", () => {
  it("lists every printed figure with its recomputed value and flags, exit 0; --strict exits 1 on flags", async () => {
    const { code, stdout } = await roilabMain(["audit"]);
    expect(code).toBe(0);
    const ids = stdout.split("\n").filter((line) => /^(59\.\d|summary) /.test(line));
    expect(ids).toHaveLength(62);
    expect(stdout).toMatch(/59\.3 +breakeven\/rtx4090-server\/gpt-4o\/calls_per_day +823 +822 +-1 +-0\.12% +FLAG/);
    expect(stdout).toMatch(/59\.1 +cloud\/gpt-4o\/usd_per_month +1050 +1050 +0 +0\.00% *\n/);
    expect(stdout).toContain(
      "38 of 62 printed figures match their formulas within rounding (1 only from the inputs the chapter itself states); 24 flagged.",
    );
    // 77,500 calls at $0.00855 against the chapter's $0.009: 662.625 - 697.5 = -34.875, -5.00%.
    expect(stdout).toMatch(/59\.5 +case\/cloud\/total_usd_per_month +697\.5 +662\.625 +-34\.875 +-5\.00% +FLAG/);
    expect(stdout).toMatch(/breakeven\/a100x4-70b\/claude-3-5-sonnet\/calls_per_month +93270 +93277 +7 +0\.01% +93273 +chapter's inputs/);
    expect(stdout).toContain("Found from the data (6):");
    expect((await roilabMain(["audit", "--strict"])).code).toBe(1);
  });

  it("flags a published figure that was altered, and --strict fails only then (with the data's own findings resolved)", async () => {
    const copy = copyOfData({
      "published_figures.csv": (text) =>
        text
          .split("\n")
          .filter((line, index) => index === 0 || line.startsWith("cloud/"))
          .join("\n")
          .replace(
            "cloud/gpt-4o/usd_per_month,59.1,GPT-4o monthly cost at the typical workload,1050,",
            "cloud/gpt-4o/usd_per_month,59.1,GPT-4o monthly cost at the typical workload,1150,",
          ),
    });
    try {
      const altered = await roilabMain(["audit", "--data", copy.dir, "--strict"]);
      expect(altered.code).toBe(1);
      expect(altered.stdout).toMatch(/cloud\/gpt-4o\/usd_per_month +1150 +1050 +-100 +-8\.70% +FLAG/);
      expect(altered.stdout).toContain("11 of 12 printed figures match");
      expect(altered.stdout).toContain("- cloud/gpt-4o/usd_per_month: differs by more than its printed rounding; no explanation recorded");
    } finally {
      copy.dispose();
    }
    const clean = copyOfData({
      "published_figures.csv": (text) =>
        text
          .split("\n")
          .filter((line, index) => index === 0 || line.startsWith("cloud/"))
          .join("\n"),
      // Each edit removes one finding: a real month, one price per RTX 4090, a router whose tiers all receive tasks, no unit statements.
      "case_study.csv": (text) => text.replace("saas-export,3000,25,500,5,", "saas-export,3000,22,500,8,"),
      "hardware.csv": (text) =>
        text
          .replace(/^(rtx4090-server,(?:[^,]*,){10})30,/m, (_, head: string) => `${head}18,`)
          .replace(/^(rtx4090x1,.*),530,stated,/m, (_, head: string) => `${head},851,stated,`),
      "routing_tiers.csv": (text) => text.replace("local,0,8192,", "local,0,16384,"),
      "routing_config.csv": (text) => text.replace(",0.3,3,8000,5000,", ",0.3,0,0,5000,"),
      "chapter_statements.csv": null,
    });
    try {
      expect((await roilabMain(["audit", "--data", clean.dir, "--strict"])).code).toBe(0);
    } finally {
      clean.dispose();
    }
  });
});

describe("roilab diff", () => {
  const cli = (...args: string[]) => roilabMain(["diff", ...args]);

  it("prints the changes and moves, and writes them as an HTML page with a figure", async () => {
    const page = path.join(out.dir, "diff.html");
    const result = await cli("data", updated.dir, "--html", page);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Models added: deepseek-v3");
    expect(result.stdout).toContain("Hardware removed: rtx4090x1");
    expect(result.stdout).toMatch(/Claude 3\.5 Sonnet +\$3\.00 +\$3\.00 +\$15\.00 +\$18\.00/);
    expect(result.stdout).toMatch(/4x A100 80GB \(Hermes 3 70B\) vs Claude 3\.5 Sonnet +3,109 +2,834 +-8\.8%/);
    expect(result.stdout).toContain("Case study, cheapest compliant option within budget: unchanged: all local");
    // Hybrid: 5 x (12,000/36 + 60) + 300 x 2 + 60% of 77,500 calls x $0.00855 = 1,966.67 + 600 + 397.575.
    expect(result.stdout).toContain(
      "Case study sized for its busiest hour (office-hours): all local 11 servers $5,376.67, hybrid 5 $2,964.24 -> all local 11 servers $5,376.67, hybrid 5 $2,964.24",
    );
    // Claude at $0.051 a call passes the router's $0.05 budget, so its tasks go to Hermes 4: 1 - 0.45 x 0.00855 / 0.051 = 92.5%.
    expect(result.stdout).toContain("Hybrid routing saves 55.0% before, 92.5% after");
    const html = readFileSync(page, "utf8");
    expect(html).toContain("Figure Δ — Monthly cost per model, before and after the price update");
    expect(html).not.toContain('src="assets/');
    expect(html).toMatch(/on Node\.js v[\d.]+; price database @pydantic\/genai-prices \d+\.\d+\.\d+\. Parameters/);
  });

  it("names a missing folder or a malformed one, with exit code 2", async () => {
    const missing = await cli("data", path.join(out.dir, "nope"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope: no such data folder");
    const broken = copyOfData({ "models.csv": (text) => text.replace("OpenAI,2.50,", "OpenAI,abc,") });
    try {
      const result = await cli("data", broken.dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `${path.join(broken.dir, "models.csv")}:4:4 - input_usd_per_mtok must be a non-negative number, got "abc"`,
      );
    } finally {
      broken.dispose();
    }
    expect((await cli("data")).code).toBe(2);
    expect(existsSync(path.join(out.dir, "nope"))).toBe(false);
  });
});

describe("bad input on the command line is exit 2, before any kernel starts", () => {
  it("refuses a flag that means nothing to the command", async () => {
    const result = await roilabMain(["validate", "--jobs", "3"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("validate: Unknown option '--jobs'");
  });

  it("refuses a preview whose --out is a file or whose --port is no port, and a --timeout no timer can wait, before serving or running", async () => {
    const file = path.join(out.dir, "a-file");
    writeFileSync(file, "");
    // A preview that did not refuse would serve for ever: this test would then time out.
    const outIsFile = await roilabMain(["preview", "notebooks/59.1-cost-model.ipynb", "--out", file, "--port", "0"]);
    expect([outIsFile.code, outIsFile.stdout]).toEqual([2, ""]);
    expect(outIsFile.stderr).toContain(`--out ${file}: ${file} is a file, not a folder`);
    const port = await roilabMain(["preview", "--port", "70000"]);
    expect([port.code, port.stderr.split("\n")[0]]).toEqual([2, '--port must be a positive whole number of at most 65535, got "70000"']);
    const timeout = await roilabMain(["run", "notebooks/59.1-cost-model.ipynb", "--timeout", "2200000", "--out", out.dir]);
    expect([timeout.code, timeout.stderr.split("\n")[0]]).toEqual([
      2,
      '--timeout must be a positive number of at most 2147483, got "2200000"',
    ]);
  });

  it("takes __proto__ for the unknown parameter it is", async () => {
    const result = await roilabMain(["run", "notebooks/59.1-cost-model.ipynb", "-p", '__proto__={"calls":1}', "--out", out.dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("notebooks/59.1-cost-model.ipynb: unknown parameter __proto__; valid parameters: dataDir,");
  });

  it("report --pdf with a --chromium that is not there says how to get one, and writes nothing", async () => {
    const target = path.join(out.dir, "pdf-report");
    const missing = path.join(out.dir, "no-such-chromium");
    const result = await roilabMain(["report", "notebooks/59.1-cost-model.ipynb", "--out", target, "--pdf", "--chromium", missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--chromium ${missing}: no executable browser there; install one (Debian/Ubuntu: apt-get install chromium) or name it with --chromium PATH`,
    );
    expect(result.stdout).toBe("");
    expect(existsSync(target)).toBe(false);
  });

  it("report refuses a --title that is empty or more than one line", async () => {
    for (const title of ["", "  ", "Q4\nreview"]) {
      const result = await roilabMain(["report", "notebooks/59.1-cost-model.ipynb", "--title", title]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("--title must be one non-empty line of text");
    }
  });

  it("report refuses --chromium, --paper and --pdf-code without --pdf, code with --no-input, and a paper size it does not print", async () => {
    for (const [args, message] of [
      [["--chromium", "/usr/bin/chromium"], "--chromium, --paper and --pdf-code are for --pdf; add --pdf"],
      [["--paper", "Letter"], "--chromium, --paper and --pdf-code are for --pdf; add --pdf"],
      [["--pdf-code"], "--chromium, --paper and --pdf-code are for --pdf; add --pdf"],
      [["--pdf", "--pdf-code", "--no-input"], "--pdf-code prints the code that --no-input leaves out; choose one"],
      [["--pdf", "--paper", "A3"], '--paper must be A4 or Letter, got "A3"'],
    ] as const) {
      const result = await roilabMain(["report", "notebooks/59.1-cost-model.ipynb", "--out", path.join(out.dir, "pdf-report"), ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it("refuses an output folder that cannot be made or written, naming it and why", async () => {
    const file = path.join(out.dir, "a-file");
    writeFileSync(file, "");
    for (const [target, reason] of [
      ["/proc/roilab-out", "cannot create /proc/roilab-out (ENOENT)"],
      [file, `${file} is a file, not a folder`],
      ["/sys/kernel", "cannot write into the folder"],
    ] as const) {
      const result = await roilabMain(["report", "notebooks/59.1-cost-model.ipynb", "--out", target]);
      expect(result.code, target).toBe(2);
      expect(result.stderr).toContain(`--out ${target}: ${reason}`);
      expect(result.stdout).toBe("");
    }
  });

  it("stops on a data folder that lacks a required table, and leaves the earlier build as it was", async () => {
    const copy = copyOfData({ "models.csv": null });
    const reports = tempFolder();
    try {
      const page = path.join(reports.dir, "59.1-cost-model.html");
      writeFileSync(page, "the last good page");
      const result = await roilabMain(["report", "notebooks/59.1-cost-model.ipynb", "--data", copy.dir, "--out", reports.dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${path.join(copy.dir, "models.csv")}:1:1 - required file not found`);
      expect(readFileSync(page, "utf8")).toBe("the last good page");
      expect(readdirSync(reports.dir)).toEqual(["59.1-cost-model.html"]);
    } finally {
      copy.dispose();
      reports.dispose();
    }
  });

  it("keeps an analyst's own column in the data, with one warning naming it", async () => {
    const copy = copyOfData({
      "models.csv": (text) =>
        text
          .split("\n")
          .map((line, index) => (line === "" ? line : `${line}${index === 0 ? ",analyst_note" : ","}`))
          .join("\n"),
    });
    try {
      const result = await roilabMain(["validate", "--data", copy.dir]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(
        `warning: ${path.join(copy.dir, "models.csv")}:1:19 - column "analyst_note" is not one roilab reads; it is kept as it is\n`,
      );
    } finally {
      copy.dispose();
    }
  });
});
