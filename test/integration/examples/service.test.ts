import { expect } from "chai";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { after, before, describe, it } from "mocha";
import { expectedServerVersion, serverAtLeast, sparkRemote } from "../../support/spark";

const root = path.resolve(__dirname, "..", "..", "..");

describe("the HTTP service example (examples/service)", function () {
  this.timeout(120_000);
  let child: ChildProcess;
  let base: string;
  let output = "";

  before(async () => {
    child = spawn(
      process.execPath,
      [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "examples", "service", "server.ts")],
      {
        cwd: root,
        env: { ...process.env, SPARK_REMOTE: sparkRemote(), PORT: "0", HOST: "127.0.0.1" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 90_000;
    while (!/listening on (http:\/\/\S+),/.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the service did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    base = /listening on (http:\/\/\S+),/.exec(output)![1]!;
  });

  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
  });

  async function call(method: string, route: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(base + route, {
      method,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it("listens on loopback and says which Spark it talks to", async () => {
    expect(base).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { status, json } = await call("GET", "/health");
    expect(status).to.equal(200);
    expect(json).to.deep.equal({ status: "ok", spark: expectedServerVersion() });
  });

  it("answers a query with columns and rows, bigints as exact strings", async () => {
    const { status, json } = await call("POST", "/query", { sql: "SELECT id, id * 9007199254740993 AS big, 'x' AS s FROM range(2)" });
    expect(status).to.equal(200);
    expect(json).to.deep.equal({
      columns: ["id", "big", "s"],
      rows: [
        { id: "0", big: "0", s: "x" },
        { id: "1", big: "9007199254740993", s: "x" },
      ],
      truncated: false,
    });
  });

  it("binds parameters as typed literals", async () => {
    const named = await call("POST", "/query", { sql: "SELECT :n + 1 AS n, :s AS s", params: { n: 41, s: "it's" } });
    expect(named.json.rows).to.deep.equal([{ n: 42, s: "it's" }]);
    const positional = await call("POST", "/query", { sql: "SELECT ? AS a", params: [true] });
    expect(positional.json.rows).to.deep.equal([{ a: true }]);
  });

  it("caps the rows and says the answer was cut", async () => {
    const { json } = await call("POST", "/query", { sql: "SELECT id FROM range(100)", maxRows: 3 });
    expect((json.rows as unknown[]).length).to.equal(3);
    expect(json.truncated).to.equal(true);
  });

  it("turns a Spark error into a 400 with Spark's error class and SQLSTATE", async () => {
    const { status, json } = await call("POST", "/query", { sql: "SELECT * FROM no_such_table" });
    expect(status).to.equal(400);
    expect(json.errorClass).to.equal("TABLE_OR_VIEW_NOT_FOUND");
    // Spark 3.5 servers send no SQLSTATE for this error.
    if (await serverAtLeast("4.0")) expect(json.sqlState).to.equal("42P01");
  });

  it("refuses malformed requests and unknown routes", async () => {
    expect((await call("POST", "/query", "{not json")).status).to.equal(400);
    expect((await call("POST", "/query", { sql: "" })).status).to.equal(400);
    expect((await call("POST", "/query", { sql: "SELECT 1", maxRows: -1 })).status).to.equal(400);
    expect((await call("GET", "/nope")).status).to.equal(404);
  });

  it("lists the session's tables", async () => {
    await call("POST", "/query", { sql: "CREATE OR REPLACE TEMP VIEW service_view AS SELECT 1 AS x" });
    const { json } = await call("GET", "/tables");
    expect(json).to.deep.include({ name: "service_view", type: "TEMPORARY", temporary: true });
  });

  it("stops gracefully on SIGTERM", async () => {
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    expect(await exited).to.equal(0);
  });
});
