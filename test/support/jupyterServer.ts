import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { KernelManager, ServerConnection, type Kernel, type KernelMessage } from "@jupyterlab/services";
import WebSocket from "ws";
import { venvBin } from "./kernelInstall";

/** A Jupyter server of the venv, on loopback, for one test file. */
export interface JupyterServer {
  readonly url: string;
  readonly settings: ServerConnection.ISettings;
  readonly kernels: KernelManager;
  readonly log: () => string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `jupyter server` (or JupyterLab, with `app: "jupyterlab"`) with `env` (JUPYTER_PATH etc.)
 * serving `rootDir`, and waits until it answers.
 */
export async function startJupyterServer(
  env: NodeJS.ProcessEnv,
  rootDir: string,
  app: "jupyter_server" | "jupyterlab" = "jupyter_server",
): Promise<JupyterServer & { token: string }> {
  const token = randomBytes(16).toString("hex");
  const port = await freePort();
  // Beside, not inside, the served folder: JupyterLab would list it among the notebooks.
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "stk-jupyter-log-"));
  const logFile = path.join(logDir, "jupyter-server.log");
  const out = fs.openSync(logFile, "a");
  const child: ChildProcess = spawn(
    venvBin("python"),
    [
      "-m",
      app,
      // CI machines run tests as root; the server still listens on loopback only, with a token.
      "--allow-root",
      `--ServerApp.ip=127.0.0.1`,
      `--ServerApp.port=${port}`,
      `--ServerApp.port_retries=0`,
      `--ServerApp.open_browser=False`,
      `--ServerApp.root_dir=${rootDir}`,
      `--IdentityProvider.token=${token}`,
    ],
    { env, stdio: ["ignore", out, out] },
  );
  const url = `http://127.0.0.1:${port}`;
  // Kept in memory once the server stopped, when its folder is removed.
  let stoppedLog: string | undefined;
  const log = () => stoppedLog ?? fs.readFileSync(logFile, "utf8");
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`jupyter server exited: ${log().slice(-2000)}`);
    try {
      const res = await fetch(`${url}/api/status`, { headers: { Authorization: `token ${token}` } });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`jupyter server did not answer: ${log().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const settings = ServerConnection.makeSettings({
    baseUrl: `${url}/`,
    wsUrl: `ws://127.0.0.1:${port}/`,
    token,
    appendToken: true,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const kernels = new KernelManager({ serverSettings: settings });
  return {
    url,
    token,
    settings,
    kernels,
    log,
    stop: async () => {
      kernels.dispose();
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
      stoppedLog = log();
      fs.closeSync(out);
      fs.rmSync(logDir, { recursive: true, force: true });
    },
  };
}

/** The IOPub messages a cell produced, its reply, and helpers to read them. */
export interface CellRun {
  readonly reply: KernelMessage.IExecuteReplyMsg;
  readonly iopub: KernelMessage.IIOPubMessage[];
  ofType(type: string): KernelMessage.IIOPubMessage[];
}

/** Runs `code` in `kernel`, collecting its IOPub messages until its reply. */
export async function runCell(
  kernel: Kernel.IKernelConnection,
  code: string,
  onIOPub?: (msg: KernelMessage.IIOPubMessage) => void,
): Promise<CellRun> {
  const iopub: KernelMessage.IIOPubMessage[] = [];
  const future = kernel.requestExecute({ code, stop_on_error: false });
  future.onIOPub = (msg) => {
    iopub.push(msg);
    onIOPub?.(msg);
  };
  const reply = await future.done;
  return { reply, iopub, ofType: (type) => iopub.filter((m) => m.header.msg_type === type) };
}
