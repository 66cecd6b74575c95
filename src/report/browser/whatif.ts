/**
 * Browser side of the what-if panels: builds the inputs a notebook declared, and on every change recomputes
 * with roilab's own model and chart code (bundled, not rewritten) and redraws.
 */
import { figureInCurrency, moneyText, setDisplayCurrency } from "../../panels/currency";
import {
  BREAK_EVEN_PANEL_RANGES,
  evaluateBreakEvenPanel,
  usesElectricityPrice,
  type BreakEvenPanelInputs,
  type BreakEvenPanelSpec,
} from "../../panels/break-even";
import { CAPACITY_PANEL_RANGES, evaluateCapacityPanel, type CapacityPanelInputs, type CapacityPanelSpec } from "../../panels/capacity";
import {
  evaluateTornadoPanel,
  narrowTornadoFigure,
  TORNADO_PANEL_RANGES,
  type TornadoPanelInputs,
  type TornadoPanelSpec,
} from "../../panels/tornado";
import { evaluateRentalPanel, RENTAL_PANEL_RANGES, type RentalPanelInputs, type RentalPanelSpec } from "../../panels/rental";
import {
  evaluateMonthlyCostPanel,
  MONTHLY_COST_PANEL_RANGES,
  type MonthlyCostPanelInputs,
  type MonthlyCostPanelSpec,
} from "../../panels/monthly-cost";
import { rangeProblem, type NumberRange } from "../../panels/ranges";
import { fitFigure, NARROW_PX, PAGE_PADDING_PX } from "./fit";
import { PLOT_CONFIG, type PlotlyApi } from "./plotly";

function field(label: string, control: HTMLElement, message: HTMLElement): HTMLLabelElement {
  const wrapper = document.createElement("label");
  wrapper.textContent = label;
  wrapper.append(control, message);
  return wrapper;
}

/** A number field with the range the panel's model accepts, so the browser's own validity agrees with it. */
function numberInput(name: string, value: number, range: NumberRange): HTMLInputElement {
  const input = document.createElement("input");
  input.type = "number";
  input.name = name;
  input.required = true;
  input.min = String(range.min);
  input.max = String(range.max);
  input.step = String(range.step);
  input.value = String(value);
  return input;
}

/** What is wrong with a number field's text, in words; undefined when the panel can use it. */
function fieldProblem(input: HTMLInputElement, range: NumberRange): string | undefined {
  // An empty field, text that is not a number, or one too large for a double (1e400) all read as "".
  if (input.value.trim() === "" || input.validity.badInput) return rangeProblem(range, Number.NaN);
  return rangeProblem(range, Number(input.value)) ?? (input.validity.valid ? undefined : `${range.label}: ${input.validationMessage}`);
}

function select(name: string, options: { id: string; name: string }[], value: string): HTMLSelectElement {
  const element = document.createElement("select");
  element.name = name;
  for (const option of options) {
    const item = document.createElement("option");
    item.value = option.id;
    item.textContent = option.name; // textContent: names from data are never parsed as markup
    element.appendChild(item);
  }
  element.value = value;
  return element;
}

/** One input of a panel: a number field or a choice, read back as a number or a string. */
type Control =
  | { key: string; range: NumberRange; value: number }
  | { key: string; label: string; options: { id: string; name: string }[]; value: string };

/** What a panel kind contributes: its inputs, and what to show for a set of values. */
interface PanelKind<Inputs> {
  /** What the panel computes, for "Cannot compute …" when an input is out of its range. */
  computes: string;
  controls: Control[];
  /** Inputs that follow a choice: picking another configuration loads its own price, say. */
  follow?: (changedKey: string, values: Inputs) => Partial<Record<string, number>> | undefined;
  /** Number inputs that mean nothing for the current choices (a stated electricity bill ignores the price per kWh). */
  unused?: (values: Inputs) => string[];
  evaluate(values: Inputs): {
    summary: string;
    figure: { data: unknown[]; layout: Record<string, unknown> & { title?: { text?: string } } };
    attributes: Record<string, string>;
  };
}

