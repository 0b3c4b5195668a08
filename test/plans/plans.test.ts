import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import {
  Catalog,
  Column,
  DataFrame,
  DataFrameNaFunctions,
  DataFrameReader,
  DataFrameStatFunctions,
  DataFrameWriter,
  DataFrameWriterV2,
  DataStreamReader,
  DataStreamWriter,
  GroupedData,
  MergeIntoWriter,
  RuntimeConfig,
  SparkSession,
  StreamingQueryManager,
  TableValuedFunction,
  Window,
  WindowSpec,
} from "../../src";
import { runPySpark } from "../support/pyspark";
import { canonicalOurs, canonicalTheirs, planText, RecordingSession, type PySparkBuilt } from "./capture";
import { ACTION_CASES, SESSION_CASES } from "./cases/actions";
import { COLUMN_CASES } from "./cases/column";
import { DATAFRAME_CASES } from "./cases/dataframe";
import { FUNCTION_CASES } from "./cases/functions";
import { GROUPING_CASES, NA_CASES, STAT_CASES } from "./cases/grouping";
import { READER_CASES, WRITER_CASES } from "./cases/io";
import type { Bases, PlanCase } from "./cases/planCase";

// The same programs in this client and in PySpark's Connect client (the venv's pyspark), without
// a server: both build plans client-side, and what an action would send is recorded instead of
// sent. Both sides' protobufs are decoded by the same generated code, put in one canonical form
// (see capture.ts) and compared as JSON text, so a failure shows a line diff of the two plans.
// PySpark's plans are made at run time, by one Python process for all cases.

/** The tables of cases, one capability each. */
const TABLES: readonly (readonly [string, readonly PlanCase[]])[] = [
  ["DataFrame transformations", DATAFRAME_CASES],
  ["Column operators and methods", COLUMN_CASES],
  ["GroupedData", GROUPING_CASES],
  ["DataFrameNaFunctions", NA_CASES],
  ["DataFrameStatFunctions", STAT_CASES],
  ["DataFrameReader and DataStreamReader", READER_CASES],
  ["DataFrameWriter, DataFrameWriterV2, DataStreamWriter and MERGE INTO", WRITER_CASES],
  ["Functions", FUNCTION_CASES],
  ["Actions", ACTION_CASES],
  ["Session, configuration and catalog", SESSION_CASES],
];

/** This client's classes whose methods the cases must cover, with their PySpark counterparts. */
const CLASSES: readonly (readonly [string, { readonly prototype: object }, string])[] = [
  ["DataFrame", DataFrame, "pyspark.sql.connect.dataframe.DataFrame"],
  ["Column", Column, "pyspark.sql.connect.column.Column"],
  ["GroupedData", GroupedData, "pyspark.sql.connect.group.GroupedData"],
  ["DataFrameNaFunctions", DataFrameNaFunctions, "pyspark.sql.connect.dataframe.DataFrameNaFunctions"],
  ["DataFrameStatFunctions", DataFrameStatFunctions, "pyspark.sql.connect.dataframe.DataFrameStatFunctions"],
  ["DataFrameReader", DataFrameReader, "pyspark.sql.connect.readwriter.DataFrameReader"],
  ["DataFrameWriter", DataFrameWriter, "pyspark.sql.connect.readwriter.DataFrameWriter"],
  ["DataFrameWriterV2", DataFrameWriterV2, "pyspark.sql.connect.readwriter.DataFrameWriterV2"],
  ["DataStreamReader", DataStreamReader, "pyspark.sql.connect.streaming.readwriter.DataStreamReader"],
  ["DataStreamWriter", DataStreamWriter, "pyspark.sql.connect.streaming.readwriter.DataStreamWriter"],
  ["MergeIntoWriter", MergeIntoWriter, "pyspark.sql.connect.merge.MergeIntoWriter"],
  ["Window", Window, "pyspark.sql.connect.window.Window"],
  ["WindowSpec", WindowSpec, "pyspark.sql.connect.window.WindowSpec"],
  ["TableValuedFunction", TableValuedFunction, "pyspark.sql.connect.tvf.TableValuedFunction"],
  ["Catalog", Catalog, "pyspark.sql.connect.catalog.Catalog"],
  ["RuntimeConfig", RuntimeConfig, "pyspark.sql.connect.conf.RuntimeConf"],
  ["StreamingQueryManager", StreamingQueryManager, "pyspark.sql.connect.streaming.query.StreamingQueryManager"],
  ["SparkSession", SparkSession, "pyspark.sql.connect.session.SparkSession"],
];

/** Methods both clients have that build or send no plan, so no case compares them. */
const NOT_PLANS: Readonly<Record<string, string>> = {
  "DataFrame.executionInfo": "what the last action reported: no request",
  "DataFrame.plot": "PySpark draws its charts with plotly from pandas data: no plan of its own to compare",
  "SparkSession.addTag": "tags are the session's state; requests carry them in fields that are not compared",
  "SparkSession.removeTag": "tags are the session's state",
  "SparkSession.getTags": "tags are the session's state",
  "SparkSession.clearTags": "tags are the session's state",
  "SparkSession.addArtifact": "uploads files (AddArtifacts), not a plan",
  "SparkSession.addArtifacts": "uploads files (AddArtifacts), not a plan",
  "SparkSession.copyFromLocalToFs": "uploads a file (AddArtifacts), not a plan",
  "SparkSession.cloneSession": "CloneSession carries no plan",
  "SparkSession.newSession": "a new session id, no request",
  "SparkSession.stop": "ReleaseSession carries no plan",
  "SparkSession.is_stopped": "the session's state",
  "SparkSession.session_id": "the session's state",
  "SparkSession.builder": "makes sessions, no plan",
  "SparkSession.active": "the process's state",
  "SparkSession.getActiveSession": "the process's state",
  "SparkSession.registerProgressHandler": "progress comes in responses: no request",
  "SparkSession.removeProgressHandler": "progress comes in responses: no request",
  "SparkSession.clearProgressHandlers": "progress comes in responses: no request",
};

