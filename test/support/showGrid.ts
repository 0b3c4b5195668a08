/**
 * The cells of a grid in `show()`'s shape (Spark's `showString`, or this package's text table),
 * trimmed, row by row, the header row first.
 *
 * @example
 * ```ts
 * showCells("+---+\n| id|\n+---+\n|  1|\n+---+\n"); // [["id"], ["1"]]
 * ```
 */
export function showCells(grid: string): string[][] {
  return grid
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    );
}
