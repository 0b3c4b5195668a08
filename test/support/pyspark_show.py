"""Spark's own showString for a list of queries, through PySpark's Connect client.

The show() tests compare our output with this, character for character, on the same server.
Reads JSON [{"sql", "n", "truncate", "vertical", "conf"}] on stdin, writes a JSON list of strings.
"""

import json
import os
import sys

from pyspark.sql import SparkSession

cases = json.load(sys.stdin)
spark = SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).getOrCreate()
out = []
for case in cases:
    for key, value in case.get("conf", {}).items():
        spark.conf.set(key, value)
    df = spark.sql(case["sql"])
    out.append(df._show_string(case["n"], case["truncate"], case["vertical"]))
spark.stop()
json.dump(out, sys.stdout)
