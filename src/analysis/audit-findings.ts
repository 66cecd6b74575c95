/**
 * 59.6, findings beyond the printed figures: inconsistencies the data itself shows when its rows are set side by
 * side (a calendar no month has, one server priced two ways, router tiers no task reaches, a formula and its example
 * in different units). Each comes with what it does to a decision: the money per month or the break-even it moves.
 */
import { withAssignments, type ChapterStatementRow, type Dataset, type HardwareRow } from "../data";
import { formatInteger, formatPercent, formatUsd } from "../format";
import {
  AVERAGE_DAYS_PER_MONTH,
  averageDayMix,
  breakEvenVolumes,
  evaluateCaseStudy,
  isPossibleDayMix,
  possibleDayMixes,
  TIER_ORDER,
  type ModelTier,
  taskTypeName,
  tierName,
  HOURS_PER_DAY,
} from "../model";
import { caseStudyFromData } from "./case-study";
import { apiUsdPerCall } from "./cost";
import { routerFromData } from "./hybrid-routing";
import { findHardware, findModel, findWorkload } from "./lookup";
import { hardwareMonthlyCost } from "./model-inputs";

export type FindingKind = "calendar" | "implied_price" | "same_setup" | "unreachable_tier" | "context_limit" | "unit_mismatch";

/** What a difference does to a decision. */
export interface DecisionEffect {
  /** USD per month the difference moves; undefined where it moves no cost the chapter computes. */
  usdPerMonth: number | undefined;
  /** Break-even calls per day it moves, where it moves a local cost the chapter compares with an API. */
  breakEvenCallsPerDay?: number;
  /** The decision, in words. */
  decision: string;
}

export interface AuditFinding {
  /** `calendar/saas-export`, `same_setup/rtx4090x1/rtx4090-server`… */
  id: string;
  section: string;
  kind: FindingKind;
  /** A short title in words. */
  title: string;
  /** What the arithmetic shows, with its numbers. */
  detail: string;
  effect: DecisionEffect;
  /** The numbers behind the detail, by name, unrounded. */
  values: Record<string, number>;
}

/** Every finding the data shows, in section order. */
export function auditFindings(data: Dataset): AuditFinding[] {
  return [
    ...unitFindings(data),
    ...impliedPriceFindings(data),
    ...sameSetupFindings(data),
    ...routerTierFindings(data),
    ...contextLimitFindings(data),
    ...calendarFindings(data),
  ];
}

/** The API the chapter compares a hardware row with: the model of its first published break-even, if any. */
function pairedApi(data: Dataset, hardwareId: string): string | undefined {
  const ids = data.publishedFigures
    .map((figure) => figure.figureId.split("/"))
    .filter((parts) => parts[0] === "breakeven" && parts[1] === hardwareId && parts.length === 4);
  return ids[0]?.[2];
}

/** How far a change of `deltaUsd` a month in a hardware row's cost moves its break-even with its paired API, calls per day. */
function breakEvenShift(
  data: Dataset,
  hardwareId: string,
  monthlyUsd: number,
  deltaUsd: number,
): { callsPerDay: number; apiModelId: string } | undefined {
  const apiModelId = pairedApi(data, hardwareId);
  if (apiModelId === undefined) return undefined;
  const days = findWorkload(data).daysPerMonth;
  const price = apiUsdPerCall(data, apiModelId);
  const before = breakEvenVolumes(monthlyUsd, price, days).breakEvenDailyCalls;
  const after = breakEvenVolumes(monthlyUsd + deltaUsd, price, days).breakEvenDailyCalls;
  return { callsPerDay: Math.abs(after - before), apiModelId };
}

const usd = (value: number) => formatUsd(value);

// --- the case study's month -------------------------------------------------------------------------------

