import { expect } from "chai";
import { describe, it } from "mocha";
import { ProgressDisplay, type Clock } from "../../../kernel/src/cell/progressDisplay";
import { formatBytes, formatDuration, progressBundle, summaryBundle } from "../../../kernel/src/cell/progressBar";
import { planFacts, type OperatorMetrics } from "../../../kernel/src/cell/planMetrics";
import { InvalidSparkUiError, sessionPage, sparkUiAddress } from "../../../kernel/src/cell/sparkUi";
import {
  stagesThatRan,
  tallyOf,
  tallyOfAll,
  type OperationReport,
  type StageProgress,
  type Tally,
} from "../../../kernel/src/cell/stageTally";

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
  const writes: { text: string; html: string; id: string; update: boolean }[] = [];
  return {
    writes,
    write: (bundle: Record<string, string>, id: string, update: boolean) =>
      writes.push({ text: bundle["text/plain"] ?? "", html: bundle["text/html"] ?? "", id, update }),
  };
}

function stage(
  stageId: number,
  numTasks: number,
  numCompletedTasks: number,
  done = numCompletedTasks === numTasks,
  inputBytesRead = 0,
): StageProgress {
  return { stageId, numTasks, numCompletedTasks, inputBytesRead, done };
}

const NONE: Tally = tallyOfAll([]);

function report(stages: StageProgress[], outcome: OperationReport["outcome"], more: Partial<OperationReport> = {}): OperationReport {
  return { stages, inflightTasks: 0, rowsRead: undefined, planStages: undefined, outcome, ...more };
}
const UI = "http://driver.example:4040/connect/session/?id=s-1&userId=";

