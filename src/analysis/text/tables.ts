/** The chapter's key tables, computed from a data folder, as plain text for the terminal. */
import type { Dataset, WorkloadRow } from "../../data";
import {
  billingNoteSentences,
  billingSharesOf,
  breakEvenTable,
  caseStudyFromData,
  checkPublishedFigures,
  cloudCostTable,
  findWorkload,
  headlineVolume,
  isWeeklyWorkload,
  fitLabel,
  hardwareMonthlyCost,
  hybridSavings,
  printedValue,
} from "..";
import { formatInteger, formatPercent, formatUsd, moneyText } from "../../format";
import { currencyNote } from "../currency";
import { renderTextTable } from "./text-table";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";
import { TERMINAL_WORDS } from "../../i18n/terminal";
import { DECISION_WORDS } from "../../i18n/decision";
import { caseOptionIn } from "../../panels/then-and-now";
import type { CaseOptionName } from "../../model";
import { routerTierIn, taskTypeIn } from "../hybrid-routing-page";

/** The APIs the chapter's break-even comparison table compares against, where present in the data. */
export const CHAPTER_BREAK_EVEN_APIS = ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"];

const right = (header: string) => ({ header, align: "right" as const });

/** The workload's cache and batch shares in words, where it has any ("50% of input read from the cache"). */
function sharesText(workload: WorkloadRow, lang: Lang): string[] {
  const words = TERMINAL_WORDS[lang];
  const shares = billingSharesOf(workload);
  // Up to one decimal, without trailing zeros: 50%, 12.5%.
  const percent = (share: number) => `${+(share * 100).toFixed(1)}%`;
  return [
    shares.cachedInputShare > 0 ? words.cachedShare(percent(shares.cachedInputShare)) : "",
    shares.cacheWriteShare > 0 ? words.cacheWriteShare(percent(shares.cacheWriteShare)) : "",
    shares.batchShare > 0 ? words.batchShare(percent(shares.batchShare)) : "",
  ].filter((part) => part !== "");
}

function cloudSection(data: Dataset, lang: Lang): string {
  const words = TERMINAL_WORDS[lang];
  const workload = findWorkload(data);
  const costs = cloudCostTable(data, workload);
  const rows = costs.map(({ model, usdPerCall, usdPerDay, usdPerMonth }) => [
    model.modelName,
    formatUsd(model.inputUsdPerMTok, 2, lang),
    formatUsd(model.outputUsdPerMTok, 2, lang),
    formatUsd(usdPerCall, 5, lang),
    formatUsd(usdPerDay, 2, lang),
    formatUsd(usdPerMonth, 2, lang),
  ]);
  const volume = headlineVolume(workload);
  const calendar = isWeeklyWorkload(workload)
    ? words.weeklyCalendar(
        formatInteger(volume.callsPerDay),
        DECISION_WORDS[lang].unit(volume.unit),
        String(+workload.daysPerMonth.toFixed(4)),
      )
    : words.dailyCalendar(formatInteger(workload.callsPerDay), String(workload.daysPerMonth));
  const title = words.cloudTitle(
    formatInteger(workload.inputTokensPerCall),
    formatInteger(workload.outputTokensPerCall),
    workload.reasoningTokensPerCall ? formatInteger(workload.reasoningTokensPerCall) : "",
    calendar,
    sharesText(workload, lang),
  );
  const notes = billingNoteSentences(costs, lang)
    .map((sentence) => `\n${sentence}`)
    .join("");
  return `${title}\n${renderTextTable([{ header: words.model }, right(words.inPerM), right(words.outPerM), right(words.perCall), right(words.perDay), right(words.perMonth)], rows)}${notes}`;
}

function localSection(data: Dataset, lang: Lang): string {
  const words = TERMINAL_WORDS[lang];
  const money = (usd: number) => formatUsd(usd, 2, lang);
  const rows = data.hardware.map((row) => {
    const cost = hardwareMonthlyCost(row, findWorkload(data).daysPerMonth);
    const items = cost.basis === "itemised" ? [money(cost.depreciationUsd), money(cost.powerUsd), money(cost.opsUsd)] : ["", "", ""];
    return [row.name, ...items, money(cost.totalUsd), words.costBasis(cost.basis)];
  });
  return `${words.localMonthlyCost}\n${renderTextTable([{ header: words.hardware }, right(words.depreciation), right(words.power), right(words.ops), right(words.total), { header: words.basis }], rows)}`;
}

