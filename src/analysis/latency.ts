/**
 * Latency as a constraint: a workload may state a target (time to first token and output tokens a second per user,
 * at p95) and a throughput row the latency it was measured at. Capacity counts only rows that meet the target.
 */
import type { ThroughputRow, WorkloadRow } from "../data";

/** `meets` and `misses` compare measured latency with the target; `not measured` where the row lacks a figure the target needs. */
export type LatencyStatus = "no target" | "meets" | "misses" | "not measured";

/** Whether the workload states a latency target at all. */
export const hasLatencyTarget = (workload: WorkloadRow): boolean =>
  workload.targetTtftP95Seconds !== undefined || workload.targetOutputTokensPerSecondPerUserP95 !== undefined;

/** How a throughput row stands against the workload's latency target. */
export function latencyStatus(row: ThroughputRow, workload: WorkloadRow): LatencyStatus {
  if (!hasLatencyTarget(workload)) return "no target";
  const checks: boolean[] = [];
  if (workload.targetTtftP95Seconds !== undefined) {
    if (row.ttftP95Seconds === undefined) return "not measured";
    checks.push(row.ttftP95Seconds <= workload.targetTtftP95Seconds);
  }
  if (workload.targetOutputTokensPerSecondPerUserP95 !== undefined) {
    if (row.outputTokensPerSecondPerUserP95 === undefined) return "not measured";
    checks.push(row.outputTokensPerSecondPerUserP95 >= workload.targetOutputTokensPerSecondPerUserP95);
  }
  return checks.every(Boolean) ? "meets" : "misses";
}

/** "p95 first token within 2 s, at least 20 output tokens/s per user"; undefined without a target. */
export function latencyTargetText(workload: WorkloadRow): string | undefined {
  const parts = [
    workload.targetTtftP95Seconds === undefined ? undefined : `first token within ${workload.targetTtftP95Seconds} s`,
    workload.targetOutputTokensPerSecondPerUserP95 === undefined
      ? undefined
      : `at least ${workload.targetOutputTokensPerSecondPerUserP95} output tokens a second per user`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? undefined : `at p95, ${parts.join(" and ")}`;
}
