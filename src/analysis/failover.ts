/** What a local outage costs when calls fail over to a cloud API (59.9b). */
import { InputError } from "../errors";
import type { Dataset, HardwareRow } from "../data";
import { failoverCost, HOURS_PER_DAY, type FailoverResult } from "../model";
import { failoverChart, type Figure } from "../charts";
import { apiUsdPerCall } from "./cost";
import { provenance } from "./figure-context";
import { findHardware, findModel, findWorkload } from "./lookup";
import { hardwareMonthlyCost } from "./model-inputs";

export interface FailoverScenario {
  hardware: HardwareRow;
  cloudModelId: string;
  cloudUsdPerCall: number;
  callsPerMonth: number;
  result: FailoverResult;
}

/** A failover.csv scenario (the first by default), with any field overridden. */
export function failoverFromData(
  data: Dataset,
  scenarioId?: string,
  overrides: { localDowntimeHoursPerMonth?: number; cloudShare?: number; detectionSeconds?: number } = {},
): FailoverScenario {
  const row = scenarioId === undefined ? data.failover[0] : data.failover.find((candidate) => candidate.scenarioId === scenarioId);
  if (!row) throw new InputError(`no failover.csv row${scenarioId ? ` ${JSON.stringify(scenarioId)}` : "s"}`);
  const workload = findWorkload(data);
  const hardware = findHardware(data, row.hardwareId);
  const cloudUsdPerCall = apiUsdPerCall(data, row.cloudModelId, workload);
  const callsPerMonth = row.callsPerDay * workload.daysPerMonth;
  const result = failoverCost({
    callsPerMonth,
    localMonthlyUsd: hardwareMonthlyCost(hardware, workload.daysPerMonth).totalUsd,
    cloudUsdPerCall,
    localDowntimeHoursPerMonth: overrides.localDowntimeHoursPerMonth ?? row.localDowntimeHoursPerMonth,
    outagesPerMonth: row.outagesPerMonth,
    detectionSeconds: overrides.detectionSeconds ?? row.detectionSeconds,
    cloudAvailability: row.cloudAvailability,
    cloudShare: overrides.cloudShare ?? row.cloudShare,
    hoursPerMonth: HOURS_PER_DAY * workload.daysPerMonth,
  });
  return { hardware, cloudModelId: row.cloudModelId, cloudUsdPerCall, callsPerMonth, result };
}

/** Figure 59.9b: the failover scenario across local downtime from 0 to `maxDowntimeHours`. */
export function failoverFigure(
  data: Dataset,
  options: { scenarioId?: string; maxDowntimeHours?: number; cloudShare?: number } = {},
): Figure {
  const scenario = failoverFromData(data, options.scenarioId, { cloudShare: options.cloudShare });
  const row = data.failover.find((candidate) => options.scenarioId === undefined || candidate.scenarioId === options.scenarioId);
  const max = options.maxDowntimeHours ?? 72;
  const points = Array.from({ length: 72 }, (_, index) => (max * (index + 1)) / 72).map((downtime) => ({
    downtimeHoursPerMonth: downtime,
    ...failoverFromData(data, options.scenarioId, { localDowntimeHoursPerMonth: downtime, cloudShare: options.cloudShare }).result,
  }));
  return failoverChart(points, {
    callsPerMonth: scenario.callsPerMonth,
    currentDowntimeHours: row?.localDowntimeHoursPerMonth ?? 0,
    cloudName: findModel(data, scenario.cloudModelId).modelName,
    provenance: provenance(data, ["failover.csv", "hardware.csv", "models.csv"]),
  });
}
