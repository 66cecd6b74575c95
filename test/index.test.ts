import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { ROOT } from "./helpers/cli";

describe("the package entry", () => {
  it("require('.') gives the chapter's A100-versus-Claude break-even", () => {
    const script =
      "console.log(JSON.stringify(require('.').calculateBreakEven({hardwareCost:80000,monthlyPowerCost:115,monthlyOpsCost:2000,depreciationMonths:36,apiCostPerCall:0.0465})))";
    const result = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      breakEvenDailyCalls: 3109,
      breakEvenMonthlyCalls: 93_273,
      breakEvenPerHour: 129,
      monthlyOps: 2000,
    });
  });
});