function monthlyCostKind(spec: MonthlyCostPanelSpec): PanelKind<MonthlyCostPanelInputs> {
  const d = spec.defaults;
  const r = MONTHLY_COST_PANEL_RANGES;
  return {
    computes: "the month's bills",
    controls: [
      // The volume in the workload's own unit: a weekday's calls for a weekday/weekend workload.
      { key: "callsPerDay", range: { ...r.callsPerDay, label: spec.volumeUnit.replace(/^calls a /, "Calls per ") }, value: d.callsPerDay },
      { key: "inputTokensPerCall", range: r.inputTokensPerCall, value: d.inputTokensPerCall },
      { key: "outputTokensPerCall", range: r.outputTokensPerCall, value: d.outputTokensPerCall },
    ],
    evaluate: (values) => {
      const evaluated = evaluateMonthlyCostPanel(spec, values);
      return { summary: evaluated.summary, figure: evaluated.figure, attributes: { "data-cheapest": evaluated.cheapest?.modelId ?? "" } };
    },
  };
}

function breakEvenKind(spec: BreakEvenPanelSpec): PanelKind<BreakEvenPanelInputs> {
  const d = spec.defaults;
  const r = BREAK_EVEN_PANEL_RANGES;
  const machineOf = (id: string) => spec.hardware.find((candidate) => candidate.id === id);
  return {
    computes: "the break-even",
    controls: [
      { key: "callsPerDay", range: r.callsPerDay, value: d.callsPerDay },
      { key: "inputTokensPerCall", range: r.inputTokensPerCall, value: d.inputTokensPerCall },
      { key: "outputTokensPerCall", range: r.outputTokensPerCall, value: d.outputTokensPerCall },
      { key: "apiId", label: "Cloud API", options: spec.apis, value: d.apiId },
      { key: "hardwareId", label: "Local hardware", options: spec.hardware, value: d.hardwareId },
      { key: "electricityUsdPerKwh", range: r.electricityUsdPerKwh, value: d.electricityUsdPerKwh },
      { key: "opsUsdPerMonth", range: r.opsUsdPerMonth, value: d.opsUsdPerMonth },
    ],
    // A configuration brings its own operations and electricity price: the panel then gives the figure's number.
    follow: (changedKey, values) => {
      const machine = changedKey === "hardwareId" ? machineOf(values.hardwareId) : undefined;
      if (!machine) return undefined;
      return {
        opsUsdPerMonth: machine.opsUsdPerMonth,
        ...(machine.electricityUsdPerKwh !== undefined ? { electricityUsdPerKwh: machine.electricityUsdPerKwh } : {}),
      };
    },
    unused: (values) => {
      const machine = machineOf(values.hardwareId);
      return machine && !usesElectricityPrice(machine) ? ["electricityUsdPerKwh"] : [];
    },
    evaluate: (values) => {
      const evaluated = evaluateBreakEvenPanel(spec, values);
      return {
        summary: evaluated.summary,
        figure: evaluated.figure,
        attributes: { "data-break-even": String(evaluated.breakEven.breakEvenDailyCalls) },
      };
    },
  };
}

function capacityKind(spec: CapacityPanelSpec): PanelKind<CapacityPanelInputs> {
  const d = spec.defaults;
  const r = CAPACITY_PANEL_RANGES;
  return {
    computes: "the fleet",
    controls: [
      { key: "weekdayCallsPerDay", range: r.weekdayCallsPerDay, value: d.weekdayCallsPerDay },
      {
        key: "serving",
        label: "Serving",
        options: [
          { id: "single_stream", name: "one call at a time" },
          { id: "batched", name: "batched" },
        ],
        value: d.serving,
      },
      { key: "outputTokensPerSecond", range: r.outputTokensPerSecond, value: d.outputTokensPerSecond },
      { key: "promptTokensPerSecond", range: r.promptTokensPerSecond, value: d.promptTokensPerSecond },
      { key: "targetUtilisationPercent", range: r.targetUtilisationPercent, value: d.targetUtilisationPercent },
      {
        key: "profileId",
        label: "Traffic profile",
        options: spec.profiles.map((profile) => ({
          id: profile.id,
          name: `${profile.id} (busiest hour ${(profile.peakHourShare * 100).toFixed(1)}%)`,
        })),
        value: d.profileId,
      },
    ],
    evaluate: (values) => {
      const evaluated = evaluateCapacityPanel(spec, values);
      return {
        summary: evaluated.summary,
        figure: evaluated.figure,
        attributes: { "data-machines": String(evaluated.allLocal.machines), "data-hybrid-machines": String(evaluated.hybrid.machines) },
      };
    },
  };
}

