/**
 * The range of each number a what-if panel takes. The page sets them as the inputs' min, max and step and
 * refuses a value outside them beside its field; the evaluation refuses it too, so no value is clamped silently.
 */
import { InputError } from "../errors";
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

/** What is wrong with a value for its range, in words (in `lang`, default English); undefined when it fits. */
export function rangeProblem(range: NumberRange, value: number, lang: Lang = DEFAULT_LANG): string | undefined {
  const zh = lang === "zh-CN";
  const [min, max] = [plain(range.min), plain(range.max)];
  if (!Number.isFinite(value))
    return zh ? `${range.label}需要填入 ${min} 到 ${max} 之间的数字` : `${range.label} needs a number from ${min} to ${max}`;
  if (value < range.min || value > range.max)
    return zh
      ? `${range.label}须在 ${min} 到 ${max} 之间，不能为 ${plain(value)}`
      : `${range.label} must be from ${min} to ${max}, not ${plain(value)}`;
  // As the browser's own step check: a whole number of steps from min (within rounding of decimals).
  const steps = (value - range.min) / range.step;
  const whole = range.step === 1 && Number.isInteger(range.min);
  if (Math.abs(steps - Math.round(steps)) > 1e-6)
    return zh
      ? `${range.label}须为${whole ? "整数" : ` ${plain(range.step)} 的整数倍`}，不能为 ${plain(value)}`
      : `${range.label} must be ${whole ? "a whole number" : `a multiple of ${plain(range.step)}`}, not ${plain(value)}`;
  return undefined;
}

/** Throws the first problem of the inputs for their ranges, in `lang` (default English). */
export function checkRanges<Inputs>(ranges: PanelRanges<Inputs>, inputs: Inputs, lang: Lang = DEFAULT_LANG): void {
  for (const [key, range] of Object.entries(ranges) as Array<[keyof Inputs, NumberRange]>) {
    const problem = rangeProblem(range, inputs[key] as number, lang);
    if (problem) throw new InputError(problem);
  }
}
