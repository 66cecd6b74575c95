/** The languages roilab writes its own words in, and reading one from the command line. */
import { UsageError } from "../errors";

/** Every language roilab speaks, the default first. */
export const LANGS = ["en", "zh-CN"] as const;

/** A language roilab writes in: English, or Simplified Chinese as read in mainland China. */
export type Lang = (typeof LANGS)[number];

/** What roilab writes in when nothing else is asked for. */
export const DEFAULT_LANG: Lang = "en";

export function isLang(text: unknown): text is Lang {
  return typeof text === "string" && (LANGS as readonly string[]).includes(text);
}

/**
 * `--lang zh-CN`: one of LANGS, as BCP 47 spells it (`zh-cn` and `zh_CN` are read as `zh-CN`); anything else is a
 * usage error naming the flag and the values it takes.
 */
export function parseLang(text: string, flag = "--lang"): Lang {
  const spelt = text.trim().replace(/_/g, "-");
  const found = LANGS.find((lang) => lang.toLowerCase() === spelt.toLowerCase());
  if (!found) throw new UsageError(`${flag} must be one of ${LANGS.join(", ")}, got ${JSON.stringify(text)}`);
  return found;
}

/** A page's language as its document says it (`<html lang>`); the default for any other. */
export function langOf(text: string | null | undefined): Lang {
  return isLang(text) ? text : DEFAULT_LANG;
}
