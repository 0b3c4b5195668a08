import { expect } from "chai";
import { describe, it } from "mocha";
import { CellHistory, CURRENT_SESSION } from "../../../kernel/src/protocol/history";

function history(): CellHistory {
  const h = new CellHistory();
  ["const a = 1", "6 * 7", "a + 1", "6 * 7"].forEach((code, i) => h.add(i + 1, code));
  h.setOutput(2, "42");
  return h;
}

describe("cell history", () => {
  it("answers tail requests with the last n cells, numbered by execution count", () => {
    expect(history().query({ hist_access_type: "tail", n: 2 })).to.deep.equal([
      [CURRENT_SESSION, 3, "a + 1"],
      [CURRENT_SESSION, 4, "6 * 7"],
    ]);
  });

  it("includes outputs as [input, output] pairs when asked", () => {
    expect(history().query({ hist_access_type: "range", session: 0, start: 2, stop: 3, output: true })).to.deep.equal([
      [CURRENT_SESSION, 2, ["6 * 7", "42"]],
    ]);
  });

  it("answers nothing for sessions it did not keep", () => {
    expect(history().query({ hist_access_type: "range", session: 7, start: 1, stop: 3 })).to.deep.equal([]);
  });

  it("searches with glob patterns, optionally unique and limited to the last n", () => {
    const h = history();
    expect(h.query({ hist_access_type: "search", pattern: "6 *" }).map((e) => e[1])).to.deep.equal([2, 4]);
    expect(h.query({ hist_access_type: "search", pattern: "6 *", unique: true }).map((e) => e[1])).to.deep.equal([4]);
    expect(h.query({ hist_access_type: "search", pattern: "?+?", n: 1 })).to.deep.equal([]);
    expect(h.query({ hist_access_type: "search", pattern: "a*", n: 1 }).map((e) => e[2])).to.deep.equal(["a + 1"]);
  });
});
