/**
 * Browser side of the what-if panels: builds the inputs a notebook declared, and on every change recomputes
 * with roilab's own model and chart code (bundled, not rewritten) and redraws. Exposed as `RoilabWhatIf`.
 */
import { evaluateBreakEvenPanel, type BreakEvenPanelInputs, type BreakEvenPanelSpec } from "../../panels/break-even";
import { evaluateCapacityPanel, type CapacityPanelInputs, type CapacityPanelSpec } from "../../panels/capacity";
import { evaluateTornadoPanel, type TornadoPanelInputs, type TornadoPanelSpec } from "../../panels/tornado";
import { evaluateRentalPanel, type RentalPanelInputs, type RentalPanelSpec } from "../../panels/rental";
import { fitFigure } from "./fit";

export { fitFigure };

interface PlotlyLike {
  react(element: HTMLElement, data: unknown, layout: unknown, config?: unknown): Promise<unknown>;
}

function field(label: string, control: HTMLElement): HTMLLabelElement {
  const wrapper = document.createElement("label");
  wrapper.textContent = label;
  wrapper.appendChild(control);
  return wrapper;
}

function numberInput(name: string, value: number, step: string): HTMLInputElement {
  const input = document.createElement("input");
  input.type = "number";
  input.name = name;
  input.min = "0";
  input.step = step;
  input.value = String(value);
  return input;
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
type Control = { key: string; label: string; step: string; value: number } | { key: string; label: string; options: { id: string; name: string }[]; value: string };

/** What a panel kind contributes: its inputs, and what to show for a set of values. */
interface PanelKind<Inputs> {
  controls: Control[];
  /** Inputs that follow a choice: picking another configuration loads its own price, say. */
  follow?: (changedKey: string, values: Inputs) => Partial<Record<string, number>> | undefined;
  evaluate(values: Inputs): { summary: string; figure: { data: unknown[]; layout: Record<string, unknown> & { title?: { text?: string } } }; attributes: Record<string, string> };
}

function breakEvenKind(spec: BreakEvenPanelSpec): PanelKind<BreakEvenPanelInputs> {
  const d = spec.defaults;
  return {
    controls: [
      { key: "callsPerDay", label: "Calls per day", step: "100", value: d.callsPerDay },
      { key: "inputTokensPerCall", label: "Input tokens per call", step: "500", value: d.inputTokensPerCall },
      { key: "outputTokensPerCall", label: "Output tokens per call", step: "100", value: d.outputTokensPerCall },
      { key: "apiId", label: "Cloud API", options: spec.apis, value: d.apiId },
      { key: "hardwareId", label: "Local hardware", options: spec.hardware, value: d.hardwareId },
      { key: "electricityUsdPerKwh", label: "Electricity ($/kWh)", step: "0.01", value: d.electricityUsdPerKwh },
      { key: "opsUsdPerMonth", label: "Operations ($/month)", step: "100", value: d.opsUsdPerMonth },
    ],
    evaluate: (values) => {
      const evaluated = evaluateBreakEvenPanel(spec, values);
      return { summary: evaluated.summary, figure: evaluated.figure, attributes: { "data-break-even": String(evaluated.breakEven.breakEvenDailyCalls) } };
    },
  };
}

function capacityKind(spec: CapacityPanelSpec): PanelKind<CapacityPanelInputs> {
  const d = spec.defaults;
  return {
    controls: [
      { key: "weekdayCallsPerDay", label: "Weekday calls per day", step: "100", value: d.weekdayCallsPerDay },
      { key: "serving", label: "Serving", options: [{ id: "single_stream", name: "one call at a time" }, { id: "batched", name: "batched" }], value: d.serving },
      { key: "outputTokensPerSecond", label: "Output tokens/s per server", step: "1", value: d.outputTokensPerSecond },
      { key: "promptTokensPerSecond", label: "Prompt tokens/s per server", step: "10", value: d.promptTokensPerSecond },
      { key: "targetUtilisationPercent", label: "Planned utilisation (%)", step: "5", value: d.targetUtilisationPercent },
      { key: "profileId", label: "Traffic profile", options: spec.profiles.map((profile) => ({ id: profile.id, name: `${profile.id} (busiest hour ${(profile.peakHourShare * 100).toFixed(1)}%)` })), value: d.profileId },
    ],
    evaluate: (values) => {
      const evaluated = evaluateCapacityPanel(spec, values);
      return { summary: evaluated.summary, figure: evaluated.figure, attributes: { "data-machines": String(evaluated.allLocal.machines), "data-hybrid-machines": String(evaluated.hybrid.machines) } };
    },
  };
}

function tornadoKind(spec: TornadoPanelSpec): PanelKind<TornadoPanelInputs> {
  const d = spec.defaults;
  return {
    controls: [
      { key: "hardwareId", label: "Local hardware", options: spec.hardware, value: d.hardwareId },
      { key: "apiId", label: "Cloud API", options: spec.apis, value: d.apiId },
      { key: "swingPercent", label: "Each input ± (%)", step: "5", value: d.swingPercent },
    ],
    evaluate: (values) => {
      const evaluated = evaluateTornadoPanel(spec, values);
      return { summary: evaluated.summary, figure: evaluated.figure, attributes: { "data-top-input": evaluated.tornado.bars[0]?.input ?? "", "data-break-even": String(Math.round(evaluated.tornado.baseBreakEven)) } };
    },
  };
}

function rentalKind(spec: RentalPanelSpec): PanelKind<RentalPanelInputs> {
  const d = spec.defaults;
  return {
    controls: [
      { key: "rentalId", label: "Configuration rented", options: spec.configurations.map((configuration) => ({ id: configuration.id, name: configuration.name })), value: d.rentalId },
      { key: "apiId", label: "Cloud API", options: spec.apis, value: d.apiId },
      { key: "usdPerGpuHour", label: "Price ($ per GPU-hour)", step: "0.01", value: d.usdPerGpuHour },
      { key: "hoursPerDay", label: "Hours rented a day", step: "1", value: d.hoursPerDay },
      { key: "utilisationPercent", label: "Planned utilisation (%)", step: "5", value: d.utilisationPercent },
      { key: "callsPerDay", label: "Calls per day", step: "100", value: d.callsPerDay },
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
        attributes: { "data-cheapest": evaluated.cheapest, "data-servers": String(evaluated.servers), "data-api-usd": evaluated.apiUsd.toFixed(2), "data-buy-usd": evaluated.buyUsd.toFixed(2), "data-rent-usd": evaluated.rentUsd.toFixed(2), "data-break-even": String(evaluated.oneServerBreakEvenDailyCalls) },
      };
    },
  };
}

