/** Every word a reader sees in a figure: its title, axes, legend, hovers, category labels and annotations. */
import type { Figure } from "../../src/charts/figure";

/** Plotly's placeholders and markup taken out of a text, so only its words are left. */
const words = (text: string) => text.replace(/%\{[^}]*\}|<br>|<\/?b>|<\/?extra>/g, " ");

export function figureTexts(figure: Figure): string[] {
  const layout = figure.layout as Record<string, unknown> & { title: { text: string } };
  const axes = Object.entries(layout)
    .filter(([key]) => /^[xy]axis\d*$/.test(key))
    .map(([, axis]) => String((axis as { title?: { text?: string } }).title?.text ?? ""));
  const annotations = ((layout.annotations as { text: string }[] | undefined) ?? []).map((annotation) => annotation.text);
  const traces = figure.data.flatMap((trace) => [
    String(trace.name ?? ""),
    String(trace.hovertemplate ?? ""),
    ...((trace.x as unknown[] | undefined) ?? []).filter((value): value is string => typeof value === "string"),
    ...((trace.y as unknown[] | undefined) ?? []).filter((value): value is string => typeof value === "string"),
  ]);
  // The number (59.4a) is no word: the title from its text on.
  return [layout.title.text.replace(/^(Figure|图) \S+ — /, ""), ...axes, ...annotations, ...traces]
    .map(words)
    .filter((text) => text.trim() !== "");
}
