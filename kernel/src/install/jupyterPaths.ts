// Where Jupyter looks for kernelspecs, as jupyter_core computes it, so installing needs no Python:
// JUPYTER_PATH, then the user data dir, then the active environment's prefix, then system dirs.
import os from "node:os";
import path from "node:path";

/** The parts of the process this module reads; tests pass their own. */
export interface PathContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

/** The running process's context. */
export function processContext(): PathContext {
  return { env: process.env, platform: process.platform, home: os.homedir() };
}

/** Jupyter's per-user data dir: JUPYTER_DATA_DIR, else the platform's convention. */
export function userDataDir(ctx: PathContext = processContext()): string {
  const { env, platform, home } = ctx;
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (platform === "darwin") return path.join(home, "Library", "Jupyter");
  if (platform === "win32") return path.join(env.APPDATA ?? path.join(home, "AppData", "Roaming"), "jupyter");
  return path.join(env.XDG_DATA_HOME || path.join(home, ".local", "share"), "jupyter");
}

/** The active Python environment's prefix (a venv or conda env), if one is active. */
export function environmentPrefix(ctx: PathContext = processContext()): string | undefined {
  return ctx.env.VIRTUAL_ENV || ctx.env.CONDA_PREFIX || undefined;
}

/** `<prefix>/share/jupyter`, Jupyter's data dir under a prefix. */
export function prefixDataDir(prefix: string): string {
  return path.join(prefix, "share", "jupyter");
}

/** Every data dir Jupyter searches, in its order (the first match of a kernel name wins). */
export function dataSearchPath(ctx: PathContext = processContext()): string[] {
  const fromEnv = (ctx.env.JUPYTER_PATH ?? "").split(ctx.platform === "win32" ? ";" : ":").filter(Boolean);
  const prefix = environmentPrefix(ctx);
  const system =
    ctx.platform === "win32"
      ? [path.join(ctx.env.PROGRAMDATA ?? "C:\\ProgramData", "jupyter")]
      : ["/usr/local/share/jupyter", "/usr/share/jupyter"];
  const dirs = [...fromEnv, userDataDir(ctx), ...(prefix ? [prefixDataDir(prefix)] : []), ...system];
  return [...new Set(dirs)];
}

/** The `kernels` folder of a data dir. */
export function kernelsDir(dataDir: string): string {
  return path.join(dataDir, "kernels");
}
