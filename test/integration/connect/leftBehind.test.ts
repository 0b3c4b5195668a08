// Nothing of a session outlives its use: a script that stops its session exits, though it never
// finished a result it started reading, even when the server has gone away or gone silent
// meanwhile. (An iterator dropped unfinished is released when collected: see reattach.test.ts.)
import { spawn } from "node:child_process";
import path from "node:path";
import { expect } from "chai";
import { describe, it } from "mocha";
import { CuttingProxy } from "../../support/cuttingProxy";
import { sparkRemote } from "../../support/spark";

const root = path.resolve(__dirname, "..", "..", "..");

/** Runs test/support/stoppingScript.ts against `remote`; `beforeStop` runs once it has read its first row. */
function runStoppingScript(remote: string, beforeStop: () => void | Promise<void>): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "test", "support", "stoppingScript.ts"), remote], {
      cwd: root,
      stdio: ["pipe", "pipe", "inherit"],
    });
    let stdout = "";
    let stopAsked = false;
    // A hang is the failure: a process still alive after 60 s is killed and reported.
    const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stopAsked && stdout.includes("first row")) {
        stopAsked = true;
        Promise.resolve()
          .then(beforeStop)
          .then(() => child.stdin.write("stop\n"), reject);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, stdout });
    });
  });
}

describe("a script that stops its session", function () {
  this.timeout(90_000);

  it("exits by itself, though an iterator it never finished is still referenced", async () => {
    const run = await runStoppingScript(sparkRemote(), () => undefined);
    expect(run.stdout).to.include("first row 0");
    expect(run.stdout).to.include("stopped, iterator still held: true");
    expect(run.code).to.equal(0);
  });

  it("exits by itself when the connection went silent before stop(), with no keepalive to notice", async () => {
    const proxy = await CuttingProxy.start(Number(new URL(sparkRemote().replace(/^sc:/, "http:")).port));
    try {
      // Without keepalive nothing would ever end the stalled result stream: only stop() can.
      const run = await runStoppingScript(`${proxy.remote}/;grpc_keepalive_enabled=false`, () => proxy.stallNow());
      expect(run.stdout).to.include("stopped, iterator still held: true");
      expect(run.code).to.equal(0);
    } finally {
      await proxy.close();
    }
  });

  it("exits by itself when the server went away before stop()", async () => {
    const proxy = await CuttingProxy.start(Number(new URL(sparkRemote().replace(/^sc:/, "http:")).port));
    try {
      // The server goes away: the proxy stops listening and drops the script's connections.
      const run = await runStoppingScript(proxy.remote, () => proxy.close());
      expect(run.stdout).to.include("stopped, iterator still held: true");
      expect(run.code).to.equal(0);
    } finally {
      await proxy.close().catch(() => undefined);
    }
  });
});
