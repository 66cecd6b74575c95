import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { copyOfData } from "./helpers/data-folder";

const ROOT = path.resolve(__dirname, "..");

function roilab(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "dist/bin.js"), ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("roilab CLI", () => {
  it("tables prints the chapter's tables computed from data/", () => {
    const { code, stdout } = roilab("tables");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Claude 3\.5 Sonnet +\$3\.00 +\$15\.00 +\$0\.04650 +\$46\.50 +\$1,395\.00/);
    expect(stdout).toMatch(/4x A100 80GB \(Hermes 3 70B\) +\$2,222\.22 +\$115\.20 +\$2,000\.00 +\$4,337\.42/);
    expect(stdout).toMatch(/H100 x8 +\$18,500\.00 +13,261 +17,619 +72,124/);
    expect(stdout).toContain("Pure cloud $6,975.00/month, hybrid $3,138.75/month, saving $3,836.25 (55.0%)");
    expect(stdout).toMatch(/hybrid +\$693\.33 +\$418\.50 +\$1,111\.83 +yes +yes/);
    expect(stdout).toContain("40 of 62 match their formulas within rounding");
  });

  it("rejects a bad models file with one file:line:column message per problem and exit code 2", () => {
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
      const { code, stdout, stderr } = roilab("tables", "--data", copy.dir);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      const file = path.join(copy.dir, "models.csv");
      expect(stderr.trim().split("\n")).toEqual([
        `${file}:1:17 - missing required column "output_usd_per_mtok"`,
        `${file}:4:4 - input_usd_per_mtok must be a non-negative number, got "abc"`,
        `${file}:10:1 - model_id "gpt-4o-mini" is duplicated (first on line 5)`,
      ]);
    } finally {
      copy.dispose();
    }
  });

  it("validate reports a clean data folder", () => {
    const { code, stdout } = roilab("validate");
    expect(code).toBe(0);
    expect(stdout).toBe("data: 16 files, 202 rows, no problems\n");
  });

  it("validate accepts a folder from before capacity data and names the optional files it lacks", () => {
    const older = copyOfData({ "throughput.csv": null, "failover.csv": null });
    try {
      const { code, stdout } = roilab("validate", "--data", older.dir);
      expect(code).toBe(0);
      expect(stdout).toBe(`${older.dir}: 14 files, 192 rows, no problems (optional, absent: throughput.csv, failover.csv)\n`);
    } finally {
      older.dispose();
    }
  });

  it("exits 2 with usage help for an unknown command or flag", () => {
    expect(roilab("publish")).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "publish"') });
    expect(roilab("tables", "--colour")).toMatchObject({ code: 2, stderr: expect.stringContaining("--colour") });
    expect(roilab("--help")).toMatchObject({ code: 0, stdout: expect.stringContaining("Exit codes: 0 success") });
  });
});

describe("roilab audit", () => {
  it("lists every printed figure with its recomputed value and flags, exit 0; --strict exits 1 on flags", () => {
    const { code, stdout } = roilab("audit");
    expect(code).toBe(0);
    const ids = stdout.split("\n").filter((line) => /^(59\.\d|summary) /.test(line));
    expect(ids).toHaveLength(62);
    expect(stdout).toMatch(/59\.3 +breakeven\/rtx4090-server\/gpt-4o\/calls_per_day +823 +822 +-1 +-0\.12% +FLAG/);
    expect(stdout).toMatch(/59\.1 +cloud\/gpt-4o\/usd_per_month +1050 +1050 +0 +0\.00% *\n/);
    expect(stdout).toContain("40 of 62 printed figures match their formulas within rounding; 22 flagged.");
    expect(roilab("audit", "--strict").code).toBe(1);
  });

  it("flags a published figure that was altered, and --strict fails only then", () => {
    const copy = copyOfData({
      "published_figures.csv": (text) =>
        text
          .split("\n")
          .filter((line, index) => index === 0 || line.startsWith("cloud/"))
          .join("\n")
          .replace("cloud/gpt-4o/usd_per_month,59.1,GPT-4o monthly cost at the typical workload,1050,", "cloud/gpt-4o/usd_per_month,59.1,GPT-4o monthly cost at the typical workload,1150,"),
    });
    try {
      const altered = roilab("audit", "--data", copy.dir, "--strict");
      expect(altered.code).toBe(1);
      expect(altered.stdout).toMatch(/cloud\/gpt-4o\/usd_per_month +1150 +1050 +-100 +-8\.70% +FLAG/);
      expect(altered.stdout).toContain("11 of 12 printed figures match");
      expect(altered.stdout).toContain("- cloud/gpt-4o/usd_per_month: differs by more than its printed rounding; no explanation recorded");
    } finally {
      copy.dispose();
    }
    const clean = copyOfData({ "published_figures.csv": (text) => text.split("\n").filter((line, index) => index === 0 || line.startsWith("cloud/")).join("\n") });
    try {
      expect(roilab("audit", "--data", clean.dir, "--strict").code).toBe(0);
    } finally {
      clean.dispose();
    }
  });
});

describe("the package entry", () => {
  it("require('.') gives the chapter's A100-versus-Claude break-even", () => {
    const script = "console.log(JSON.stringify(require('.').calculateBreakEven({hardwareCost:80000,monthlyPowerCost:115,monthlyOpsCost:2000,depreciationMonths:36,apiCostPerCall:0.0465})))";
    const result = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ breakEvenDailyCalls: 3109, breakEvenMonthlyCalls: 93_273, breakEvenPerHour: 129, monthlyOps: 2000 });
  });
});
