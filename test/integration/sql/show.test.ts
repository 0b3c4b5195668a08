import { expect } from "chai";
import { before, describe, it } from "mocha";
import { runPySpark } from "../../support/pyspark";
import { requireSpark, useSession } from "../../support/spark";

interface ShowCase {
  sql: string;
  n: number;
  truncate: boolean | number;
  vertical: boolean;
  conf?: Record<string, string>;
}

const UTC = { "spark.sql.session.timeZone": "UTC" };

/** Queries whose text output has something to get wrong: widths, Unicode, nulls, nesting, cuts. */
const CASES: ShowCase[] = [
  { sql: "SELECT id, id * 1.5D AS x FROM range(25)", n: 20, truncate: true, vertical: false },
  { sql: "SELECT 'a string longer than twenty characters' AS s, NULL AS n", n: 20, truncate: true, vertical: false },
  { sql: "SELECT 'a string longer than twenty characters' AS s", n: 20, truncate: false, vertical: false },
  { sql: "SELECT 'a string longer than twenty characters' AS s", n: 20, truncate: 7, vertical: false },
  { sql: "SELECT '日本語のテキスト' AS jp, '😀 emoji' AS e, 'e\u0301' AS combining", n: 20, truncate: true, vertical: false },
  {
    sql: "SELECT array(1, 2, NULL) AS xs, map('k', named_struct('a', 1)) AS m, named_struct('x', 1.5D, 'y', NULL) AS st",
    n: 20,
    truncate: true,
    vertical: false,
  },
  {
    sql: "SELECT CAST(1.5 AS DECIMAL(38, 10)) AS d, DATE'2024-02-29' AS day, TIMESTAMP'2024-01-02 03:04:05.123456' AS ts",
    n: 20,
    truncate: true,
    vertical: false,
    conf: UTC,
  },
  { sql: "SELECT id, CAST(id AS STRING) AS s FROM range(3)", n: 2, truncate: true, vertical: true },
  { sql: "SELECT id FROM range(0)", n: 20, truncate: true, vertical: false },
  { sql: "SELECT 1 AS a, 2 AS a", n: 20, truncate: true, vertical: false },
];

describe("DataFrame.show", () => {
  before(async function () {
    await requireSpark(this, "4.0", "the venv's PySpark 4 client as the reference");
  });

  const spark = useSession();
  let expected: string[];
  before(async () => {
    expected = await runPySpark<string[]>("pyspark_show.py", CASES);
  });

  it("prints a grid with a header, right-aligned cells and the 'only showing' note", async () => {
    const text = await (await spark.sql("SELECT id, CAST(id AS STRING) AS s FROM range(3)")).showString(2);
    expect(text).to.equal(
      ["+---+---+", "| id|  s|", "+---+---+", "|  0|  0|", "|  1|  1|", "+---+---+", "only showing top 2 rows"].join("\n"),
    );
  });

  CASES.forEach((c, i) => {
    it(`prints exactly what Spark's own showString prints: ${c.sql.slice(0, 60)} (n=${c.n}, truncate=${c.truncate}, vertical=${c.vertical})`, async () => {
      for (const [key, value] of Object.entries(c.conf ?? {})) await spark.conf.set(key, value);
      const df = await spark.sql(c.sql);
      // showString leaves out the final newline that Spark ends its text with; show() prints one.
      expect(await df.showString(c.n, c.truncate, c.vertical)).to.equal(expected[i].replace(/\n$/, ""));
    });
  });

  it("show() prints the text to the console", async () => {
    const df = spark.range(2);
    const logged: string[] = [];
    const original = console.log;
    console.log = (line: string) => logged.push(line);
    try {
      await df.show();
    } finally {
      console.log = original;
    }
    expect(logged).to.deep.equal([await df.showString()]);
  });

  it("rejects a negative row count before asking the server", async () => {
    const err = await spark
      .range(1)
      .showString(-1)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).to.be.instanceOf(RangeError);
  });
});
