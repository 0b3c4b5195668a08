import { expect } from "chai";
import { describe, it } from "mocha";
import { codeFrame } from "../../../kernel/src/cell/codeFrame";
import { diagnosticLines } from "../../../kernel/src/cell/cellDiagnostics";
import { redactSecrets } from "../../../kernel/src/cell/secretText";

describe("secrets in quoted cell text", () => {
  it("are redacted where a connection string assigns them", () => {
    expect(redactSecrets('remote("sc://h:15002/;user_id=ann;token=abc123")').text).to.equal(
      'remote("sc://h:15002/;user_id=ann;token=<redacted>")',
    );
    expect(redactSecrets("sc://h/;x-api-key=k3y;use_ssl=true").text).to.equal("sc://h/;x-api-key=<redacted>;use_ssl=true");
  });

  it("are redacted where an options object names them", () => {
    expect(redactSecrets(`{ token: "t0k", headers: { "authorization": 'Bearer xyz', "x-team": "data" } }`).text).to.equal(
      `{ token: "<redacted>", headers: { "authorization": '<redacted>', "x-team": "data" } }`,
    );
  });

  it("leave ordinary code alone", () => {
    const code = 'df.groupBy("key").agg(F.sum("amount")); const monkey = { name: "x" };';
    expect(redactSecrets(code).text).to.equal(code);
  });

  it("move columns after a redacted value by the change in length", () => {
    const line = 'f("sc://h/;token=abcdefghijklmnop").boom()';
    const redacted = redactSecrets(line);
    expect(redacted.text[redacted.column(line.indexOf("boom") + 1) - 1]).to.equal("b");
    expect(redacted.column(line.indexOf("abc") + 3)).to.equal(line.indexOf("abc") + 1);
  });

  it("do not reach a code frame, whose caret stays under its place", () => {
    const cell = 'const s = await SparkSession.builder.remote("sc://h/;token=s3cr3t-value").getOrCreate(); s.nope();';
    const frame = codeFrame(cell, { line: 1, column: cell.indexOf("nope") + 1 }, { color: false });
    expect(frame.join("\n")).not.to.include("s3cr3t");
    expect(frame[1].indexOf("^")).to.equal(frame[0].indexOf("nope"));
  });

  it("do not reach a diagnostic, which TypeScript may quote as a literal type", () => {
    const text = 'const n: number = "sc://h/;token=s3cr3t";';
    const message = `Type '"sc://h/;token=s3cr3t"' is not assignable to type 'number'.`;
    const pos = { offset: 6, line: 0, character: 6 };
    const lines = diagnosticLines(
      { start: pos, end: { ...pos, offset: 7 }, messageText: message, category: 1, code: 2322, details: [], related: [] },
      { text, toCell: (o) => o },
      false,
    );
    expect(lines.join("\n")).not.to.include("s3cr3t");
    expect(lines[0]).to.include("token=<redacted>");
  });
});
