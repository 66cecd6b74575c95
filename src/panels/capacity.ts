/**
 * The capacity what-if panel of the HTML report (59.7): the reader puts in a server's measured throughput,
 * a utilisation target, a traffic profile and a volume; the page sizes the case study's fleet and redraws.
 */
import { LINE_COLORS } from "../charts/theme";
import { InputError } from "../errors";
import { callsPerHourPerMachine, evaluateCaseStudy, type CaseStudyInputs, type FleetCostOptions, type ServingMode } from "../model";
import { machinesNeededChart } from "../charts/capacity";
import type { Figure, Provenance } from "../charts/figure";
import { checkRanges, type PanelRanges } from "./ranges";
import { countOf } from "../format";
import { numberControls, type PanelDefinition } from "./definition";

export interface CapacityPanelProfile {
  id: string;
  /** Share of the day's calls in its busiest hour, 0–1. */
  peakHourShare: number;
}

export interface CapacityPanelInputs {
  weekdayCallsPerDay: number;
  serving: ServingMode;
  outputTokensPerSecond: number;
  promptTokensPerSecond: number;
  /** Percent of throughput a server is planned at, 1–100. */
  targetUtilisationPercent: number;
  profileId: string;
}

/** What each number may be: a server serves at some positive rate, and is planned at 1–100% of it. */
export const CAPACITY_PANEL_RANGES: PanelRanges<CapacityPanelInputs> = {
  weekdayCallsPerDay: { label: "Weekday calls per day", min: 0, max: 100_000_000, step: 1 },
  outputTokensPerSecond: { label: "Output tokens/s per server", min: 0.01, max: 1_000_000, step: 0.01 },
  promptTokensPerSecond: { label: "Prompt tokens/s per server", min: 0.01, max: 10_000_000, step: 0.01 },
  targetUtilisationPercent: { label: "Planned utilisation (%)", min: 1, max: 100, step: 1 },
};

export interface CapacityPanelSpec {
  kind: "capacity";
  title: string;
  serverName: string;
  daysPerMonth: number;
  inputTokensPerCall: number;
  outputTokensPerCall: number;
  fleet: FleetCostOptions;
  /** The case study without a fleet: volumes, task mix, residency, the cloud option. */
  caseStudy: Omit<CaseStudyInputs, "fleet">;
  cloud: { name: string; color: string };
  profiles: CapacityPanelProfile[];
  /** The server's measured throughput (throughput.csv), drawn beside the reader's, and how its figure labels it. */
  measured: { serving: ServingMode; outputTokensPerSecond: number; promptTokensPerSecond: number; label: string };
  /** The figure shows at least this many calls a day. */
  minShownCallsPerDay: number;
  defaults: CapacityPanelInputs;
  provenance: Provenance;
}

export interface CapacityPanelResult {
  callsPerDayPerMachine: number;
  /** Servers and monthly cost, USD, of each option. */
  allLocal: { machines: number; totalUsd: number };
  hybrid: { machines: number; totalUsd: number };
  allCloudUsd: number;
  summary: string;
  figure: Figure;
}

