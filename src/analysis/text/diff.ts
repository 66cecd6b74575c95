/** A price-update diff for the terminal and as a report page. */
import type { DataDiff, Move } from "../diff";
import { costMoves } from "../../charts/diff";
import { htmlTable } from "../../display/html-table";
import { escapeHtml } from "../../util/html";
import { figureMarkup } from "../../util/figure-markup";
import { countOf, formatInteger, formatPercent, formatUsd } from "../../format";
import { renderTextTable } from "./text-table";

const changed = (move: Move) => move.before !== move.after && !(Number.isNaN(move.before) && Number.isNaN(move.after));
const signedPercent = (move: Move) =>
  move.before > 0 && Number.isFinite(move.before) && Number.isFinite(move.after)
    ? `${move.after >= move.before ? "+" : ""}${(((move.after - move.before) / move.before) * 100).toFixed(1)}%`
    : "";
const option = (name: string | undefined) => name?.replace("_", " ") ?? "none";

export function diffText(diff: DataDiff, labels: { before: string; after: string }): string {
  const lines: string[] = [`Comparing ${labels.before} (before) with ${labels.after} (after)`, ""];
  const list = (title: string, items: string[]) => lines.push(`${title}: ${items.length ? items.join(", ") : "none"}`);
  list(
    "Models added",
    diff.models.added.map((row) => row.modelId),
  );
  list(
    "Models removed",
    diff.models.removed.map((row) => row.modelId),
  );
  list(
    "Hardware added",
    diff.hardware.added.map((row) => row.hardwareId),
  );
  list(
    "Hardware removed",
    diff.hardware.removed.map((row) => row.hardwareId),
  );
  lines.push("");
  lines.push("Re-priced models ($ per million tokens)");
  lines.push(
    diff.models.repriced.length
      ? renderTextTable(
          [
            { header: "Model" },
            { header: "Input before", align: "right" },
            { header: "after", align: "right" },
            { header: "Output before", align: "right" },
            { header: "after", align: "right" },
          ],
          diff.models.repriced.map((row) => [
            row.name,
            formatUsd(row.inputBefore),
            formatUsd(row.inputAfter),
            formatUsd(row.outputBefore),
            formatUsd(row.outputAfter),
          ]),
        )
      : "none",
  );
  const moves = (title: string, rows: Move[], format: (value: number) => string) => {
    const moved = rows.filter(changed);
    lines.push("", `${title}: ${moved.length} of ${rows.length} moved`);
    if (moved.length)
      lines.push(
        renderTextTable(
          [{ header: "" }, { header: "before", align: "right" }, { header: "after", align: "right" }, { header: "change", align: "right" }],
          moved.map((row) => [row.name, format(row.before), format(row.after), signedPercent(row)]),
        ),
      );
  };
  moves("Re-costed hardware ($/month)", diff.hardware.recosted, (value) => formatUsd(value));
  moves("Monthly cost per model at the default workload", diff.monthlyCost, (value) => formatUsd(value));
  moves("Break-even calls/day", diff.breakEven, formatInteger);
  moves("Headline amounts ($/month)", diff.headlines, (value) => formatUsd(value));
  lines.push(
    "",
    `Hybrid routing saves ${formatPercent(diff.hybridSavings.before)} before, ${formatPercent(diff.hybridSavings.after)} after`,
  );
  const decision =
    diff.caseStudy.before === diff.caseStudy.after
      ? `unchanged: ${option(diff.caseStudy.after)}`
      : `${option(diff.caseStudy.before)} -> ${option(diff.caseStudy.after)}`;
  lines.push(`Case study, cheapest compliant option within budget: ${decision}`);
  const sized = diff.caseStudyCapacity;
  if (sized) {
    const fleet = (summary: typeof sized.before) =>
      `all local ${countOf(summary.allLocalMachines, "server")} ${formatUsd(summary.allLocalUsd)}, hybrid ${summary.hybridMachines} ${formatUsd(summary.hybridUsd)}`;
    lines.push(`Case study sized for its busiest hour (${sized.after.profileId}): ${fleet(sized.before)} -> ${fleet(sized.after)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The same as an HTML report body, with a figure of each model's monthly cost before and after. */
export function diffHtmlBody(diff: DataDiff, labels: { before: string; after: string }): string {
  const figure = costMoves(diff.monthlyCost, labels, { files: ["models.csv"] });
  const table = (rows: Move[], format: "usd" | "integer") =>
    htmlTable(
      rows.filter(changed).map((row) => ({ name: row.name, before: row.before, after: row.after, change: signedPercent(row) })),
      [
        { key: "name", label: "" },
        { key: "before", label: "Before", format },
        { key: "after", label: "After", format },
        { key: "change", label: "Change" },
      ],
    );
  return `<h1>Price update: ${escapeHtml(labels.before)} → ${escapeHtml(labels.after)}</h1>
<pre class="output-text">${escapeHtml(diffText(diff, labels))}</pre>
<h2 id="monthly-cost">Monthly cost per model</h2>
${table(diff.monthlyCost, "usd")}
<figure class="plotly-figure">${figureMarkup("figure-diff", figure, { label: figure.layout.title.text })}</figure>
<h2 id="break-even">Break-even calls per day</h2>
${table(diff.breakEven, "integer")}`;
}
