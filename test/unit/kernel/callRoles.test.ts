import path from "node:path";
import { expect } from "chai";
import { describe, it } from "mocha";
import {
  dataFrameArgumentRole,
  functionArgumentRole,
  sessionArgumentRole,
  tableOfSessionChain,
} from "../../../kernel/src/completion/callRoles";
import { columnParameters, namespaceExport, takesColumnName } from "../../../kernel/src/completion/functionParameters";

/** Declaration files in memory, by path. */
function files(entries: Record<string, string>): (file: string) => string | undefined {
  return (file) => entries[path.resolve(file)];
}

const FUNCTIONS = files({
  [path.resolve("/pkg/functions/index.d.ts")]:
    'export * from "./math";\nexport * from "./text";\nexport type { LambdaBody } from "./lambda";\nexport * from "./missing";',
  [path.resolve("/pkg/functions/math.d.ts")]: [
    'import { type Column, type ColumnOrName } from "../column";',
    '/** Sum. @example F.sum("x") */',
    "export declare function sum(col: ColumnOrName): Column;",
    "export declare function greatest(...cols: ColumnOrName[]): Column;",
    "export declare function log(arg1: ColumnOrName | number, arg2?: ColumnOrName): Column;",
    "export declare function get(col: ColumnOrName, index: ColumnOrName | number): Column;",
    "export declare function transform(col: ColumnOrName, f: (x: Column, i: Column) => Column): Column;",
  ].join("\n"),
  [path.resolve("/pkg/functions/text.d.ts")]: [
    "export declare function date_format(date: ColumnOrName, format: string): Column;",
    "export declare function concat_ws(sep: string, ...cols: ColumnOrName[]): Column;",
    "export declare function when<T extends Record<string, Column>>(condition: Column, value: T): Column;",
    "export declare function lpad(col: ColumnOrName, len: number, pad: string): Column;",
    "export declare function lpad(col: ColumnOrName, len: ColumnOrName, pad: ColumnOrName): Column;",
  ].join("\n"),
});

describe("which arguments of the functions take column names", () => {
  const table = columnParameters(path.resolve("/pkg/functions/index.d.ts"), FUNCTIONS);

  it("are the parameters typed with ColumnOrName, alone or in a union, in every re-exported file", () => {
    expect([0, 1].map((i) => takesColumnName(table.get("sum"), i))).to.deep.equal([true, false]);
    expect([0, 1].map((i) => takesColumnName(table.get("log"), i))).to.deep.equal([true, true]);
    expect([0, 1, 2].map((i) => takesColumnName(table.get("date_format"), i))).to.deep.equal([true, false, false]);
    expect(takesColumnName(table.get("when"), 0)).to.equal(false);
  });

  it("include every argument from a rest parameter on", () => {
    expect([0, 1, 5].map((i) => takesColumnName(table.get("greatest"), i))).to.deep.equal([true, true, true]);
    expect([0, 1, 5].map((i) => takesColumnName(table.get("concat_ws"), i))).to.deep.equal([false, true, true]);
  });

  it("add up over overloads, skip function types' own parameters, and read functions named like keywords", () => {
    expect([0, 1, 2].map((i) => takesColumnName(table.get("lpad"), i))).to.deep.equal([true, true, true]);
    expect([0, 1, 2].map((i) => takesColumnName(table.get("transform"), i))).to.deep.equal([true, false, false]);
    expect([0, 1].map((i) => takesColumnName(table.get("get"), i))).to.deep.equal([true, true]);
  });

  it("are found through the package entry's namespace re-export", () => {
    expect(
      namespaceExport(
        'export { a } from "./a";\nexport * as functions from "./sql/functions";\nexport * as other from "./o";',
        "functions",
      ),
    ).to.equal("./sql/functions");
    expect(namespaceExport('export * from "./sql/functions";', "functions")).to.equal(undefined);
  });
});

describe("what a string argument is to its call", () => {
  const table = columnParameters(path.resolve("/pkg/functions/index.d.ts"), FUNCTIONS);

  it("is a column name for the DataFrame and GroupedData methods that take one, at their positions", () => {
    expect(dataFrameArgumentRole([], "select", 3)).to.equal("column");
    expect(dataFrameArgumentRole([], "withColumnRenamed", 0)).to.equal("column");
    expect(dataFrameArgumentRole([], "withColumnRenamed", 1)).to.equal(undefined);
    expect(dataFrameArgumentRole([], "withColumn", 0)).to.equal(undefined);
    expect(dataFrameArgumentRole([{ name: "groupBy", called: true }], "sum", 1)).to.equal("column");
    expect(dataFrameArgumentRole([{ name: "na", called: false }], "drop", 0)).to.equal(undefined);
    expect(dataFrameArgumentRole([{ name: "na", called: false }], "drop", 2)).to.equal("column");
  });

  it("is SQL text for filter, where, selectExpr and expr", () => {
    expect(dataFrameArgumentRole([], "filter", 0)).to.equal("sql");
    expect(dataFrameArgumentRole([], "selectExpr", 2)).to.equal("sql");
    expect(functionArgumentRole(table, "expr", 0)).to.equal("sql");
  });

  it("follows the declarations for functions, and col and column take a name", () => {
    expect(functionArgumentRole(table, "date_format", 0)).to.equal("column");
    expect(functionArgumentRole(table, "date_format", 1)).to.equal(undefined);
    expect(functionArgumentRole(table, "col", 0)).to.equal("column");
    expect(functionArgumentRole(table, "column", 0)).to.equal("column");
  });

  it("is a statement for spark.sql and a table name for spark.table and spark.read.table", () => {
    expect(sessionArgumentRole([], "sql", 0)).to.equal("statement");
    expect(sessionArgumentRole([], "table", 0)).to.equal("table");
    expect(sessionArgumentRole([{ name: "read", called: false }], "table", 0)).to.equal("table");
    expect(sessionArgumentRole([], "range", 0)).to.equal(undefined);
  });

  it("knows the table a chain on the session starts from", () => {
    expect(
      tableOfSessionChain([
        { name: "table", called: true, firstString: "people" },
        { name: "filter", called: true },
      ]),
    ).to.equal("people");
    expect(
      tableOfSessionChain([
        { name: "read", called: false },
        { name: "table", called: true, firstString: "db.t" },
      ]),
    ).to.equal("db.t");
    expect(tableOfSessionChain([{ name: "range", called: true }])).to.equal(undefined);
  });
});