const usd = (value: number) => `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const count = (value: number) => Math.round(value).toLocaleString("en-US");

export function evaluateCapacityPanel(spec: CapacityPanelSpec, inputs: CapacityPanelInputs): CapacityPanelResult {
  const profile = spec.profiles.find((candidate) => candidate.id === inputs.profileId) ?? spec.profiles[0];
  if (!profile) throw new InputError("the capacity panel needs at least one traffic profile");
  checkRanges(CAPACITY_PANEL_RANGES, inputs);
  const perHour = callsPerHourPerMachine(
    spec,
    { serving: inputs.serving, outputTokensPerSecond: inputs.outputTokensPerSecond, promptTokensPerSecond: inputs.promptTokensPerSecond },
    { targetUtilisation: inputs.targetUtilisationPercent / 100 },
  );
  const callsPerDayPerMachine = perHour / profile.peakHourShare;
  const result = evaluateCaseStudy({
    ...spec.caseStudy,
    weekdayCallsPerDay: inputs.weekdayCallsPerDay,
    fleet: { ...spec.fleet, callsPerDayPerMachine },
  });
  const [cloud, local, hybrid] = result.options;
  const allLocal = { machines: local?.machines ?? 0, totalUsd: local?.totalUsd ?? 0 };
  const hybridOption = { machines: hybrid?.machines ?? 0, totalUsd: hybrid?.totalUsd ?? 0 };
  const allCloudUsd = cloud?.totalUsd ?? 0;
  const summary =
    `One server takes ${count(callsPerDayPerMachine)} calls a day on the ${profile.id} profile. At ${count(inputs.weekdayCallsPerDay)} weekday calls: ` +
    `all local needs ${countOf(allLocal.machines, "server")}, ${usd(allLocal.totalUsd)} a month; hybrid ${count(hybridOption.machines)}, ${usd(hybridOption.totalUsd)}; all cloud ${usd(allCloudUsd)}.`;
  const measuredPerDay =
    callsPerHourPerMachine(spec, spec.measured, { targetUtilisation: inputs.targetUtilisationPercent / 100 }) / profile.peakHourShare;
  // Room right of the volume's mark for its label.
  const maxCallsPerDay = Math.max(spec.minShownCallsPerDay, Math.ceil(inputs.weekdayCallsPerDay * 3));
  const servingName = inputs.serving === "batched" ? "batched" : "single-stream";
  const figure = machinesNeededChart(
    [
      { id: "measured", label: spec.measured.label, callsPerDayPerMachine: measuredPerDay, color: LINE_COLORS[1] as string },
      {
        id: "what-if",
        label: `${servingName}, what-if (${inputs.outputTokensPerSecond} tokens/s)`,
        callsPerDayPerMachine,
        color: LINE_COLORS[0] as string,
      },
    ],
    {
      serverName: `${spec.serverName}, ${profile.id}`,
      maxCallsPerDay,
      marks: [{ label: "what-if weekday", callsPerDay: Math.max(1, inputs.weekdayCallsPerDay) }],
      provenance: spec.provenance,
    },
  );
  figure.layout.title.text = `Figure 59.7w — ${spec.title}`;
  return { callsPerDayPerMachine, allLocal, hybrid: hybridOption, allCloudUsd, summary, figure };
}

/** The panel as the page offers it: the weekday's volume, the server's serving and rates, and the traffic's shape. */
export const CAPACITY_PANEL: PanelDefinition<CapacityPanelSpec, CapacityPanelInputs> = {
  kind: "capacity",
  computes: { en: "the fleet", "zh-CN": "服务器规模" },
  controls: (spec) => {
    const d = spec.defaults;
    const r = CAPACITY_PANEL_RANGES;
    return [
      ...numberControls(r, d, ["weekdayCallsPerDay"]),
      {
        key: "serving",
        label: "Serving",
        options: [
          { id: "single_stream", name: "one call at a time" },
          { id: "batched", name: "batched" },
        ],
        value: d.serving,
      },
      ...numberControls(r, d, ["outputTokensPerSecond", "promptTokensPerSecond", "targetUtilisationPercent"]),
      {
        key: "profileId",
        label: "Traffic profile",
        options: spec.profiles.map((profile) => ({
          id: profile.id,
          name: `${profile.id} (busiest hour ${(profile.peakHourShare * 100).toFixed(1)}%)`,
        })),
        value: d.profileId,
      },
    ];
  },
  show: (spec, values) => {
    const evaluated = evaluateCapacityPanel(spec, values);
    return {
      summary: evaluated.summary,
      figure: evaluated.figure,
      attributes: { "data-machines": String(evaluated.allLocal.machines), "data-hybrid-machines": String(evaluated.hybrid.machines) },
    };
  },
};
