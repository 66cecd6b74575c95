import { describe, expect, it } from "vitest";
import { decodeUtf8, parseCsv } from "../../src/data/csv";
import { DataError, formatDataIssue } from "../../src/errors";

function messages(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof DataError) return error.issues.map(formatDataIssue);
    throw error;
  }
  throw new Error("expected a DataError");
}

describe("reading a data file's bytes", () => {
  it("reads UTF-8, with or without a byte-order mark", () => {
    expect(decodeUtf8(Buffer.from("name\ncafé\n"), "x.csv")).toBe("name\ncafé\n");
    expect(parseCsv(decodeUtf8(Buffer.from("\ufeffname\ncafé\n"), "x.csv"), "x.csv").header).toEqual(["name"]);
  });

  it("refuses Latin-1 text where it first shows, by line and field", () => {
    const latin1 = Buffer.from("model_id,model_name\ngpt,GPT\nx,caf\xe9\n", "latin1");
    expect(messages(() => decodeUtf8(latin1, "models.csv"))).toEqual([
      "models.csv:3:2 - the file is not UTF-8 (byte 0xe9 is not valid there; Latin-1 or Windows-1252 text?); save it as CSV UTF-8",
    ]);
  });

  it("names UTF-16 as such", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("model_id\n", "utf16le")]);
    expect(messages(() => decodeUtf8(utf16, "models.csv"))).toEqual([
      "models.csv:1:1 - the file is UTF-16, not UTF-8; save it as CSV UTF-8",
    ]);
  });
});
