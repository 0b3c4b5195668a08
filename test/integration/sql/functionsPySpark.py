"""What PySpark's own functions give on the same server, for the functions tests to compare with.

Reads JSON {"sql": base query, "cases": [{"name", "py", "keep"}]} on stdin: `py` is a Python
expression over F, Window, col, lit; `keep` lists the base columns shown beside it. Writes a JSON
object: case name -> Spark's showString of the selection, or "ERROR: ..." when Spark refused it.
"""

import datetime
import decimal
import json
import os
import sys

from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F

request = json.load(sys.stdin)
spark = SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).getOrCreate()
base = spark.sql(request["sql"])
scope = {"F": F, "Window": Window, "col": F.col, "lit": F.lit, "datetime": datetime, "Decimal": decimal.Decimal}
out = {}
for case in request["cases"]:
    try:
        value = eval(case["py"], scope)
        out[case["name"]] = base.select(*case["keep"], value.alias("v"))._show_string(100, 0, False)
    except Exception as error:  # the comparison reports it; one refused case must not hide the rest
        out[case["name"]] = "ERROR: " + str(error).splitlines()[0]
spark.stop()
json.dump(out, sys.stdout)