function breakEvenSection(data: Dataset, lang: Lang): string {
  const words = TERMINAL_WORDS[lang];
  const chapterApis = CHAPTER_BREAK_EVEN_APIS.filter((id) => data.models.some((model) => model.modelId === id));
  // An edition with none of the chapter's APIs (one priced for another market) is compared with its first model.
  const apis = chapterApis.length > 0 ? chapterApis : data.models.slice(0, 1).map((model) => model.modelId);
  const cells = breakEvenTable(data, { apiModelIds: apis });
  const daysPerMonth = findWorkload(data).daysPerMonth;
  const rows = data.hardware.map((machine) => {
    const mine = cells.filter((cell) => cell.hardwareId === machine.hardwareId);
    return [
      fitLabel(data, machine.hardwareId, undefined, lang),
      formatUsd(hardwareMonthlyCost(machine, daysPerMonth).totalUsd, 2, lang),
      ...mine.map((cell) => formatInteger(cell.breakEvenDailyCalls, lang)),
    ];
  });
  const headers = apis.map((id) => right(words.versus(data.models.find((model) => model.modelId === id)?.modelName ?? id)));
  // The chapter's rule, said in the title where it is used: `decide` is the one that sizes servers.
  return `${words.breakEvenTitle}\n${renderTextTable([{ header: words.hardware }, right(words.localPerMonth), ...headers], rows)}`;
}

function hybridSection(data: Dataset, lang: Lang): string {
  const words = TERMINAL_WORDS[lang];
  const money = (usd: number) => formatUsd(usd, 2, lang);
  const savings = hybridSavings(data);
  const rows = savings.byTaskType.map((row) => [
    // English keeps the data's ids, as the chapter's table does; another language names them.
    lang === DEFAULT_LANG ? row.taskType : taskTypeIn(row.taskType, lang),
    formatPercent(row.share * 100, 0, lang),
    row.complexity.toFixed(2),
    lang === DEFAULT_LANG ? row.tier : routerTierIn(row.tier, lang),
    money(row.monthlyUsd),
  ]);
  const table = renderTextTable(
    [{ header: words.taskType }, right(words.share), right(words.complexity), { header: words.tier }, right(words.perMonth)],
    rows,
  );
  const line = words.hybridLine(
    money(savings.pureCloudMonthly),
    money(savings.hybridMonthly),
    money(savings.monthlySavings),
    formatPercent(savings.savingsPercentage, 1, lang),
  );
  return `${words.hybridRouting}\n${table}\n${line}`;
}

function caseSection(data: Dataset, lang: Lang): string {
  const words = TERMINAL_WORDS[lang];
  const money = (usd: number) => formatUsd(usd, 2, lang);
  const { residency, result } = caseStudyFromData(data);
  // English keeps the chapter's option ids (all-cloud); another language names them (全云端).
  const optionIn = (option: CaseOptionName) => (lang === DEFAULT_LANG ? option.replace("_", "-") : caseOptionIn(option, lang));
  const rows = result.options.map((option) => [
    optionIn(option.option),
    money(option.localUsd),
    money(option.cloudUsd),
    money(option.totalUsd),
    option.compliant ? words.yes : words.no,
    option.withinBudget ? words.yes : words.no,
  ]);
  const excluded = residency.excluded
    .map((model) => words.excludedModel(model.modelName, DECISION_WORDS[lang].regionOf(model.dataRegion)))
    .join(lang === DEFAULT_LANG ? ", " : "、");
  return [
    words.caseStudyTitle(formatInteger(result.monthlyCalls.total, lang)),
    words.notAllowed(excluded || words.none),
    renderTextTable(
      [
        { header: words.option },
        right(words.local),
        right(words.cloud),
        right(words.total),
        { header: words.compliant },
        { header: words.inBudget },
      ],
      rows,
    ),
    words.cheapestCompliant(result.cheapestCompliant ? optionIn(result.cheapestCompliant) : words.none),
  ].join("\n");
}

function figuresSection(data: Dataset, lang: Lang): string {
  const words = TERMINAL_WORDS[lang];
  const checks = checkPublishedFigures(data);
  const differing = checks.filter((check) => !check.withinRounding);
  const rows = differing.map((check) => [
    check.figure.figureId,
    printedValue(check.figure),
    check.recomputed === undefined ? "?" : String(+check.recomputed.toFixed(4)),
  ]);
  return `${words.printedFiguresTitle(checks.length - differing.length, checks.length)}\n${renderTextTable([{ header: words.differs }, right(words.printed), right(words.recomputed)], rows)}`;
}

/**
 * The chapter's key tables as text, every word in `lang`: headings, column headers and sentences (`TERMINAL_WORDS`,
 * and the pages' own words for billing notes, fit, task types, tiers, options and the currency's note), money as that
 * language writes it.
 */
export function chapterTextReport(data: Dataset, lang: Lang = DEFAULT_LANG): string {
  const sections = [
    cloudSection(data, lang),
    localSection(data, lang),
    breakEvenSection(data, lang),
    hybridSection(data, lang),
    caseSection(data, lang),
  ];
  const note = data.shownIn ? currencyNote(data.shownIn, true, lang) : undefined;
  // Written in dollars, shown in the currency the data was converted to; the chapter's printed figures stay in its
  // dollars, beside the values the data gives in dollars. The rate's own note names both currencies.
  return `${[moneyText(sections.join("\n\n"), undefined, lang), figuresSection(data.shownIn?.inUsd ?? data, lang), ...(note ? [note] : [])].join("\n\n")}\n`;
}