describe("a cell's progress display", () => {
  it("shows nothing and keeps nothing for Spark work that ends within a second", () => {
    const clock = new FakeClock();
    const { writes, write } = recorder();
    const view = new ProgressDisplay(write, "p1", clock);
    view.started("op");
    view.progress("op", [stage(1, 4, 4)]);
    clock.advance(500);
    view.ended("op");
    clock.advance(2000);
    view.close();
    expect(writes).to.deep.equal([]);
    expect(clock.ticks).to.have.length(0);
  });

  it("shows the elapsed time until the server reports stages, then updates in place under one display id", () => {
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

  it("shows stages and tasks done of their totals, tasks running, bytes read and the elapsed time", () => {
    const clock = new FakeClock();
    const { writes, write } = recorder();
    const view = new ProgressDisplay(write, "p1", clock);
    view.started("op");
    view.progress("op", [stage(1, 8, 2, false, 0)], 2);
    clock.advance(1000);
    view.progress("op", [stage(1, 8, 8, true, 3 * 1024 * 1024), stage(2, 1, 0)], 1);
    clock.advance(500);
    expect(writes.map((w) => w.text)).to.deep.equal([
      "Spark [########----------------------] 25%  stages 0/1 · tasks 2/8, 2 running · 1.0 s",
      "Spark [###########################---] 88%  stages 1/2 · tasks 8/9, 1 running · 3.0 MiB read · 1.5 s",
    ]);
  });

  it("leaves one line that sums the work up in place of the bar when the cell ends", () => {
    const clock = new FakeClock();
    const { writes, write } = recorder();
    const view = new ProgressDisplay(write, "p1", clock);
    view.started("op");
    clock.advance(2000);
    // The last report before the results: the result stage had not finished, and stage 8 was skipped.
    view.progress("op", [stage(7, 4, 4, true, 2048), stage(8, 4, 0), stage(9, 1, 0)], 1);
    clock.advance(1500);
    view.executed("op", { rowsRead: 1_000_000, stages: 2 });
    view.ended("op");
    clock.advance(500); // the cell shows its result
    view.close();
    const last = writes.at(-1)!;
    expect(last).to.deep.include({ text: "Spark: 2 stages, 5 tasks, 1,000,000 rows (≥ 2.0 KiB) read, 3.5 s", id: "p1", update: true });
    expect(last.html).to.include("Spark: 2 stages, 5 tasks").and.not.to.include("<a ");
    expect(clock.ticks).to.have.length(0);
  });

  it("sums up all the operations of the cell, from the first start to the last end", () => {
    const clock = new FakeClock();
    const { writes, write } = recorder();
    const view = new ProgressDisplay(write, "p1", clock);
    view.started("first");
    view.progress("first", [stage(1, 4, 4)]);
    clock.advance(1000);
    view.ended("first");
    view.started("second");
    view.progress("second", [stage(2, 2, 1, false)], 1);
    clock.advance(2000);
    view.executed("second", { rowsRead: 7, stages: 0 });
    view.ended("second");
    clock.advance(1000);
    view.close();
    expect(writes.at(-1)!.text).to.equal("Spark: 2 stages, 6 tasks, 7 rows read, 3.0 s");
  });

  it("says when work did not finish, counting the tasks done of the stages that ran", () => {
    const clock = new FakeClock();
    const { writes, write } = recorder();
    const view = new ProgressDisplay(write, "p1", clock);
    view.started("failed");
    view.progress("failed", [stage(1, 4, 3, false)], 1);
    clock.advance(1500);
    view.ended("failed", true);
    view.started("abandoned"); // interrupted: the cell ends before the operation does
    view.progress("abandoned", [stage(2, 8, 2, false), stage(3, 1, 0)], 2);
    clock.advance(1000);
    view.close();
    expect(writes.at(-1)!.text).to.equal("Spark: 3 stages, 5/13 tasks, 2.5 s, not finished");
  });

  it("links the live view and the summary to the Spark UI page it was given", () => {
    const clock = new FakeClock();
    const { writes, write } = recorder();
    const view = new ProgressDisplay(write, "p1", clock);
    view.started("op", UI);
    view.progress("op", [stage(1, 2, 1, false)]);
    clock.advance(1000);
    view.ended("op");
    view.close();
    expect(writes).to.have.length(2);
    for (const w of writes) {
      expect(w.text).to.match(/ · Spark UI: http:\/\/driver\.example:4040\/connect\/session\/\?id=s-1&userId=$/);
      expect(w.html).to.include(
        '<a href="http://driver.example:4040/connect/session/?id=s-1&amp;userId=" target="_blank" rel="noopener noreferrer">Spark UI</a>',
      );
    }
  });
});

describe("which stages of an operation ran", () => {
  it("leaves out a stage its job listed and Spark skipped, once a later stage shows progress", () => {
    const stages = [stage(7, 4, 4), stage(8, 4, 0), stage(9, 1, 1, false)];
    expect(stagesThatRan(stages, false).map((s) => s.stageId)).to.deep.equal([7, 9]);
    expect(tallyOf(report(stages, "running"))).to.deep.include({ stages: 2, tasks: 5, tasksDone: 5 });
  });

  it("keeps a stage that waits for its turn while no later stage has progress", () => {
    const stages = [stage(7, 4, 4), stage(8, 4, 0)];
    expect(tallyOf(report(stages, "running"))).to.deep.include({ stages: 2, stagesDone: 1, tasks: 8, tasksDone: 4 });
  });

  it("takes an operation that ended with its results as done: its last stage ran, other stages without progress were skipped", () => {
    const stages = [stage(7, 4, 4, true, 100), stage(8, 4, 0), stage(9, 1, 0)];
    expect(tallyOf(report(stages, "succeeded", { inflightTasks: 1, rowsRead: 3, planStages: 2 }))).to.deep.equal({
      stages: 2,
      stagesDone: 2,
      tasks: 5,
      tasksDone: 5,
      tasksRunning: 0,
      tasksAtLeast: false,
      bytesRead: 100,
      bytesAtLeast: true,
      rowsRead: 3,
      reported: true,
      unfinished: false,
    });
  });

  it("counts bytes exactly when every stage that ran was reported done", () => {
    expect(tallyOf(report([stage(1, 2, 2, true, 10)], "succeeded")).bytesAtLeast).to.equal(false);
  });

  it("counts the stages the executed plan shows and no report did, its tasks and bytes then a lower bound", () => {
    // The last report came before the final job (a quick stage after a long one) started.
    const stages = [stage(7, 4, 4, true, 100)];
    expect(tallyOf(report(stages, "succeeded", { planStages: 2 }))).to.deep.include({
      stages: 2,
      tasks: 4,
      tasksAtLeast: true,
      bytesAtLeast: true,
    });
    // A plan that shows fewer stages than ran (jobs outside it, such as a file listing) changes nothing.
    expect(tallyOf(report([stage(1, 1, 1), stage(2, 2, 2)], "succeeded", { planStages: 1 }))).to.deep.include({
      stages: 2,
      tasks: 3,
      tasksAtLeast: false,
    });
  });

  it("counts only the tasks that completed of an operation that failed", () => {
    const stages = [stage(4, 4, 3, false), stage(5, 1, 0)];
    expect(tallyOf(report(stages, "failed", { inflightTasks: 1, planStages: 3 }))).to.deep.include({
      stages: 2,
      stagesDone: 0,
      tasks: 5,
      tasksDone: 3,
      unfinished: true,
    });
  });
});

describe("the progress lines", () => {
  it("sum the work up as stages, tasks, rows and bytes read, and time", () => {
    const tally: Tally = {
      ...NONE,
      reported: true,
      stages: 3,
      stagesDone: 3,
      tasks: 16,
      tasksDone: 16,
      bytesRead: 1.2 * 1024 ** 3,
      rowsRead: 1_000_000,
    };
    expect(summaryBundle(tally, 21_500)["text/plain"]).to.equal("Spark: 3 stages, 16 tasks, 1,000,000 rows (1.2 GiB) read, 21.5 s");
    expect(summaryBundle({ ...tally, stages: 1, tasks: 1, rowsRead: 1, bytesRead: 0 }, 1200)["text/plain"]).to.equal(
      "Spark: 1 stage, 1 task, 1 row read, 1.2 s",
    );
    expect(summaryBundle({ ...tally, rowsRead: undefined, bytesRead: 512 }, 4000)["text/plain"]).to.equal(
      "Spark: 3 stages, 16 tasks, 512 B read, 4.0 s",
    );
    expect(summaryBundle({ ...NONE, rowsRead: 12 }, 3000)["text/plain"]).to.equal("Spark: 12 rows read, 3.0 s");
    expect(summaryBundle({ ...tally, stages: 2, tasks: 4, tasksAtLeast: true, rowsRead: 6, bytesRead: 0 }, 3400)["text/plain"]).to.equal(
      "Spark: 2 stages, ≥ 4 tasks, 6 rows read, 3.4 s",
    );
  });

  it("offer text and HTML, the HTML escaped and with inline styles only", () => {
    const live = progressBundle({ ...NONE, reported: true, stages: 1, tasks: 4, tasksDone: 1 }, 2000);
    expect(live["text/plain"]).to.include("tasks 1/4");
    expect(live["text/html"]).to.include("width:25.0%").and.not.to.include("<style");
    const summary = summaryBundle(
      { ...NONE, reported: true, stages: 1, tasks: 1, tasksDone: 1, bytesRead: 2048, bytesAtLeast: true },
      1000,
    );
    expect(summary["text/html"]).to.include("≥ 2.0 KiB read").and.not.to.include("<style");
  });

  it("write byte counts in binary units and durations in the units that read best", () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(5 * 1024 ** 3)]).to.deep.equal(["512 B", "2.0 KiB", "5.0 GiB"]);
    expect([formatDuration(3200), formatDuration(21_540), formatDuration(245_000), formatDuration(3_725_000)]).to.deep.equal([
      "3.2 s",
      "21.5 s",
      "4 min 05 s",
      "1 h 02 min",
    ]);
  });
});

