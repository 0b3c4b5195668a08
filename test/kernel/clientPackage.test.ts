// The client as a service author gets it: spark-ts packed, installed alone (--omit=dev) into an
// empty project, and used from CommonJS and from an ES module, with types, against the real server.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";

const root = path.resolve(__dirname, "..", "..");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
const MIB = 2 ** 20;

interface Footprint {
  readonly bytes: number;
  readonly packages: number;
  readonly names: readonly string[];
  readonly installScripts: readonly string[];
  readonly native: readonly string[];
  readonly notebookStack: readonly string[];
}

describe("the client package, spark-ts, installed alone", function () {
  this.timeout(300_000);
  let scratch: string;
  let project: string;

  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "stk-client-"));
    const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", scratch], { cwd: root, encoding: "utf8" })
      .trim()
      .split("\n")
      .at(-1)!;
    project = path.join(scratch, "service");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "a-service", version: "1.0.0", private: true }));
    execFileSync("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error", path.join(scratch, tarball)], {
      cwd: project,
      stdio: "pipe",
    });
  });

  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("brings at most 15 packages and 30 MiB: no notebook stack, no gRPC dependency tree, no install scripts, no native code", () => {
    const out = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'import { measureClientFootprint } from "./scripts/clientFootprint.mjs"; console.log(JSON.stringify(measureClientFootprint()));',
      ],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    const footprint = JSON.parse(out.trim().split("\n").at(-1)!) as Footprint;
    console.log(
      `      ${(footprint.bytes / MIB).toFixed(1)} MiB in ${footprint.packages} packages; install scripts: ${footprint.installScripts.join(", ") || "none"}`,
    );
    expect(footprint.notebookStack).to.deep.equal([]);
    expect(footprint.native).to.deep.equal([]);
    expect(footprint.installScripts).to.deep.equal([]);
    expect(footprint.bytes).to.be.at.most(30 * MIB);
    expect(footprint.packages).to.be.at.most(15);
    expect(footprint.names).to.include.members(["spark-ts", "@bufbuild/protobuf", "apache-arrow"]);
    // grpc-js travels inside spark-ts (dist/connect/grpc.js), without its loader and protobufjs.
    expect(footprint.names.filter((name) => ["@grpc/grpc-js", "@grpc/proto-loader", "protobufjs"].includes(name))).to.deep.equal([]);
  });

  it("runs a query from CommonJS (require) and from an ES module (import, and the functions subpath)", () => {
    const query = "SELECT 6 * 7 AS answer";
    fs.writeFileSync(
      path.join(project, "query.cjs"),
      `const { SparkSession, functions: F } = require("spark-ts");
(async () => {
  const spark = await SparkSession.builder.create();
  const [row] = await (await spark.sql(${JSON.stringify(query)})).select(F.col("answer").plus(1).alias("n")).collect();
  console.log("cjs", row.n);
  await spark.stop();
})();`,
    );
    fs.writeFileSync(
      path.join(project, "query.mjs"),
      `import { SparkSession } from "spark-ts";
import * as F from "spark-ts/functions";
const spark = await SparkSession.builder.create();
const [row] = await (await spark.sql(${JSON.stringify(query)})).select(F.col("answer").minus(1).alias("n")).collect();
console.log("esm", row.n);
await spark.stop();`,
    );
    const run = (file: string) => execFileSync(process.execPath, [file], { cwd: project, env: process.env, encoding: "utf8" }).trim();
    expect(run("query.cjs")).to.equal("cjs 43");
    expect(run("query.mjs")).to.equal("esm 41");
  });

  // Without skipLibCheck: every declaration file of spark-ts is checked, and none may need a
  // package the install lacks (vega and vega-lite are optional peers, not installed here).
  it("type-checks CommonJS and ES module consumers against its declarations (node16 resolution)", () => {
    fs.writeFileSync(
      path.join(project, "typed.cts"),
      `import { SparkSession, functions as F, type Row } from "spark-ts";
export async function answer(spark: SparkSession): Promise<Row[]> { return (await spark.sql("SELECT 1 AS one")).select(F.col("one")).collect(); }
`,
    );
    fs.writeFileSync(
      path.join(project, "typed.mts"),
      `import { SparkSession, type DataFrame } from "spark-ts";
import * as F from "spark-ts/functions";
export const pick = (df: DataFrame): DataFrame => df.select(F.sum("amount"));
export const make = (): Promise<SparkSession> => SparkSession.builder.create();
// A misspelt method must be an error, or the declarations are not being read.
// @ts-expect-error
export const wrong = (df: DataFrame) => df.selectt("x");
`,
    );
    const check = (file: string) =>
      execFileSync(
        process.execPath,
        [
          tsc,
          "--noEmit",
          "--strict",
          "--module",
          "node16",
          "--moduleResolution",
          "node16",
          "--target",
          "es2022",
          "--types",
          "node",
          "--typeRoots",
          path.join(root, "node_modules", "@types"),
          file,
        ],
        {
          cwd: project,
          encoding: "utf8",
        },
      );
    expect(check("typed.cts")).to.equal("");
    expect(check("typed.mts")).to.equal("");
  });

  it("says what to install when a chart is rendered to SVG without vega, and gives specs without it", () => {
    const script = `const { chartSvg } = require("spark-ts");
chartSvg({ mark: "point", data: { values: [{ a: 1 }] }, encoding: { x: { field: "a", type: "quantitative" } } }).then(
  () => console.log("rendered"),
  (err) => console.log(err.message),
);`;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: project, encoding: "utf8" }).trim();
    expect(out).to.match(/^Rendering a chart .* needs the packages vega and vega-lite, optional peers of spark-ts/);
    expect(out).to.include("npm install vega@5 vega-lite@5");
  });
});
