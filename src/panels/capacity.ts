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
import { countIn, formatUsd, type CountNoun } from "../format";
import { CAPACITY_WORDS } from "../i18n/capacity";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
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

/** The ranges with their labels in the language: what the controls show. */
function rangesIn(lang: Lang): PanelRanges<CapacityPanelInputs> {
  if (lang === DEFAULT_LANG) return CAPACITY_PANEL_RANGES;
  const words = CAPACITY_WORDS[lang];
  const r = CAPACITY_PANEL_RANGES;
  return {
    weekdayCallsPerDay: { ...r.weekdayCallsPerDay, label: words.weekdayControl },
    outputTokensPerSecond: { ...r.outputTokensPerSecond, label: words.outputControl },
    promptTokensPerSecond: { ...r.promptTokensPerSecond, label: words.promptControl },
    targetUtilisationPercent: { ...r.targetUtilisationPercent, label: words.utilisationControl },
  };
}

/** The number the panel's figure carries in either language. */
const WHAT_IF_FIGURE = "59.7w";

const SERVER: CountNoun = { one: "server", other: "servers", zh: "台服务器" };

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
  /** The language of the summary, the controls and the figure: the page's script shows what the notebook showed. */
  lang?: Lang;
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

const dollars = (value: number) => `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** English writes dollars the page's script turns into the display currency; another language writes its own money. */
const moneyIn = (value: number, lang: Lang) => (lang === DEFAULT_LANG ? dollars(value) : formatUsd(value, 2, lang));
const count = (value: number) => Math.round(value).toLocaleString("en-US");

export function evaluateCapacityPanel(spec: CapacityPanelSpec, inputs: CapacityPanelInputs): CapacityPanelResult {
  const profile = spec.profiles.find((candidate) => candidate.id === inputs.profileId) ?? spec.profiles[0];
  if (!profile) throw new InputError("the capacity panel needs at least one traffic profile");
  checkRanges(rangesIn(spec.lang ?? DEFAULT_LANG), inputs, spec.lang);
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
  const lang = spec.lang ?? DEFAULT_LANG;
  const words = CAPACITY_WORDS[lang];
  const summary = words.panelSummary(
    count(callsPerDayPerMachine),
    profile.id,
    count(inputs.weekdayCallsPerDay),
    countIn(allLocal.machines, SERVER, lang),
    moneyIn(allLocal.totalUsd, lang),
    count(hybridOption.machines),
    moneyIn(hybridOption.totalUsd, lang),
    moneyIn(allCloudUsd, lang),
  );
  const measuredPerDay =
    callsPerHourPerMachine(spec, spec.measured, { targetUtilisation: inputs.targetUtilisationPercent / 100 }) / profile.peakHourShare;
  // Room right of the volume's mark for its label.
  const maxCallsPerDay = Math.max(spec.minShownCallsPerDay, Math.ceil(inputs.weekdayCallsPerDay * 3));
  const servingName = words.whatIfServing(inputs.serving);
  const figure = machinesNeededChart(
    [
      { id: "measured", label: spec.measured.label, callsPerDayPerMachine: measuredPerDay, color: LINE_COLORS[1] as string },
      {
        id: "what-if",
        label: words.whatIfLine(servingName, inputs.outputTokensPerSecond),
        callsPerDayPerMachine,
        color: LINE_COLORS[0] as string,
      },
    ],
    {
      serverName: `${spec.serverName}, ${words.profileName(profile.id)}`,
      maxCallsPerDay,
      marks: [{ label: words.whatIfMark, callsPerDay: Math.max(1, inputs.weekdayCallsPerDay) }],
      provenance: spec.provenance,
      lang,
    },
  );
  figure.layout.title.text = `${lang === DEFAULT_LANG ? "Figure" : "图"} ${WHAT_IF_FIGURE} — ${spec.title}`;
  return { callsPerDayPerMachine, allLocal, hybrid: hybridOption, allCloudUsd, summary, figure };
}

/** The panel as the page offers it: the weekday's volume, the server's serving and rates, and the traffic's shape. */
export const CAPACITY_PANEL: PanelDefinition<CapacityPanelSpec, CapacityPanelInputs> = {
  kind: "capacity",
  computes: { en: "the fleet", "zh-CN": "服务器规模" },
  controls: (spec) => {
    const d = spec.defaults;
    const words = CAPACITY_WORDS[spec.lang ?? DEFAULT_LANG];
    const r = rangesIn(spec.lang ?? DEFAULT_LANG);
    return [
      ...numberControls(r, d, ["weekdayCallsPerDay"]),
      {
        key: "serving",
        label: words.servingControl,
        options: [
          { id: "single_stream", name: words.oneAtATime },
          { id: "batched", name: words.batched },
        ],
        value: d.serving,
      },
      ...numberControls(r, d, ["outputTokensPerSecond", "promptTokensPerSecond", "targetUtilisationPercent"]),
      {
        key: "profileId",
        label: words.profileControl,
        options: spec.profiles.map((profile) => ({
          id: profile.id,
          name: words.profileOption(profile.id, (profile.peakHourShare * 100).toFixed(1)),
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
