import { expect } from "chai";
import { describe, it } from "mocha";
import type * as TypeScript from "@tslab/typescript-for-tslab";
import type { Diagnostic } from "tslab/dist/converter";
import { diagnosticLines, fullDiagnostics, mapDiagnostics, type CellDiagnostic } from "../../../kernel/src/cell/cellDiagnostics";
import { cellDiagnosticsContent } from "../../../kernel/src/cell/errorContent";
import { rewriteAwaits } from "../../../kernel/src/cell/topLevelAwait";

const cell = "const f: (x: number) => string = (x: string) => x;\nconst g = 1;";
const PREFIX = "export {};\n";
const file = { fileName: "/notebooks/__tslab__.ts", text: PREFIX + cell } as TypeScript.SourceFile;

/** A diagnostic as tslab reports it, at `offset` of the cell, `length` long. */
function reported(offset: number, length: number, messageText: string, code: number, fileName?: string): Diagnostic {
  const pos = (o: number) => ({ offset: o, line: 0, character: o });
  return { start: pos(offset), end: pos(offset + length), messageText, category: 1, code, fileName };
}

const CHAIN: TypeScript.DiagnosticMessageChain = {
  messageText: "Type '(x: string) => string' is not assignable to type '(x: number) => string'.",
  category: 1,
  code: 2322,
  next: [
    {
      messageText: "Types of parameters 'x' and 'x' are incompatible.",
      category: 1,
      code: 2328,
      next: [{ messageText: "Type 'number' is not assignable to type 'string'.", category: 1, code: 2322 }],
    },
  ],
};

/** What tslab makes of the chain: each link a diagnostic of its own at the same place. */
const FLATTENED = [
  reported(6, 1, CHAIN.messageText, 2322),
  reported(6, 1, "Types of parameters 'x' and 'x' are incompatible.", 2328),
  reported(6, 1, "Type 'number' is not assignable to type 'string'.", 2322),
];

describe("a cell's TypeScript diagnostics", () => {
  it("are one per error, the message chain folded in as indented details, as the compiler made them", () => {
    const raw: TypeScript.Diagnostic = { file, start: PREFIX.length + 6, length: 1, messageText: CHAIN, category: 1, code: 2322 };
    const [only, ...rest] = fullDiagnostics(FLATTENED, [raw]);
    expect(rest).to.deep.equal([]);
    expect(only.messageText).to.equal(CHAIN.messageText);
    expect(only.details).to.deep.equal([
      "  Types of parameters 'x' and 'x' are incompatible.",
      "    Type 'number' is not assignable to type 'string'.",
    ]);
  });

  it("carry TypeScript's related hints, placed in the cell", () => {
    const head = "Property 'show' does not exist on type 'Promise<DataFrame>'.";
    const raw: TypeScript.Diagnostic = {
      file,
      start: PREFIX.length + 10,
      length: 4,
      messageText: head,
      category: 1,
      code: 2339,
      relatedInformation: [
        { file, start: PREFIX.length + 6, length: 3, messageText: "Did you forget to use 'await'?", category: 1, code: 2773 },
      ],
    };
    const [d] = fullDiagnostics([reported(10, 4, head, 2339)], [raw]);
    expect(d.related).to.deep.equal([{ message: "Did you forget to use 'await'?", start: 6, end: 9 }]);
  });

  it("still fold a chain when the compiler's own diagnostics are not at hand, by its links' shared place", () => {
    const [only, ...rest] = fullDiagnostics(FLATTENED, undefined);
    expect(rest).to.deep.equal([]);
    expect(only.details).to.have.length(2);
  });

  it("leave out exact repeats, and keep distinct errors at distinct places", () => {
    const twice = [
      reported(0, 5, "Cannot find name 'total'.", 2304),
      reported(0, 5, "Cannot find name 'total'.", 2304),
      reported(20, 5, "Cannot find name 'total'.", 2304),
    ];
    expect(fullDiagnostics(twice, undefined).map((d) => d.start.offset)).to.deep.equal([0, 20]);
  });

  it("keep only the errors tslab reported (it drops the top-level await ones), even when the compiler had more", () => {
    const extra: TypeScript.Diagnostic = {
      file,
      start: PREFIX.length,
      length: 5,
      messageText: "'await' expressions are only allowed...",
      category: 1,
      code: 1308,
    };
    expect(fullDiagnostics([reported(0, 5, "x", 2304)], [extra]).map((d) => d.code)).to.deep.equal([2304]);
  });

  it("move back to the cell as written when the kernel rewrote it, with their hints", () => {
    const src = "await (x).y; let s: string = 1;";
    const { code, toOriginal } = rewriteAwaits(src);
    expect(code).to.equal("await Promise.resolve((x).y); let s: string = 1;");
    const at = code.indexOf("s:");
    const moved = mapDiagnostics(
      [{ ...reported(at, 1, "m", 2322), details: [], related: [{ message: "hint", start: at, end: at + 1 }] }],
      src,
      toOriginal,
    );
    expect(moved[0].start).to.deep.equal({ offset: src.indexOf("s:"), line: 0, character: src.indexOf("s:") });
    expect(moved[0].related[0].start).to.equal(src.indexOf("s:"));
    expect(toOriginal(code.indexOf("Promise"))).to.equal(src.indexOf("(x)"));
  });
});

describe("a diagnostic shown in the notebook", () => {
  const text = "const df = spark.createDataFrame([]);\ndf.show();";
  const d: CellDiagnostic = {
    ...reported(text.indexOf("show"), 4, "Property 'show' does not exist on type 'Promise<DataFrame>'.", 2339),
    details: [],
    related: [{ message: "Did you forget to use 'await'?", start: text.indexOf("show"), end: text.indexOf("show") + 4 }],
  };
  const identity = { text, toCell: (o: number) => o };

  it("says where and what, shows the line with a caret under the span, then the hint", () => {
    expect(diagnosticLines(d, identity, false)).to.deep.equal([
      "2:4 - error TS2339: Property 'show' does not exist on type 'Promise<DataFrame>'.",
      "    1 | const df = spark.createDataFrame([]);",
      "  > 2 | df.show();",
      "      |    ^^^^",
      "  Did you forget to use 'await'?",
    ]);
  });

  it("gives the hint its own place when it points elsewhere", () => {
    const elsewhere = { ...d, related: [{ message: "'x' is declared here.", start: 6, end: 8 }] };
    expect(diagnosticLines(elsewhere, identity, false).at(-1)).to.equal("  'x' is declared here. (1:7)");
  });

  it("of another file names the file and shows no frame of the cell", () => {
    const other = { ...d, fileName: "helpers.ts", related: [] };
    expect(diagnosticLines(other, identity, false)).to.deep.equal([
      "helpers.ts 1:42 - error TS2339: Property 'show' does not exist on type 'Promise<DataFrame>'.",
    ]);
  });

  it("is the Jupyter error TypeScriptError, its value the first diagnostic's place and message", () => {
    const content = cellDiagnosticsContent([d], identity);
    expect(content.ename).to.equal("TypeScriptError");
    expect(content.evalue).to.equal("2:4 - Property 'show' does not exist on type 'Promise<DataFrame>'.");
    expect(content.traceback).to.have.length(5);
  });
});
