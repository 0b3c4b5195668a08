// The client on its own, as a Node service or script would use it: connect, run SQL, read rows.
//   SPARK_REMOTE=sc://localhost:15002 npx tsx examples/quickstart.ts
import { SparkSession } from "../src";

async function main(): Promise<void> {
  const spark = await SparkSession.builder.config("spark.sql.session.timeZone", "UTC").getOrCreate();
  try {
    console.log(`Connected to Spark ${await spark.version}`);

    await spark.sql(`
      CREATE OR REPLACE TEMP VIEW sales AS
      SELECT * FROM VALUES
        ('north', DATE'2024-01-05', 120.50),
        ('south', DATE'2024-01-06', 80.00),
        ('north', DATE'2024-02-01', 45.25),
        ('east',  DATE'2024-02-11', 300.00)
      AS sales(region, day, amount)`);

    const byRegion = await spark.sql(
      "SELECT region, count(*) AS orders, sum(amount) AS total FROM sales WHERE amount >= :min GROUP BY region ORDER BY total DESC",
      { min: 50 },
    );
    await byRegion.show();
    await byRegion.printSchema();

    for (const row of await byRegion.collect()) {
      // bigint counts and exact decimal strings: no value is rounded on its way to JS.
      console.log(`${row.region as string}: ${row.orders as bigint} orders, ${row.total as string} in total`);
    }
    console.log(`${await spark.range(1_000_000).count()} rows counted by the cluster`);
  } finally {
    await spark.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
