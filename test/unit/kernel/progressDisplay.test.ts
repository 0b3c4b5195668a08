import { expect } from "chai";
import { describe, it } from "mocha";
import { ProgressDisplay, type Clock } from "../../../kernel/src/cell/progressDisplay";
import { formatBytes, progressBundle } from "../../../kernel/src/cell/progressBar";

class FakeClock implements Clock {
  time = 0;
  ticks: (() => void)[] = [];
  now(): number {
    return this.time;
  }
  every(_ms: number, tick: () => void): () => void {
    this.ticks.push(tick);
    return () => (this.ticks = this.ticks.filter((t) => t !== tick));
  }
  advance(ms: number): void {
    this.time += ms;
    this.ticks.forEach((t) => t());
  }
}

function recorder() {
  const writes: { text: string; id: string; update: boolean }[] = [];
  return { writes, write: (bundle: Record<string, string>, id: string, update: boolean) => writes.push({ text: bundle["text/plain"]!, id, update }) };
}

const stage = (done: number, total: number, bytes = 0) => ({ stageId: 1, numTasks: total, numCompletedTasks: done, inputBytesRead: bytes, done: done === total });

describe("a cell's progress display", () => {
  it("shows nothing for work that ends within a second", () => {
    const clock = new FakeClock();
    const { writes, write } = recorder();
    const view = new ProgressDisplay(write, "p1", clock);
    view.started("op");
    clock.advance(500);
    view.ended("op");
    view.close();
    expect(writes).to.deep.equal([]);
  });

  it("shows the elapsed time of work the server reports no progress for, then updates in place", () => {
    const clock = new FakeClock();
    const { writes, write } = recorder();
    const view = new ProgressDisplay(write, "p1", clock);
    view.started("op");
    clock.advance(1500);
    clock.advance(500);
    expect(writes.map((w) => [w.text, w.update])).to.deep.equal([
      ["Spark: running… 1.5 s", false],
      ["Spark: running… 2.0 s", true],
    ]);
    expect(new Set(writes.map((w) => w.id))).to.deep.equal(new Set(["p1"]));
  });

  it("shows tasks done of total from the server's reports, and empties itself when the cell ends", () => {
    const clock = new FakeClock();
    const { writes, write } = recorder();
    const view = new ProgressDisplay(write, "p1", clock);
    view.started("op");
    view.progress("op", [stage(2, 8)]);
    clock.advance(1000);
    view.progress("op", [stage(8, 8, 3 * 1024 * 1024)]);
    clock.advance(500);
    view.close();
    expect(writes.map((w) => w.text)).to.deep.equal([
      "Spark [########----------------------] 25%  stages 0/1 · tasks 2/8 · 1.0 s",
      "Spark [##############################] 100%  stages 1/1 · tasks 8/8 · 3.0 MiB read · 1.5 s",
      "",
    ]);
    expect(writes.at(-1)!.update).to.equal(true);
    expect(clock.ticks).to.have.length(0);
  });
});

describe("the progress bundle", () => {
  it("offers text and HTML, the HTML with inline styles only", () => {
    const bundle = progressBundle([stage(1, 4)], 2000);
    expect(bundle["text/plain"]).to.include("tasks 1/4");
    expect(bundle["text/html"]).to.include('width:25.0%').and.not.to.include("<style");
  });

  it("writes byte counts in binary units", () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(5 * 1024 ** 3)]).to.deep.equal(["512 B", "2.0 KiB", "5.0 GiB"]);
  });
});
