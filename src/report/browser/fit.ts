/** Adapts a chapter figure to a narrow screen: title wrapped under its number, smaller caption, legend clear of the axis. */

interface FigureLike {
  data: unknown[];
  layout: Record<string, unknown> & { title?: { text?: string }; annotations?: { text: string; [key: string]: unknown }[] };
}

export const NARROW_PX = 640;

/** Average width of a 13 px title character, for wrapping titles before Plotly cuts them off. */
const TITLE_CHAR_PX = 7;

/** Breaks text at spaces into lines of at most `maxChars` (a longer word keeps its own line). */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function fitFigure<T extends FigureLike>(figure: T, widthPx: number): T {
  if (widthPx > NARROW_PX) return figure;
  const layout = { ...figure.layout };
  const [number, ...rest] = (layout.title?.text ?? "").split(" — ");
  const titleLines = rest.length > 0 ? [number as string, ...wrapWords(rest.join(" — "), Math.floor((widthPx - 24) / TITLE_CHAR_PX))] : [number as string];
  layout.title = { ...layout.title, text: titleLines.join("<br>"), font: { size: 13 }, yref: "container", y: 0.97, yanchor: "top" } as FigureLike["layout"]["title"];
  const annotations = [...(layout.annotations ?? [])];
  const caption = annotations.at(-1);
  if (caption?.text.startsWith("Source:")) annotations[annotations.length - 1] = { ...caption, text: caption.text.replace(/, (?=[\w./-]+\.csv|prices)/g, ",<br>"), font: { size: 9, color: "#666666" } };
  layout.annotations = annotations;
  // Room for the caption's lines above the plot and for each title line past the two it was laid out for.
  layout.margin = { l: 58, r: 12, t: 125 + 17 * Math.max(0, titleLines.length - 2), b: 60 };
  layout.legend = { orientation: "h", x: 0, y: -0.3, yanchor: "top", font: { size: 11 } };
  layout.font = { ...(layout.font as object), size: 11 };
  return { ...figure, layout };
}
