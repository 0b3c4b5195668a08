import { expect } from "chai";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "mocha";
import ts from "typescript";

// The public API of this package, class by class, against the public names of PySpark's Spark
// Connect classes in the venv's pyspark. What this package leaves out is listed in the README's
// "API coverage" section with a reason, and what it adds is listed below with a reason; this test
// keeps both lists, and the coverage the README states, true in both directions.

const root = path.resolve(__dirname, "..", "..");

/** PySpark's Connect classes, by the name this package exports the counterpart under. */
const PYSPARK_CLASSES: Readonly<Record<string, string>> = {
  SparkSession: "pyspark.sql.connect.session.SparkSession",
  DataFrame: "pyspark.sql.connect.dataframe.DataFrame",
  DataFrameNaFunctions: "pyspark.sql.connect.dataframe.DataFrameNaFunctions",
  DataFrameStatFunctions: "pyspark.sql.connect.dataframe.DataFrameStatFunctions",
  Column: "pyspark.sql.connect.column.Column",
  GroupedData: "pyspark.sql.connect.group.GroupedData",
  TableValuedFunction: "pyspark.sql.connect.tvf.TableValuedFunction",
  Window: "pyspark.sql.connect.window.Window",
  WindowSpec: "pyspark.sql.connect.window.WindowSpec",
  DataFrameReader: "pyspark.sql.connect.readwriter.DataFrameReader",
  DataFrameWriter: "pyspark.sql.connect.readwriter.DataFrameWriter",
  DataFrameWriterV2: "pyspark.sql.connect.readwriter.DataFrameWriterV2",
  Catalog: "pyspark.sql.connect.catalog.Catalog",
  DataStreamReader: "pyspark.sql.connect.streaming.readwriter.DataStreamReader",
  DataStreamWriter: "pyspark.sql.connect.streaming.readwriter.DataStreamWriter",
  StreamingQuery: "pyspark.sql.connect.streaming.query.StreamingQuery",
  StreamingQueryManager: "pyspark.sql.connect.streaming.query.StreamingQueryManager",
};

/**
 * Public names of this package's classes that their PySpark counterparts lack, each with its
 * reason: mostly PySpark's operators and indexing, which TypeScript spells as methods.
 */
const ADDITIONS: Readonly<Record<string, string>> = {
  "SparkSession.connectionString": "the session's sc:// address with its secrets redacted, for logs",
  "SparkSession.observeOperations": "operation start, progress and end events, which a notebook's progress display needs",
  "SparkSession.sessionId": "camelCase spelling of session_id",
  "SparkSession.setActiveSession": "Scala's SparkSession.setActiveSession: which session getOrCreate hands out",
  "SparkSession.settled":
    "sql() returns before its statement ran (PySpark's blocks): waits for the statements and throws an unseen failure",
  "SparkSession.withTags": "a tag scope per async task, where PySpark keeps tags per thread",
  "DataFrame.col": "PySpark's df['x'] and df.x: TypeScript has no indexing operator to overload",
  "DataFrame.as": "Scala's Dataset.as[U]: declares the rows' TypeScript type (a cast for the compiler, on the same plan)",
  "DataFrame.showString": "the text show() prints, for callers that print elsewhere than the console",
  "DataFrame.explainString": "the text explain() prints, for callers that print elsewhere than the console",
  ...Object.fromEntries(
    Object.entries({
      equalTo: "==",
      notEqual: "!=",
      lt: "<",
      leq: "<=",
      gt: ">",
      geq: ">=",
      plus: "+",
      minus: "-",
      multiply: "*",
      divide: "/",
      mod: "%",
      negate: "unary -",
      and: "&",
      or: "|",
      not: "~",
    }).map(([name, operator]) => [`Column.${name}`, `PySpark's ${operator} operator: TypeScript has no operator overloading`]),
  ),
  "Column.startsWith": "Scala's spelling of startswith",
  "Column.endsWith": "Scala's spelling of endswith",
  "Column.as": "Scala's spelling of alias",
};

