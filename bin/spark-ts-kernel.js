#!/usr/bin/env node
"use strict";
// Runs the built CLI (dist/, made by `npm run build`).
require("../dist/kernel/cli.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