describe("what the executed plan's metrics tell", () => {
  const op = (name: string, planId: bigint, parent: bigint, rows?: bigint): OperatorMetrics => ({
    name,
    planId,
    parent,
    executionMetrics: rows === undefined ? {} : { numOutputRows: { value: rows } },
  });

  it("reads rows from the plan's leaves (scans, range), not from the operators above them", () => {
    // A join of two ranges under an aggregate, listed parent first; the root is its own parent.
    const plan = [
      op("HashAggregate", 10n, 10n, 4n),
      op("BroadcastHashJoin", 11n, 10n, 1_000_000n),
      op("Range", 12n, 11n, 1_000_000n),
      op("BroadcastExchange", 13n, 11n, 100n),
      op("Range", 14n, 13n, 100n),
    ];
    expect(planFacts(plan)).to.deep.equal({ rowsRead: 1_000_100, stages: 0 });
    expect(planFacts([])).to.deep.equal({ rowsRead: undefined, stages: 0 });
    expect(planFacts([op("Project", 1n, 1n), op("LocalTableScan", 2n, 1n)]).rowsRead).to.equal(undefined);
  });

  it("counts an adaptive plan's stages: its final one and each shuffle or broadcast stage not reused", () => {
    // As the server sends a count over a range: query stages carry their stage numbers as ids,
    // which here collide with the range's id.
    const count = [
      op("AdaptiveSparkPlan", 5n, 5n),
      op("ResultQueryStage", 1n, 5n),
      op("HashAggregate", 8n, 1n, 1n),
      op("ShuffleQueryStage", 0n, 8n),
      op("Exchange", 7n, 0n),
      op("HashAggregate", 6n, 7n, 4n),
      op("Range", 0n, 6n, 1000n),
    ];
    expect(planFacts(count)).to.deep.equal({ rowsRead: 1000, stages: 2 });
    const selfJoin = [
      op("AdaptiveSparkPlan", 20n, 20n),
      op("SortMergeJoin", 21n, 20n, 10n),
      op("ShuffleQueryStage", 0n, 21n),
      op("Exchange", 22n, 0n),
      op("Range", 23n, 22n, 10n),
      op("ShuffleQueryStage", 1n, 21n),
      op("ReusedExchange", 24n, 1n),
    ];
    expect(planFacts(selfJoin)).to.deep.equal({ rowsRead: 10, stages: 2 });
  });
});