/** Classes whose coverage of the non-Python-specific names must reach 95%. */
const REQUIRED = ["DataFrame", "Column", "GroupedData", "DataFrameReader", "DataFrameWriter", "DataFrameWriterV2", "Catalog"];
const MIN_COVERAGE = 0.95;

function pysparkNames(): Record<string, string[]> {
  const python = path.join(process.env.SPARK_TS_VENV ?? path.join(root, ".venv"), "bin", "python");
  const script = [
    "import importlib, json, sys",
    "classes = json.loads(sys.argv[1])",
    "out = {}",
    "for name, dotted in classes.items():",
    "    module, _, attr = dotted.rpartition('.')",
    "    cls = getattr(importlib.import_module(module), attr)",
    "    out[name] = sorted(n for n in dir(cls) if not n.startswith('_'))",
    "print(json.dumps(out))",
  ].join("\n");
  const stdout = execFileSync(python, ["-c", script, JSON.stringify(PYSPARK_CLASSES)], {
    encoding: "utf8",
    timeout: 120_000,
    stdio: ["ignore", "pipe", "ignore"],
  });
  return JSON.parse(stdout) as Record<string, string[]>;
}

function isInternal(declaration: ts.Declaration): boolean {
  return ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === "internal");
}

function isPublic(symbol: ts.Symbol): boolean {
  if (symbol.name.startsWith("#") || symbol.name === "prototype") return false;
  return (symbol.declarations ?? []).every((d) => {
    const flags = ts.getCombinedModifierFlags(d);
    return !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) && !isInternal(d);
  });
}

/** The public member names (instance and static) of each class the package exports. */
function exportedMembers(): Map<string, Set<string>> {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  const program = ts.createProgram([path.join(root, "src", "index.ts")], config?.options ?? {});
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(path.join(root, "src", "index.ts"));
  const moduleSymbol = entry && checker.getSymbolAtLocation(entry);
  if (!moduleSymbol) throw new Error("cannot read the exports of src/index.ts");
  const members = new Map<string, Set<string>>();
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.find(ts.isClassDeclaration);
    if (!declaration) continue;
    const instance = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol));
    const statics = checker.getPropertiesOfType(checker.getTypeOfSymbolAtLocation(symbol, declaration));
    members.set(exported.name, new Set([...instance, ...statics].filter(isPublic).map((s) => s.name)));
  }
  return members;
}

interface Exclusion {
  readonly className: string;
  readonly name: string;
  readonly pythonSpecific: boolean;
}

/**
 * The README's list of names left out: bullets such as
 * "- `DataFrame.toPandas`, `DataFrame.pandas_api`: pandas is Python's" under a heading that says
 * whether they are Python-specific ("### Python-specific") or not done yet ("### Not yet").
 */
function readmeExclusions(): Exclusion[] {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("API coverage"));
  if (!section) throw new Error('README.md has no "## API coverage" section');
  const exclusions: Exclusion[] = [];
  let pythonSpecific: boolean | undefined;
  for (const line of section.split("\n")) {
    if (line.startsWith("### ")) pythonSpecific = /python/i.test(line);
    if (!line.startsWith("- `") || pythonSpecific === undefined) continue;
    const reasonAt = line.indexOf("`:");
    if (reasonAt < 0 || line.slice(reasonAt + 2).trim() === "") throw new Error(`README API coverage line without a reason: ${line}`);
    // The names come before the reason; the reason may name other things.
    const names = [...line.slice(0, reasonAt + 1).matchAll(/`(\w+)\.(\w+)`/g)];
    for (const [, className, name] of names) exclusions.push({ className: className, name: name, pythonSpecific });
  }
  return exclusions;
}

/**
 * The classes the README says are below 100% of their non-Python-specific names, with the counts
 * it gives: "every class is at 100% of those names except `DataFrame` (109 of 112) and ...".
 */
