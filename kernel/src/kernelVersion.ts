// This package's version, for kernel_info, the install's runtime folder and `spark-ts-kernel version`
// (the client under it, spark-ts, has a version of its own).
import fs from "node:fs";
import path from "node:path";
import { packageRoot } from "./install/runtimeCopy";

let version: string | undefined;

/**
 * The version in spark-ts-kernel's package.json (`"unknown"` if that cannot be read).
 *
 * @example
 * ```ts
 * kernelVersion(); // "0.1.0"
 * ```
 */
export function kernelVersion(): string {
  version ??= read();
  return version;
}

function read(): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version?: unknown };
    return typeof manifest.version === "string" ? manifest.version : "unknown";
  } catch {
    return "unknown";
  }
}
