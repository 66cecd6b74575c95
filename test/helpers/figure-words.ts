/** Every word a figure shows a reader, for a test that holds a page to one language. */
import type { Figure } from "../../src/charts";
import type { Dataset } from "../../src/data";

/** Plotly's placeholders and markup taken out of a text, so only its words are left. */
const words = (text: unknown) => String(text ?? "").replace(/%\{[^}]*\}|<br>|<\/?b>|<\/?extra>|<\/?span[^>]*>/g, " ");

/** A label at a line's end (named "line end" for the code) is its legend name cut short: the name is checked whole. */
const lineEnd = (item: unknown) => (item as { name?: string }).name === "line end";

/**
 * A figure's title (without its number), every axis title, its traces' names, hovers, bar labels, category labels and
 * hover data, and its notes; with `data`, a note cut short (…) from a model's name is the data's name and left out.
 */
export function figureWords(figure: Figure, data?: Dataset): string[] {
  const layout = figure.layout as Record<string, unknown> & { title: { text: string } };
  const axes = Object.entries(layout)
    .filter(([key]) => /^[xy]axis\d*$/.test(key))
    .map(([, axis]) => {
      const title = (axis as { title?: string | { text?: string } } | undefined)?.title;
      return typeof title === "string" ? title : (title?.text ?? "");
    });
  const strings = (values: unknown) =>
    (Array.isArray(values) ? values.flat() : [values]).filter((value): value is string => typeof value === "string");
  const traces = figure.data
    .filter((trace) => !lineEnd(trace))
    .flatMap((trace) => [
      trace.name,
      trace.hovertemplate,
      ...strings(trace.text),
      ...strings(trace.x),
      ...strings(trace.y),
      ...strings(trace.customdata),
    ]);
  const cut = (text: string) =>
    text.endsWith("…") && (data?.models.some((model) => model.modelName.startsWith(text.slice(0, -1))) ?? false);
  const notes = ((layout.annotations as { text: string }[] | undefined) ?? [])
    .filter((note) => !lineEnd(note))
    .map((note) => note.text)
    .filter((text) => !cut(text));
  // The number (59.4a) is no word: the title from its text on.
  return [layout.title.text.replace(/^(?:Figure|图) \S+ — /, ""), ...axes, ...traces, ...notes]
    .map(words)
    .filter((text) => text.trim() !== "");
}
