// Runs one query against SPARK_REMOTE in a process of its own and prints the rows as JSON, or the
// error's name and message on stderr with exit code 1. The auth test uses it for what only a fresh
// process shows: grpc-js reads GRPC_DEFAULT_SSL_ROOTS_FILE_PATH once, when it is loaded.
import { NO_RETRIES, SparkSession } from "../../src";

async function main(): Promise<void> {
  const spark = await SparkSession.builder.clientOptions({ retryPolicy: NO_RETRIES }).create();
  try {
    console.log(JSON.stringify(await (await spark.sql(process.argv[2] ?? "SELECT 1 AS one")).collect()));
  } finally {
    await spark.stop().catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  process.exit(1);
});
