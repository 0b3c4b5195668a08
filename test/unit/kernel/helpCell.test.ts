import { expect } from "chai";
import { describe, it } from "mocha";
import { helpRequest } from "../../../kernel/src/cell/helpCell";

describe("a help cell (`name?`)", () => {
  it("asks for the inspection of the name before the question mark, with the cursor at its end", () => {
    expect(helpRequest("people?")).to.deep.equal({ name: "people", code: "people", cursor_pos: 6 });
    expect(helpRequest("  F.sum?\n")).to.deep.equal({ name: "F.sum", code: "F.sum", cursor_pos: 5 });
    expect(helpRequest("people.filter?")).to.deep.equal({ name: "people.filter", code: "people.filter", cursor_pos: 13 });
  });

  it("is no cell that is TypeScript, or more than a name", () => {
    for (const code of ["a ? b : c", "x?.y", "people", "people??", "f()?", "people?\n1 + 1", "?people", "1?"]) {
      expect(helpRequest(code), code).to.equal(undefined);
    }
  });
});