/** A case study that bills a weekday/weekend split no calendar month has, re-priced at the average month's split. */
export function calendarFindings(data: Dataset): AuditFinding[] {
  const mixes = possibleDayMixes();
  const span = (values: number[]) => `${Math.min(...values)}-${Math.max(...values)}`;
  return data.caseStudy.flatMap((row): AuditFinding[] => {
    if (isPossibleDayMix({ weekdays: row.weekdayDaysPerMonth, weekendDays: row.weekendDaysPerMonth })) return [];
    const { inputs, result } = caseStudyFromData(data, row.scenarioId);
    const average = averageDayMix();
    const averaged = evaluateCaseStudy({ ...inputs, weekdayDaysPerMonth: average.weekdays, weekendDaysPerMonth: average.weekendDays });
    const total = (options: typeof result.options, name: string) => options.find((option) => option.option === name)?.totalUsd ?? NaN;
    const cloudStated = total(result.options, "all_cloud");
    const cloudAverage = total(averaged.options, "all_cloud");
    const local = total(result.options, "all_local");
    const gap = (cloud: number) =>
      local <= cloud ? `${usd(cloud - local)} cheaper` : `${usd(local - cloud)} (${formatPercent(((local - cloud) / cloud) * 100)}) dearer`;
    return [
      {
        id: `calendar/${row.scenarioId}`,
        section: "59.5",
        kind: "calendar",
        title: "The case study's month has more weekdays than any month",
        detail:
          `The case study bills ${row.weekdayDaysPerMonth} weekdays and ${row.weekendDaysPerMonth} weekend days a month; calendar months have ${span(mixes.map((mix) => mix.weekdays))} weekdays and ${span(mixes.map((mix) => mix.weekendDays))} weekend days. ` +
          `An average month (365.25/12 = ${AVERAGE_DAYS_PER_MONTH.toFixed(2)} days) has ${average.weekdays.toFixed(2)} weekdays and ${average.weekendDays.toFixed(2)} weekend days: all-cloud then costs ${usd(cloudAverage)} a month, not ${usd(cloudStated)}, ` +
          `so all-local (${usd(local)}) is ${gap(cloudAverage)} than all-cloud, where the chapter's month makes it ${gap(cloudStated)}.`,
        effect: {
          usdPerMonth: Math.abs(cloudStated - cloudAverage),
          decision: `all-local against all-cloud: ${gap(cloudAverage)} in an average month, ${gap(cloudStated)} in the chapter's`,
        },
        values: {
          weekdaysPerAverageMonth: average.weekdays,
          weekendDaysPerAverageMonth: average.weekendDays,
          allCloudUsdStated: cloudStated,
          allCloudUsdAverageMonth: cloudAverage,
          allLocalUsd: local,
          localOverCloudAverageMonthPercent: ((local - cloudAverage) / cloudAverage) * 100,
        },
      },
    ];
  });
}

// --- electricity ------------------------------------------------------------------------------------------

/** A stated power bill whose price per kWh differs from the price another row states, beyond the bill's whole-dollar rounding. */
export function impliedPriceFindings(data: Dataset): AuditFinding[] {
  const hours = HOURS_PER_DAY * findWorkload(data).daysPerMonth;
  const references = data.hardware.filter((row) => row.electricityUsdPerKwh !== undefined);
  const priced = data.hardware.filter(
    (row) => row.costBasis === "itemised" && row.powerUsdPerMonth !== undefined && row.powerKw !== undefined && row.powerKw > 0,
  );
  return priced.flatMap((row): AuditFinding[] => {
    const bill = row.powerUsdPerMonth as number;
    const kwh = (row.powerKw as number) * hours;
    const implied = bill / kwh;
    const reference = references.find((candidate) => Math.abs(kwh * (candidate.electricityUsdPerKwh as number) - bill) > 0.5);
    if (!reference || references.some((candidate) => Math.abs(kwh * (candidate.electricityUsdPerKwh as number) - bill) <= 0.5)) return [];
    const price = reference.electricityUsdPerKwh as number;
    const billAtReference = kwh * price;
    const monthly = hardwareMonthlyCost(row, findWorkload(data).daysPerMonth).totalUsd;
    const shift = breakEvenShift(data, row.hardwareId, monthly, billAtReference - bill);
    return [
      {
        id: `implied_price/${row.hardwareId}`,
        section: sectionOf(row),
        kind: "implied_price",
        title: `${row.name}: its power bill implies a different electricity price`,
        detail: `${row.name} states ${usd(bill)} of electricity a month for ${row.powerKw} kW over ${hours} hours (${formatInteger(kwh)} kWh): $${implied.toFixed(4)} per kWh, where ${reference.name} is priced at $${price.toFixed(2)} per kWh. At that price its bill would be ${usd(billAtReference)}, ${usd(Math.abs(bill - billAtReference))} a month ${bill > billAtReference ? "less" : "more"}.`,
        effect: {
          usdPerMonth: Math.abs(bill - billAtReference),
          ...(shift ? { breakEvenCallsPerDay: shift.callsPerDay } : {}),
          decision: shift
            ? `${row.name}'s break-even with ${findModel(data, shift.apiModelId).modelName} moves ${formatInteger(shift.callsPerDay)} calls a day`
            : `${row.name}'s monthly cost`,
        },
        values: { impliedUsdPerKwh: implied, referenceUsdPerKwh: price, billUsd: bill, billAtReferenceUsd: billAtReference },
      },
    ];
  });
}

