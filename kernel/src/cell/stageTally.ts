// What the Spark operations of a cell did, counted from the server's progress reports.
//
// What the protocol gives (ExecutePlanResponse.ExecutionProgress): per stage its id, number of
// tasks, tasks completed, input bytes read and whether it is done; and the number of tasks
// running. No stage names, no job ids, no row counts: rows come only with the plan's metrics when
// an operation ends (planMetrics.ts). Two quirks of the reports shape the counting here:
// - A job lists every stage it depends on when it starts, also those whose output already exists
//   and that Spark skips (with adaptive execution, the final job lists the shuffle stages that ran
//   as jobs of their own before). A skipped stage never completes a task and is never done.
// - The server reports at most every two seconds, and its last report before the results is
//   usually lost: the stream ends first. So an operation that ended well may still show its last
//   stages unfinished, or not show its last job at all (a quick final stage after a long one).
// Hence: a stage with no completed task that is not done is taken as skipped once a later stage
// (a higher id: Spark numbers a job's parent stages before the stage that reads them) shows
// progress; when the operation ended well, its last reported stage ran, every other stage without
// progress was skipped, and every stage that ran ran all its tasks. When the executed plan shows
// more stages than the reports (an adaptive plan's query stages, planMetrics.ts), the missing ones
// ran after the last report: they are counted, and their tasks and bytes, unknown, make the
// totals lower bounds. Bytes read are what the reports counted, a lower bound too when an
// operation ended between reports.

/** One stage of a running operation, as the server reports it. */
export interface StageProgress {
  readonly stageId: number;
  readonly numTasks: number;
  readonly numCompletedTasks: number;
  readonly inputBytesRead: number;
  readonly done: boolean;
}

/** What is known of one operation. */
export interface OperationReport {
  /** The server's last stage report; `undefined` before the first. */
  readonly stages: readonly StageProgress[] | undefined;
  /** Tasks running at the last report. */
  readonly inflightTasks: number;
  /** Rows the plan read, from the metrics sent at its end. */
  readonly rowsRead: number | undefined;
  /** Stages the executed plan shows (see planMetrics.ts); `undefined` before its metrics came. */
  readonly planStages: number | undefined;
  /** Whether it is still running, ended with its results, or ended otherwise (failed, cancelled). */
  readonly outcome: "running" | "succeeded" | "failed";
}

/** Counts of the stages and tasks that ran (or run), summed over operations. */
export interface Tally {
  readonly stages: number;
  readonly stagesDone: number;
  readonly tasks: number;
  readonly tasksDone: number;
  readonly tasksRunning: number;
  /** Stages ran that no report showed: `tasks` is a lower bound. */
  readonly tasksAtLeast: boolean;
  readonly bytesRead: number;
  /** The bytes of tasks that ended after the last report are missing: `bytesRead` is a lower bound. */
  readonly bytesAtLeast: boolean;
  readonly rowsRead: number | undefined;
  /** Whether stages are known for any of the operations (reported, or shown by the plan). */
  readonly reported: boolean;
  /** Whether an operation is still running, or ended without its results. */
  readonly unfinished: boolean;
}

const NOTHING: Tally = {
  stages: 0,
  stagesDone: 0,
  tasks: 0,
  tasksDone: 0,
  tasksRunning: 0,
  tasksAtLeast: false,
  bytesRead: 0,
  bytesAtLeast: false,
  rowsRead: undefined,
  reported: false,
  unfinished: false,
};

/**
 * The stages of an operation that ran or run (skipped ones left out, see the module comment).
 *
 * @example
 * ```ts
 * const s = (stageId: number, numTasks: number, numCompletedTasks: number, done: boolean) => ({ stageId, numTasks, numCompletedTasks, inputBytesRead: 0, done });
 * // The last report of a count over 4 partitions that ended well: the skipped stage 8 is left out.
 * stagesThatRan([s(7, 4, 4, true), s(8, 4, 0, false), s(9, 1, 0, false)], true).map((x) => x.stageId); // [7, 9]
 * ```
 */
export function stagesThatRan(stages: readonly StageProgress[], succeeded: boolean): StageProgress[] {
  const lastId = Math.max(...stages.map((s) => s.stageId));
  const laterProgress = (id: number) => stages.some((s) => s.stageId > id && (s.done || s.numCompletedTasks > 0));
  return stages.filter((s) => {
    if (s.done || s.numCompletedTasks > 0) return true;
    return succeeded ? s.stageId === lastId : !laterProgress(s.stageId);
  });
}

/**
 * The tally of one operation.
 *
 * @example
 * ```ts
 * const stage = { stageId: 7, numTasks: 4, numCompletedTasks: 2, inputBytesRead: 0, done: false };
 * tallyOf({ stages: [stage], inflightTasks: 2, rowsRead: 12, planStages: undefined, outcome: "succeeded" });
 * // { stages: 1, stagesDone: 1, tasks: 4, tasksDone: 4, ..., rowsRead: 12 }
 * ```
 */
export function tallyOf(op: OperationReport): Tally {
  const succeeded = op.outcome === "succeeded";
  const ran = op.stages?.length ? stagesThatRan(op.stages, succeeded) : [];
  const unreported = succeeded ? Math.max(0, (op.planStages ?? 0) - ran.length) : 0;
  const stages = ran.length + unreported;
  const tasks = ran.reduce((n, s) => n + s.numTasks, 0);
  const bytesRead = ran.reduce((n, s) => n + s.inputBytesRead, 0);
  return {
    stages,
    stagesDone: succeeded ? stages : ran.filter((s) => s.done).length,
    tasks,
    tasksDone: succeeded ? tasks : ran.reduce((n, s) => n + Math.min(s.numCompletedTasks, s.numTasks), 0),
    tasksRunning: op.outcome === "running" ? op.inflightTasks : 0,
    tasksAtLeast: unreported > 0,
    bytesRead,
    bytesAtLeast: succeeded && (unreported > 0 || ran.some((s) => !s.done)),
    rowsRead: op.rowsRead,
    reported: stages > 0,
    unfinished: !succeeded,
  };
}

/**
 * The tally of several operations (a cell's).
 *
 * @example
 * ```ts
 * tallyOfAll([first, second]).tasks; // the tasks of both
 * ```
 */
export function tallyOfAll(ops: Iterable<OperationReport>): Tally {
  let total = NOTHING;
  for (const op of ops) {
    const t = tallyOf(op);
    total = {
      stages: total.stages + t.stages,
      stagesDone: total.stagesDone + t.stagesDone,
      tasks: total.tasks + t.tasks,
      tasksDone: total.tasksDone + t.tasksDone,
      tasksRunning: total.tasksRunning + t.tasksRunning,
      tasksAtLeast: total.tasksAtLeast || t.tasksAtLeast,
      bytesRead: total.bytesRead + t.bytesRead,
      bytesAtLeast: total.bytesAtLeast || t.bytesAtLeast,
      rowsRead: t.rowsRead === undefined ? total.rowsRead : (total.rowsRead ?? 0) + t.rowsRead,
      reported: total.reported || t.reported,
      unfinished: total.unfinished || t.unfinished,
    };
  }
  return total;
}
