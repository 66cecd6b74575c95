/**
 * The range of each number a what-if panel takes. The page sets them as the inputs' min, max and step and
 * refuses a value outside them beside its field; the evaluation refuses it too, so no value is clamped silently.
 */
import { InputError } from "../errors";
import { BROWSER_WORDS } from "../i18n/browser";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

export interface NumberRange {
  /** What the page calls the input. */
  label: string;
  min: number;
  max: number;
  /** The input's step: every default and every value the page accepts is a multiple of it from min. */
  step: number;
}

/** A range for each number of a panel's inputs. */
export type PanelRanges<Inputs> = { [K in keyof Inputs as Inputs[K] extends number ? K : never]: NumberRange };

const plain = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 6 });

/** What is wrong with a value for its range, in words (in `lang`); undefined when it fits. */
export function rangeProblem(range: NumberRange, value: number, lang: Lang = DEFAULT_LANG): string | undefined {
  const words = BROWSER_WORDS[lang];
  if (!Number.isFinite(value)) return words.needsNumber(range.label, plain(range.min), plain(range.max));
  if (value < range.min || value > range.max) return words.outOfRange(range.label, plain(range.min), plain(range.max), plain(value));
  // As the browser's own step check: a whole number of steps from min (within rounding of decimals).
  const steps = (value - range.min) / range.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-6)
    return range.step === 1 && Number.isInteger(range.min)
      ? words.notWhole(range.label, plain(value))
      : words.notMultiple(range.label, plain(range.step), plain(value));
  return undefined;
}

/** Throws the first problem of the inputs for their ranges. */
export function checkRanges<Inputs>(ranges: PanelRanges<Inputs>, inputs: Inputs, lang: Lang = DEFAULT_LANG): void {
  for (const [key, range] of Object.entries(ranges) as Array<[keyof Inputs, NumberRange]>) {
    const problem = rangeProblem(range, inputs[key] as number, lang);
    if (problem) throw new InputError(problem);
  }
}
