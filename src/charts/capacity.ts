/** 59.7: capacity. How many servers a volume needs, and what paying for them does to the comparison with the API. */
import { displayCurrencyCode } from "../format";
import { CAPACITY_WORDS } from "../i18n/capacity";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { machinesNeeded } from "../model";
import type { Annotation, Figure, Provenance, Trace } from "./figure";
import { oneTwoFive } from "./break-even";
import { FORMAT, LABEL_BACKGROUND, THEME_COLORS, themedFigure, withAlpha } from "./theme";

export interface ProfileCapacity {
  id: string;
  /** Legend label, e.g. "office hours (busiest hour 10.3% of the day)". */
  label: string;
  /** Calls a day one server carries under this profile. */
  callsPerDayPerMachine: number;
  color: string;
}

export interface VolumeMark {
  label: string;
  callsPerDay: number;
}

export interface CapacityChartOptions {
  /** The server, for the title, e.g. "2x RTX 4090". */
  serverName: string;
  minCallsPerDay?: number;
  maxCallsPerDay: number;
  /** Volumes to mark, e.g. the case study's weekday and weekend. */
  marks: readonly VolumeMark[];
  provenance: Provenance;
  /** The language of the figure's words; default English. */
  lang?: Lang;
}

const PROFILE_DASHES = ["solid", "dash", "dot", "dashdot"];

/** Most steps drawn one by one; past that the steps are finer than a pixel and a sampled staircase looks the same. */
const MAX_STEPS = 300;

/** x values at which a step count changes, from min to max: where ⌈v/K⌉ steps up (sampled when there are very many). */
function stepPoints(perMachine: number, min: number, max: number): { x: number[]; machines: number[] } {
  const machinesAt = (calls: number) => machinesNeeded(calls, perMachine);
  if (max / perMachine > MAX_STEPS) {
    const x = Array.from({ length: MAX_STEPS + 1 }, (_, index) => min * (max / min) ** (index / MAX_STEPS));
    return { x, machines: x.map(machinesAt) };
  }
  const x = [min];
  const machines = [machinesAt(min)];
  for (let n = machines[0] as number; n * perMachine < max; n++) {
    x.push(n * perMachine);
    machines.push(n + 1);
  }
  x.push(max);
  machines.push(machines.at(-1) as number);
  return { x, machines };
}

function volumeMarks(marks: readonly VolumeMark[], lang: Lang): { shapes: Record<string, unknown>[]; annotations: Annotation[] } {
  return {
    shapes: marks.map((mark) => ({
      type: "line",
      xref: "x",
      yref: "paper",
      x0: mark.callsPerDay,
      x1: mark.callsPerDay,
      y0: 0,
      y1: 1,
      line: { color: THEME_COLORS.muted, width: 1.5, dash: "dot" },
    })),
    annotations: marks.map((mark, index) => ({
      text: CAPACITY_WORDS[lang].perDayMark(mark.label, Math.round(mark.callsPerDay).toLocaleString("en-US")),
      x: Math.log10(mark.callsPerDay),
      xref: "x",
      y: index % 2 === 0 ? 0.98 : 0.8,
      yref: "paper",
      xanchor: "left",
      xshift: 4,
      showarrow: false,
      align: "left",
      font: { size: 11, color: THEME_COLORS.note },
      bgcolor: LABEL_BACKGROUND,
    })),
  };
}

function logCallsAxis(min: number, max: number, lang: Lang) {
  return {
    title: CAPACITY_WORDS[lang].callsAxis,
    tickformat: FORMAT.integer,
    type: "log" as const,
    range: [Math.log10(min), Math.log10(max)] as [number, number],
  };
}

/**
 * Figure 59.7a: servers needed against calls/day for each traffic profile. Shaded: where one server carries the
 * day under every profile (darker) or only under the more even ones (lighter).
 */
