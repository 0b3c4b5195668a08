// A small HTTP service that answers SQL queries through spark-ts (the client alone), without Jupyter: the
// other way to use the client (see README.md in this folder).
//
//   SPARK_REMOTE=sc://localhost:15002 PORT=8080 npx tsx examples/service/server.ts
import http from "node:http";
import { AddressInfo } from "node:net";
import { SparkConnectError, SparkSession, type LiteralValue, type Row } from "spark-ts";

/** The most rows one answer carries, whatever the request asks. */
const MAX_ROWS = 10_000;
/** The largest request body accepted. */
const MAX_BODY_BYTES = 64 * 1024;

interface QueryRequest {
  readonly sql: string;
  readonly params?: Readonly<Record<string, LiteralValue>> | readonly LiteralValue[];
  readonly maxRows?: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** JSON of result rows: bigints and decimals as exact strings, dates and timestamps as Spark prints them. */
function jsonRow(row: Row): Record<string, unknown> {
  return JSON.parse(JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))) as Record<
    string,
    unknown
  >;
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `the request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "the request body is not JSON");
  }
}

function queryRequest(body: unknown): QueryRequest {
  const query = body as Partial<QueryRequest> | null;
  if (typeof query?.sql !== "string" || query.sql.trim() === "") throw new HttpError(400, 'the body needs "sql", a non-empty string');
  if (query.maxRows !== undefined && !(Number.isInteger(query.maxRows) && query.maxRows >= 0))
    throw new HttpError(400, '"maxRows" must be a whole number >= 0');
  if (query.params !== undefined && (typeof query.params !== "object" || query.params === null))
    throw new HttpError(400, '"params" must be an object or an array');
  return query as QueryRequest;
}

/** Makes the service: GET /health, GET /tables, POST /query. */
export function createService(spark: SparkSession): http.Server {
  const routes: Record<string, (request: http.IncomingMessage) => Promise<unknown>> = {
    "GET /health": async () => ({ status: "ok", spark: await spark.version }),
    "GET /tables": async () =>
      (await spark.catalog.listTables()).map((t) => ({ name: t.name, type: t.tableType, temporary: t.isTemporary })),
    "POST /query": async (request) => {
      const query = queryRequest(await readJson(request));
      const limit = Math.min(query.maxRows ?? MAX_ROWS, MAX_ROWS);
      const df = await spark.sql(query.sql, query.params);
      // One row more than asked says whether the answer was cut.
      const rows = await df.limit(limit + 1).collect();
      return { columns: await df.columns, rows: rows.slice(0, limit).map(jsonRow), truncated: rows.length > limit };
    },
  };
  return http.createServer((request, response) => {
    const route = routes[`${request.method} ${new URL(request.url ?? "/", "http://service").pathname}`];
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (!route) return reply(404, { error: "not found" });
    route(request).then(
      (body) => reply(200, body),
      (err: unknown) => {
        if (err instanceof HttpError) return reply(err.status, { error: err.message });
        // Spark's own errors are the caller's to fix (a typo in SQL, a missing table): 400, with Spark's fields.
        if (err instanceof SparkConnectError && err.errorClass !== undefined) {
          return reply(400, { errorClass: err.errorClass, sqlState: err.sqlState, message: err.message });
        }
        reply(502, { error: err instanceof Error ? err.message : String(err) });
      },
    );
  });
}

async function main(): Promise<void> {
  const builder = SparkSession.builder;
  const spark = await builder.getOrCreate();
  const server = createService(spark);
  server.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? "127.0.0.1", () => {
    const { address, port } = server.address() as AddressInfo;
    // The connection string may carry a token: print the server's address only.
    console.log(
      `listening on http://${address}:${port}, Spark Connect at ${new URL(builder.connectionString.replace(/^sc:/, "http:")).host}`,
    );
  });
  // A graceful stop: no new connections, then the Spark session is released on the server.
  const stop = () => {
    server.close(() => void spark.stop().finally(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (require.main === module) void main();
