// Root hooks for suites that talk to the real Spark Connect server: fail fast with a clear message
// when there is no server to talk to, and when a test fails because the server died, say so with
// the tail of its log instead of leaving a bare connection error.
import fs from "node:fs";

function serverAlive(): boolean {
  const pid = Number(process.env.SPARK_TS_SERVER_PID);
  if (!pid) return true; // not ours to watch: SPARK_REMOTE points at a server we did not start
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function logTail(lines = 30): string {
  const file = process.env.SPARK_TS_SERVER_LOG;
  if (!file) return "(no server log known)";
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return `(cannot read ${file})`;
  }
}

export const mochaHooks = {
  beforeAll(): void {
    if (!process.env.SPARK_REMOTE) {
      throw new Error("SPARK_REMOTE is not set: run `npm test`, which starts a local Spark Connect server, or point it at one");
    }
  },
  afterEach(this: Mocha.Context): void {
    const test = this.currentTest;
    if (test?.state === "failed" && !serverAlive()) {
      const err = test.err ?? new Error("test failed");
      err.message = `The Spark Connect server died during this test. Server log tail:\n${logTail()}\n\n${err.message}`;
      test.err = err;
    }
  },
};
