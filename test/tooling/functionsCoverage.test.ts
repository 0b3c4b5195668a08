import { expect } from "chai";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "mocha";
import * as F from "../../src/sql/functions";

const root = path.resolve(__dirname, "..", "..");

/**
 * The names of `pyspark.sql.functions` this client leaves out, each for a reason of its own:
 * they need a Python runtime on the server side (UDFs written in Python), or are Python classes.
 */
export const EXCLUDED: Readonly<Record<string, string>> = {
  udf: "a Python UDF runs Python code in Spark's Python workers",
  pandas_udf: "a pandas UDF runs Python code in Spark's Python workers",
  arrow_udf: "an Arrow UDF runs Python code in Spark's Python workers",
  udtf: "a Python UDTF runs Python code in Spark's Python workers",
  arrow_udtf: "an Arrow UDTF runs Python code in Spark's Python workers",
  UserDefinedFunction: "the Python class behind udf()",
  UserDefinedTableFunction: "the Python class behind udtf()",
  PandasUDFType: "a Python enum of pandas UDF kinds",
  ArrowUDFType: "a Python enum of Arrow UDF kinds",
  AnalyzeArgument: "a Python UDTF analyze() helper class",
  AnalyzeResult: "a Python UDTF analyze() helper class",
  OrderingColumn: "a Python UDTF analyze() helper class",
  PartitioningColumn: "a Python UDTF analyze() helper class",
  SelectedColumn: "a Python UDTF analyze() helper class",
  SkipRestOfInputTableException: "an exception a Python UDTF raises",
};

// Public functions PySpark has outside `__all__` (deprecated camelCase aliases and a few more).
const EXTRA_PYSPARK_FUNCTIONS = [
  "approxCountDistinct",
  "bitwiseNOT",
  "countDistinct",
  "shiftLeft",
  "shiftRight",
  "shiftRightUnsigned",
  "sumDistinct",
  "toDegrees",
  "toRadians",
  "chr",
  "random",
  "uuid",
];

function pysparkFunctionNames(): string[] {
  const python = path.join(process.env.SPARK_TS_VENV ?? path.join(root, ".venv"), "bin", "python");
  const script = "import json, pyspark.sql.functions as F; print(json.dumps(list(F.__all__)))";
  return JSON.parse(execFileSync(python, ["-c", script], { encoding: "utf8", timeout: 60_000 })) as string[];
}

describe("functions module coverage of pyspark.sql.functions", () => {
  it("exports every PySpark function except the Python-only ones listed with a reason", function () {
    this.timeout(60_000);
    const names = [...new Set([...pysparkFunctionNames(), ...EXTRA_PYSPARK_FUNCTIONS])];
    const wanted = names.filter((name) => !(name in EXCLUDED));
    const exported = F as unknown as Record<string, unknown>;
    const missing = wanted.filter((name) => typeof exported[name] !== "function");
    const covered = wanted.length - missing.length;
    console.log(
      `      functions coverage: ${covered}/${wanted.length} non-excluded PySpark functions ` +
        `(${((100 * covered) / wanted.length).toFixed(1)}%), ${names.length - wanted.length} excluded as Python-only`,
    );
    expect(missing, "PySpark functions missing from src/sql/functions").to.deep.equal([]);
  });

  it("excludes only names PySpark really has", function () {
    this.timeout(60_000);
    const names = new Set(pysparkFunctionNames());
    expect(Object.keys(EXCLUDED).filter((name) => !names.has(name))).to.deep.equal([]);
  });
});
