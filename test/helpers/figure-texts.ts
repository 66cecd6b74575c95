/** The words a figure shows a reader, for a test to hold a translated figure to. */
import type { Figure } from "../../src/charts";

/** Every word a figure shows: title, axes, legend names, hovers, labels and source line (Plotly's placeholders taken out). */
export function figureTexts(figure: Figure): string[] {
  const axisTitle = (axis: unknown) => {
    const title = (axis as { title?: string | { text?: string } } | undefined)?.title;
    return typeof title === "string" ? title : (title?.text ?? "");
  };
  const shown = figure.data.filter((trace) => trace.name !== "line end");
  const plain = (text: unknown) => String(text ?? "").replace(/%\{[^}]*\}|<br>|<\/?extra>/g, " ");
  return [
    // A figure's number ("59.3a") is its name in every language.
    figure.layout.title.text.replace(/^图 \S+ — /, "图 — "),
    axisTitle(figure.layout.xaxis),
    axisTitle(figure.layout.yaxis),
    // A line's end label (named "line end" for the code) is its legend name cut short: the name is checked whole.
    ...shown.map((trace) => plain(trace.name)),
    ...shown.map((trace) => plain(trace.hovertemplate)),
    ...shown.flatMap((trace) => ((trace.text as unknown[] | undefined) ?? []).flat().map(plain)),
    ...(figure.layout.annotations ?? [])
      .filter((annotation) => (annotation as { name?: string }).name !== "line end")
      .map((annotation) => plain((annotation as { text: string }).text)),
  ];
}
