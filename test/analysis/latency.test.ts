import { describe, expect, it } from "vitest";
import { hasLatencyTarget, latencyStatus, latencyTargetText, workloadById } from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { DATA_2026_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_2026_DIR);
const row = data.throughput.find((candidate) => candidate.hardwareId === "h100x8") as (typeof data.throughput)[number];
const workload = workloadById(data, "agent-example");
const target = { ...workload, targetTtftP95Seconds: 2, targetOutputTokensPerSecondPerUserP95: 20 };

describe("a throughput row against a workload's latency target", () => {
  it("has no target unless the workload states one", () => {
    expect(hasLatencyTarget(workload)).toBe(false);
    expect(latencyStatus(row, workload)).toBe("no target");
    expect(latencyTargetText(workload)).toBeUndefined();
  });

  it("is not measured where the row states no latency, as the maximum-load rows of the edition", () => {
    expect(row.ttftP95Seconds).toBeUndefined();
    expect(latencyStatus(row, target)).toBe("not measured");
  });

  it("meets the target only when both measured figures do: 1.5 s and 25 tokens/s meet 2 s and 20; 2.5 s or 15 tokens/s miss", () => {
    expect(latencyStatus({ ...row, ttftP95Seconds: 1.5, outputTokensPerSecondPerUserP95: 25 }, target)).toBe("meets");
    expect(latencyStatus({ ...row, ttftP95Seconds: 2.5, outputTokensPerSecondPerUserP95: 25 }, target)).toBe("misses");
    expect(latencyStatus({ ...row, ttftP95Seconds: 1.5, outputTokensPerSecondPerUserP95: 15 }, target)).toBe("misses");
    expect(latencyTargetText(target)).toBe("at p95, first token within 2 s and at least 20 output tokens a second per user");
  });
});