function tornadoKind(spec: TornadoPanelSpec): PanelKind<TornadoPanelInputs> {
  const d = spec.defaults;
  return {
    computes: "the sensitivity",
    controls: [
      { key: "hardwareId", label: "Local hardware", options: spec.hardware, value: d.hardwareId },
      { key: "apiId", label: "Cloud API", options: spec.apis, value: d.apiId },
      { key: "swingPercent", range: TORNADO_PANEL_RANGES.swingPercent, value: d.swingPercent },
    ],
    evaluate: (values) => {
      const evaluated = evaluateTornadoPanel(spec, values);
      return {
        summary: evaluated.summary,
        figure: window.innerWidth <= NARROW_PX ? narrowTornadoFigure(evaluated.figure, evaluated.tornado.baseBreakEven) : evaluated.figure,
        attributes: {
          "data-top-input": evaluated.tornado.bars[0]?.input ?? "",
          "data-break-even": String(Math.trunc(evaluated.tornado.baseBreakEven)),
        },
      };
    },
  };
}

function rentalKind(spec: RentalPanelSpec): PanelKind<RentalPanelInputs> {
  const d = spec.defaults;
  const r = RENTAL_PANEL_RANGES;
  return {
    computes: "the three ways' costs",
    controls: [
      {
        key: "rentalId",
        label: "Configuration rented",
        options: spec.configurations.map((configuration) => ({ id: configuration.id, name: configuration.name })),
        value: d.rentalId,
      },
      { key: "apiId", label: "Cloud API", options: spec.apis, value: d.apiId },
      { key: "usdPerGpuHour", range: r.usdPerGpuHour, value: d.usdPerGpuHour },
      { key: "hoursPerDay", range: r.hoursPerDay, value: d.hoursPerDay },
      { key: "utilisationPercent", range: r.utilisationPercent, value: d.utilisationPercent },
      { key: "callsPerDay", range: r.callsPerDay, value: d.callsPerDay },
    ],
    follow: (changedKey, values) => {
      if (changedKey !== "rentalId") return undefined;
      const configuration = spec.configurations.find((candidate) => candidate.id === values.rentalId);
      return configuration ? { usdPerGpuHour: configuration.usdPerGpuHour } : undefined;
    },
    evaluate: (values) => {
      const evaluated = evaluateRentalPanel(spec, values);
      return {
        summary: evaluated.summary,
        figure: evaluated.figure,
        attributes: {
          "data-cheapest": evaluated.cheapest,
          "data-servers": String(evaluated.servers),
          "data-api-usd": evaluated.apiUsd.toFixed(2),
          "data-buy-usd": evaluated.buyUsd.toFixed(2),
          "data-rent-usd": evaluated.rentUsd.toFixed(2),
          "data-break-even": String(evaluated.oneServerBreakEvenDailyCalls),
        },
      };
    },
  };
}

let panelsMounted = 0;