function readmeCoverage(): Record<string, string> {
  // The sentence may wrap anywhere.
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8").replace(/\s+/g, " ");
  const claim = /every class is at 100% of those names except (.*?)\.( |$)/.exec(readme);
  if (!claim) throw new Error('README.md does not state the coverage ("every class is at 100% of those names except ...")');
  return Object.fromEntries(
    [...claim[1].matchAll(/`(\w+)` \((\d+) of (\d+)\)/g)].map(([, className, covered, of]) => [className, `${covered} of ${of}`]),
  );
}

describe("API coverage against PySpark's Connect classes", () => {
  let pyspark: Record<string, string[]>;
  let ours: Map<string, Set<string>>;
  let excluded: Exclusion[];

  before(function () {
    this.timeout(180_000);
    pyspark = pysparkNames();
    ours = exportedMembers();
    excluded = readmeExclusions();
  });

  const listed = (className: string, name: string) => excluded.find((e) => e.className === className && e.name === name);

  it("reaches, class by class, the coverage of non-Python-specific names that the README states", () => {
    const below = Object.keys(PYSPARK_CLASSES).flatMap((className) => {
      const relevant = (pyspark[className] ?? []).filter((n) => !listed(className, n)?.pythonSpecific);
      const covered = relevant.filter((n) => ours.get(className)?.has(n)).length;
      return covered < relevant.length ? [[className, `${covered} of ${relevant.length}`] as const] : [];
    });
    expect(Object.fromEntries(below), "classes below 100%, as counted against the README's figures").to.deep.equal(readmeCoverage());
  });

  it("exports a class for each PySpark class", () => {
    expect(Object.keys(PYSPARK_CLASSES).filter((c) => !ours.has(c))).to.deep.equal([]);
  });

  it("has or lists with a reason every public name of PySpark's classes", () => {
    const unaccounted = Object.entries(pyspark).flatMap(([className, names]) =>
      names.filter((n) => !ours.get(className)?.has(n) && !listed(className, n)).map((n) => `${className}.${n}`),
    );
    expect(unaccounted, "names neither implemented nor listed in the README").to.deep.equal([]);
  });

  it("lists only names PySpark has and this package lacks", () => {
    const stale = excluded
      .filter((e) => !(pyspark[e.className] ?? []).includes(e.name) || ours.get(e.className)?.has(e.name))
      .map((e) => `${e.className}.${e.name}`);
    expect(stale, "README entries to remove").to.deep.equal([]);
  });

  it("has no public name beyond PySpark's but the additions listed with a reason", () => {
    const unlisted = Object.keys(PYSPARK_CLASSES).flatMap((className) =>
      [...(ours.get(className) ?? [])]
        .filter((n) => !(pyspark[className] ?? []).includes(n) && !(`${className}.${n}` in ADDITIONS))
        .map((n) => `${className}.${n}`),
    );
    expect(unlisted, "public names PySpark's classes lack, to list in ADDITIONS with a reason").to.deep.equal([]);
  });

  it("lists as additions only names this package has and PySpark lacks", () => {
    const stale = Object.keys(ADDITIONS).filter((entry) => {
      const [className, name] = entry.split(".") as [string, string];
      return !ours.get(className)?.has(name) || (pyspark[className] ?? []).includes(name);
    });
    expect(stale, "ADDITIONS entries to remove").to.deep.equal([]);
  });

  it(`covers at least ${MIN_COVERAGE * 100}% of the non-Python-specific names of the main classes`, () => {
    const low = REQUIRED.map((className) => {
      const relevant = (pyspark[className] ?? []).filter((n) => !listed(className, n)?.pythonSpecific);
      const covered = relevant.filter((n) => ours.get(className)?.has(n)).length;
      return { className, share: relevant.length === 0 ? 1 : covered / relevant.length };
    }).filter((c) => c.share < MIN_COVERAGE);
    expect(low).to.deep.equal([]);
  });
});