/** Case names are unique per table; PySpark's answers are keyed by table and name. */
const key = (table: string, name: string) => `${table} / ${name}`;

const reasonOf = (differs: PlanCase["differs"]) => (typeof differs === "string" ? differs : differs?.reason);

/** Whether this client's class has the member (a method or getter of its instances, or a static one). */
const hasMember = (cls: (typeof CLASSES)[number][1], member: string) =>
  member in cls.prototype || Object.prototype.hasOwnProperty.call(cls, member);

describe("plans checked against PySpark's Connect client, without a server", () => {
  let recording: RecordingSession;
  let bases: Bases;
  let theirs: Record<string, PySparkBuilt>;
  let pysparkNames: Record<string, string[]>;

  before(async function () {
    // One Python process builds every case's plan; its start (a second or two) is most of it.
    this.timeout(120_000);
    recording = new RecordingSession();
    const { spark } = recording;
    bases = {
      spark,
      people: spark.table("people"),
      depts: spark.table("depts"),
      nums: spark.range(10),
      files: spark.read.parquet("data/events"),
    };
    const cases = TABLES.flatMap(([table, list]) => list.map(({ name, py }) => ({ name: key(table, name), py })));
    const classes = Object.fromEntries(CLASSES.map(([name, , dotted]) => [name, dotted]));
    const answer = await runPySpark<{ plans: Record<string, PySparkBuilt>; names: Record<string, string[]> }>("../plans/pysparkPlans.py", {
      cases,
      classes,
    });
    theirs = answer.plans;
    pysparkNames = answer.names;
  });

  after(async () => {
    await recording?.close();
  });

  for (const [table, cases] of TABLES) {
    describe(table, () => {
      for (const testCase of cases) {
        const { name, bug, needsServer, differs } = testCase;
        if (bug) {
          it.skip(`${name} (BUG: ${bug})`);
          continue;
        }
        const title = needsServer
          ? `${name}: not comparable, PySpark needs a server first (${needsServer})`
          : differs
            ? `${name}, but for a known difference: ${reasonOf(differs)}`
            : `${name}: the same plan as PySpark's`;
        it(title, async () => {
          const reference = theirs[key(table, name)];
          if (!reference) throw new Error("PySpark gave no answer for this case");
          if ("error" in reference) throw new Error(`PySpark could not build it: ${reference.error}`);
          const built = await recording.build(() => testCase.ts(bases));
          const pyspark = canonicalTheirs(reference.kind, reference.b64);
          if (needsServer) {
            expect(reference.kind, `PySpark's first request now is its plan; compare it:\n${planText(pyspark)}`).to.be.oneOf([
              "analyze",
              "config",
            ]);
            expect(planText(pyspark), "PySpark's first request").to.not.equal(planText(canonicalOurs(built)));
            return;
          }
          expect(built.kind, "what was built or sent").to.equal(reference.kind);
          const ours = canonicalOurs(built);
          if (differs) {
            expect(planText(ours), "the plans are now the same: drop the differs mark").to.not.equal(planText(pyspark));
            if (typeof differs !== "string" && differs.undo)
              expect(planText(differs.undo(ours)), "after undoing the stated difference").to.equal(planText(pyspark));
          } else {
            expect(planText(ours)).to.equal(planText(pyspark));
          }
        });
      }
    });
  }

  describe("coverage of the classes", () => {
    const all = TABLES.flatMap(([, cases]) => cases);
    // Both sides of the cases: the Python text, and the TypeScript programs' own source.
    const pyPrograms = all.map((c) => c.py).join("\n");
    const tsPrograms = all.map((c) => c.ts.toString()).join("\n");
    const calls = (programs: string, member: string) => new RegExp(`\\.${member}\\b`).test(programs);

    for (const [name, cls] of CLASSES) {
      it(`a case calls every method of ${name} that PySpark has too, on both sides, or it builds no plan`, () => {
        const shared = (pysparkNames[name] ?? []).filter((member) => hasMember(cls, member));
        expect(shared, "PySpark's names of the class").to.not.have.lengthOf(0);
        const uncovered = shared.filter(
          (member) => !NOT_PLANS[`${name}.${member}`] && !(calls(pyPrograms, member) && calls(tsPrograms, member)),
        );
        expect(uncovered, "methods no case calls").to.deep.equal([]);
      });
    }

    it("says why only for methods that both clients have", () => {
      const stale = Object.keys(NOT_PLANS).filter((entry) => {
        const [name, member] = entry.split(".") as [string, string];
        const cls = CLASSES.find(([n]) => n === name)?.[1];
        return !cls || !hasMember(cls, member) || !(pysparkNames[name] ?? []).includes(member);
      });
      expect(stale, "entries of NOT_PLANS to remove").to.deep.equal([]);
    });
  });
});
