/** Figure 59.9d: the calls an A/B test needs per arm. */
import { CLOSING_QUESTIONS_WORDS } from "../i18n/closing-questions";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import type { Annotation, Figure, Provenance, Trace } from "./figure";
import { oneTwoFive } from "./break-even";
import { FORMAT, LABEL_BACKGROUND, themedFigure } from "./theme";

export interface SampleSizeLine {
  label: string;
  color: string;
  /** Per point: the drop to detect (or the non-inferiority margin), and the tasks and calls per arm it takes. */
  points: ReadonlyArray<{ dropPoints: number; tasksPerArm: number; callsPerArm: number }>;
  dash?: string;
  /** What the test sets out to do, for the hover: "detect" (default) or "show no worse than". */
  goal?: string;
  /** The few words that tell this line from the others, at its end: "90% power". Default: its label. */
  endLabel?: string;
}

/** Figure 59.9d: calls per arm to detect a drop in task success rate (or rule out one beyond a margin), with the days that takes at the test's traffic. */
export function sampleSizeChart(
  lines: readonly SampleSizeLine[],
  options: {
    baselineRate: number;
    testCallsPerDay: number;
    callsPerTask: number;
    highlight?: { label: string; dropPoints: number; tasksPerArm: number; callsPerArm: number; days: number };
    provenance: Provenance;
    lang?: Lang;
  },
): Figure {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = CLOSING_QUESTIONS_WORDS[lang];
  const days = (callsPerArm: number) => Math.ceil((2 * callsPerArm) / options.testCallsPerDay);
  const daysText = words.daysText;
  const traces: Trace[] = lines.map((line) => ({
    type: "scatter",
    mode: "lines+markers",
    name: line.label,
    x: line.points.map((point) => point.dropPoints),
    y: line.points.map((point) => point.callsPerArm),
    customdata: line.points.map((point) => [daysText(days(point.callsPerArm)), point.tasksPerArm]),
    line: { color: line.color, width: 2.5, ...(line.dash ? { dash: line.dash } : {}) },
    marker: { size: 6 },
    hovertemplate: words.sampleHover(line.label, line.goal ?? words.goalDetect),
  }));
  const highlight = options.highlight;
  const perArm = (tasks: number, calls: number) =>
    options.callsPerTask === 1
      ? words.callsPerArm(calls.toLocaleString("en-US"))
      : words.tasksPerArm(tasks.toLocaleString("en-US"), calls.toLocaleString("en-US"));
  const annotations: Annotation[] = highlight
    ? [
        {
          text: words.highlight(highlight.label, perArm(highlight.tasksPerArm, highlight.callsPerArm), daysText(highlight.days)),
          x: highlight.dropPoints,
          xref: "x",
          y: Math.log10(highlight.callsPerArm),
          yref: "y",
          xanchor: "left",
          showarrow: true,
          arrowhead: 2,
          ax: 70,
          ay: -70,
          align: "left",
          font: { size: 11 },
          bgcolor: LABEL_BACKGROUND,
        },
      ]
    : [];
  const counts = lines.flatMap((line) => line.points.map((point) => point.callsPerArm));
  const unit = options.callsPerTask === 1 ? "" : words.tasksOf(options.callsPerTask);
  const endLabels = new Map(lines.map((line) => [line.label, line.endLabel]));
  const figure = themedFigure(traces, {
    endLabel: (trace) => endLabels.get(String(trace.name)),
    number: "59.9d",
    title: words.sampleTitle((options.baselineRate * 100).toFixed(1), unit),
    provenance: options.provenance,
    lang,
    xaxis: { title: words.sampleXAxis, tickformat: ".1f" },
    yaxis: { title: words.sampleYAxis, tickformat: FORMAT.integer, type: "log" },
    annotations,
  });
  Object.assign(figure.layout.yaxis as object, { tickvals: oneTwoFive(Math.min(...counts), Math.max(...counts)) });
  return figure;
}
