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

/** The APIs the chapter's break-even comparison table compares against, where present in the data. */
export const CHAPTER_BREAK_EVEN_APIS = ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"];

const right = (header: string) => ({ header, align: "right" as const });

/** The workload's cache and batch shares in words, where it has any ("; 50% of input cached, 20% of calls batched"). */
function sharesText(workload: WorkloadRow): string {
  const shares = billingSharesOf(workload);
  // Up to one decimal, without trailing zeros: 50%, 12.5%.
  const percent = (share: number) => `${+(share * 100).toFixed(1)}%`;
  const parts = [
    shares.cachedInputShare > 0 ? `${percent(shares.cachedInputShare)} of input read from the cache` : "",
    shares.cacheWriteShare > 0 ? `${percent(shares.cacheWriteShare)} written to it` : "",
    shares.batchShare > 0 ? `${percent(shares.batchShare)} of calls batched` : "",
  ].filter((part) => part !== "");
  return parts.length > 0 ? `; ${parts.join(", ")}` : "";
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
    ? `${formatInteger(volume.callsPerDay)} ${volume.unit} over a ${+workload.daysPerMonth.toFixed(4)}-day month ($/day: the month over its days)`
    : `${formatInteger(workload.callsPerDay)} calls/day, ${workload.daysPerMonth} days/month`;
  const reasoning = workload.reasoningTokensPerCall
    ? ` (+ ${formatInteger(workload.reasoningTokensPerCall)} reasoning on models that reason)`
    : "";
  const title = `59.1 Cloud cost at ${formatInteger(workload.inputTokensPerCall)} input + ${formatInteger(workload.outputTokensPerCall)} output tokens${reasoning}, ${calendar}${sharesText(workload)}`;
  const notes = billingNoteSentences(costs)
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
    return [row.name, ...items, money(cost.totalUsd), cost.basis];
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
      fitLabel(data, machine.hardwareId),
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
    row.taskType,
    formatPercent(row.share * 100, 0, lang),
    row.complexity.toFixed(2),
    row.tier,
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
  const rows = result.options.map((option) => [
    option.option.replace("_", "-"),
    money(option.localUsd),
    money(option.cloudUsd),
    money(option.totalUsd),
    option.compliant ? words.yes : words.no,
    option.withinBudget ? words.yes : words.no,
  ]);
  const excluded = residency.excluded.map((model) => `${model.modelName} (${model.dataRegion})`).join(", ");
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
    words.cheapestCompliant(result.cheapestCompliant?.replace("_", "-") ?? words.none),
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
 * The chapter's key tables as text. In another language than English the headings, column headers and fixed
 * sentences are translated (`TERMINAL_WORDS`) and money is written as that language writes it; the 59.1 cloud table's
 * title, the billing notes, a configuration's fit and the currency's note are the analysis's sentences and stay English.
 */
export function chapterTextReport(data: Dataset, lang: Lang = DEFAULT_LANG): string {
  const sections = [
    cloudSection(data, lang),
    localSection(data, lang),
    breakEvenSection(data, lang),
    hybridSection(data, lang),
    caseSection(data, lang),
  ];
  const note = data.shownIn ? currencyNote(data.shownIn) : undefined;
  // Written in dollars, shown in the currency the data was converted to; the chapter's printed figures stay in its
  // dollars, beside the values the data gives in dollars. The rate's own note names both currencies.
  return `${[moneyText(sections.join("\n\n"), undefined, lang), figuresSection(data.shownIn?.inUsd ?? data, lang), ...(note ? [note] : [])].join("\n\n")}\n`;
}
