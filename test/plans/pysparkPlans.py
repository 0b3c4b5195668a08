"""PySpark's side of the plan comparison (test/plans): what PySpark's Connect client builds and sends.

Reads JSON {"cases": [{"name", "py"}], "classes": {name: dotted class name}} on stdin. Each `py`
is a Python expression over spark, F, Window, col, lit, T (types), StorageLevel, datetime, Decimal
and the base DataFrames people, depts, nums and files. No server is needed or reached: the session
points where nothing listens, and its gRPC stub is replaced by a recorder that keeps each request
and fails the call.

Writes JSON {"plans": {case name: {"kind", "b64"} or {"error"}}, "names": {class name: its public
names}}. The kind says what was built: "relation" (a DataFrame's plan), "relations" (a list of
DataFrames), "expression" (a Column), or the first request the expression sent: "execute" (its
Plan), "analyze" (the AnalyzePlanRequest), "config" (the ConfigRequest) or "interrupt" (the
InterruptRequest). b64 is the protobuf binary in base64 (a list of them for "relations").
"""

import base64
import datetime
import importlib
import json
import os
import sys
from decimal import Decimal

# Whether PySpark records call sites in plans is a server setting it would ask for on the first
# plan; off here, as a server with spark.python.sql.dataFrameDebugging.enabled=false has it. Call
# sites differ per process anyway.
import pyspark.errors.utils as error_utils

error_utils._enable_debugging_cache = False

from pyspark.sql import SparkSession, Window  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402
from pyspark.sql import types as T  # noqa: E402
from pyspark.sql.column import Column  # noqa: E402
from pyspark.sql.dataframe import DataFrame  # noqa: E402
from pyspark.storagelevel import StorageLevel  # noqa: E402


class NotSent(Exception):
    """Raised by the recording stub in place of a call: the request was recorded and went nowhere."""


class RecordingStub:
    """Stands in for the gRPC stub: every call records its request and fails."""

    def __init__(self):
        self.sent = []

    def __getattr__(self, rpc):
        def call(request, *args, **kwargs):
            self.sent.append((rpc, request))
            raise NotSent(rpc)

        return call


KINDS = {"ExecutePlan": "execute", "AnalyzePlan": "analyze", "Config": "config", "Interrupt": "interrupt"}


def offline_session():
    spark = SparkSession.builder.remote("sc://127.0.0.1:1").create()
    client = spark._client
    # Plan compression is another server setting read on the first plan: off, as on a server
    # without it.
    client._plan_compression_threshold = -1
    client._plan_compression_algorithm = "NONE"
    # The plain ExecutePlan call, so that the stub sees the request itself.
    client.disable_reattachable_execute()
    stub = RecordingStub()
    client._stub = stub
    return spark, stub


def encode(message):
    return base64.b64encode(message.SerializeToString()).decode("ascii")


def built(value, stub, client):
    if stub.sent:
        rpc, request = stub.sent[0]
        if rpc not in KINDS:
            return {"error": f"sent a {rpc} request"}
        if rpc == "ExecutePlan":
            return {"kind": "execute", "b64": encode(request.plan)}
        return {"kind": KINDS[rpc], "b64": encode(request)}
    if isinstance(value, DataFrame):
        return {"kind": "relation", "b64": encode(value._plan.plan(client))}
    if isinstance(value, Column):
        return {"kind": "expression", "b64": encode(value.to_plan(client))}
    if isinstance(value, list) and value and all(isinstance(v, DataFrame) for v in value):
        return {"kind": "relations", "b64": [encode(v._plan.plan(client)) for v in value]}
    return {"error": f"gave a {type(value).__name__}, not a DataFrame, Column or request"}


def main():
    request = json.load(sys.stdin)
    spark, stub = offline_session()
    client = spark._client
    scope = {
        "spark": spark,
        "F": F,
        "Window": Window,
        "col": F.col,
        "lit": F.lit,
        "T": T,
        "StorageLevel": StorageLevel,
        "datetime": datetime,
        "Decimal": Decimal,
        "people": spark.table("people"),
        "depts": spark.table("depts"),
        "nums": spark.range(10),
        "files": spark.read.parquet("data/events"),
    }
    out = {}
    for case in request["cases"]:
        stub.sent.clear()
        value = None
        try:
            value = eval(case["py"], scope)
        except NotSent:
            pass
        except Exception as e:  # noqa: BLE001 - reported per case, not fatal for the others
            if not stub.sent:
                out[case["name"]] = {"error": f"{type(e).__name__}: {e}"}
                continue
        out[case["name"]] = built(value, stub, client)
    names = {}
    for name, dotted in request.get("classes", {}).items():
        module, _, attr = dotted.rpartition(".")
        cls = getattr(importlib.import_module(module), attr)
        names[name] = sorted(n for n in dir(cls) if not n.startswith("_"))
    sys.stdout.write(json.dumps({"plans": out, "names": names}))
    sys.stdout.flush()
    # The session's exit hooks would try to release it on the server: there is none to release.
    os._exit(0)


if __name__ == "__main__":
    main()
