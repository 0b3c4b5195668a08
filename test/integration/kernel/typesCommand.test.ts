// `spark-ts-kernel types`: the TypeScript interface of a table's or a query's rows, printed by the
// installed command (the built package, run as a shell runs it) from the real server's schema.
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { cli } from "../../support/kernelCommand";
import { sparkRemote, useSession } from "../../support/spark";

describe("the types command of spark-ts-kernel", () => {
  const spark = useSession();
  // A global temp view, which the command's own session sees; the name is this run's own.
  const view = `daily_sales_${process.pid}`;

  before(async () => {
    await spark.sql(
      `CREATE OR REPLACE GLOBAL TEMPORARY VIEW ${view} (region, day, total COMMENT 'in EUR', orders, seen, tax) AS
       SELECT 'EU', DATE'2024-01-02', CAST(12.5 AS DECIMAL(10, 2)), 3L, array(TIMESTAMP'2024-01-02 03:04:05'), named_struct('code', 'x', 'rate', 0.5D)`,
    );
  });

  after(async () => {
    await spark.sql(`DROP VIEW IF EXISTS global_temp.${view}`);
  });

  it("prints a module exporting the interface of a table's rows, named after the table, importing the classes it names, with the columns' comments", async () => {
    const { code, stdout, stderr } = await cli("types", "--remote", sparkRemote(), "--table", `global_temp.${view}`);
    expect(stderr).to.equal("");
    expect(code).to.equal(0);
    expect(stdout).to.equal(
      [
        'import type { LocalDate, Timestamp } from "spark-ts";',
        "",
        `export interface DailySales${process.pid} {`,
        "  region: string;",
        "  day: LocalDate;",
        "  /** in EUR */",
        "  total: string;",
        "  orders: bigint;",
        "  seen: Timestamp[];",
        "  tax: {",
        "    code: string;",
        "    rate: number;",
        "  };",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("prints the interface of a query's rows, named Result or --name, reading the server from SPARK_REMOTE", async () => {
    const query = "SELECT id, CASE WHEN id > 0 THEN id * 2 END AS `twice id`, map('k', id) AS m FROM range(2)";
    const unnamed = await cli("types", query);
    expect(unnamed.code).to.equal(0);
    expect(unnamed.stdout).to.equal(
      ["export interface Result {", "  id: bigint;", '  "twice id": bigint | null;', "  m: Map<string, bigint>;", "}", ""].join("\n"),
    );
    const named = await cli("types", "--name", "Doubled", query);
    expect(named.code).to.equal(0);
    expect(named.stdout.split("\n")[0]).to.equal("export interface Doubled {");
  });

  it("exits 1 with Spark's error class and message, and prints nothing, for a table that does not exist", async () => {
    const { code, stdout, stderr } = await cli("types", "--remote", sparkRemote(), "--table", "no_such_table_types_cli");
    expect(code).to.equal(1);
    expect(stdout).to.equal("");
    expect(stderr).to.match(/^AnalysisException: \[TABLE_OR_VIEW_NOT_FOUND\]/);
  });

  it("exits 2 with the usage for a table and a query together, neither, an empty table name, a name no interface can have, or --table elsewhere", async () => {
    const cases: [string[], string][] = [
      [["types", "--table", "t", "SELECT 1"], "types takes either --table <name> or one query (quote it)"],
      [["types"], "types takes either --table <name> or one query (quote it)"],
      [["types", "SELECT 1", "SELECT 2"], "types takes either --table <name> or one query (quote it)"],
      [["types", "--table", " "], "--table takes a table's name"],
      [["types", "--name", "class", "SELECT 1"], '--name takes a TypeScript identifier for the interface, not "class"'],
      [["types", "--name", "my type", "SELECT 1"], '--name takes a TypeScript identifier for the interface, not "my type"'],
      [["sql", "--table", "t", "SELECT 1"], "--table is an option of types"],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await cli(...args);
      expect(code, args.join(" ")).to.equal(2);
      expect(stdout, args.join(" ")).to.equal("");
      expect(stderr, args.join(" ")).to.include(message).and.to.include("Usage: spark-ts-kernel");
    }
  });
});
