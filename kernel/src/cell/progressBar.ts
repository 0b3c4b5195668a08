// The progress display's content, as mime bundles: plain text, and HTML with inline styles only
// (Jupyter sanitizes <style> elements). While Spark works: a bar with stages and tasks done of
// their totals, tasks running, bytes read and the elapsed time. After the cell: one line that
// sums it up. Both link to the Spark UI when the kernel knows its address. What the numbers can
// and cannot say is in stageTally.ts.
import escapeHtml from "escape-html";
import type { Tally } from "./stageTally";

export type { StageProgress } from "./stageTally";

/** A display bundle: the same content as text and as HTML. */
export interface ProgressBundle {
  readonly "text/plain": string;
  readonly "text/html": string;
  readonly [mime: string]: string;
}

const BAR_WIDTH = 30;

/**
 * The live view of the cell's Spark work.
 *
 * @example
 * ```ts
 * progressBundle({ ...tally, stages: 1, tasks: 8, tasksDone: 2, tasksRunning: 2 }, 3200)["text/plain"];
 * // "Spark [########----------------------] 25%  stages 0/1 · tasks 2/8, 2 running · 3.2 s"
 * ```
 */
export function progressBundle(tally: Tally, elapsedMs: number, sparkUi?: string): ProgressBundle {
  const elapsed = formatDuration(elapsedMs);
  if (!tally.reported) {
    return bundle(`Spark: running… ${elapsed}`, escapeHtml(`Spark: running… ${elapsed}`), sparkUi);
  }
  const fraction = tally.tasks === 0 ? 0 : tally.tasksDone / tally.tasks;
  const filled = Math.round(fraction * BAR_WIDTH);
  const percent = Math.floor(fraction * 100);
  const parts = [
    `stages ${tally.stagesDone}/${tally.stages}`,
    `tasks ${tally.tasksDone}/${tally.tasks}${tally.tasksRunning > 0 ? `, ${tally.tasksRunning} running` : ""}`,
    ...(tally.bytesRead > 0 ? [`${formatBytes(tally.bytesRead)} read`] : []),
    elapsed,
  ];
  const text = `Spark [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${percent}%  ${parts.join(" · ")}`;
  const bar =
    `<span style="display:inline-block;width:16em;height:0.8em;border:1px solid #888;border-radius:3px;overflow:hidden">` +
    `<span style="display:block;height:100%;width:${(fraction * 100).toFixed(1)}%;background:#e25a1c"></span></span>`;
  return bundle(text, `<span>Spark</span>${bar}<span>${escapeHtml(`${percent}%  ${parts.join(" · ")}`)}</span>`, sparkUi);
}

/**
 * The line a cell keeps once its Spark work is over: stages, tasks, what was read, how long.
 * Tasks read "done/total" when an operation did not finish (failed, interrupted, or still
 * running when the cell ended); tasks and bytes read start with "≥" when stages ran after the
 * server's last report (see stageTally.ts).
 *
 * @example
 * ```ts
 * summaryBundle({ ...tally, stages: 3, tasks: 16, bytesRead: 1.2 * 1024 ** 3, rowsRead: 1_000_000 }, 21_500)["text/plain"];
 * // "Spark: 3 stages, 16 tasks, 1,000,000 rows (1.2 GiB) read, 21.5 s"
 * ```
 */
export function summaryBundle(tally: Tally, elapsedMs: number, sparkUi?: string): ProgressBundle {
  const parts: string[] = [];
  if (tally.reported) {
    parts.push(plural(tally.stages, "stage"));
    if (tally.unfinished) parts.push(`${tally.tasksDone}/${plural(tally.tasks, "task")}`);
    else if (!tally.tasksAtLeast) parts.push(plural(tally.tasks, "task"));
    else if (tally.tasks > 0) parts.push(`≥ ${plural(tally.tasks, "task")}`);
  }
  const bytes = tally.bytesRead > 0 ? `${tally.bytesAtLeast ? "≥ " : ""}${formatBytes(tally.bytesRead)}` : undefined;
  if (tally.rowsRead !== undefined) parts.push(`${plural(tally.rowsRead, "row")}${bytes ? ` (${bytes})` : ""} read`);
  else if (bytes) parts.push(`${bytes} read`);
  parts.push(formatDuration(elapsedMs));
  if (tally.unfinished) parts.push("not finished");
  const text = `Spark: ${parts.join(", ")}`;
  return bundle(text, escapeHtml(text), sparkUi);
}

function bundle(text: string, html: string, sparkUi: string | undefined): ProgressBundle {
  // The address was checked as an http(s) URL without user info or query (sparkUi.ts).
  const link = sparkUi ? `<a href="${escapeHtml(sparkUi)}" target="_blank" rel="noopener noreferrer">Spark UI</a>` : "";
  return {
    "text/plain": sparkUi ? `${text} · Spark UI: ${sparkUi}` : text,
    "text/html": `<div style="font-family:monospace;display:flex;align-items:center;gap:0.6em">${html}${link}</div>`,
  };
}

/** `n` and a noun, with digits grouped by thousands and an "s" unless `n` is 1. */
function plural(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}

/** A duration as it reads best: `3.2 s`, `21.5 s`, `4 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 100) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, "0")} min`;
}

/** Bytes in the largest binary unit that keeps the number at least 1 (`"1.2 MiB"`). */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
