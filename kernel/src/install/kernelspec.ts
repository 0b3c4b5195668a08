// The kernelspec this package installs: kernel.json (absolute node and script paths, so a start
// depends on no npx cache or registry), the logos, and the metadata `list` reads back.
import fs from "node:fs";
import path from "node:path";
import { parseConnectionString } from "spark-ts";
import { sparkUiAddress } from "../cell/sparkUi";
import { SNAPSHOT_OPTION } from "../startup/launch";
import { assertReplaceable, entryOf, readsAsJson } from "./ownedFolder";

/** The environment variable through which kernel.json passes the remote to the kernel. */
export const REMOTE_ENV = "SPARK_TS_KERNEL_REMOTE";

/**
 * The option of `spark-ts-kernel kernel` naming the environment variable that holds the remote
 * (kernel.json passes it after `install --remote-from-env <VAR>`).
 */
export const REMOTE_FROM_ENV_OPTION = "--remote-from-env";

/** The option of `spark-ts-kernel kernel` naming the Spark UI that progress displays link to. */
export const SPARK_UI_OPTION = "--spark-ui";

/** How Jupyter interrupts the kernel: SIGINT (stops synchronous loops too) or a message. */
export type InterruptMode = "signal" | "message";

/** What a kernelspec says. */
export interface KernelSpecOptions {
  readonly name: string;
  readonly displayName: string;
  /** The Spark Connect server; unset means SPARK_REMOTE or the default at start. */
  readonly remote?: string;
  /**
   * Instead of `remote`: the environment variable the kernel reads its server from when Jupyter
   * starts it, so kernel.json holds no connection string (and no secret) at all.
   */
  readonly remoteFromEnv?: string;
  readonly interruptMode: InterruptMode;
  /**
   * The Spark UI's address, which progress displays link to; kept without user info, query and
   * fragment (see cell/sparkUi.ts).
   */
  readonly sparkUi?: string;
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
  metadata: { debugger: false; spark_ts_kernel: { version: string; remote: string | null; remote_from_env?: string; spark_ui?: string } };
}

/** A kernel name Jupyter would refuse, or one that names no folder of its own (`.`, `..`). */
export class InvalidKernelNameError extends RangeError {
  override readonly name = "InvalidKernelNameError";
}

// jupyter_client's rule (kernelspec.py, _kernel_name_pat).
const NAME = /^[a-z0-9._-]+$/i;

/**
 * A kernel name as Jupyter takes it: letters, digits, `.`, `_` and `-`, in lower case (Jupyter
 * lower-cases names when it installs and looks them up). `.` and `..` pass Jupyter's pattern but
 * name the kernels folder and its parent, so they are refused too.
 *
 * @example
 * ```ts
 * kernelName("Spark-Prod"); // "spark-prod"
 * kernelName("..");         // throws InvalidKernelNameError
 * ```
 */
export function kernelName(name: string): string {
  if (!NAME.test(name))
    throw new InvalidKernelNameError(`${JSON.stringify(name)} is not a kernel name: use letters, digits, ".", "_" and "-"`);
  if (/^\.+$/.test(name))
    throw new InvalidKernelNameError(`${JSON.stringify(name)} is not a kernel name: it has to have a letter, a digit, "_" or "-"`);
  return name.toLowerCase();
}

/** Whether `name` can name an environment variable everywhere (letters, digits, `_`; no leading digit). */
export function isEnvironmentVariableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/**
 * kernel.json for `options`. The remote goes into `env`, not argv, so process listings do not
 * show a token; the metadata keeps only its redacted form. With `remoteFromEnv` it holds only the
 * variable's name.
 */
