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
import { countIn, currencySymbol, displayCurrencyCode, formatInteger, formatUsd, type CountNoun } from "../format";
import { CASE_STUDY_WORDS } from "../i18n/case-study";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
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
  /** The language of the summary, the fields, the rules' names and the figure: the page's script shows what the notebook showed. */
  lang?: Lang;
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

/** A server counted: "1 server", "2 servers", "2 台服务器". */
const SERVER: CountNoun = { one: "server", other: "servers", zh: "台服务器" };

/** How the summary writes money, counts and option names in a language. */
interface SummaryWriting {
  lang: Lang;
  words: (typeof CASE_STUDY_WORDS)[Lang];
  money: (value: number) => string;
  option: (option: CaseOptionName) => string;
}

function writingIn(lang: Lang): SummaryWriting {
  // English writes whole dollars, shown in the display currency where the page shows it; Chinese, ¥ and 万 already.
  if (lang === DEFAULT_LANG) return { lang, words: CASE_STUDY_WORDS[lang], money: usd, option: (option) => OPTION_WORDS[option] };
  const words = CASE_STUDY_WORDS[lang];
  return { lang, words, money: (value) => formatUsd(value, 0, lang), option: words.option };
}

/** The options' costs with the servers each needs, compliance marked. */
function optionsSentence(sized: CaseStudyResult, writing: SummaryWriting): string {
  const [cloud, local, hybrid] = sized.options;
  const { words, money, lang } = writing;
  const notCompliant = (option: { compliant: boolean } | undefined) => (option?.compliant ? "" : words.notCompliant);
  return words.panelOptions(
    money(cloud?.totalUsd ?? 0),
    money(local?.totalUsd ?? 0),
    countIn(local?.machines ?? 0, SERVER, lang),
    money(hybrid?.totalUsd ?? 0),
    countIn(hybrid?.machines ?? 0, SERVER, lang),
    [notCompliant(cloud), notCompliant(local), notCompliant(hybrid)],
  );
}

/** The pick and by how much it beats the next compliant option. */
function verdictSentence(sized: CaseStudyResult, budgetUsd: number, writing: SummaryWriting): string {
  const { words, money, option: name } = writing;
  const pick = sized.options.find((option) => option.option === sized.cheapestCompliant);
  if (!pick) {
    const cheapest = sized.options.filter((option) => option.compliant).sort((a, b) => a.totalUsd - b.totalUsd)[0];
    const over = cheapest ? words.overBudget(name(cheapest.option), money(cheapest.totalUsd - budgetUsd)) : "";
    return words.noPick(money(budgetUsd), over);
  }
  const next = sized.options.filter((option) => option.compliant && option !== pick).sort((a, b) => a.totalUsd - b.totalUsd)[0];
  const margin = next ? words.margin(money(next.totalUsd - pick.totalUsd), name(next.option)) : words.onlyCompliant;
  return words.pick(money(budgetUsd), name(pick.option), margin);
}

/** The weekday's and the price's fields, labelled in the language. */
function rangesIn(lang: Lang): typeof CASE_STUDY_PANEL_RANGES {
  if (lang === DEFAULT_LANG) return CASE_STUDY_PANEL_RANGES;
  const words = CASE_STUDY_WORDS[lang];
  return {
    weekdayCallsPerDay: { ...CASE_STUDY_PANEL_RANGES.weekdayCallsPerDay, label: words.weekdayControl },
    cloudUsdPerCall: { ...CASE_STUDY_PANEL_RANGES.cloudUsdPerCall, label: words.priceControl },
  };
}

/** A cloud call's price to the millionth, with the language's symbol for the display currency (`¥0.018083`). */
const priceIn = (value: number, lang: Lang) =>
  `${currencySymbol(displayCurrencyCode(), lang)}${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`;

/** The case study at the reader's volume, cloud price and residency rule, with one server and with the servers needed. */
export function evaluateCaseStudyPanel(spec: CaseStudyPanelSpec, inputs: CaseStudyPanelInputs): CaseStudyPanelResult {
  checkRanges(rangesIn(spec.lang ?? DEFAULT_LANG), inputs, spec.lang);
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
  const writing = writingIn(spec.lang ?? DEFAULT_LANG);
  const { words, lang } = writing;
  const server = lang !== DEFAULT_LANG || /\b(server|workstation)$/i.test(spec.serverName) ? spec.serverName : `${spec.serverName} server`;
  const count = (value: number) => (lang === DEFAULT_LANG ? calls(value) : formatInteger(value, lang));
  const perServer = words.perServer(server, count(spec.fleet.callsPerDayPerMachine), spec.profileName);
  // Servers are counted with the options above; the warning says why one is not enough.
  const servers = needed > 1 ? words.notEnough(perServer) : words.enough(perServer);
  const chapterPick = asChapter.cheapestCompliant;
  const chapter = chapterPick === sized.cheapestCompliant ? "" : words.chapterPick(chapterPick ? writing.option(chapterPick) : words.none);
  const where = words.where(lang === DEFAULT_LANG && rule.name === "Any region" ? "any region" : rule.name, rule.scenario);
  const cloudPrice = lang === DEFAULT_LANG ? price(inputs.cloudUsdPerCall) : priceIn(inputs.cloudUsdPerCall, lang);
  const summary = words.summary(
    count(inputs.weekdayCallsPerDay),
    cloudPrice,
    where,
    optionsSentence(sized, writing),
    servers,
    verdictSentence(sized, spec.caseStudy.budgetUsdPerMonth, writing),
    chapter,
  );
  const figure = caseStudyOptions(asChapter, spec.caseStudy.budgetUsdPerMonth, spec.provenance, sized, lang);
  // The title stays the chapter's: the page's caption keeps the notebook's, and the summary above names the inputs.
  return { asChapter, sized, rule, summary, figure: renumberFigure(wrapLongCaption(figure), "59.5w") };
}

/** The panel as the page offers it: the weekday's volume, the cloud's price and the residency rule. */
export const CASE_STUDY_PANEL: PanelDefinition<CaseStudyPanelSpec, CaseStudyPanelInputs> = {
  kind: "case-study",
  computes: { en: "the options", "zh-CN": "各方案" },
  controls: (spec) => {
    const words = CASE_STUDY_WORDS[spec.lang ?? DEFAULT_LANG];
    const r = rangesIn(spec.lang ?? DEFAULT_LANG);
    return [
      ...numberControls(r, spec.defaults, ["weekdayCallsPerDay", "cloudUsdPerCall"]),
      {
        key: "residencyRuleId",
        label: words.ruleControl,
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
