"""Runs a unittest TestCase and writes one JSON record per test to $SPARK_TS_PY_RESULTS, so the
mocha side can report each Python test as its own test."""
import json
import os
import sys
import unittest


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


def run_and_record(case):
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(case)
    result = unittest.TextTestRunner(resultclass=Recorder, verbosity=2, stream=sys.stderr).run(suite)
    with open(os.environ["SPARK_TS_PY_RESULTS"], "w") as out:
        json.dump(result.records, out)


def test_names(case):
    return unittest.defaultTestLoader.getTestCaseNames(case)
