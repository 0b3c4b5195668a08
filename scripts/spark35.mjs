#!/usr/bin/env node
// npm run test:spark35: the compatibility run (scripts/compat.mjs) for the Spark 3.5 line alone —
// its integration suite and kernel smoke run against a Spark 3.5 Connect server.
import { runCompat } from "./compat.mjs";

runCompat(["3.5"])
  .then((code) => (process.exitCode = code))
  .catch((err) => {
    console.error(`spark35: ${err.message}`);
    console.log("0 passed, 1 failed");
    process.exitCode = 1;
  });
