#!/usr/bin/env node
"use strict";
// Runs the built CLI (dist/, made by `npm run build`). A kernel with a usable startup snapshot runs
// from it in a child process (dist/startup/launch.js); everything else runs here.
const argv = process.argv.slice(2);
// Node 22.1 and later keep the code V8 compiled for the modules loaded below, for the next start
// (os.tmpdir()/node-compile-cache, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
require("node:module").enableCompileCache?.();
require("../dist/startup/launch.js")
  .runFromSnapshot(argv, __filename, (line) => process.stderr.write(line + "\n"))
  .then((code) => (code !== undefined ? code : require("../dist/cli.js").main(argv)))
  .then((code) => {
    process.exitCode = code;
  });