describe("the Spark UI address", () => {
  it("keeps scheme, host, port and path, and drops user info, query and fragment, which may hold secrets", () => {
    expect(sparkUiAddress("http://127.0.0.1:4040")).to.deep.equal({ url: "http://127.0.0.1:4040", dropped: [] });
    expect(sparkUiAddress("https://alice:s3cret@gateway.example/spark/app-1/?token=abc#jobs")).to.deep.equal({
      url: "https://gateway.example/spark/app-1",
      dropped: ["user info", "query", "fragment"],
    });
  });

  it("refuses what is not an http(s) URL, without quoting it", () => {
    for (const bad of ["s3cret:4040", "ftp://driver/s3cret-path", "not a url s3cret", "javascript:alert('s3cret')"]) {
      expect(() => sparkUiAddress(bad), bad)
        .to.throw(InvalidSparkUiError)
        .with.property("message")
        .that.does.not.include("s3cret");
    }
  });

  it("names the Connect tab's page of a session, with the user id encoded as Spark's UI encodes it", () => {
    expect(sessionPage("http://driver:4040", "0f6e-11", "alice")).to.equal("http://driver:4040/connect/session/?id=0f6e-11&userId=YWxpY2U");
    expect(sessionPage("http://driver:4040", "0f6e-11", undefined)).to.equal("http://driver:4040/connect/session/?id=0f6e-11&userId=");
  });
});
