"""PySpark Connect's side of the benchmark: one scenario per process, so its peak RSS is its own.

Usage: python bench/pyspark_bench.py <scenario> <runs>   (SPARK_REMOTE names the server)
Prints one JSON line: {"times": [seconds per run], "maxRssBytes": ..., "rows": ...}.
The first run is a warm-up and is not in "times".
"""
import json
import os
import resource
import sys
import time

from pyspark.sql import SparkSession

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> None:
    name, runs = sys.argv[1], int(sys.argv[2])
    scenario = json.load(open(os.path.join(HERE, "scenarios.json")))[name]
    spark = SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).getOrCreate()
    if name == "render":
        # PySpark's notebook table: DataFrame._repr_html_, rendered by the server (eager evaluation).
        spark.conf.set("spark.sql.repl.eagerEval.enabled", "true")
        spark.conf.set("spark.sql.repl.eagerEval.maxNumRows", str(scenario["rows"]))
        spark.conf.set("spark.sql.repl.eagerEval.truncate", "200")
    df = spark.sql(scenario["sql"])  # analysed once; each run executes the same plan
    times, latencies, rows = [], [], 0
    for run in range(runs + 1):
        if name == "select1":
            trips = []
            for _ in range(scenario["trips"]):
                t0 = time.perf_counter()
                rows = len(spark.sql(scenario["sql"]).collect())
                trips.append(time.perf_counter() - t0)
            elapsed = sum(trips)
            if run > 0:
                latencies.extend(trips)
        elif name == "render":
            t0 = time.perf_counter()
            html = df._repr_html_()
            elapsed = time.perf_counter() - t0
            rows = html.count("<tr>") - 1
        else:
            t0 = time.perf_counter()
            result = df.collect() if name == "collect" else df.toArrow()
            elapsed = time.perf_counter() - t0
            rows = len(result) if name == "collect" else result.num_rows
            del result
        if run > 0:
            times.append(elapsed)
    spark.stop()
    # ru_maxrss is in KiB on Linux.
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"times": times, "latencies": latencies, "maxRssBytes": max_rss, "rows": rows}))


if __name__ == "__main__":
    main()
