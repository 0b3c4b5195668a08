// A progress bar for running Spark work, as a mime bundle: plain text, and HTML with inline
// styles only (Jupyter sanitizes <style> elements).
import escapeHtml from "escape-html";

/** One stage of a running operation, as the server reports it. */
export interface StageProgress {
  readonly stageId: number;
  readonly numTasks: number;
  readonly numCompletedTasks: number;
  readonly inputBytesRead: number;
  readonly done: boolean;
}

/**
 * The bar for the given stages (or only the elapsed time, when the server sends no progress).
 *
 * @example
 * ```ts
 * progressBundle([{ stageId: 1, numTasks: 8, numCompletedTasks: 2, inputBytesRead: 0, done: false }], 3200)["text/plain"];
 * // "Spark [#######-----------------------] 25%  stages 0/1 · tasks 2/8 · 3.2 s"
 * ```
 */
export function progressBundle(stages: readonly StageProgress[] | undefined, elapsedMs: number): Record<string, string> {
  const elapsed = `${(elapsedMs / 1000).toFixed(elapsedMs < 10_000 ? 1 : 0)} s`;
  if (!stages || stages.length === 0) {
    const text = `Spark: running… ${elapsed}`;
    return { "text/plain": text, "text/html": `<div style="font-family:monospace">${escapeHtml(text)}</div>` };
  }
  const tasks = stages.reduce((n, s) => n + s.numTasks, 0);
  const done = stages.reduce((n, s) => n + s.numCompletedTasks, 0);
  const bytes = stages.reduce((n, s) => n + s.inputBytesRead, 0);
  const stagesDone = stages.filter((s) => s.done).length;
  const fraction = tasks === 0 ? 0 : done / tasks;
  const width = 30;
  const filled = Math.round(fraction * width);
  const parts = [
    `stages ${stagesDone}/${stages.length}`,
    `tasks ${done}/${tasks}`,
    ...(bytes > 0 ? [`${formatBytes(bytes)} read`] : []),
    elapsed,
  ];
  const text = `Spark [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor(fraction * 100)}%  ${parts.join(" · ")}`;
  const percent = (fraction * 100).toFixed(1);
  const html =
    `<div style="font-family:monospace;display:flex;align-items:center;gap:0.6em">` +
    `<span>Spark</span>` +
    `<span style="display:inline-block;width:16em;height:0.8em;border:1px solid #888;border-radius:3px;overflow:hidden">` +
    `<span style="display:block;height:100%;width:${percent}%;background:#e25a1c"></span></span>` +
    `<span>${escapeHtml(`${Math.floor(fraction * 100)}%  ${parts.join(" · ")}`)}</span></div>`;
  return { "text/plain": text, "text/html": html };
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
