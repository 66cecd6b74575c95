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
  HOURS_PER_DAY,
} from "../model";
import { caseStudyFromData } from "./case-study";
import { apiUsdPerCall } from "./cost";
import { routerFromData } from "./hybrid-routing";
import { routerTierIn, taskTypeIn } from "./hybrid-routing-page";
import { findHardware, findModel, findWorkload } from "./lookup";
import { hardwareMonthlyCost } from "./model-inputs";
import { AUDIT_WORDS } from "../i18n/audit";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

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

/** Every finding the data shows, in section order, written in `lang` (default English). */
export function auditFindings(data: Dataset, lang: Lang = DEFAULT_LANG): AuditFinding[] {
  return [
    ...unitFindings(data, lang),
    ...impliedPriceFindings(data, lang),
    ...sameSetupFindings(data, lang),
    ...routerTierFindings(data, lang),
    ...contextLimitFindings(data, lang),
    ...calendarFindings(data, lang),
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

/** Dollars as the language writes them: the audit keeps the chapter's currency. */
const usdIn = (lang: Lang) => (value: number) => formatUsd(value, 2, lang);

// --- the case study's month -------------------------------------------------------------------------------

/** A case study that bills a weekday/weekend split no calendar month has, re-priced at the average month's split. */
export function calendarFindings(data: Dataset, lang: Lang = DEFAULT_LANG): AuditFinding[] {
  const words = AUDIT_WORDS[lang];
  const usd = usdIn(lang);
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
      local <= cloud ? words.cheaper(usd(cloud - local)) : words.dearer(usd(local - cloud), formatPercent(((local - cloud) / cloud) * 100));
    return [
      {
        id: `calendar/${row.scenarioId}`,
        section: "59.5",
        kind: "calendar",
        title: words.calendarTitle,
        detail: words.calendarDetail({
          weekdays: row.weekdayDaysPerMonth,
          weekendDays: row.weekendDaysPerMonth,
          weekdaySpan: span(mixes.map((mix) => mix.weekdays)),
          weekendSpan: span(mixes.map((mix) => mix.weekendDays)),
          averageDays: AVERAGE_DAYS_PER_MONTH.toFixed(2),
          averageWeekdays: average.weekdays.toFixed(2),
          averageWeekendDays: average.weekendDays.toFixed(2),
          cloudAverage: usd(cloudAverage),
          cloudStated: usd(cloudStated),
          local: usd(local),
          gapAverage: gap(cloudAverage),
          gapStated: gap(cloudStated),
        }),
        effect: {
          usdPerMonth: Math.abs(cloudStated - cloudAverage),
          decision: words.calendarDecision(gap(cloudAverage), gap(cloudStated)),
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
export function impliedPriceFindings(data: Dataset, lang: Lang = DEFAULT_LANG): AuditFinding[] {
  const words = AUDIT_WORDS[lang];
  const usd = usdIn(lang);
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
        title: words.impliedTitle(row.name),
        detail: words.impliedDetail({
          name: row.name,
          bill: usd(bill),
          powerKw: row.powerKw,
          hours,
          kwh: formatInteger(kwh),
          implied: implied.toFixed(4),
          reference: reference.name,
          price: price.toFixed(2),
          billAtReference: usd(billAtReference),
          gap: usd(Math.abs(bill - billAtReference)),
          less: bill > billAtReference,
        }),
        effect: {
          usdPerMonth: Math.abs(bill - billAtReference),
          ...(shift ? { breakEvenCallsPerDay: shift.callsPerDay } : {}),
          decision: shift
            ? words.impliedDecisionShift(row.name, findModel(data, shift.apiModelId).modelName, formatInteger(shift.callsPerDay))
            : words.impliedDecision(row.name),
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

function costStory(row: HardwareRow, daysPerMonth: number, lang: Lang): string {
  const words = AUDIT_WORDS[lang];
  const usd = usdIn(lang);
  const cost = hardwareMonthlyCost(row, daysPerMonth);
  if (cost.basis === "stated") return words.asStated(usd(cost.totalUsd));
  return words.itemised(
    usd(cost.totalUsd),
    formatInteger(row.capexUsd as number),
    row.depreciationMonths,
    usd(cost.powerUsd),
    usd(cost.opsUsd),
  );
}

/** Two hardware rows with the same GPU model and count whose monthly costs differ by more than a dollar. */
export function sameSetupFindings(data: Dataset, lang: Lang = DEFAULT_LANG): AuditFinding[] {
  const words = AUDIT_WORDS[lang];
  const usd = usdIn(lang);
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
        title: words.sameSetupTitle(first.gpuCount, first.gpuModel),
        detail:
          words.sameSetupDetail(
            first.name,
            costStory(first, days, lang),
            second.name,
            first.gpuCount,
            first.gpuModel,
            costStory(second, days, lang),
            usd(Math.abs(a - b)),
          ) +
          (breakEvens && apiModelId
            ? words.sameSetupBreakEvens(findModel(data, apiModelId).modelName, formatInteger(breakEvens[0]), formatInteger(breakEvens[1]))
            : ""),
        effect: {
          usdPerMonth: Math.abs(a - b),
          ...(breakEvens ? { breakEvenCallsPerDay: Math.abs(breakEvens[0] - breakEvens[1]) } : {}),
          decision:
            breakEvens && apiModelId
              ? words.sameSetupDecision(
                  first.gpuModel,
                  findModel(data, apiModelId).modelName,
                  formatInteger(breakEvens[0]),
                  formatInteger(breakEvens[1]),
                )
              : words.sameSetupDecisionCost,
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
export function routerTierFindings(data: Dataset, lang: Lang = DEFAULT_LANG): AuditFinding[] {
  const words = AUDIT_WORDS[lang];
  const tier = (name: ModelTier) => routerTierIn(name, lang);
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
      title: words.routerTitle(unreached.length, TIER_ORDER.length),
      detail: words.routerDetail({
        toolCalls: assumed.assumedToolCalls,
        contextTokens: formatInteger(assumed.assumedContextTokens),
        taskTypes: routed.length,
        lowest: Math.min(...scores).toFixed(2),
        highest: Math.max(...scores).toFixed(2),
        reached: [...reached].sort((x, y) => TIER_ORDER.indexOf(x) - TIER_ORDER.indexOf(y)).map(tier),
        routes: routed.map((entry) => words.route(taskTypeIn(entry.taskType, lang), entry.complexity.toFixed(2), tier(entry.tier))),
        unreached: unreached.map(tier),
      }),
      effect: {
        usdPerMonth: undefined,
        decision: words.routerDecision(reached.size, TIER_ORDER.length),
      },
      values: { unreachedTiers: unreached.length, lowestScore: Math.min(...scores), highestScore: Math.max(...scores) },
    },
  ];
}

/** Router tiers whose context limit is below one call of the default workload (input plus output). */
export function contextLimitFindings(data: Dataset, lang: Lang = DEFAULT_LANG): AuditFinding[] {
  const words = AUDIT_WORDS[lang];
  const name = (tier: ModelTier) => routerTierIn(tier, lang);
  const workload = findWorkload(data);
  const callTokens = workload.inputTokensPerCall + workload.outputTokensPerCall;
  return data.routingTiers
    .filter((tier) => tier.maxContextTokens < callTokens)
    .map((tier) => ({
      id: `router/context_limit/${tier.tier}`,
      section: "59.4",
      kind: "context_limit" as const,
      title: words.contextTitle(name(tier.tier)),
      detail: words.contextDetail(
        name(tier.tier),
        tier.modelName,
        formatInteger(tier.maxContextTokens),
        formatInteger(workload.inputTokensPerCall),
        formatInteger(workload.outputTokensPerCall),
        formatInteger(callTokens),
        formatInteger(callTokens - tier.maxContextTokens),
      ),
      effect: { usdPerMonth: undefined, decision: words.contextDecision(name(tier.tier)) },
      values: { maxContextTokens: tier.maxContextTokens, callTokens },
    }));
}

// --- units ------------------------------------------------------------------------------------------------

const PER_WORDS: Record<string, string> = { kwh: "kWh" };

/** `cny_per_kwh` → "yuan per kWh" (元/kWh in Chinese). */
function unitWords(unit: string, lang: Lang = DEFAULT_LANG): string {
  const { currency, per } = splitUnit(unit);
  const words = AUDIT_WORDS[lang];
  return words.unitWords(words.currencyWord(currency), per ? (PER_WORDS[per] ?? per) : "");
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
export function unitFindings(data: Dataset, lang: Lang = DEFAULT_LANG): AuditFinding[] {
  const words = AUDIT_WORDS[lang];
  const usd = usdIn(lang);
  const quantity = (id: string) => words.quantityWords(id);
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
        title: words.unitTitle(quantity(formula.quantity), formula.section),
        detail: words.unitDetail({
          section: formula.section,
          quantity: quantity(formula.quantity),
          formulaUnit: unitWords(formula.unit, lang),
          exampleUnit: unitWords(example.unit, lang),
          exampleValue: example.value === undefined ? words.aValue : String(example.value),
          ...(reread !== undefined && rate !== undefined && example.value !== undefined
            ? {
                reread: {
                  value: example.value,
                  reread: reread.toFixed(4),
                  rate: rate.toFixed(2),
                  currency: words.currencyWord(meant.currency),
                  per: stated.currency === "usd" ? words.perDollar : stated.currency,
                },
              }
            : {}),
          ...(cost ? { cost: { name: cost.name, after: usd(cost.after), before: usd(cost.before) } } : {}),
        }),
        effect: {
          usdPerMonth: cost ? Math.abs(cost.after - cost.before) : undefined,
          ...(cost?.shift ? { breakEvenCallsPerDay: cost.shift.callsPerDay } : {}),
          decision: cost
            ? words.unitDecision(
                cost.name,
                cost.shift
                  ? { model: findModel(data, cost.shift.apiModelId).modelName, calls: formatInteger(cost.shift.callsPerDay) }
                  : undefined,
              )
            : words.unitDecisionWhich,
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

/** A hardware row's monthly cost before and after one of its cells is set, and the break-even it moves. */
function hardwareEffect(data: Dataset, hardwareId: string, cell: { file: string; rowId: string; column: string; value: number }) {
  const days = findWorkload(data).daysPerMonth;
  const row = findHardware(data, hardwareId);
  const before = hardwareMonthlyCost(row, days).totalUsd;
  const after = hardwareMonthlyCost(findHardware(withAssignments(data, [cell]), hardwareId), days).totalUsd;
  return { name: row.name, before, after, shift: breakEvenShift(data, hardwareId, before, after - before) };
}
