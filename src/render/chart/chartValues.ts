// JS values of Spark results as chart data: JSON numbers where Vega computes, ISO text for dates,
// and a note whenever a number could not be kept exactly (bigint and decimal beyond 2^53 / 15
// significant digits).
import type { ChartValue } from "./chartData";

const MAX_EXACT = 2 ** 53;

/** Converts values, remembering whether any number lost precision. */
export class ChartValueConverter {
  #lossy = new Set<string>();

  /** The chart value for one result value of `column`. */
  convert(column: string, value: unknown): ChartValue {
    if (value === null || value === undefined) return null;
    if (typeof value === "number") return Number.isFinite(value) ? value : null;
    if (typeof value === "bigint") {
      if (value > MAX_EXACT || value < -MAX_EXACT) this.#lossy.add(column);
      return Number(value);
    }
    if (typeof value === "boolean") return value;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
    if (typeof value === "string") return value;
    // LocalDate, LocalDateTime and the like print as ISO text.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- those classes have their own toString
    return String(value);
  }

  /** The chart value of a decimal (an exact string in results) as a number, noting lost digits. */
  decimal(column: string, value: string | null): number | null {
    if (value === null) return null;
    const digits = value.replace(/^-|\.|^0+|(?<=\.\d*?)0+$/g, "").replace(/^0+/, "");
    if (digits.length > 15) this.#lossy.add(column);
    return Number(value);
  }

  /** A note naming the columns whose values were rounded to JS numbers, if any. */
  get note(): string | undefined {
    if (this.#lossy.size === 0) return undefined;
    return `values of ${[...this.#lossy].join(", ")} were rounded to double precision for drawing`;
  }
}
