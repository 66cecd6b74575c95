/**
 * Browser side of the what-if panels: builds the inputs a notebook declared, and on every change recomputes
 * with roilab's own model and chart code (bundled, not rewritten) and redraws. Exposed as `RoilabWhatIf`.
 */
import { evaluateBreakEvenPanel, type BreakEvenPanelInputs, type BreakEvenPanelSpec } from "../../charts/whatif";
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

function mount(container: HTMLElement, spec: BreakEvenPanelSpec, plotly: PlotlyLike): Promise<unknown> {
  const heading = document.createElement("h3");
  heading.textContent = `What-if: ${spec.title}`;
  const inputs = document.createElement("div");
  inputs.className = "inputs";
  const d = spec.defaults;
  const controls = {
    callsPerDay: numberInput("callsPerDay", d.callsPerDay, "100"),
    inputTokensPerCall: numberInput("inputTokensPerCall", d.inputTokensPerCall, "500"),
    outputTokensPerCall: numberInput("outputTokensPerCall", d.outputTokensPerCall, "100"),
    apiId: select("apiId", spec.apis, d.apiId),
    hardwareId: select("hardwareId", spec.hardware, d.hardwareId),
    electricityUsdPerKwh: numberInput("electricityUsdPerKwh", d.electricityUsdPerKwh, "0.01"),
    opsUsdPerMonth: numberInput("opsUsdPerMonth", d.opsUsdPerMonth, "100"),
  };
  const labels: Record<keyof typeof controls, string> = {
    callsPerDay: "Calls per day",
    inputTokensPerCall: "Input tokens per call",
    outputTokensPerCall: "Output tokens per call",
    apiId: "Cloud API",
    hardwareId: "Local hardware",
    electricityUsdPerKwh: "Electricity ($/kWh)",
    opsUsdPerMonth: "Operations ($/month)",
  };
  for (const key of Object.keys(controls) as (keyof typeof controls)[]) inputs.appendChild(field(labels[key], controls[key]));
  const result = document.createElement("p");
  result.className = "result";
  result.setAttribute("aria-live", "polite");
  const plot = document.createElement("div");
  plot.className = "plot";
  container.append(heading, inputs, result, plot);

  const read = (): BreakEvenPanelInputs => ({
    callsPerDay: Number(controls.callsPerDay.value) || 0,
    inputTokensPerCall: Number(controls.inputTokensPerCall.value) || 0,
    outputTokensPerCall: Number(controls.outputTokensPerCall.value) || 0,
    apiId: controls.apiId.value,
    hardwareId: controls.hardwareId.value,
    electricityUsdPerKwh: Number(controls.electricityUsdPerKwh.value) || 0,
    opsUsdPerMonth: Number(controls.opsUsdPerMonth.value) || 0,
  });
  const update = () => {
    const evaluated = evaluateBreakEvenPanel(spec, read());
    result.textContent = evaluated.summary;
    container.setAttribute("data-break-even", String(evaluated.breakEven.breakEvenDailyCalls));
    const figure = fitFigure(evaluated.figure, window.innerWidth);
    return plotly.react(plot, figure.data, figure.layout, { responsive: true, displaylogo: false });
  };
  for (const control of Object.values(controls)) control.addEventListener("input", () => void update());
  return update();
}

/** Starts every panel on the page. */
export function start(root: Document, plotly: PlotlyLike): Promise<unknown> {
  const scripts = Array.from(root.querySelectorAll<HTMLScriptElement>("script.roilab-whatif"));
  return Promise.all(
    scripts.map((script) => {
      const container = root.getElementById(script.getAttribute("data-target") ?? "");
      const spec = JSON.parse(script.textContent ?? "{}") as BreakEvenPanelSpec;
      return container && spec.kind === "break-even" ? mount(container, spec, plotly) : undefined;
    }),
  );
}
