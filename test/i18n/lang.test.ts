import { describe, expect, it } from "vitest";
import { ExitCode, UsageError } from "../../src/errors";
import { DEFAULT_LANG, isLang, langOf, LANGS, parseLang } from "../../src/i18n/lang";

describe("the languages roilab writes in", () => {
  it("are English, the default, and Simplified Chinese", () => {
    expect(LANGS).toEqual(["en", "zh-CN"]);
    expect(DEFAULT_LANG).toBe("en");
  });

  it("reads --lang as BCP 47 spells it, whatever its case or separator", () => {
    expect(parseLang("en")).toBe("en");
    expect(parseLang("zh-CN")).toBe("zh-CN");
    expect(parseLang("zh-cn")).toBe("zh-CN");
    expect(parseLang(" zh_CN ")).toBe("zh-CN");
  });

  it("refuses any other value with a usage error (exit 2) naming the option and the values it takes", () => {
    for (const given of ["fr", "zh", "zh-TW", "", "english"]) {
      const error = (() => {
        try {
          parseLang(given);
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(ExitCode.badInput);
      expect((error as UsageError).message).toBe(`--lang must be one of en, zh-CN, got ${JSON.stringify(given)}`);
    }
  });

  it("reads a page's language from its <html lang>, English for any it does not write", () => {
    expect(langOf("zh-CN")).toBe("zh-CN");
    expect(langOf("en")).toBe("en");
    expect(langOf("de")).toBe("en");
    expect(langOf(null)).toBe("en");
    expect(isLang("zh-CN")).toBe(true);
    expect(isLang("zh-cn")).toBe(false);
  });
});
