"""Jupyter's kernel conformance tests (jupyter_kernel_test) for the installed spark-ts-kernel.

Run by test/kernel/conformance.test.ts with JUPYTER_PATH pointing at a temporary kernelspec;
writes one JSON result per test to the file named by SPARK_TS_CONFORMANCE_RESULTS.
"""
import json
import os
import sys
import unittest

import jupyter_kernel_test as jkt


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


class Recorder(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.records = []

    def _record(self, test, status, detail=""):
        self.records.append({"name": test._testMethodName, "status": status, "detail": detail})

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failed", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "failed", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skipped", reason)

    def addSubTest(self, test, subtest, outcome):
        super().addSubTest(test, subtest, outcome)
        if outcome is not None:
            self.records.append({"name": test._testMethodName, "status": "failed",
                                 "detail": f"{subtest}: {self._exc_info_to_string(outcome, test)}"})


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(SparkTsKernelConformance)
    runner = unittest.TextTestRunner(resultclass=Recorder, verbosity=2, stream=sys.stderr)
    result = runner.run(suite)
    with open(os.environ["SPARK_TS_CONFORMANCE_RESULTS"], "w") as out:
        json.dump(result.records, out)