function mount<Inputs>(container: HTMLElement, title: string, kind: PanelKind<Inputs>, plotly: PlotlyApi): Promise<unknown> {
  const prefix = container.id || `roilab-whatif-${++panelsMounted}`;
  const heading = document.createElement("h3");
  heading.textContent = `What-if: ${title}`;
  const inputs = document.createElement("div");
  inputs.className = "inputs";
  const elements = kind.controls.map((control) => {
    const element =
      "options" in control ? select(control.key, control.options, control.value) : numberInput(control.key, control.value, control.range);
    const message = document.createElement("span");
    message.className = "message";
    message.id = `${prefix}-${control.key}-message`;
    inputs.appendChild(field(moneyText("options" in control ? control.label : control.range.label), element, message));
    return { control, element, message };
  });
  // For print, where fields do not show their values: the inputs as a list beside the result.
  const printed = document.createElement("dl");
  printed.className = "printed-inputs";
  const result = document.createElement("p");
  result.className = "result";
  result.setAttribute("aria-live", "polite");
  const plot = document.createElement("div");
  plot.className = "plot";
  container.append(heading, inputs, printed, result, plot);

  const read = () =>
    Object.fromEntries(
      elements.map(({ control, element }) => [control.key, "options" in control ? element.value : Number(element.value)]),
    ) as Inputs;
  /** Marks each out-of-range or empty field beside it; returns the problems of the fields in use. */
  const check = (values: Inputs): string[] => {
    const unused = kind.unused?.(values) ?? [];
    const problems: string[] = [];
    for (const { control, element, message } of elements) {
      if ("options" in control) continue;
      const input = element as HTMLInputElement;
      input.disabled = unused.includes(control.key);
      const problem = input.disabled ? undefined : fieldProblem(input, control.range);
      message.textContent = problem ? moneyText(`${problem}.`) : input.disabled ? "not used by this configuration" : "";
      if (problem) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", message.id);
        problems.push(problem);
      } else {
        input.removeAttribute("aria-invalid");
        if (input.disabled) input.setAttribute("aria-describedby", message.id);
        else input.removeAttribute("aria-describedby");
      }
    }
    return problems;
  };
  const listInputs = () => {
    printed.replaceChildren(
      ...elements.flatMap(({ control, element }) => {
        if ((element as HTMLInputElement).disabled) return [];
        const term = document.createElement("dt");
        term.textContent = moneyText("options" in control ? control.label : control.range.label);
        const value = document.createElement("dd");
        value.textContent =
          "options" in control ? ((element as HTMLSelectElement).selectedOptions[0]?.textContent ?? element.value) : element.value;
        return [term, value];
      }),
    );
  };
  const refuse = (problem: string) => {
    // Say what cannot be computed and why, rather than show a number the model refused; the figure is marked stale.
    result.textContent = moneyText(`Cannot compute ${kind.computes}: ${problem}.`);
    container.setAttribute("data-error", problem);
    return Promise.resolve();
  };
  const update = () => {
    const values = read();
    const problems = check(values);
    listInputs();
    if (problems.length > 0) return refuse(problems.join("; "));
    let evaluated: ReturnType<PanelKind<Inputs>["evaluate"]>;
    try {
      evaluated = kind.evaluate(values);
    } catch (error) {
      return refuse((error as Error).message);
    }
    container.removeAttribute("data-error");
    result.textContent = moneyText(evaluated.summary);
    for (const [name, value] of Object.entries(evaluated.attributes)) container.setAttribute(name, value);
    // Fitted to the panel's own width, narrower than the page's by its padding: a title wraps before the panel's edge.
    const width = plot.clientWidth > 0 ? Math.min(window.innerWidth, plot.clientWidth + PAGE_PADDING_PX) : window.innerWidth;
    const figure = fitFigure(
      figureInCurrency(evaluated.figure as Parameters<typeof figureInCurrency>[0]) as typeof evaluated.figure,
      width,
    );
    // A figure that sets its own height (one bar per input) gets a box that tall, so it never paints over the page below.
    const height = (figure.layout as { height?: unknown }).height;
    plot.style.height = typeof height === "number" && height > 0 ? `${Math.round(height)}px` : "";
    return plotly.react(plot, figure.data, figure.layout, PLOT_CONFIG);
  };
  for (const { control, element } of elements) {
    element.addEventListener("input", () => {
      const followed = kind.follow?.(control.key, read());
      for (const [key, value] of Object.entries(followed ?? {})) {
        const target = elements.find((entry) => entry.control.key === key);
        if (target) target.element.value = String(value);
      }
      void update();
    });
  }
  return update();
}

/** Starts the panel a `roilab-whatif` script declares, in the element it names. */
export function startPanel(root: Document, script: HTMLScriptElement, plotly: PlotlyApi): Promise<unknown> | undefined {
  const container = root.getElementById(script.getAttribute("data-target") ?? "");
  const spec = JSON.parse(script.textContent ?? "{}") as (
    | BreakEvenPanelSpec
    | CapacityPanelSpec
    | TornadoPanelSpec
    | RentalPanelSpec
    | MonthlyCostPanelSpec
  ) & {
    currency?: string;
  };
  // The notebook's data was in this currency: money in labels, results and the figure is shown in it.
  setDisplayCurrency(spec.currency ?? "USD");
  if (!container) return undefined;
  if (spec.kind === "break-even") return mount(container, spec.title, breakEvenKind(spec), plotly);
  if (spec.kind === "capacity") return mount(container, spec.title, capacityKind(spec), plotly);
  if (spec.kind === "tornado") return mount(container, spec.title, tornadoKind(spec), plotly);
  if (spec.kind === "rental") return mount(container, spec.title, rentalKind(spec), plotly);
  if (spec.kind === "monthly-cost") return mount(container, spec.title, monthlyCostKind(spec), plotly);
  return undefined;
}
