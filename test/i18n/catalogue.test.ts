/**
 * Every catalogue of roilab's own words, checked key by key: the Chinese gives every English key a non-empty text of
 * its own, written in Chinese (a text left in ASCII is a text left untranslated), and a message made from values
 * shows each value it is given.
 */
import { describe, expect, it } from "vitest";
import { catalogue, type Catalogue, type Message } from "../../src/i18n/catalogue";
import { BROWSER_WORDS } from "../../src/i18n/browser";
import { PAGE_WORDS } from "../../src/i18n/page";
import { TERMINAL_WORDS } from "../../src/i18n/terminal";
import { PANEL_DEFINITIONS } from "../../src/panels";
import { ROILAB_SITES } from "../../src/cli/site";
import { PLAIN_SITES } from "../../src/report/html/page";

const CATALOGUES = { page: PAGE_WORDS, browser: BROWSER_WORDS, terminal: TERMINAL_WORDS } as Record<
  string,
  Catalogue<Record<string, Message>>
>;

/** Entries that are the same in every language: a code, a separator, a name. */
const SAME_IN_EVERY_LANGUAGE = new Set(["page.editionSeparator"]);
/** Entries that are names or codes, so rightly in ASCII in Chinese too. */
const NAMES = new Set(["page.htmlLang", "page.editionSeparator"]);

/** Values to call a message with: an object or a list where the message takes one, else a text the result must show. */
const SAMPLE_VALUES: Record<string, unknown[]> = {
  "page.builtBy": [{ time: "T1", roilab: "R1", tslab: "S1", node: "N1", recorded: "P1" }],
  "page.otherEditions": [["L1", "L2"]],
  "page.editionTitle": [{ year: 2026, month: 11 }, "cn"],
  "terminal.cloudTitle": ["I1", "O1", "R1", "C1", ["S1", "S2"]],
  "terminal.costBasis": ["itemised"],
};

/** A catalogue entry's text: fixed text as it is, a message called with sample values (`V1`, `V2`, … or the above). */
function textOf(id: string, message: Message): { text: string; values: string[] } {
  if (typeof message === "string") return { text: message, values: [] };
  const sample = SAMPLE_VALUES[id];
  if (sample)
    return { text: (message as (...values: unknown[]) => string)(...sample), values: JSON.stringify(sample).match(/[A-Z]\d/g) ?? [] };
  // Numbers where a message counts (days, percentages, cells), text elsewhere: both print as they are given.
  const values = Array.from({ length: message.length }, (_, index) => String(index + 1));
  return { text: (message as (...values: string[]) => string)(...values), values };
}

const entries = Object.entries(CATALOGUES).flatMap(([name, words]) =>
  Object.keys(words.en).map((key) => ({ id: `${name}.${key}`, en: words.en[key]!, zh: words["zh-CN"][key] })),
);

describe("the catalogues of roilab's own words", () => {
  it("find the entries they check", () => {
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.map((entry) => entry.id)).toEqual(expect.arrayContaining(["page.keyFindings", "browser.reset", "terminal.option"]));
  });

  it.each(entries.map((entry) => [entry.id, entry] as const))(
    "%s: the Chinese is there, not empty, and of the English's shape",
    (id, entry) => {
      expect(entry.zh, id).toBeDefined();
      expect(typeof entry.zh).toBe(typeof entry.en);
      const arity = (message: unknown) => (typeof message === "function" ? message.length : undefined);
      expect(arity(entry.zh), id).toBe(arity(entry.en));
      const zh = textOf(id, entry.zh as Message);
      expect(zh.text.trim(), id).not.toBe("");
    },
  );

  it("write every Chinese entry in Chinese: none is left in ASCII, or as the English, but for names", () => {
    const untranslated = entries.filter((entry) => {
      const zh = textOf(entry.id, entry.zh as Message).text;
      const en = textOf(entry.id, entry.en).text;
      return (
        (!NAMES.has(entry.id) && /^[\x20-\x7e]*$/.test(zh)) || (!SAME_IN_EVERY_LANGUAGE.has(entry.id) && zh === en && !NAMES.has(entry.id))
      );
    });
    expect(untranslated.map((entry) => entry.id)).toEqual([]);
  });

  it("show every value a message is given, in both languages", () => {
    for (const entry of entries) {
      if (typeof entry.en !== "function") continue;
      for (const message of [entry.en, entry.zh as Message]) {
        const { text, values } = textOf(entry.id, message);
        // A message may leave out a value it is given as empty (a reasoning count only where there is one).
        for (const value of values) expect(text, `${entry.id}: ${value}`).toContain(value);
      }
    }
  });
});

describe("a catalogue's type", () => {
  it("refuses to compile a Chinese that lacks a key, adds one, or changes a message's values (the type check runs over the tests)", () => {
    const complete = catalogue({ a: "A", b: (count: number) => `${count} B` }, { a: "甲", b: (count) => `${count} 乙` });
    expect(complete["zh-CN"].b(2)).toBe("2 乙");
    // @ts-expect-error: the Chinese lacks `b`
    catalogue({ a: "A", b: "B" }, { a: "甲" });
    // @ts-expect-error: the Chinese has a key the English does not
    catalogue({ a: "A" }, { a: "甲", c: "丙" });
    // @ts-expect-error: the English's `b` is text made from a number, not fixed text
    catalogue({ a: "A", b: (count: number) => `${count} B` }, { a: "甲", b: "乙" });
  });
});

describe("the other words roilab writes in each language", () => {
  it("name what each what-if panel computes in Chinese too", () => {
    for (const [kind, definition] of Object.entries(PANEL_DEFINITIONS)) {
      expect(definition.computes.en, kind).not.toBe("");
      expect(definition.computes["zh-CN"], kind).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("give roilab's report and the plain publisher's a Chinese name, title and heading", () => {
    for (const site of [ROILAB_SITES["zh-CN"], PLAIN_SITES["zh-CN"]]) {
      for (const [field, text] of Object.entries(site))
        if (field !== "name" || site === PLAIN_SITES["zh-CN"]) expect(text, field).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(ROILAB_SITES["zh-CN"].name).toBe("roilab");
  });
});
