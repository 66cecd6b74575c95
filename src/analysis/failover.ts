/** What a local outage costs when calls fail over to a cloud API (59.9b). */
import { InputError } from "../errors";
import type { Dataset, FailoverRow, HardwareRow } from "../data";
import { failoverCost, HOURS_PER_DAY, type FailoverOptions, type FailoverResult } from "../model";
import { failoverChart, type Figure } from "../charts";
import { apiUsdPerCall } from "./cost";
import type { Lang } from "../i18n/lang";
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

/** A failover.csv scenario's row (the first by default) and what the failover model takes from it, the downtime as stated. */
export function failoverInputs(data: Dataset, scenarioId?: string): { row: FailoverRow; hardware: HardwareRow; options: FailoverOptions } {
  const row = scenarioId === undefined ? data.failover[0] : data.failover.find((candidate) => candidate.scenarioId === scenarioId);
  if (!row) throw new InputError(`no failover.csv row${scenarioId ? ` ${JSON.stringify(scenarioId)}` : "s"}`);
  const workload = findWorkload(data);
  const hardware = findHardware(data, row.hardwareId);
  return {
    row,
    hardware,
    options: {
      callsPerMonth: row.callsPerDay * workload.daysPerMonth,
      localMonthlyUsd: hardwareMonthlyCost(hardware, workload.daysPerMonth).totalUsd,
      cloudUsdPerCall: apiUsdPerCall(data, row.cloudModelId, workload),
      localDowntimeHoursPerMonth: row.localDowntimeHoursPerMonth,
      outagesPerMonth: row.outagesPerMonth,
      detectionSeconds: row.detectionSeconds,
      cloudAvailability: row.cloudAvailability,
      cloudShare: row.cloudShare,
      hoursPerMonth: HOURS_PER_DAY * workload.daysPerMonth,
    },
  };
}

/** A failover.csv scenario (the first by default), with any field overridden. */
export function failoverFromData(
  data: Dataset,
  scenarioId?: string,
  overrides: { localDowntimeHoursPerMonth?: number; cloudShare?: number; detectionSeconds?: number } = {},
): FailoverScenario {
  const { row, hardware, options } = failoverInputs(data, scenarioId);
  const result = failoverCost({
    ...options,
    localDowntimeHoursPerMonth: overrides.localDowntimeHoursPerMonth ?? options.localDowntimeHoursPerMonth,
    detectionSeconds: overrides.detectionSeconds ?? options.detectionSeconds,
    cloudShare: overrides.cloudShare ?? options.cloudShare,
  });
  return {
    hardware,
    cloudModelId: row.cloudModelId,
    cloudUsdPerCall: options.cloudUsdPerCall,
    callsPerMonth: options.callsPerMonth,
    result,
  };
}

/** Figure 59.9b: the failover scenario across local downtime from 0 to `maxDowntimeHours`. */
export function failoverFigure(
  data: Dataset,
  options: { scenarioId?: string; maxDowntimeHours?: number; cloudShare?: number; lang?: Lang } = {},
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
    lang: options.lang,
  });
}
