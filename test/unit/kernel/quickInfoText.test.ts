// Quick info as the compiler gives it (parts of kinds TypeScript uses), printed for Shift+Tab. The
// kernel suite checks the text of real declarations (test/kernel/completion.test.ts, inspection).
import { expect } from "chai";
import { describe, it } from "mocha";
import type * as TypeScript from "@tslab/typescript-for-tslab";
import { quickInfoText } from "../../../kernel/src/completion/quickInfoText";

const part = (text: string, kind = "text"): TypeScript.SymbolDisplayPart => ({ text, kind });

function info(fields: Partial<TypeScript.QuickInfo>): TypeScript.QuickInfo {
  return { kind: "function" as TypeScript.ScriptElementKind, kindModifiers: "", textSpan: { start: 0, length: 1 }, ...fields };
}

describe("quick info as Shift+Tab shows it", () => {
  it("keeps a paragraph with a {@link} on one line, the link as its name", () => {
    const text = quickInfoText(
      info({
        displayParts: [part("function"), part(" "), part("percentile_approx", "functionName"), part("(): Column")],
        documentation: [part("Alias of "), part("{@link ", "link"), part("approx_percentile", "linkName"), part("}", "link"), part(".")],
      }),
    );
    expect(text).to.equal("function percentile_approx(): Column\n\nAlias of approx_percentile.");
  });

  it("puts each tag after a blank line: an example as written, a parameter by name, others by tag", () => {
    const text = quickInfoText(
      info({
        displayParts: [part("(method) DataFrame.limit(n: number): DataFrame")],
        documentation: [part("The first `n` rows.")],
        tags: [
          { name: "param", text: [part("n", "parameterName"), part(" "), part("- how many rows")] },
          { name: "throws", text: [part("RangeError when `n` is negative.")] },
          { name: "example", text: [part("```ts\nawait df.limit(2).count(); // 2\n```")] },
          { name: "internal" },
        ],
      }),
    );
    expect(text.split("\n\n")).to.deep.equal([
      "(method) DataFrame.limit(n: number): DataFrame",
      "The first `n` rows.",
      "@param n how many rows",
      "@throws RangeError when `n` is negative.",
      "```ts\nawait df.limit(2).count(); // 2\n```",
      "@internal",
    ]);
  });

  it("is empty for nothing, and for the bare `any` TypeScript gives a name it cannot resolve", () => {
    expect(quickInfoText(undefined)).to.equal("");
    expect(quickInfoText(info({ kind: "" as TypeScript.ScriptElementKind, displayParts: [part("any", "keyword")] }))).to.equal("");
    expect(quickInfoText(info({ kind: "const" as TypeScript.ScriptElementKind, displayParts: [part("const x: any")] }))).to.equal(
      "const x: any",
    );
  });
});