/** The chapter section a hardware row comes from, read from its source (`… in 59.3`). */
function sectionOf(row: HardwareRow): string {
  return /59\.\d+/.exec(row.source)?.[0] ?? "59";
}

// --- one setup, two prices --------------------------------------------------------------------------------

function costStory(row: HardwareRow, daysPerMonth: number): string {
  const cost = hardwareMonthlyCost(row, daysPerMonth);
  if (cost.basis === "stated") return `${usd(cost.totalUsd)} as stated`;
  return `${usd(cost.totalUsd)}, itemised as ${formatInteger(row.capexUsd as number)}/${row.depreciationMonths} + ${usd(cost.powerUsd)} + ${usd(cost.opsUsd)}`;
}

/** Two hardware rows with the same GPU model and count whose monthly costs differ by more than a dollar. */
export function sameSetupFindings(data: Dataset): AuditFinding[] {
  const days = findWorkload(data).daysPerMonth;
  const findings: AuditFinding[] = [];
  data.hardware.forEach((first, index) => {
    for (const second of data.hardware.slice(index + 1)) {
      if (first.gpuModel !== second.gpuModel || first.gpuCount !== second.gpuCount) continue;
      const a = hardwareMonthlyCost(first, days).totalUsd;
      const b = hardwareMonthlyCost(second, days).totalUsd;
      // Both totals are printed to the dollar, so a dollar apart is rounding at most.
      if (Math.abs(a - b) <= 1) continue;
      const apiModelId =
        pairedApi(data, first.hardwareId) === pairedApi(data, second.hardwareId)
          ? pairedApi(data, first.hardwareId)
          : sharedApi(data, first.hardwareId, second.hardwareId);
      const price = apiModelId === undefined ? undefined : apiUsdPerCall(data, apiModelId);
      const breakEvens =
        price === undefined
          ? undefined
          : ([a, b].map((monthly) => breakEvenVolumes(monthly, price, days).breakEvenDailyCalls) as [number, number]);
      findings.push({
        id: `same_setup/${first.hardwareId}/${second.hardwareId}`,
        section: sectionOf(first) === sectionOf(second) ? sectionOf(first) : `${sectionOf(first)}, ${sectionOf(second)}`,
        kind: "same_setup",
        title: `${first.gpuCount}x ${first.gpuModel}: two monthly costs`,
        detail:
          `${first.name} costs ${costStory(first, days)}; ${second.name}, the same ${first.gpuCount}x ${first.gpuModel}, costs ${costStory(second, days)}: ${usd(Math.abs(a - b))} a month apart.` +
          (breakEvens && apiModelId
            ? ` Against ${findModel(data, apiModelId).modelName} they break even at ${formatInteger(breakEvens[0])} and ${formatInteger(breakEvens[1])} calls a day.`
            : ""),
        effect: {
          usdPerMonth: Math.abs(a - b),
          ...(breakEvens ? { breakEvenCallsPerDay: Math.abs(breakEvens[0] - breakEvens[1]) } : {}),
          decision:
            breakEvens && apiModelId
              ? `break-even of one ${first.gpuModel} with ${findModel(data, apiModelId).modelName}: ${formatInteger(breakEvens[0])} or ${formatInteger(breakEvens[1])} calls a day`
              : "the monthly cost of one setup",
        },
        values: {
          firstUsdPerMonth: a,
          secondUsdPerMonth: b,
          ...(breakEvens ? { firstBreakEvenCallsPerDay: breakEvens[0], secondBreakEvenCallsPerDay: breakEvens[1] } : {}),
        },
      });
    }
  });
  return findings;
}

