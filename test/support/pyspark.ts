import { execFile } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

/** Runs a script of test/support with the project venv's Python (and its pyspark), JSON in and out. */
export function runPySpark<T>(script: string, input: unknown): Promise<T> {
  const python = path.join(process.env.SPARK_TS_VENV ?? path.join(root, ".venv"), "bin", "python");
  return new Promise((resolve, reject) => {
    const child = execFile(
      python,
      [path.join(__dirname, script)],
      { env: process.env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${script} failed: ${error.message}\n${stderr.slice(-2000)}`));
        else resolve(JSON.parse(stdout) as T);
      },
    );
    child.stdin!.end(JSON.stringify(input));
  });
}
