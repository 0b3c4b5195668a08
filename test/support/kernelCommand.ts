import { execFile } from "node:child_process";
import path from "node:path";

/** The package's command as npx runs it: the built kernel package's bin script. */
export const kernelBin = path.resolve(__dirname, "..", "..", "kernel", "bin", "spark-ts-kernel.js");

/** What one run of the command gave. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed command as a shell would, from the built package, in `env`. */
export function cliIn(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [kernelBin, ...args], { timeout: 60_000, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** {@link cliIn} in this process's environment. */
export function cli(...args: string[]): Promise<CliRun> {
  return cliIn(process.env, ...args);
}
