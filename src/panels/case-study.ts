/**
 * The case-study what-if panel (59.5): the reader puts in the weekday's volume, the cloud's price per call and a
 * residency rule; the page compares all cloud, all local and hybrid with one server (as the chapter counts) and with
 * the servers the weekday's calls need, as the notebook's what-if does with this same evaluation.
 */
import { InputError } from "../errors";
import { evaluateCaseStudy, type CaseOptionName, type CaseStudyInputs, type CaseStudyResult, type FleetCostOptions } from "../model";
import { caseStudyOptions } from "../charts/hybrid-routing";
import type { Figure, Provenance } from "../charts/figure";
import { renumberFigure, wrapLongCaption } from "../charts/theme";
import { countOf } from "../format";
import { CAPACITY_PANEL_RANGES } from "./capacity";
import { checkRanges, type PanelRanges } from "./ranges";
import { numberControls, type PanelDefinition } from "./definition";

/** A residency rule the reader can pick: the regions where sensitive data may be processed, named in words. */
export interface ResidencyRule {
  id: string;
  /** "China and on-premises". */
  name: string;
  regions: string[];
  /** The scenario's own rule, as the data states it. */
  scenario: boolean;
}

export interface CaseStudyPanelInputs {
  weekdayCallsPerDay: number;
  /** The cloud option's price per call, in the data's currency. */
  cloudUsdPerCall: number;
  /** The id of a `ResidencyRule` of the spec. */
  residencyRuleId: string;
}

export const CASE_STUDY_PANEL_RANGES: PanelRanges<CaseStudyPanelInputs> = {
  weekdayCallsPerDay: CAPACITY_PANEL_RANGES.weekdayCallsPerDay,
  cloudUsdPerCall: { label: "Cloud price per call ($)", min: 0, max: 100, step: 0.000001 },
};

export interface CaseStudyPanelSpec {
  kind: "case-study";
  title: string;
  /** The scenario as the data states it, without a fleet: volumes, days, budget, task mix, one server's cost, the cloud. */
  caseStudy: Omit<CaseStudyInputs, "fleet">;
  /** The scenario's server as a fleet: what each added server costs and the calls a day one carries on its busiest hour. */
  fleet: FleetCostOptions & { callsPerDayPerMachine: number };
  /** The local server, as the reader names it ("2x RTX 4090"). */
  serverName: string;
  /** The traffic profile the busiest hour is read from. */
  profileName: string;
  residencyRules: ResidencyRule[];
  defaults: CaseStudyPanelInputs;
  provenance: Provenance;
}

export interface CaseStudyPanelResult {
  /** One server carrying any volume, as the chapter counts it. */
  asChapter: CaseStudyResult;
  /** The servers the busiest day's calls need. */
  sized: CaseStudyResult;
  rule: ResidencyRule;
  summary: string;
  figure: Figure;
}

const OPTION_WORDS: Record<CaseOptionName, string> = { all_cloud: "all cloud", all_local: "all local", hybrid: "hybrid" };
const usd = (value: number) => `$${Math.round(value).toLocaleString("en-US")}`;
const price = (value: number) => `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`;
const calls = (value: number) => Math.round(value).toLocaleString("en-US");

/** The options' costs with the servers each needs, compliance marked. */
function optionsSentence(sized: CaseStudyResult): string {
  const [cloud, local, hybrid] = sized.options;
  const notCompliant = (option: { compliant: boolean } | undefined) => (option?.compliant ? "" : " (not compliant)");
  return (
    `all cloud ${usd(cloud?.totalUsd ?? 0)} a month${notCompliant(cloud)}, ` +
    `all local ${usd(local?.totalUsd ?? 0)} with ${countOf(local?.machines ?? 0, "server")}${notCompliant(local)}, ` +
    `hybrid ${usd(hybrid?.totalUsd ?? 0)} with ${countOf(hybrid?.machines ?? 0, "server")}${notCompliant(hybrid)}.`
  );
}

/** The pick and by how much it beats the next compliant option. */
function verdictSentence(sized: CaseStudyResult, budgetUsd: number): string {
  const pick = sized.options.find((option) => option.option === sized.cheapestCompliant);
  if (!pick) {
    const cheapest = sized.options.filter((option) => option.compliant).sort((a, b) => a.totalUsd - b.totalUsd)[0];
    const over = cheapest
      ? `: the cheapest compliant, ${OPTION_WORDS[cheapest.option]}, is ${usd(cheapest.totalUsd - budgetUsd)} a month over it`
      : "";
    return `No option is both compliant and within the ${usd(budgetUsd)} budget${over}.`;
  }
  const next = sized.options.filter((option) => option.compliant && option !== pick).sort((a, b) => a.totalUsd - b.totalUsd)[0];
  const margin = next
    ? `, ${usd(next.totalUsd - pick.totalUsd)} a month less than ${OPTION_WORDS[next.option]}`
    : ", the only compliant option";
  return `Cheapest compliant within the ${usd(budgetUsd)} budget: ${OPTION_WORDS[pick.option]}${margin}.`;
}

