import { expect } from "chai";
import net from "node:net";
import { describe, it } from "mocha";
import {
  AnalysisException,
  ArithmeticException,
  ParseException,
  SparkConnectError,
  SparkConnectionError,
  SparkSession,
} from "../../../src";
import { requireSpark, useSession } from "../../support/spark";

async function failure(promise: Promise<unknown>): Promise<SparkConnectError> {
  const outcome = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(outcome, "expected the call to fail").to.be.instanceOf(SparkConnectError);
  return outcome as SparkConnectError;
}

describe("Spark errors", () => {
  const spark = useSession();

  it("reports a missing table as an AnalysisException with Spark's error class, SQL state and parameters", async function () {
    await requireSpark(this, "4.0", "structured error details (parameters, query contexts) and ANSI by default");
    const err = await failure(spark.sql("SELECT * FROM missing_table_xyz"));
    expect(err).to.be.instanceOf(AnalysisException);
    expect(err.errorClass).to.equal("TABLE_OR_VIEW_NOT_FOUND");
    expect(err.sqlState).to.equal("42P01");
    expect(err.messageParameters).to.have.property("relationName", "`missing_table_xyz`");
    expect(err.message).to.match(/^\[TABLE_OR_VIEW_NOT_FOUND\] The table or view `missing_table_xyz` cannot be found/);
  });

  it("reports bad syntax as a ParseException, which is also an AnalysisException", async function () {
    await requireSpark(this, "4.0", "structured error details (parameters, query contexts) and ANSI by default");
    const err = await failure(spark.sql("SELEC 1"));
    expect(err).to.be.instanceOf(ParseException);
    expect(err).to.be.instanceOf(AnalysisException);
    expect(err.errorClass).to.equal("PARSE_SYNTAX_ERROR");
    expect(err.sqlState).to.equal("42601");
  });

  it("reports a division by zero under ANSI mode as an ArithmeticException raised by the job", async function () {
    await requireSpark(this, "4.0", "structured error details (parameters, query contexts) and ANSI by default");
    await spark.conf.set("spark.sql.ansi.enabled", true);
    const err = await failure((await spark.sql("SELECT 1 / (id - id) AS boom FROM range(1)")).collect());
    expect(err).to.be.instanceOf(ArithmeticException);
    expect(err.errorClass).to.equal("DIVIDE_BY_ZERO");
    expect(err.sqlState).to.equal("22012");
  });

  it("reports an unresolved column with the query context that points at it", async function () {
    await requireSpark(this, "4.0", "structured error details (parameters, query contexts) and ANSI by default");
    const err = await failure(spark.sql("SELECT nope FROM range(1)"));
    expect(err.errorClass).to.equal("UNRESOLVED_COLUMN.WITH_SUGGESTION");
    expect(err.messageParameters).to.have.property("objectName", "`nope`");
    expect(err.queryContexts.map((c) => c.fragment)).to.include("nope");
  });
});

describe("connection failures", () => {
  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  it("name the address they could not reach and never the token", async () => {
    const port = await closedPort();
    const secret = "tok-do-not-print-7f3a";
    const spark = await SparkSession.builder.remote(`sc://127.0.0.1:${port}/;token=${secret}`).create();
    const err = await failure(spark.version);
    expect(err).to.be.instanceOf(SparkConnectionError);
    expect(err.message).to.include(`127.0.0.1:${port}`);
    expect(err.message).not.to.include(secret);
    expect(String(err.stack)).not.to.include(secret);
    expect(JSON.stringify(err)).not.to.include(secret);
    await spark.stop().catch(() => undefined);
  });
});
