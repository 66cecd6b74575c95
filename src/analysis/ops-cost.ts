/** How the break-even moves with the operations share of an engineer and the salary (59.9c). */
import { InputError } from "../errors";
import type { Dataset } from "../data";
import { opsSweep, type OpsSweepPoint } from "../model";
import { LINE_COLORS, opsSweepChart, type Figure } from "../charts";
import { apiUsdPerCall } from "./cost";
import { CLOSING_QUESTIONS_WORDS } from "../i18n/closing-questions";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { provenance } from "./figure-context";
import { findHardware, findModel, findWorkload } from "./lookup";
import { hardwareMonthlyCost } from "./model-inputs";

/** The break-even of an itemised hardware row against an API across ops shares and salaries. */
export function opsSweepFromData(
  data: Dataset,
  hardwareId: string,
  apiModelId: string,
  opsFte: readonly number[],
  salariesUsdPerMonth: readonly number[],
): OpsSweepPoint[] {
  const workload = findWorkload(data);
  const cost = hardwareMonthlyCost(findHardware(data, hardwareId), workload.daysPerMonth);
  if (cost.basis !== "itemised")
    throw new InputError(`hardware_id ${JSON.stringify(hardwareId)} has a stated monthly cost only; an ops sweep needs it itemised`);
  return opsSweep({
    hardwareUsdPerMonth: cost.depreciationUsd + cost.powerUsd,
    apiUsdPerCall: apiUsdPerCall(data, apiModelId, workload),
    opsFte,
    salariesUsdPerMonth,
    daysPerMonth: workload.daysPerMonth,
  });
}

/** Figure 59.9c: break-even by ops share for a few salaries. */
export function opsSweepFigure(
  data: Dataset,
  options: {
    hardwareId: string;
    apiModelId: string;
    salariesUsdPerMonth: readonly number[];
    chapterFte: number;
    chapterSalaryUsdPerMonth: number;
    volumeCallsPerDay?: number;
    lang?: Lang;
  },
): Figure {
  const lang = options.lang ?? DEFAULT_LANG;
  const fte = Array.from({ length: 21 }, (_, index) => index / 20);
  const lines = options.salariesUsdPerMonth.map((salary, index) => ({
    salaryUsdPerMonth: salary,
    color: LINE_COLORS[index % LINE_COLORS.length] as string,
    points: opsSweepFromData(data, options.hardwareId, options.apiModelId, fte, [salary]),
  }));
  const chapter = opsSweepFromData(
    data,
    options.hardwareId,
    options.apiModelId,
    [options.chapterFte],
    [options.chapterSalaryUsdPerMonth],
  )[0];
  const hardware = data.hardware.find((row) => row.hardwareId === options.hardwareId);
  return opsSweepChart(lines, {
    comparison: CLOSING_QUESTIONS_WORDS[lang].versus(
      (hardware?.name ?? options.hardwareId).replace(/ \(.*\)$/, ""),
      findModel(data, options.apiModelId).modelName,
    ),
    chapterPoint: { opsFte: options.chapterFte, breakEvenDailyCalls: chapter?.breakEvenDailyCalls ?? 0 },
    volumeCallsPerDay: options.volumeCallsPerDay,
    provenance: provenance(data, ["hardware.csv", "models.csv", "workloads.csv"]),
    lang,
  });
}