/** An API both rows are compared with in the chapter's break-evens, else either's. */
function sharedApi(data: Dataset, firstId: string, secondId: string): string | undefined {
  const apis = (hardwareId: string) =>
    data.publishedFigures
      .map((figure) => figure.figureId.split("/"))
      .filter((parts) => parts[0] === "breakeven" && parts[1] === hardwareId && parts.length === 4)
      .map((parts) => parts[2] as string);
  const second = new Set(apis(secondId));
  return apis(firstId).find((id) => second.has(id)) ?? pairedApi(data, firstId) ?? pairedApi(data, secondId);
}

// --- the router -------------------------------------------------------------------------------------------

/** Router tiers that none of the scored task types reaches with the router's own assumed task. */
export function routerTierFindings(data: Dataset): AuditFinding[] {
  const { router, config } = routerFromData(data);
  const assumed = data.routingConfig[0];
  if (!assumed) return [];
  const scored = data.taskTypes.filter((type) => type.complexityScore !== undefined);
  const routed = scored.map((type) => {
    const task = { type: type.taskType, expectedToolCalls: assumed.assumedToolCalls, contextTokens: assumed.assumedContextTokens };
    return { taskType: type.taskType, complexity: router.assessTaskComplexity(task), tier: router.route(task, config) };
  });
  const reached = new Set<ModelTier>(routed.map((entry) => entry.tier));
  const unreached = TIER_ORDER.filter((tier) => !reached.has(tier));
  if (unreached.length === 0 || routed.length === 0) return [];
  const scores = routed.map((entry) => entry.complexity);
  return [
    {
      id: "router/unreached_tiers",
      section: "59.4",
      kind: "unreachable_tier",
      title: `${unreached.length} of the router's ${TIER_ORDER.length} tiers receive no task`,
      detail:
        `With the router's assumed task (${assumed.assumedToolCalls} tool calls, ${formatInteger(assumed.assumedContextTokens)} context tokens) the ${routed.length} task types score ${Math.min(...scores).toFixed(2)} to ${Math.max(...scores).toFixed(2)} ` +
        `and go to the ${[...reached]
          .sort((x, y) => TIER_ORDER.indexOf(x) - TIER_ORDER.indexOf(y))
          .map(tierName)
          .join(
            " and the ",
          )} only (${routed.map((entry) => `${taskTypeName(entry.taskType)} ${entry.complexity.toFixed(2)} → ${tierName(entry.tier)}`).join(", ")}); ` +
        `no task type reaches the ${unreached.map(tierName).join(" or the ")}.`,
      effect: {
        usdPerMonth: undefined,
        decision: `the router works as ${reached.size} tiers, not ${TIER_ORDER.length}; no cost the chapter computes changes`,
      },
      values: { unreachedTiers: unreached.length, lowestScore: Math.min(...scores), highestScore: Math.max(...scores) },
    },
  ];
}

/** Router tiers whose context limit is below one call of the default workload (input plus output). */
export function contextLimitFindings(data: Dataset): AuditFinding[] {
  const workload = findWorkload(data);
  const callTokens = workload.inputTokensPerCall + workload.outputTokensPerCall;
  return data.routingTiers
    .filter((tier) => tier.maxContextTokens < callTokens)
    .map((tier) => ({
      id: `router/context_limit/${tier.tier}`,
      section: "59.4",
      kind: "context_limit" as const,
      title: `The ${tierName(tier.tier)}'s context is shorter than one typical call`,
      detail: `The ${tierName(tier.tier)} (${tier.modelName}) holds ${formatInteger(tier.maxContextTokens)} tokens; one call of the typical workload is ${formatInteger(workload.inputTokensPerCall)} input + ${formatInteger(workload.outputTokensPerCall)} output = ${formatInteger(callTokens)} tokens, ${formatInteger(callTokens - tier.maxContextTokens)} more than it holds.`,
      effect: { usdPerMonth: undefined, decision: `a typical call cannot run on the ${tierName(tier.tier)}` },
      values: { maxContextTokens: tier.maxContextTokens, callTokens },
    }));
}

// --- units ------------------------------------------------------------------------------------------------

const CURRENCY_WORDS: Record<string, string> = { usd: "dollars", cny: "yuan" };
const PER_WORDS: Record<string, string> = { kwh: "kWh" };

/** `cny_per_kwh` → "yuan per kWh". */
function unitWords(unit: string): string {
  const { currency, per } = splitUnit(unit);
  return `${CURRENCY_WORDS[currency] ?? currency}${per ? ` per ${PER_WORDS[per] ?? per}` : ""}`;
}

