/**
 * The range of each number a what-if panel takes. The page sets them as the inputs' min, max and step and
 * refuses a value outside them beside its field; the evaluation refuses it too, so no value is clamped silently.
 */
import { InputError } from "../errors";

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

/** What is wrong with a value for its range, in words; undefined when it fits. */
export function rangeProblem(range: NumberRange, value: number): string | undefined {
  if (!Number.isFinite(value)) return `${range.label} needs a number from ${plain(range.min)} to ${plain(range.max)}`;
  if (value < range.min || value > range.max)
    return `${range.label} must be from ${plain(range.min)} to ${plain(range.max)}, not ${plain(value)}`;
  // As the browser's own step check: a whole number of steps from min (within rounding of decimals).
  const steps = (value - range.min) / range.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-6)
    return `${range.label} must be ${range.step === 1 && Number.isInteger(range.min) ? "a whole number" : `a multiple of ${plain(range.step)}`}, not ${plain(value)}`;
  return undefined;
}

/** Throws the first problem of the inputs for their ranges. */
export function checkRanges<Inputs>(ranges: PanelRanges<Inputs>, inputs: Inputs): void {
  for (const [key, range] of Object.entries(ranges) as Array<[keyof Inputs, NumberRange]>) {
    const problem = rangeProblem(range, inputs[key] as number);
    if (problem) throw new InputError(problem);
  }
}
