// What each cell ran as, kept so that errors can point at the cell's own lines: the text the user
// wrote, the TypeScript it became (a `%%sql` cell is translated), the diagnostics of that
// TypeScript, and the JavaScript tslab made of it.
//
// tslab runs every cell under one script name, `evalmachine.<anonymous>`, so a stack could not say
// which cell a frame is in. The converter wrapper below ends each cell's JavaScript with a
// `//# sourceURL=` comment naming the cell (`In[4]`, as Jupyter labels it), which V8 uses as the
// script's name in stacks; the frame's line and column are then traced back through the emitted
// code (emittedPositions.ts) and the `%%sql` translation to the cell.
import type { Converter, ConvertResult } from "tslab/dist/converter";
import type { CellDiagnostic } from "./cellDiagnostics";
import type { ErrorSources, FramePlace } from "./errorContent";
import { emittedPositions, type EmittedPositions } from "./emittedPositions";
import { isSqlMagic, sqlCellSource, type SqlCellSource } from "./sqlMagic";
import { TextLines } from "./textLines";

/** How tslab's executor wraps a cell's JavaScript before it runs it (tslab/dist/executor.js). */
const WRAPPER = { sync: "(function(exports, require) { ", async: "(async function(exports, require) { " };
const WRAPPER_END = "\n})(__tslab__.exports, __tslab__.require)";

/** One run of a cell. */
export class CellRecord {
  /** Jupyter's label of the cell, `In[4]`; also its script name, with `#2`... when a count ran again. */
  readonly label: string;
  readonly lines: TextLines;
  /** The TypeScript the cell ran as (the cell itself unless it is a `%%sql` cell). */
  readonly source: string;
  /** Set by the converter: the diagnostics when the cell did not compile. */
  diagnostics: readonly CellDiagnostic[] | undefined;
  #script: TextLines | undefined;
  #code: { start: number; end: number } | undefined;
  #positions: EmittedPositions | undefined;

  constructor(
    readonly name: string,
    readonly count: number,
    readonly text: string,
    readonly sql: SqlCellSource | undefined,
  ) {
    this.label = `In[${count}]`;
    this.lines = new TextLines(text);
    this.source = sql ? sql.typescript : text;
  }

  /** The cell offset an offset of {@link source} came from. */
  toCell(offset: number): number {
    return this.sql ? this.sql.toCell(offset) : Math.min(offset, this.text.length);
  }

  /** Notes the JavaScript the cell runs as (what the executor runs, wrapper included). */
  compiled(output: string, async: boolean): void {
    const wrapper = async ? WRAPPER.async : WRAPPER.sync;
    this.#script = new TextLines(wrapper + output + WRAPPER_END);
    this.#code = { start: wrapper.length, end: wrapper.length + output.length };
    this.#positions = undefined;
  }

  /** Whether a line and column of the running script are in tslab's wrapper around the cell's code (the kernel's frame, not the cell's). */
  inWrapper(line: number, column: number): boolean {
    if (this.#script === undefined || this.#code === undefined) return false;
    const offset = this.#script.offset(line, column);
    return offset !== undefined && (offset < this.#code.start || offset >= this.#code.end);
  }

  /** The cell's place (1-based) of a line and column of its running script, if it can be traced. */
  place(line: number, column: number): { line: number; column: number } | undefined {
    if (this.#script === undefined) return undefined;
    this.#positions ??= emittedPositions(this.source, this.#script.text);
    const offset = this.#script.offset(line, column);
    const source = offset === undefined ? undefined : this.#positions.toSource(offset);
    return source === undefined ? undefined : this.lines.position(this.toCell(source));
  }
}

/** Cells kept for tracing frames of functions they defined; the oldest go first past this many. */
const KEPT = 500;

/** The runs of cells of one kernel, by script name. */
export class CompiledCells {
  readonly #runs = new Map<string, CellRecord>();
  readonly #perCount = new Map<number, number>();
  #pending: CellRecord | undefined;

  /**
   * Starts a run of `text` as cell `count`: the record whose {@link CellRecord.source} is to be
   * executed next. Throws SqlMagicError for a `%%sql` cell that cannot run.
   */
  begin(text: string, count: number): CellRecord {
    const sql = isSqlMagic(text) ? sqlCellSource(text) : undefined;
    const runs = (this.#perCount.get(count) ?? 0) + 1;
    this.#perCount.set(count, runs);
    const record = new CellRecord(runs === 1 ? `In[${count}]` : `In[${count}]#${runs}`, count, text, sql);
    this.#pending = record;
    return record;
  }

  /** The record of the cell whose code ran under script name `name`. */
  find(name: string): CellRecord | undefined {
    return this.#runs.get(name);
  }

  /** For the converter: the record of `src` when it is the cell begun last, taken off the pending slot. */
  takePending(src: string): CellRecord | undefined {
    const record = this.#pending;
    if (!record || record.source !== src) return undefined;
    this.#pending = undefined;
    return record;
  }

  /** What errors of the running cell `running` are traced back to cells with (errorContent.ts). */
  sources(running: CellRecord | undefined): ErrorSources {
    const sql = running?.sql;
    return {
      framePlace: (script, line, column) => {
        const record = this.find(script) ?? (running?.name === script ? running : undefined);
        if (!record || (line !== undefined && column !== undefined && record.inWrapper(line, column))) return undefined;
        const place = line !== undefined && column !== undefined ? record.place(line, column) : undefined;
        return { cell: record === running ? "" : record.label, lines: record.lines, ...place };
      },
      query:
        running && sql
          ? {
              text: sql.magic.query,
              place: (offset): FramePlace => ({ cell: "", lines: running.lines, ...running.lines.position(sql.queryToCell(offset)) }),
            }
          : undefined,
    };
  }

  /** Keeps `record` for frames in its code, from later cells too. */
  keep(record: CellRecord): void {
    this.#runs.set(record.name, record);
    for (const name of this.#runs.keys()) {
      if (this.#runs.size <= KEPT) break;
      this.#runs.delete(name);
    }
  }
}

/** The cells of this kernel process: the runner begins them, the kernel's converter completes them. */
export const kernelCells = new CompiledCells();

/**
 * `converter`, noting what each begun cell compiled to in `cells`: its diagnostics (in full when
 * the converter gives them so, see kernelConverter.ts), or its JavaScript, which it ends with the
 * cell's script name.
 */
export function withCellScripts(converter: Converter, cells: CompiledCells = kernelCells): Converter {
  return Object.assign(Object.create(converter) as Converter, {
    convert(prevDecl: string, src: string): ConvertResult {
      const result = converter.convert(prevDecl, src);
      const record = cells.takePending(src);
      if (result.diagnostics.length) {
        if (record) record.diagnostics = result.diagnostics.map((d) => ({ details: [], related: [], ...d }));
        return result;
      }
      if (!record || !result.output) return result;
      const output = `${result.output}\n//# sourceURL=${record.name}`;
      record.compiled(output, !!result.hasToplevelAwait);
      cells.keep(record);
      return { ...result, output };
    },
  });
}
