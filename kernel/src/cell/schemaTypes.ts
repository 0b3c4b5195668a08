// DataFrames typed from their real schema in later cells. A cell that binds a DataFrame to an
// untyped top-level `const` (and `%%sql name`, which is one) declares it as `DataFrame<Row>`; once
// the cell has run, the kernel asks the DataFrame's schema (AnalyzePlan, cached; never a job) and
// from the next cell on declares it as `DataFrame<TypedRow<{ ...its columns... }>>`, so its rows'
// fields complete and a misspelt one is a type error.
//
// The place to do it is the declarations tslab carries from cell to cell (`prevDecl`, text such as
// `declare const df: import("spark-ts").DataFrame<import("spark-ts").Row>;`), which each
// conversion, completion and inspection reads: only a declaration still of that exact untyped form,
// of a name whose value is still the DataFrame whose schema was asked, is rewritten. A `let` may be
// given another DataFrame later, and a written type is the user's: both are left alone.
import * as ts from "@tslab/typescript-for-tslab";
import type { CompletionInfo, Converter, ConvertResult } from "tslab/dist/converter";
import { typeScriptType, type DataFrame, type StructType } from "spark-ts";
import { isDataFrame } from "../dataFrameValue";

/** A DataFrame a cell bound, and its schema once the server gave it. */
interface Bound {
  readonly value: DataFrame;
  schema?: StructType;
}

/** The row types written for a schema, per module the declarations name the package by. */
const rowTypes = new WeakMap<StructType, Map<string, string>>();

function rowTypeOf(schema: StructType, module: string): string {
  let byModule = rowTypes.get(schema);
  if (!byModule) rowTypes.set(schema, (byModule = new Map<string, string>()));
  let text = byModule.get(module);
  if (text === undefined) byModule.set(module, (text = typeScriptType(schema, { importFrom: module })));
  return text;
}

// tslab's declaration of a const whose type TypeScript inferred as an untyped DataFrame (or the
// PendingDataFrame an unawaited `spark.sql` gives): the package's module named twice, alike.
const UNTYPED_DECLARATION = /^declare const ([A-Za-z_$][\w$]*): import\(("[^"\\]+")\)\.(DataFrame|PendingDataFrame)<import\(\2\)\.Row>;$/gm;

/**
 * The names a cell binds with a top-level `const` and no written type: the only bindings typed
 * from their schema. Destructured names are left out (their values are rarely DataFrames).
 */
export function untypedConstNames(src: string): string[] {
  const file = ts.createSourceFile("cell.ts", src, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.type === undefined) names.push(declaration.name.text);
    }
  }
  return names;
}

/**
 * What the kernel knows of the DataFrames cells bound: noted as a cell converts, learned (their
 * schemas) once it has run, written into the declarations later cells are checked against.
 *
 * @example
 * ```ts
 * const types = new SchemaTypes(() => runner.tslab.locals);
 * const converter = withSchemaTypes(tslabConverter, types);
 * // after a cell ran `const people = await spark.sql("SELECT 'Ada' AS name, 36 AS age")`:
 * await types.learn((df) => df.schema);
 * types.typed(prevDecl);
 * // 'declare const people: import("spark-ts").DataFrame<import("spark-ts").TypedRow<{ name: string; age: number }>>;'
 * ```
 */
export class SchemaTypes {
  /** The names the cell being converted binds untyped, when its declarations name a DataFrame. */
  #noted: readonly string[] = [];
  readonly #bound = new Map<string, Bound>();

  constructor(private readonly locals: () => Readonly<Record<string, unknown>>) {}

  /** Notes what a cell that converted binds (`declOutput`: the declarations after it). */
  noteCell(src: string, declOutput: string | undefined): void {
    // Most cells declare no DataFrame: those are not parsed again.
    this.#noted = declOutput?.includes("DataFrame<") ? untypedConstNames(src) : [];
  }

  /**
   * Asks the schemas of the DataFrames the last cell bound (as `schemaOf` gives them, which may
   * give up: those stay untyped until it answers). Resolves when they are known or given up on.
   */
  async learn(schemaOf: (df: DataFrame) => Promise<StructType | undefined>): Promise<void> {
    const locals = this.locals();
    for (const [name, bound] of this.#bound) if (locals[name] !== bound.value) this.#bound.delete(name);
    const fresh = this.#noted.flatMap((name) => {
      const value = locals[name];
      return isDataFrame(value) && this.#bound.get(name)?.value !== value ? [[name, { value }] as const] : [];
    });
    this.#noted = [];
    for (const [name, bound] of fresh) this.#bound.set(name, bound);
    // Those still without a schema are asked too: an earlier lookup may have given up in time.
    const unknown = [...this.#bound.values()].filter((bound) => !bound.schema);
    await Promise.all(
      unknown.map(async (bound) => {
        const schema = await schemaOf(bound.value).catch(() => undefined);
        if (schema) bound.schema = schema;
      }),
    );
  }

  /** `prevDecl` with the untyped declaration of each DataFrame whose schema is known typed from it. */
  typed(prevDecl: string): string {
    if (this.#bound.size === 0) return prevDecl;
    const locals = this.locals();
    return prevDecl.replace(UNTYPED_DECLARATION, (declaration, name: string, quoted: string, kind: string) => {
      const bound = this.#bound.get(name);
      if (!bound?.schema || locals[name] !== bound.value) return declaration;
      const module = JSON.parse(quoted) as string;
      return `declare const ${name}: import(${quoted}).${kind}<import(${quoted}).TypedRow<${rowTypeOf(bound.schema, module)}>>;`;
    });
  }
}

/**
 * `converter` checking, completing and inspecting cells against the declarations `types` typed,
 * and noting in `types` what each cell binds.
 */
export function withSchemaTypes(converter: Converter, types: SchemaTypes): Converter {
  return Object.assign(Object.create(converter) as Converter, {
    convert(prevDecl: string, src: string): ConvertResult {
      const result = converter.convert(types.typed(prevDecl), src);
      types.noteCell(src, result.diagnostics.length ? undefined : result.declOutput);
      return result;
    },
    complete(prevDecl: string, src: string, position: number): CompletionInfo {
      return converter.complete(types.typed(prevDecl), src, position);
    },
    inspect(prevDecl: string, src: string, position: number): ts.QuickInfo {
      return converter.inspect(types.typed(prevDecl), src, position);
    },
  });
}
