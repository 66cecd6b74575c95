/**
 * Browser side of the what-if panels: builds the inputs a notebook declared, and on every change recomputes
 * with roilab's own model and chart code (bundled, not rewritten) and redraws. A panel whose notebook cell also
 * showed the evaluation at its defaults (the summary and the numbered figure) takes those over: the page keeps one
 * figure, drawn live, under the number the notebook gave it.
 */
import type { PanelControl, PanelDefinition } from "../../panels/definition";
import { PANEL_DEFINITIONS, type PanelSpec } from "../../panels";
import { figureInCurrency, moneyText, setDisplayCurrency } from "../../panels/currency";
import { rangeProblem, type NumberRange } from "../../panels/ranges";
import { fitFigure, NARROW_PX, PAGE_PADDING_PX } from "./fit";
import { PLOT_CONFIG, type PlotlyApi } from "./plotly";
import { BROWSER_WORDS } from "../../i18n/browser";
import { langOf, type Lang } from "../../i18n/lang";

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
function fieldProblem(input: HTMLInputElement, range: NumberRange, lang: Lang): string | undefined {
  // An empty field, text that is not a number, or one too large for a double (1e400) all read as "".
  if (input.value.trim() === "" || input.validity.badInput) return rangeProblem(range, Number.NaN, lang);
  return (
    rangeProblem(range, Number(input.value), lang) ?? (input.validity.valid ? undefined : `${range.label}: ${input.validationMessage}`)
  );
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

const isChoice = (control: PanelControl): control is Extract<PanelControl, { options: unknown }> => "options" in control;

/**
 * The page's address keeps each input the reader changed as `<panel id>.<input>=<value>`, so a scenario is shared
 * as a link; an input at its default is left out. A page opened from disk may refuse to change its address: the
 * panel works the same without it.
 */
const addressParameters = () => new URLSearchParams(location.search);

function keepInAddress(prefix: string, changed: Array<[string, string]>): void {
  const parameters = addressParameters();
  for (const key of [...parameters.keys()]) if (key.startsWith(`${prefix}.`)) parameters.delete(key);
  for (const [key, value] of changed) parameters.set(`${prefix}.${key}`, value);
  const search = parameters.toString();
  try {
    history.replaceState(history.state, "", `${location.pathname}${search ? `?${search}` : ""}${location.hash}`);
  } catch {
    // An address the browser will not rewrite (some browsers on file: pages) only loses the link.
  }
}

let panelsMounted = 0;

function mount<Spec extends PanelSpec, Inputs>(
  container: HTMLElement,
  spec: Spec,
  kind: PanelDefinition<Spec, Inputs>,
  plotly: PlotlyApi,
  lang: Lang,
): Promise<unknown> {
  const words = BROWSER_WORDS[lang];
  const prefix = container.id || `whatif-panel-${++panelsMounted}`;
  const heading = document.createElement("h3");
  heading.textContent = words.whatIf(spec.title);
  const inputs = document.createElement("div");
  inputs.className = "inputs";
  const fromAddress = addressParameters();
  const elements = kind.controls(spec).map((control) => {
    const saved = fromAddress.get(`${prefix}.${control.key}`);
    const element = isChoice(control)
      ? select(control.key, control.options, saved ?? control.value)
      : numberInput(control.key, control.value, control.range);
    if (saved !== null && !isChoice(control)) (element as HTMLInputElement).value = saved;
    // A choice the data no longer offers falls back to the default.
    if (isChoice(control) && element.value === "") element.value = control.value;
    const message = document.createElement("span");
    message.className = "message";
    message.id = `${prefix}-${control.key}-message`;
    inputs.appendChild(field(moneyText(isChoice(control) ? control.label : control.range.label), element, message));
    return { control, element, message };
  });
  const tools = document.createElement("p");
  tools.className = "whatif-tools";
  const reset = document.createElement("button");
  reset.type = "button";
  reset.className = "reset";
  reset.textContent = words.reset;
  tools.append(reset);
  // For print, where fields do not show their values: the inputs as a list beside the result.
  const printed = document.createElement("dl");
  printed.className = "printed-inputs";
  // The notebook's own rendering of the defaults, where its cell showed one: its summary and its numbered figure.
  const adoptedSummary = container.querySelector<HTMLElement>(":scope > .output-markdown");
  const adoptedFigure = container.querySelector<HTMLElement>(":scope > figure.plotly-figure");
  const result = adoptedSummary ?? document.createElement("p");
  result.classList.add("result");
  result.setAttribute("aria-live", "polite");
  const plot = adoptedFigure?.querySelector<HTMLElement>(".plot") ?? document.createElement("div");
  plot.classList.add("plot");
  const caption = adoptedFigure?.querySelector("figcaption");
  container.prepend(heading, inputs, tools, printed);
  if (!adoptedSummary) container.append(result);
  if (!adoptedFigure) container.append(plot);

  const read = () =>
    Object.fromEntries(
      elements.map(({ control, element }) => [control.key, isChoice(control) ? element.value : Number(element.value)]),
    ) as Inputs;
  /** Marks each out-of-range or empty field beside it; returns the problems of the fields in use. */
  const check = (values: Inputs): string[] => {
    const unused = kind.unused?.(spec, values) ?? [];
    const problems: string[] = [];
    for (const { control, element, message } of elements) {
      if (isChoice(control)) continue;
      const input = element as HTMLInputElement;
      input.disabled = unused.includes(control.key);
      const problem = input.disabled ? undefined : fieldProblem(input, control.range, lang);
      message.textContent = problem ? moneyText(words.problem(problem)) : input.disabled ? words.unused : "";
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
        term.textContent = moneyText(isChoice(control) ? control.label : control.range.label);
        const value = document.createElement("dd");
        value.textContent = isChoice(control)
          ? ((element as HTMLSelectElement).selectedOptions[0]?.textContent ?? element.value)
          : element.value;
        return [term, value];
      }),
    );
  };
  /** The inputs the reader moved from the notebook's values, as they read. */
  const changedInputs = () =>
    elements.flatMap(({ control, element }) =>
      element.value === String(control.value) ? [] : [[control.key, element.value] as [string, string]],
    );
  const refuse = (problem: string) => {
    // Say what cannot be computed and why, rather than show a number the model refused; the figure is marked stale.
    result.textContent = moneyText(words.cannotCompute(kind.computes[lang], problem));
    container.setAttribute("data-error", problem);
    return Promise.resolve();
  };
  const update = () => {
    const values = read();
    const problems = check(values);
    listInputs();
    const changed = changedInputs();
    reset.disabled = changed.length === 0;
    container.toggleAttribute("data-changed", changed.length > 0);
    if (problems.length > 0) return refuse(problems.join(words.problemSeparator));
    let shown: ReturnType<PanelDefinition<Spec, Inputs>["show"]>;
    try {
      shown = kind.show(spec, values, { narrow: window.innerWidth <= NARROW_PX });
    } catch (error) {
      return refuse((error as Error).message);
    }
    container.removeAttribute("data-error");
    result.textContent = moneyText(shown.summary);
    for (const [name, value] of Object.entries(shown.attributes)) container.setAttribute(name, value);
    // Fitted to the panel's own width, narrower than the page's by its padding: a title wraps before the panel's edge.
    const width = plot.clientWidth > 0 ? Math.min(window.innerWidth, plot.clientWidth + PAGE_PADDING_PX) : window.innerWidth;
    const inCurrency = figureInCurrency(shown.figure);
    // An adopted figure keeps the notebook's number; its caption follows what the figure now shows (read before
    // fitting, which leaves the title to the caption).
    const title = inCurrency.layout.title?.text;
    const figure = fitFigure(inCurrency, width, { titleInPage: Boolean(caption), lang });
    const number = caption?.querySelector(".figure-number");
    if (caption && title)
      caption.replaceChildren(...(number ? [number, " — "] : []), moneyText(title.replace(/^(?:Figure|图) ?[^ ]+ — /, "")));
    // A figure that sets its own height (one bar per input) gets a box that tall, so it never paints over the page below.
    const height = (figure.layout as { height?: unknown }).height;
    plot.style.height = typeof height === "number" && height > 0 ? `${Math.round(height)}px` : "";
    return plotly.react(plot, figure.data, figure.layout, PLOT_CONFIG);
  };
  for (const { control, element } of elements) {
    element.addEventListener("input", () => {
      const followed = kind.follow?.(spec, control.key, read());
      for (const [key, value] of Object.entries(followed ?? {})) {
        const target = elements.find((entry) => entry.control.key === key);
        if (target) target.element.value = String(value);
      }
      keepInAddress(prefix, changedInputs());
      void update();
    });
  }
  reset.addEventListener("click", () => {
    for (const { control, element } of elements) element.value = String(control.value);
    keepInAddress(prefix, []);
    void update();
  });
  return update();
}

/** Starts the panel a panel script (see util/figure-markup.ts) declares, in the element it names. */
export function startPanel(root: Document, script: HTMLScriptElement, plotly: PlotlyApi): Promise<unknown> | undefined {
  const container = root.getElementById(script.getAttribute("data-target") ?? "");
  const spec = JSON.parse(script.textContent ?? "{}") as PanelSpec & { currency?: string };
  // The notebook's data was in this currency: money in labels, results and the figure is shown in it.
  setDisplayCurrency(spec.currency ?? "USD");
  const kind = PANEL_DEFINITIONS[spec.kind] as PanelDefinition<PanelSpec, unknown> | undefined;
  if (!container || !kind) return undefined;
  return mount(container, spec, kind, plotly, langOf(root.documentElement.lang));
}
