// The kernelspec this package installs: kernel.json (absolute node and script paths, so a start
// depends on no npx cache or registry), the logos, and the metadata `list` reads back.
import fs from "node:fs";
import path from "node:path";
import { parseConnectionString } from "../../connect/connectionString";
import { SNAPSHOT_OPTION } from "../startup/launch";

/** The environment variable through which kernel.json passes the remote to the kernel. */
export const REMOTE_ENV = "SPARK_TS_KERNEL_REMOTE";

/** How Jupyter interrupts the kernel: SIGINT (stops synchronous loops too) or a message. */
export type InterruptMode = "signal" | "message";

/** What a kernelspec says. */
export interface KernelSpecOptions {
  readonly name: string;
  readonly displayName: string;
  /** The Spark Connect server; unset means SPARK_REMOTE or the default at start. */
  readonly remote?: string;
  readonly interruptMode: InterruptMode;
  /** The node executable that runs the kernel. */
  readonly node: string;
  /** This package's command script. */
  readonly script: string;
  readonly version: string;
  /** The startup snapshot the kernel starts from when it is usable (see startup/launch.ts). */
  readonly startupSnapshot?: string;
}

/** The content of kernel.json. */
export interface KernelJson {
  argv: string[];
  display_name: string;
  language: "typescript";
  interrupt_mode: InterruptMode;
  env: Record<string, string>;
  metadata: { debugger: false; spark_ts_kernel: { version: string; remote: string | null } };
}

const NAME = /^[a-z0-9._-]+$/i;

/** Checks a kernel name as Jupyter does (letters, digits, `.`, `_`, `-`). */
export function checkKernelName(name: string): string {
  if (!NAME.test(name)) throw new RangeError(`"${name}" is not a kernel name: use letters, digits, ".", "_" and "-"`);
  return name;
}

/**
 * kernel.json for `options`. The remote goes into `env`, not argv, so process listings do not
 * show a token; the metadata keeps only its redacted form.
 */
export function kernelJson(options: KernelSpecOptions): KernelJson {
  checkKernelName(options.name);
  const redacted = options.remote === undefined ? null : parseConnectionString(options.remote).toString();
  return {
    argv: [
      options.node,
      options.script,
      "kernel",
      "--connection-file",
      "{connection_file}",
      ...(options.startupSnapshot === undefined ? [] : [SNAPSHOT_OPTION, options.startupSnapshot]),
    ],
    display_name: options.displayName,
    language: "typescript",
    interrupt_mode: options.interruptMode,
    env: options.remote === undefined ? {} : { [REMOTE_ENV]: options.remote },
    metadata: { debugger: false, spark_ts_kernel: { version: options.version, remote: redacted } },
  };
}

/** The logo files Jupyter looks for in a kernelspec folder. */
export const LOGO_FILES = ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"] as const;

/**
 * Writes a kernelspec folder `<kernelsDir>/<name>`, replacing one of the same name. kernel.json is
 * readable by its owner only when the remote carries a token.
 */
export function writeKernelspec(kernelsDir: string, spec: KernelJson, name: string, logosDir: string): string {
  const dir = path.join(kernelsDir, checkKernelName(name));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const secret = Object.keys(spec.env).length > 0 && hasToken(spec.env[REMOTE_ENV]!);
  fs.writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(spec, null, 2) + "\n", { mode: secret ? 0o600 : 0o644 });
  for (const logo of LOGO_FILES) fs.copyFileSync(path.join(logosDir, logo), path.join(dir, logo));
  return dir;
}

function hasToken(remote: string): boolean {
  return parseConnectionString(remote).token !== undefined;
}

/** A kernelspec of this package found on disk. */
export interface InstalledKernel {
  readonly name: string;
  readonly dir: string;
  readonly displayName: string;
  readonly version: string;
  readonly remote: string | null;
}

/** The kernelspecs of this package in a `kernels` folder (others are left out). */
export function installedKernels(kernelsDir: string): InstalledKernel[] {
  let names: string[];
  try {
    names = fs.readdirSync(kernelsDir);
  } catch {
    return [];
  }
  const found: InstalledKernel[] = [];
  for (const name of names.sort()) {
    const dir = path.join(kernelsDir, name);
    try {
      const spec = JSON.parse(fs.readFileSync(path.join(dir, "kernel.json"), "utf8")) as Partial<KernelJson>;
      const ours = spec.metadata?.spark_ts_kernel;
      if (!ours) continue;
      found.push({ name, dir, displayName: spec.display_name ?? name, version: ours.version, remote: ours.remote });
    } catch {
      // Not a readable kernelspec: not ours to report.
    }
  }
  return found;
}