/** The case study at the reader's volume, cloud price and residency rule, with one server and with the servers needed. */
export function evaluateCaseStudyPanel(spec: CaseStudyPanelSpec, inputs: CaseStudyPanelInputs): CaseStudyPanelResult {
  checkRanges(CASE_STUDY_PANEL_RANGES, inputs);
  const rule = spec.residencyRules.find((candidate) => candidate.id === inputs.residencyRuleId);
  if (!rule) throw new InputError(`the case study offers no residency rule ${JSON.stringify(inputs.residencyRuleId)}`);
  const caseInputs: CaseStudyInputs = {
    ...spec.caseStudy,
    weekdayCallsPerDay: inputs.weekdayCallsPerDay,
    allowedRegions: rule.regions,
    cloud: { ...spec.caseStudy.cloud, usdPerCall: inputs.cloudUsdPerCall },
  };
  const asChapter = evaluateCaseStudy(caseInputs);
  const sized = evaluateCaseStudy({ ...caseInputs, fleet: spec.fleet });
  const local = sized.options[1];
  const hybrid = sized.options[2];
  const needed = Math.max(local?.machines ?? 0, hybrid?.machines ?? 0);
  const server = /\b(server|workstation)$/i.test(spec.serverName) ? spec.serverName : `${spec.serverName} server`;
  const perServer = `one ${server} carries about ${calls(spec.fleet.callsPerDayPerMachine)} calls a day on the ${spec.profileName} profile`;
  // Servers are counted with the options above; the warning says why one is not enough.
  const servers = needed > 1 ? `One server is not enough: ${perServer}.` : `One server is enough: ${perServer}.`;
  const chapterPick = asChapter.cheapestCompliant;
  const chapter =
    chapterPick === sized.cheapestCompliant
      ? ""
      : ` Counted with one server for every call, as the chapter does, the pick would be ${chapterPick ? OPTION_WORDS[chapterPick] : "none"}.`;
  const where = `${rule.name === "Any region" ? "any region" : rule.name}${rule.scenario ? " (the scenario's rule)" : ""}`;
  const summary =
    `At ${calls(inputs.weekdayCallsPerDay)} weekday calls a day, ${price(inputs.cloudUsdPerCall)} a cloud call and sensitive data allowed in ${where}: ` +
    `${optionsSentence(sized)} ${servers} ${verdictSentence(sized, spec.caseStudy.budgetUsdPerMonth)}${chapter}`;
  const figure = caseStudyOptions(asChapter, spec.caseStudy.budgetUsdPerMonth, spec.provenance, sized);
  // The title stays the chapter's: the page's caption keeps the notebook's, and the summary above names the inputs.
  return { asChapter, sized, rule, summary, figure: renumberFigure(wrapLongCaption(figure), "59.5w") };
}

/** The panel as the page offers it: the weekday's volume, the cloud's price and the residency rule. */
export const CASE_STUDY_PANEL: PanelDefinition<CaseStudyPanelSpec, CaseStudyPanelInputs> = {
  kind: "case-study",
  computes: { en: "the options", "zh-CN": "各方案" },
  controls: (spec) => {
    const r = CASE_STUDY_PANEL_RANGES;
    return [
      ...numberControls(r, spec.defaults, ["weekdayCallsPerDay", "cloudUsdPerCall"]),
      {
        key: "residencyRuleId",
        label: "Sensitive data allowed in",
        options: spec.residencyRules.map((rule) => ({ id: rule.id, name: rule.name })),
        value: spec.defaults.residencyRuleId,
      },
    ];
  },
  show: (spec, values) => {
    const evaluated = evaluateCaseStudyPanel(spec, values);
    return {
      summary: evaluated.summary,
      figure: evaluated.figure,
      attributes: {
        "data-machines": String(evaluated.sized.options[1]?.machines ?? 0),
        "data-hybrid-machines": String(evaluated.sized.options[2]?.machines ?? 0),
        "data-pick": evaluated.sized.cheapestCompliant ?? "",
      },
    };
  },
};
