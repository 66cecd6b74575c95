/** Money in the reader's currency: roilab computes in USD and converts at a dated rate for display. */
import { InputError } from "../errors";

/** A currency to show money in, with how many of its units one US dollar buys. */
export interface DisplayCurrency {
  /** ISO 4217 code: `USD`, `CNY`, `EUR`. */
  code: string;
  /** Units of this currency per USD (CNY: about 7.1). 1 for USD. */
  perUsd: number;
}

export const USD: DisplayCurrency = { code: "USD", perUsd: 1 };

/** `usd` in the display currency. */
export function fromUsd(usd: number, currency: DisplayCurrency): number {
  if (!(currency.perUsd > 0 && Number.isFinite(currency.perUsd)))
    throw new InputError(`the ${currency.code} rate must be a positive number, got ${currency.perUsd}`);
  return usd * currency.perUsd;
}
