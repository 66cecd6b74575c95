/** Adapts a chapter figure to a narrow screen: title on two lines, smaller caption, legend clear of the axis. */

interface FigureLike {
  data: unknown[];
  layout: Record<string, unknown> & { title?: { text?: string }; annotations?: { text: string; [key: string]: unknown }[] };
}

export const NARROW_PX = 640;

export function fitFigure<T extends FigureLike>(figure: T, widthPx: number): T {
  if (widthPx > NARROW_PX) return figure;
  const layout = { ...figure.layout };
  const title = layout.title?.text ?? "";
  layout.title = { ...layout.title, text: title.replace(" — ", "<br>"), font: { size: 13 }, yref: "container", y: 0.97, yanchor: "top" } as FigureLike["layout"]["title"];
  const annotations = [...(layout.annotations ?? [])];
  const caption = annotations.at(-1);
  if (caption?.text.startsWith("Source:")) annotations[annotations.length - 1] = { ...caption, text: caption.text.replace(/, (?=data\/|prices)/g, ",<br>"), font: { size: 9, color: "#666666" } };
  layout.annotations = annotations;
  layout.margin = { l: 58, r: 12, t: 125, b: 60 };
  layout.legend = { orientation: "h", x: 0, y: -0.3, yanchor: "top", font: { size: 11 } };
  layout.font = { ...(layout.font as object), size: 11 };
  return { ...figure, layout };
}
