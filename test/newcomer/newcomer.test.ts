// A newcomer's first steps, as the README writes them: a fresh clone, a HOME of its own, the two
// commands of "JupyterLab on your machine"; JupyterLab answers on loopback and lists the kernel.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";

const root = path.resolve(__dirname, "..", "..");

/** The commands of the README's "JupyterLab on your machine" block, comments dropped. */
function readmeCommands(): string[] {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.split("\n## JupyterLab on your machine\n")[1]?.split("\n## ")[0] ?? "";
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("the newcomer path", function () {
  this.timeout(1_200_000);
  let tmp: string;
  let clone: string;
  let env: NodeJS.ProcessEnv;
  let lab: ChildProcess | undefined;
  let labOutput = "";

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stk-newcomer-"));
    clone = path.join(tmp, "spark-ts-kernel");
    execFileSync("git", ["clone", "--quiet", root, clone]);
    const home = path.join(tmp, "home");
    fs.mkdirSync(home);
    // A new HOME, with the machine's package caches so the run does not download everything again.
    const pipCache = execFileSync(path.join(root, ".venv", "bin", "python"), ["-m", "pip", "cache", "dir"], { encoding: "utf8" }).trim();
    const npmCache = execFileSync("npm", ["config", "get", "cache"], { encoding: "utf8" }).trim();
    env = { ...process.env, HOME: home, PIP_CACHE_DIR: pipCache, npm_config_cache: npmCache };
    for (const key of [
      "SPARK_REMOTE",
      "SPARK_TS_STATE_DIR",
      "SPARK_TS_VENV",
      "VIRTUAL_ENV",
      "JUPYTER_PATH",
      "JUPYTER_DATA_DIR",
      "JUPYTER_CONFIG_DIR",
      "JUPYTER_RUNTIME_DIR",
    ]) {
      delete env[key];
    }
  });

  after(async () => {
    if (lab && lab.exitCode === null) {
      process.kill(-lab.pid!, "SIGTERM");
      await new Promise((resolve) => lab!.once("exit", resolve));
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("has two commands in the README", () => {
    expect(readmeCommands()).to.deep.equal(["npm run setup", "npm run lab"]);
  });

  it("sets up, serves JupyterLab on 127.0.0.1, and lists the Spark kernel", async () => {
    const [setup, serve] = readmeCommands() as [string, string];
    execFileSync("bash", ["-c", setup], { cwd: clone, env, stdio: "ignore" });
    const port = await freePort();
    lab = spawn("bash", ["-c", serve], {
      cwd: clone,
      env: { ...env, LAB_PORT: String(port) },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`JupyterLab did not start:\n${labOutput.slice(-3000)}`)), 300_000);
      const read = (chunk: Buffer) => {
        labOutput += chunk.toString();
        const found = new RegExp(`http://127\\.0\\.0\\.1:${port}/lab\\?token=\\w+`).exec(labOutput);
        if (found) {
          clearTimeout(timer);
          resolve(found[0]);
        }
      };
      lab!.stdout!.on("data", read);
      lab!.stderr!.on("data", read);
      lab!.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`npm run lab exited with ${code}:\n${labOutput.slice(-3000)}`));
      });
    });
    const token = new URL(url).searchParams.get("token")!;
    const specs = (await (
      await fetch(`http://127.0.0.1:${port}/api/kernelspecs`, { headers: { Authorization: `token ${token}` } })
    ).json()) as {
      kernelspecs: Record<string, { spec: { display_name: string } }>;
    };
    expect(specs.kernelspecs["spark-ts"]?.spec.display_name).to.equal("TypeScript (Spark)");
    const page = await fetch(url);
    expect(page.status).to.equal(200);
  });
});