/** `cny_per_kwh` → currency `cny`, per `kwh`; `usd` → currency `usd`, per nothing. */
function splitUnit(unit: string): { currency: string; per: string } {
  const [currency, per = ""] = unit.split("_per_") as [string, string?];
  return { currency, per };
}

/** Units of the other currency per unit of `from`, from a quantity the chapter states in both (560,000 yuan beside $80,000). */
function exchangeRate(statements: readonly ChapterStatementRow[], from: string, to: string): number | undefined {
  for (const statement of statements) {
    if (statement.unit !== from || statement.value === undefined || statement.value === 0) continue;
    const other = statements.find(
      (candidate) => candidate.quantity === statement.quantity && candidate.unit === to && candidate.value !== undefined,
    );
    if (other?.value !== undefined) return other.value / statement.value;
  }
  return undefined;
}

/** A formula and a worked example of the same quantity stated in different units. */
export function unitFindings(data: Dataset): AuditFinding[] {
  const statements = data.chapterStatements;
  const findings: AuditFinding[] = [];
  for (const formula of statements.filter((row) => row.role === "formula")) {
    for (const example of statements.filter(
      (row) => row.role === "example" && row.quantity === formula.quantity && row.unit !== formula.unit,
    )) {
      const stated = splitUnit(example.unit);
      const meant = splitUnit(formula.unit);
      // The example's number read in the formula's unit, converted back at the chapter's own exchange rate.
      const rate = stated.per === meant.per ? exchangeRate(statements, stated.currency, meant.currency) : undefined;
      const reread = rate !== undefined && example.value !== undefined ? example.value / rate : undefined;
      const cost =
        reread !== undefined && example.dataCell?.file === "hardware.csv"
          ? hardwareEffect(data, example.dataCell.rowId, { ...example.dataCell, value: reread })
          : undefined;
      findings.push({
        id: `unit/${formula.quantity}`,
        section: formula.section,
        kind: "unit_mismatch",
        title: `${capitalised(words(formula.quantity))}: the ${formula.section} formula and its example use different units`,
        detail:
          `The ${formula.section} formula states ${words(formula.quantity)} in ${unitWords(formula.unit)}; its worked example uses ${example.value ?? "a value"} ${unitWords(example.unit)}.` +
          (reread !== undefined && rate !== undefined && example.value !== undefined
            ? ` Read in the formula's unit, ${example.value} ${unitWords(formula.unit)} is ${reread.toFixed(4)} ${unitWords(example.unit)} at the chapter's own ${rate.toFixed(2)} ${CURRENCY_WORDS[meant.currency] ?? meant.currency} to the ${stated.currency === "usd" ? "dollar" : stated.currency}`
            : "") +
          (cost ? `: ${cost.name} would cost ${usd(cost.after)} a month instead of ${usd(cost.before)}.` : "."),
        effect: {
          usdPerMonth: cost ? Math.abs(cost.after - cost.before) : undefined,
          ...(cost?.shift ? { breakEvenCallsPerDay: cost.shift.callsPerDay } : {}),
          decision: cost
            ? `${cost.name}'s monthly cost${cost.shift ? ` and its break-even with ${findModel(data, cost.shift.apiModelId).modelName} (${formatInteger(cost.shift.callsPerDay)} calls a day)` : ""}, if the formula's unit were meant`
            : "which unit the chapter's prices are in",
        },
        values: {
          ...(rate !== undefined ? { exchangeRate: rate } : {}),
          ...(reread !== undefined ? { rereadValue: reread } : {}),
          ...(cost ? { monthlyUsdBefore: cost.before, monthlyUsdAfter: cost.after } : {}),
        },
      });
    }
  }
  return findings;
}

const words = (id: string) => id.replace(/_/g, " ");
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A hardware row's monthly cost before and after one of its cells is set, and the break-even it moves. */
function hardwareEffect(data: Dataset, hardwareId: string, cell: { file: string; rowId: string; column: string; value: number }) {
  const days = findWorkload(data).daysPerMonth;
  const row = findHardware(data, hardwareId);
  const before = hardwareMonthlyCost(row, days).totalUsd;
  const after = hardwareMonthlyCost(findHardware(withAssignments(data, [cell]), hardwareId), days).totalUsd;
  return { name: row.name, before, after, shift: breakEvenShift(data, hardwareId, before, after - before) };
}
