"""PySpark's side of the differential tests: the same queries through PySpark's Connect client.

Reads JSON {"setup": [sql, ...], "tables": [name, ...], "cases": [{"name", "py"}]} on stdin. Runs
the setup statements, binds each of `tables` to a variable of its name, then evaluates each case's `py` (a Python expression giving a DataFrame, over spark, F, Window,
col, lit, Decimal, datetime) and collects it. Writes a JSON object: case name ->
{"schema": Spark's schema JSON, "rows": [canonical row, ...]} or {"error": error class or message}.

Canonical values (the TypeScript side builds the same from its own rows): null; booleans; whole
numbers as decimal strings; doubles as JSON numbers (non-finite ones as "NaN", "Infinity",
"-Infinity", and negative zero as "-0"); decimals as plain strings; strings; binary as hex; dates as YYYY-MM-DD; timestamps
as epoch microseconds (a string); timestamp_ntz as YYYY-MM-DDTHH:MM:SS.ffffff; arrays as lists;
maps as lists of [key, value]; structs and rows as lists of [name, value].
"""

import datetime
import decimal
import json
import math
import os
import sys
import time

from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

EPOCH = datetime.datetime(1970, 1, 1)
EPOCH_UTC = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def canonical(value, data_type):
    if value is None:
        return None
    if isinstance(data_type, T.BooleanType):
        return bool(value)
    if isinstance(data_type, (T.ByteType, T.ShortType, T.IntegerType, T.LongType)):
        return str(int(value))
    if isinstance(data_type, (T.FloatType, T.DoubleType)):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if value == 0 and math.copysign(1.0, value) < 0:
            return "-0"
        return float(value)
    if isinstance(data_type, T.DecimalType):
        return format(value, "f")
    if isinstance(data_type, T.StringType):
        return value
    if isinstance(data_type, T.BinaryType):
        return bytes(value).hex()
    if isinstance(data_type, T.DateType):
        return value.isoformat()
    if isinstance(data_type, T.TimestampNTZType):
        return value.strftime("%Y-%m-%dT%H:%M:%S.%f")
    if isinstance(data_type, T.TimestampType):
        # The process runs in UTC and so does the session: a naive datetime is a UTC instant.
        start = EPOCH_UTC if value.tzinfo is not None else EPOCH
        return str((value - start) // datetime.timedelta(microseconds=1))
    if isinstance(data_type, T.ArrayType):
        return [canonical(v, data_type.elementType) for v in value]
    if isinstance(data_type, T.MapType):
        return [[canonical(k, data_type.keyType), canonical(v, data_type.valueType)] for k, v in value.items()]
    if isinstance(data_type, T.StructType):
        return [[f.name, canonical(v, f.dataType)] for f, v in zip(data_type.fields, value)]
    raise TypeError(f"no canonical form for {data_type.simpleString()}")


def main():
    request = json.load(sys.stdin)
    spark = SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).create()
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    for statement in request["setup"]:
        spark.sql(statement)
    scope = {
        "spark": spark,
        "F": F,
        "Window": Window,
        "col": F.col,
        "lit": F.lit,
        "Decimal": decimal.Decimal,
        "datetime": datetime,
    }
    for table in request.get("tables", []):
        scope[table] = spark.table(table)
    out = {}
    for case in request["cases"]:
        try:
            df = eval(case["py"], scope)
            schema = df.schema
            rows = [[canonical(v, f.dataType) for f, v in zip(schema.fields, row)] for row in df.collect()]
            out[case["name"]] = {"schema": schema.json(), "rows": rows}
        except Exception as error:  # the comparison reports it; one failing case must not hide the rest
            condition = getattr(error, "getCondition", lambda: None)()
            out[case["name"]] = {"error": condition or str(error).splitlines()[0]}
    spark.stop()
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    os.environ["TZ"] = "UTC"
    time.tzset()
    main()
