/**
 * Keyed messages in every language: the English catalogue is written first, and each other language must give every
 * one of its keys, in the same shape (text, or a function of the same values), or it does not compile.
 */
import type { Lang } from "./lang";

/** A message: fixed text, or text made from values (`(days: number) => …`). */
export type Message = string | ((...values: never[]) => string);

/** A catalogue in another language: every key of the English one, each a message of the same shape. */
export type Translation<T extends Record<string, Message>> = {
  readonly [K in keyof T]: T[K] extends (...values: infer V) => string ? (...values: V) => string : string;
};

/** One catalogue per language, looked up as `WORDS[lang].key`. */
export type Catalogue<T extends Record<string, Message>> = Readonly<Record<Lang, Translation<T>>>;

/** One short text in every language, where a whole catalogue would be too much (a panel's name for what it computes). */
export type LocalText = Readonly<Record<Lang, string>>;

export function catalogue<T extends Record<string, Message>>(en: T, zhCN: Translation<T>): Catalogue<T> {
  // English is the catalogue every other language is checked against: it is its own translation.
  return { en: en as unknown as Translation<T>, "zh-CN": zhCN };
}
