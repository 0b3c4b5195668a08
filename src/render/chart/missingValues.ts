// Vega-Lite leaves out a point whose value is null: a bar is missing, a line breaks or simply ends
// early, and nothing says why. An aggregate is null when every value of its group is (a SUM of
// nulls is NULL in Spark), so a chart of aggregates can lose a group without a trace. These notes
// name what was left out; they go into the chart's subtitle.
import { valueText, type ChartData } from "./chartData";

/** Groups named in a note at most; the rest are counted. */
const NAMED = 3;

const count = (n: number) => n.toLocaleString("en-US");

/** What `y` is called on the chart: `sum(amount)` for an aggregate, else the column's name. */
export function aggregatedName(y: string, agg: string | undefined): string {
  return agg === undefined ? y : `${agg}(${y})`;
}

/**
 * A note for each y column with null values in `data`, which the chart cannot draw: the groups
 * (x, and color when there is one) whose aggregate is null, or how many rows have no y.
 *
 * @example
 * ```ts
 * nullNotes(data, { x: "region", ys: ["amount"], agg: "sum" });
 * // ["sum(amount) is null for 1 of 4 groups (region west), not drawn"]
 * ```
 */
export function nullNotes(
  data: ChartData,
  look: { readonly x: string; readonly ys: readonly string[]; readonly color?: string | undefined; readonly agg?: string | undefined },
): string[] {
  const notes: string[] = [];
  const total = data.rows.length;
  for (const y of look.ys) {
    const missing = data.rows.filter((row) => row[y] === null || row[y] === undefined);
    if (missing.length === 0) continue;
    const name = aggregatedName(y, look.agg);
    if (look.agg === undefined) {
      notes.push(`${name} is null in ${count(missing.length)} of ${count(total)} rows, not drawn`);
      continue;
    }
    const groups = missing
      .slice(0, NAMED)
      .map((row) => valueText(row[look.x]) + (look.color === undefined ? "" : ` / ${valueText(row[look.color])}`));
    const more = missing.length > NAMED ? ", …" : "";
    const by = look.color === undefined ? look.x : `${look.x} / ${look.color}`;
    notes.push(`${name} is null for ${count(missing.length)} of ${count(total)} groups (${by} ${groups.join(", ")}${more}), not drawn`);
  }
  return notes;
}