export function kernelJson(options: KernelSpecOptions): KernelJson {
  kernelName(options.name);
  if (options.remote !== undefined && options.remoteFromEnv !== undefined)
    throw new RangeError("give either a remote or the variable to read it from, not both");
  if (options.remoteFromEnv !== undefined && !isEnvironmentVariableName(options.remoteFromEnv)) {
    throw new RangeError(`"${options.remoteFromEnv}" is not an environment variable name: use letters, digits and "_"`);
  }
  const redacted = options.remote === undefined ? null : parseConnectionString(options.remote).toString();
  const sparkUi = options.sparkUi === undefined ? undefined : sparkUiAddress(options.sparkUi).url;
  return {
    argv: [
      options.node,
      options.script,
      "kernel",
      "--connection-file",
      "{connection_file}",
      ...(options.remoteFromEnv === undefined ? [] : [REMOTE_FROM_ENV_OPTION, options.remoteFromEnv]),
      ...(sparkUi === undefined ? [] : [SPARK_UI_OPTION, sparkUi]),
      ...(options.startupSnapshot === undefined ? [] : [SNAPSHOT_OPTION, options.startupSnapshot]),
    ],
    display_name: options.displayName,
    language: "typescript",
    interrupt_mode: options.interruptMode,
    env: options.remote === undefined ? {} : { [REMOTE_ENV]: options.remote },
    metadata: {
      debugger: false,
      spark_ts_kernel: {
        version: options.version,
        remote: redacted,
        ...(options.remoteFromEnv === undefined ? {} : { remote_from_env: options.remoteFromEnv }),
        ...(sparkUi === undefined ? {} : { spark_ui: sparkUi }),
      },
    },
  };
}

/**
 * The names of the secrets (`token`, secret-looking headers) kernel.json's remote holds; empty
 * when it holds none. Names only: the values stay in the file.
 */
export function secretsIn(spec: KernelJson): readonly string[] {
  const remote = spec.env[REMOTE_ENV];
  return remote === undefined ? [] : parseConnectionString(remote).secretNames;
}

/** Whether `dir` holds a kernelspec this package wrote: a kernel.json file with our metadata. */
export function isOurKernelspec(dir: string): boolean {
  return readsAsJson(path.join(dir, "kernel.json"), (value) => {
    const ours = (value as Partial<KernelJson> | null)?.metadata?.spark_ts_kernel;
    return typeof ours === "object" && ours !== null && typeof ours.version === "string";
  });
}

/**
 * `<kernelsDir>/<name>`, after checking that install may write there: nothing is there yet, or a
 * kernelspec this package wrote. Throws {@link NotOursError} otherwise.
 */
export function kernelspecDir(kernelsDir: string, name: string): string {
  const dir = entryOf(kernelsDir, kernelName(name));
  assertReplaceable(dir, isOurKernelspec);
  return dir;
}

/** The logo files Jupyter looks for in a kernelspec folder. */
export const LOGO_FILES = ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"] as const;

/**
 * Writes a kernelspec folder `<kernelsDir>/<name>`, replacing one of the same name only when this
 * package wrote it (else {@link NotOursError}, and nothing is touched). kernel.json is readable by
 * its owner only when the remote holds a secret (a token or a secret-looking header).
 */
export function writeKernelspec(kernelsDir: string, spec: KernelJson, name: string, logosDir: string): string {
  const dir = kernelspecDir(kernelsDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "kernel.json");
  // Created owner-only and opened anew ("wx"), so the secret is never readable by others, not even
  // for a moment; then opened up when there is nothing to hide.
  fs.writeFileSync(file, JSON.stringify(spec, null, 2) + "\n", { mode: 0o600, flag: "wx" });
  fs.chmodSync(file, secretsIn(spec).length > 0 ? 0o600 : 0o644);
  for (const logo of LOGO_FILES) fs.copyFileSync(path.join(logosDir, logo), path.join(dir, logo));
  return dir;
}

/** A kernelspec of this package found on disk. */
export interface InstalledKernel {
  readonly name: string;
  readonly dir: string;
  readonly displayName: string;
  readonly version: string;
  readonly remote: string | null;
  /** The environment variable the kernel reads its remote from (`install --remote-from-env`). */
  readonly remoteFromEnv?: string;
  /** The Spark UI progress displays link to (`install --spark-ui`). */
  readonly sparkUi?: string;
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
      found.push({
        name,
        dir,
        displayName: spec.display_name ?? name,
        version: ours.version,
        remote: ours.remote,
        ...(ours.remote_from_env === undefined ? {} : { remoteFromEnv: ours.remote_from_env }),
        ...(ours.spark_ui === undefined ? {} : { sparkUi: ours.spark_ui }),
      });
    } catch {
      // Not a readable kernelspec: not ours to report.
    }
  }
  return found;
}
