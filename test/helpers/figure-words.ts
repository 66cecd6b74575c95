/** Every word a figure shows a reader, for a test that holds a page to one language. */
import type { Figure } from "../../src/charts";
import type { Dataset } from "../../src/data";

/**
 * A figure's title (without its number), axis titles, trace names, hovers (without their placeholders), bar labels
 * and notes; a line's end label cut short from a model's name is the data's name and left out.
 */
export function figureWords(data: Dataset, figure: Figure): string[] {
  const layout = figure.layout as Record<string, unknown>;
  const axes = Object.entries(layout)
    .filter(([key]) => /^[xy]axis\d*$/.test(key))
    .map(([, value]) => String((value as { title?: { text?: string } }).title?.text ?? ""));
  const traces = figure.data.flatMap((trace) => [
    String(trace.name ?? ""),
    String(trace.hovertemplate ?? "").replace(/%\{[^}]*\}|<\/?extra>/g, " "),
    ...((Array.isArray(trace.text) ? trace.text.flat() : [trace.text ?? ""]) as unknown[]).map(String),
  ]);
  const cut = (text: string) => text.endsWith("…") && data.models.some((model) => model.modelName.startsWith(text.slice(0, -1)));
  const notes = ((layout.annotations as { text: string }[] | undefined) ?? []).map((note) => note.text.replace(/<br>/g, " "));
  return [figure.layout.title.text.replace(/^图 \S+ — /, ""), ...axes, ...traces, ...notes.filter((text) => !cut(text))].map((text) =>
    text.replace(/<br>/g, " "),
  );
}

/** Plotly's placeholders and markup taken out of a text, so only its words are left. */
const words = (text: string) => text.replace(/%\{[^}]*\}|<br>|<\/?b>|<\/?extra>/g, " ");

/** Every word a reader sees in a figure: its title, axes, legend, hovers, category labels and annotations. */
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
