/** What `roilab workload import` read, worked out and wrote, for the terminal. */
import { renderTextTable } from "../analysis/text";
import type { WorkloadImportResult } from "../analysis/workload-import";
import { priceDatabaseLabel } from "../data/price-database";
import { isoDate } from "../data/usage-log/local-time";
import { TOKEN_PERCENTILES, type TokenKind } from "../data/usage-log/summarise";
import { formatInteger, formatPercent, formatUsd } from "../format";
import { displayPath } from "../util/display-path";

const TOKEN_ROWS: Array<[TokenKind, string]> = [
  ["input", "input (cache included)"],
  ["output", "output (visible)"],
  ["reasoning", "reasoning"],
  ["cache_read", "cache read"],
  ["cache_write", "cache write"],
];

const plural = (count: number, one: string, many = `${one}s`) => `${formatInteger(count)} ${count === 1 ? one : many}`;
const percent = (share: number) => formatPercent(share * 100);
const hour = (value: number) => `${String(value).padStart(2, "0")}:00`;
/** Calls per day: whole numbers as they are, others to two decimals. */
const perDay = (value: number) =>
  Number.isInteger(value) ? formatInteger(value) : value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** USD with enough decimals for a handful of calls. */
const usd = (value: number) => formatUsd(value, 4);

export function workloadImportSummary(result: WorkloadImportResult): string {
  const { summary, span, log } = result;
  const lines: string[] = [];
  const skipped = log.spansWithoutUsage + log.spansOfOtherOperations;
  lines.push(
    `read ${plural(summary.calls, "call")} (${formatInteger(summary.timedCalls)} timed, ${formatInteger(summary.untimedCalls)} untimed) from ${result.files.map((file) => displayPath(file)).join(", ")}` +
      (skipped
        ? `; skipped ${plural(skipped, "span")}: ${formatInteger(log.spansWithoutUsage)} without gen_ai usage, ${formatInteger(log.spansOfOtherOperations)} of agent, tool or other operations (their usage repeats their model calls')`
        : ""),
  );
  if (summary.untimedCalls) lines.push(`  calls without a time count for tokens and models, not for calls per day or the hourly profile`);
  const clock = summary.clock;
  lines.push(
    `time span: ${clock.wallClock(span.firstMs)} to ${clock.wallClock(span.lastMs)} ${result.zone}; ${plural(span.lastDay - span.firstDay + 1, "date")} from ${isoDate(span.firstDay)} to ${isoDate(span.lastDay)}: ${plural(span.weekday.dates, "weekday")} and ${plural(span.weekend.dates, "weekend day")}`,
  );
  lines.push(
    `calls per day: ${perDay(span.weekday.callsPerDay)} on weekdays (${plural(span.weekday.calls, "call")}), ${perDay(span.weekend.callsPerDay)} on weekend days (${plural(span.weekend.calls, "call")})`,
  );
  for (const type of ["weekday", "weekend"] as const)
    if (span[type].dates === 0) lines.push(`  no ${type} dates in the span: the ${type} profile is all zeros`);

  lines.push("", "tokens per call:");
  lines.push(
    renderTextTable(
      [
        { header: "kind" },
        { header: "mean", align: "right" },
        ...TOKEN_PERCENTILES.map((p) => ({ header: `p${p}`, align: "right" as const })),
      ],
      TOKEN_ROWS.map(([kind, label]) => {
        const histogram = summary.tokens[kind];
        return [
          label,
          histogram.mean.toLocaleString("en-US", { maximumFractionDigits: 1 }),
          ...histogram.percentiles(TOKEN_PERCENTILES).map((tokens) => formatInteger(tokens)),
        ];
      }),
    ),
  );
  lines.push(
    `cache: ${percent(summary.cachedInputShare)} of input tokens read from the prompt cache, ${percent(summary.cacheWriteShare)} written to it; reasoning: ${percent(summary.reasoningShare)} of output tokens`,
  );
  const busiest = summary.busiestHour();
  if (busiest)
    lines.push(
      `busiest local hour: ${hour(busiest.hour)}-${hour((busiest.hour + 1) % 24)} ${result.zone}, ${percent(busiest.share)} of timed calls`,
    );

  lines.push("", "calls by model:");
  lines.push(
    renderTextTable(
      [{ header: "model in the logs" }, { header: "calls", align: "right" }, { header: "models.csv" }],
      result.models.map((model) => [
        model.logModel === "" ? "(none named)" : model.logModel,
        formatInteger(model.calls),
        model.modelId ?? "not in models.csv",
      ]),
    ),
  );

  const mapped = result.listPrices.reduce((sum, model) => sum + model.calls, 0);
  if (mapped > 0) {
    lines.push(
      "",
      `list price of the ${plural(mapped, "mapped call")}: billed per call by roilab (billCall, the data folder's prices) beside ${priceDatabaseLabel()}'s calcPrice`,
    );
    const rows = result.listPrices.map((model) => {
      const complete = model.databaseCalls === model.calls;
      const database =
        model.databaseCalls === 0
          ? model.priceRef
            ? `not in the database (${model.priceRef})`
            : "no price_ref"
          : `${usd(model.databaseUsd)}${complete ? "" : ` (${formatInteger(model.databaseCalls)} calls)`}`;
      const difference = complete ? differenceText(model.billedUsd, model.databaseUsd) : "";
      return [model.modelId, formatInteger(model.calls), usd(model.billedUsd), database, difference];
    });
    const everyCall = result.listPrices.every((model) => model.databaseCalls === model.calls);
    const billed = result.listPrices.reduce((sum, model) => sum + model.billedUsd, 0);
    const database = result.listPrices.reduce((sum, model) => sum + model.databaseUsd, 0);
    rows.push([
      "total",
      formatInteger(mapped),
      usd(billed),
      everyCall ? usd(database) : `${usd(database)} (some calls unpriced)`,
      everyCall ? differenceText(billed, database) : "",
    ]);
    lines.push(
      renderTextTable(
        [
          { header: "model_id" },
          { header: "calls", align: "right" },
          { header: "roilab", align: "right" },
          { header: "database", align: "right" },
          { header: "difference" },
        ],
        rows,
      ),
    );
  }

  lines.push("");
  for (const table of result.written) {
    const what = table.file.endsWith("workloads.csv")
      ? `workload ${result.id}`
      : table.file.endsWith("traffic_profiles.csv")
        ? `profiles ${result.id}-weekday and ${result.id}-weekend`
        : `token statistics of ${result.id}`;
    lines.push(
      `wrote ${displayPath(table.file)}${table.created ? " (new file)" : ""}: ${what}, ${plural(table.rows, "row")}${table.replaced ? ` (replacing ${plural(table.replaced, "row")})` : ""}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** roilab's total minus the database's, and as a share of the database's; "none" when both round to nothing. */
function differenceText(billedUsd: number, databaseUsd: number): string {
  const difference = billedUsd - databaseUsd;
  const relativePercent = databaseUsd === 0 ? undefined : (difference / databaseUsd) * 100;
  // Sums of a million floating-point prices differ in their last bits: that is no difference.
  if (usd(Math.abs(difference)) === usd(0) && (relativePercent === undefined || Math.abs(relativePercent) < 0.005)) return "none";
  const sign = difference >= 0 ? "+" : "-";
  return `${sign}${usd(Math.abs(difference))}${relativePercent === undefined ? "" : ` (${sign}${formatPercent(Math.abs(relativePercent), 2)})`}`;
}
