// Mocha's spec reporter, plus the run's counts written as JSON where scripts/test.mjs asks for
// them (SPARK_TS_STATS_FILE), so the runner can sum suites without scraping text.
"use strict";
const fs = require("node:fs");
const Mocha = require("mocha");

class SpecWithStats extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once("end", () => {
      const file = process.env.SPARK_TS_STATS_FILE;
      if (!file) return;
      const { passes, failures, pending, tests } = this.stats;
      fs.writeFileSync(file, JSON.stringify({ passes, failures, pending, tests }));
    });
  }
}

module.exports = SpecWithStats;
