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

function cloudSection(data: Dataset): string {
  const workload = findWorkload(data);
  const costs = cloudCostTable(data, workload);
  const rows = costs.map(({ model, usdPerCall, usdPerDay, usdPerMonth }) => [
    model.modelName,
    formatUsd(model.inputUsdPerMTok),
    formatUsd(model.outputUsdPerMTok),
    formatUsd(usdPerCall, 5),
    formatUsd(usdPerDay),
    formatUsd(usdPerMonth),
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
  return `${title}\n${renderTextTable([{ header: "Model" }, right("In $/M"), right("Out $/M"), right("$/call"), right("$/day"), right("$/month")], rows)}${notes}`;
}

function localSection(data: Dataset): string {
  const rows = data.hardware.map((row) => {
    const cost = hardwareMonthlyCost(row, findWorkload(data).daysPerMonth);
    const items =
      cost.basis === "itemised" ? [formatUsd(cost.depreciationUsd), formatUsd(cost.powerUsd), formatUsd(cost.opsUsd)] : ["", "", ""];
    return [row.name, ...items, formatUsd(cost.totalUsd), cost.basis];
  });
  return `59.1 Local monthly cost\n${renderTextTable([{ header: "Hardware" }, right("Depreciation"), right("Power"), right("Ops"), right("Total"), { header: "Basis" }], rows)}`;
}

function breakEvenSection(data: Dataset): string {
  const chapterApis = CHAPTER_BREAK_EVEN_APIS.filter((id) => data.models.some((model) => model.modelId === id));
  // An edition with none of the chapter's APIs (one priced for another market) is compared with its first model.
  const apis = chapterApis.length > 0 ? chapterApis : data.models.slice(0, 1).map((model) => model.modelId);
  const cells = breakEvenTable(data, { apiModelIds: apis });
  const daysPerMonth = findWorkload(data).daysPerMonth;
  const rows = data.hardware.map((machine) => {
    const mine = cells.filter((cell) => cell.hardwareId === machine.hardwareId);
    return [
      fitLabel(data, machine.hardwareId),
      formatUsd(hardwareMonthlyCost(machine, daysPerMonth).totalUsd),
      ...mine.map((cell) => formatInteger(cell.breakEvenDailyCalls)),
    ];
  });
  const headers = apis.map((id) => right(`vs ${data.models.find((model) => model.modelId === id)?.modelName ?? id}`));
  // The chapter's rule, said where it is used: `decide` is the one that sizes servers.
  const rule = "one server carrying any volume, as the chapter counts; roilab decide sizes servers for the busiest hour";
  return `59.3 Break-even, calls/day (${rule})\n${renderTextTable([{ header: "Hardware" }, right("Local $/month"), ...headers], rows)}`;
}

function hybridSection(data: Dataset): string {
  const savings = hybridSavings(data);
  const rows = savings.byTaskType.map((row) => [
    row.taskType,
    formatPercent(row.share * 100, 0),
    row.complexity.toFixed(2),
    row.tier,
    formatUsd(row.monthlyUsd),
  ]);
  const table = renderTextTable([{ header: "Task type" }, right("Share"), right("Complexity"), { header: "Tier" }, right("$/month")], rows);
  return `59.4 Hybrid routing\n${table}\nPure cloud ${formatUsd(savings.pureCloudMonthly)}/month, hybrid ${formatUsd(savings.hybridMonthly)}/month, saving ${formatUsd(savings.monthlySavings)} (${formatPercent(savings.savingsPercentage)})`;
}

function caseSection(data: Dataset): string {
  const { residency, result } = caseStudyFromData(data);
  const rows = result.options.map((option) => [
    option.option.replace("_", "-"),
    formatUsd(option.localUsd),
    formatUsd(option.cloudUsd),
    formatUsd(option.totalUsd),
    option.compliant ? "yes" : "no",
    option.withinBudget ? "yes" : "no",
  ]);
  const excluded = residency.excluded.map((model) => `${model.modelName} (${model.dataRegion})`).join(", ");
  return [
    `59.5 Case study, ${formatInteger(result.monthlyCalls.total)} calls/month`,
    `Not allowed for sensitive data: ${excluded || "none"}`,
    renderTextTable(
      [{ header: "Option" }, right("Local"), right("Cloud"), right("Total"), { header: "Compliant" }, { header: "In budget" }],
      rows,
    ),
    `Cheapest compliant option within budget: ${result.cheapestCompliant?.replace("_", "-") ?? "none"}`,
  ].join("\n");
}

function figuresSection(data: Dataset): string {
  const checks = checkPublishedFigures(data);
  const differing = checks.filter((check) => !check.withinRounding);
  const rows = differing.map((check) => [
    check.figure.figureId,
    printedValue(check.figure),
    check.recomputed === undefined ? "?" : String(+check.recomputed.toFixed(4)),
  ]);
  return `The chapter's printed figures: ${checks.length - differing.length} of ${checks.length} match their formulas within rounding\n${renderTextTable([{ header: "Differs" }, right("Printed"), right("Recomputed")], rows)}`;
}

export function chapterTextReport(data: Dataset): string {
  const sections = [cloudSection(data), localSection(data), breakEvenSection(data), hybridSection(data), caseSection(data)];
  const note = data.shownIn ? currencyNote(data.shownIn) : undefined;
  // Written in dollars, shown in the currency the data was converted to; the chapter's printed figures stay in its
  // dollars, beside the values the data gives in dollars. The rate's own note names both currencies.
  return `${[moneyText(sections.join("\n\n")), figuresSection(data.shownIn?.inUsd ?? data), ...(note ? [note] : [])].join("\n\n")}\n`;
}
