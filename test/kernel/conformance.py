"""Jupyter's kernel conformance tests (jupyter_kernel_test) for the installed spark-ts-kernel.

Run by test/kernel/python.test.ts with JUPYTER_PATH pointing at a temporary kernelspec;
writes one JSON result per test to the file named by SPARK_TS_PY_RESULTS.
"""
import os
import sys

import jupyter_kernel_test as jkt

sys.path.insert(0, os.path.dirname(__file__))
from pyresults import run_and_record  # noqa: E402


class SparkTsKernelConformance(jkt.KernelTests):
    kernel_name = os.environ["SPARK_TS_KERNEL_NAME"]
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("something went wrong")'
    code_generate_error = 'throw new RangeError("out of range")'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "'spark' + '-ts'", "result": "'spark-ts'"},
        {"code": "[1, 2, 3].map((x) => x * 2)", "result": "[ 2, 4, 6 ]"},
    ]
    code_display_data = [
        {"code": "await display([{ region: 'north', amount: 10 }])", "mime": "text/html"},
        {"code": "await display({ answer: 42 })", "mime": "text/plain"},
    ]
    code_clear_output = "display.clear()"
    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "spark"
    completion_samples = [{"text": "Math.PI.toFix"}]
    complete_code_samples = ["1 + 1", "const x = 1;", "%%sql\nSELECT 1"]
    incomplete_code_samples = ["function f() {", "const xs = [1,"]


if __name__ == "__main__":
    run_and_record(SparkTsKernelConformance)