function mount<Inputs>(container: HTMLElement, title: string, kind: PanelKind<Inputs>, plotly: PlotlyLike): Promise<unknown> {
  const heading = document.createElement("h3");
  heading.textContent = `What-if: ${title}`;
  const inputs = document.createElement("div");
  inputs.className = "inputs";
  const elements = kind.controls.map((control) => {
    const element = "options" in control ? select(control.key, control.options, control.value) : numberInput(control.key, control.value, control.step);
    inputs.appendChild(field(control.label, element));
    return { control, element };
  });
  const result = document.createElement("p");
  result.className = "result";
  result.setAttribute("aria-live", "polite");
  const plot = document.createElement("div");
  plot.className = "plot";
  container.append(heading, inputs, result, plot);

  const read = () => Object.fromEntries(elements.map(({ control, element }) => [control.key, "options" in control ? element.value : Number(element.value) || 0])) as Inputs;
  const update = () => {
    let evaluated: ReturnType<PanelKind<Inputs>["evaluate"]>;
    try {
      evaluated = kind.evaluate(read());
    } catch (error) {
      // An input out of its range: say so and keep the last figure, rather than show a number the model refused.
      result.textContent = `Cannot compute: ${(error as Error).message}.`;
      container.setAttribute("data-error", (error as Error).message);
      return Promise.resolve();
    }
    container.removeAttribute("data-error");
    result.textContent = evaluated.summary;
    for (const [name, value] of Object.entries(evaluated.attributes)) container.setAttribute(name, value);
    const figure = fitFigure(evaluated.figure, window.innerWidth);
    // A figure that sets its own height (one bar per input) gets a box that tall, so it never paints over the page below.
    const height = (figure.layout as { height?: unknown }).height;
    plot.style.height = typeof height === "number" && height > 0 ? `${Math.round(height)}px` : "";
    return plotly.react(plot, figure.data, figure.layout, { responsive: true, displaylogo: false });
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
export function startPanel(root: Document, script: HTMLScriptElement, plotly: PlotlyLike): Promise<unknown> | undefined {
  const container = root.getElementById(script.getAttribute("data-target") ?? "");
  const spec = JSON.parse(script.textContent ?? "{}") as BreakEvenPanelSpec | CapacityPanelSpec | TornadoPanelSpec | RentalPanelSpec;
  if (!container) return undefined;
  if (spec.kind === "break-even") return mount(container, spec.title, breakEvenKind(spec), plotly);
  if (spec.kind === "capacity") return mount(container, spec.title, capacityKind(spec), plotly);
  if (spec.kind === "tornado") return mount(container, spec.title, tornadoKind(spec), plotly);
  if (spec.kind === "rental") return mount(container, spec.title, rentalKind(spec), plotly);
  return undefined;
}