export function machinesNeededChart(profiles: readonly ProfileCapacity[], options: CapacityChartOptions): Figure {
  const min = options.minCallsPerDay ?? 100;
  const lang = options.lang ?? DEFAULT_LANG;
  const words = CAPACITY_WORDS[lang];
  const traces: Trace[] = profiles.map((profile, index) => {
    const { x, machines } = stepPoints(profile.callsPerDayPerMachine, min, options.maxCallsPerDay);
    return {
      type: "scatter",
      mode: "lines",
      name: profile.label,
      x,
      y: machines,
      line: { shape: "hv", color: profile.color, width: 2.5, dash: PROFILE_DASHES[index % PROFILE_DASHES.length] },
      customdata: machines.map(words.servers),
      hovertemplate: words.machinesHover(profile.label),
    };
  });
  // Servers each profile needs at each marked volume, labelled where the reader looks.
  const counts = profiles.flatMap((profile) =>
    options.marks.map((mark) => machinesNeeded(mark.callsPerDay, profile.callsPerDayPerMachine)),
  );
  traces.push({
    type: "scatter",
    mode: "text+markers",
    name: words.marked,
    x: profiles.flatMap(() => options.marks.map((mark) => mark.callsPerDay)),
    y: counts,
    text: counts.map(String),
    textposition: "middle left",
    marker: { color: profiles.flatMap((profile) => options.marks.map(() => profile.color)), size: 8 },
    textfont: { size: 12, color: THEME_COLORS.ink },
    showlegend: false,
    customdata: counts.map(words.servers),
    hovertemplate: words.markedHover,
  });
  const limits = profiles.map((profile) => Math.min(profile.callsPerDayPerMachine, options.maxCallsPerDay));
  const everyProfile = Math.min(...limits);
  const someProfile = Math.max(...limits);
  const marks = volumeMarks(options.marks, lang);
  const maxMachines = Math.max(...traces.map((trace) => Math.max(...(trace.y as number[]))));
  const band = (x0: number, x1: number, alpha: number) => ({
    type: "rect",
    xref: "x",
    yref: "paper",
    x0,
    x1,
    y0: 0,
    y1: 1,
    fillcolor: withAlpha(THEME_COLORS.enough, alpha),
    line: { width: 0 },
    layer: "below",
  });
  const figure = themedFigure(traces, {
    // A profile's label at its line's end leaves its note in brackets to the legend.
    endLabel: (trace) => String(trace.name).replace(/ \([^)]*\)$|（[^（）]*）$/, ""),
    number: "59.7a",
    title: words.machinesTitle(options.serverName),
    provenance: options.provenance,
    lang,
    xaxis: logCallsAxis(min, options.maxCallsPerDay, lang),
    yaxis: { title: words.machinesAxis, tickformat: FORMAT.integer, type: "log", range: [-0.05, Math.log10(maxMachines * 1.6)] },
    annotations: [
      ...marks.annotations,
      {
        text: words.oneEnough,
        x: Math.log10(Math.sqrt(min * everyProfile)),
        xref: "x",
        y: 0,
        yref: "y",
        yshift: 14,
        showarrow: false,
        font: { size: 11, color: THEME_COLORS.enough },
      },
    ],
    layout: { shapes: [band(min, everyProfile, 0.14), band(everyProfile, someProfile, 0.06), ...marks.shapes] },
  });
  Object.assign(figure.layout.yaxis as object, { tickvals: oneTwoFive(1, maxMachines * 1.6) });
  Object.assign(figure.layout.xaxis as object, { tickvals: oneTwoFive(min, options.maxCallsPerDay) });
  return figure;
}

export interface FleetCostLine {
  label: string;
  callsPerDayPerMachine: number;
  perMachineUsdPerMonth: number;
  sharedUsdPerMonth: number;
  color: string;
}

export interface CapacityCostOptions extends CapacityChartOptions {
  /** The API's price, USD per call, and its name. */
  api: { name: string; usdPerCall: number; color: string };
  daysPerMonth: number;
}

/**
 * Figure 59.7b: monthly cost against calls/day: the API's bill, the chapter's one server at a flat cost, and
 * the fleet each traffic profile needs, stepping up a server at a time.
 */
export function capacityCostChart(fleets: readonly FleetCostLine[], options: CapacityCostOptions): Figure {
  const min = options.minCallsPerDay ?? 100;
  const max = options.maxCallsPerDay;
  const lang = options.lang ?? DEFAULT_LANG;
  const words = CAPACITY_WORDS[lang];
  const x = Array.from({ length: 25 }, (_, index) => min * (max / min) ** (index / 24));
  const first = fleets[0];
  const oneServerUsd = first ? first.perMachineUsdPerMonth + first.sharedUsdPerMonth : 0;
  const traces: Trace[] = [
    {
      type: "scatter",
      mode: "lines",
      name: words.apiName(options.api.name),
      x,
      y: x.map((calls) => calls * options.api.usdPerCall * options.daysPerMonth),
      line: { color: options.api.color, width: 2.5 },
      hovertemplate: words.apiHover(options.api.name, displayCurrencyCode()),
    },
    {
      type: "scatter",
      mode: "lines",
      name: words.oneServer,
      x: [min, max],
      y: [oneServerUsd, oneServerUsd],
      line: { color: THEME_COLORS.reference, width: 2, dash: "dot" },
      hovertemplate: words.oneServerHover(displayCurrencyCode()),
    },
    ...fleets.map((fleet, index): Trace => {
      const steps = stepPoints(fleet.callsPerDayPerMachine, min, max);
      return {
        type: "scatter",
        mode: "lines",
        name: words.fleetName(fleet.label),
        x: steps.x,
        y: steps.machines.map((machines) => machines * fleet.perMachineUsdPerMonth + fleet.sharedUsdPerMonth),
        line: { shape: "hv", color: fleet.color, width: 2.5, dash: PROFILE_DASHES[index % PROFILE_DASHES.length] },
        hovertemplate: words.fleetHover(fleet.label, displayCurrencyCode()),
      };
    }),
  ];
  const marks = volumeMarks(options.marks, lang);
  const costs = traces.flatMap((trace) => trace.y as number[]).filter((value) => value > 0);
  const yRange: [number, number] = [Math.log10(Math.min(...costs) / 1.5), Math.log10(Math.max(...costs) * 1.5)];
  const figure = themedFigure(traces, {
    endLabel: (trace) => (trace.name === traces[1]?.name ? words.oneServerEnd : undefined),
    number: "59.7b",
    title: words.costTitle(options.serverName),
    provenance: options.provenance,
    lang,
    xaxis: logCallsAxis(min, max, lang),
    yaxis: { title: words.costAxis(displayCurrencyCode()), tickformat: words.costFormat, type: "log", range: yRange },
    annotations: marks.annotations,
    layout: { shapes: marks.shapes },
  });
  Object.assign(figure.layout.xaxis as object, { tickvals: oneTwoFive(min, max) });
  Object.assign(figure.layout.yaxis as object, { tickvals: oneTwoFive(10 ** yRange[0], 10 ** yRange[1]) });
  return figure;
}
