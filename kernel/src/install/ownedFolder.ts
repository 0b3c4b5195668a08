// Install and uninstall replace and delete folders in places shared with everything else Jupyter
// has (other kernels, runtime files, other packages' data). They only ever touch one entry
// `<parent>/<name>`, only when it is a real folder (not a link to somewhere else) and only after
// checking that this package wrote it.
import fs from "node:fs";
import path from "node:path";

/** A folder install or uninstall will not touch, and why. */
export class NotOursError extends Error {
  override readonly name = "NotOursError";

  constructor(
    /** The folder left alone. */
    readonly dir: string,
    /** Why, in a few words ("it is a symbolic link", ...). */
    readonly reason: string,
  ) {
    super(`${dir} is left alone: ${reason}`);
  }
}

/** What a folder entry is to this package. */
export type Ownership = { readonly kind: "absent" } | { readonly kind: "ours" } | { readonly kind: "not ours"; readonly reason: string };

/** One folder name: no separators, never `.` or `..`, so `<parent>/<name>` stays in `<parent>`. */
export function isFolderName(name: string): boolean {
  return name !== "" && name !== "." && name !== ".." && !/[\\/\0]/.test(name) && path.basename(name) === name;
}

/**
 * `<parent>/<name>`, checked to be an entry of `parent` itself.
 *
 * @example
 * ```ts
 * entryOf("/data/kernels", "spark-ts"); // "/data/kernels/spark-ts"
 * entryOf("/data/kernels", "..");       // throws RangeError
 * ```
 */
export function entryOf(parent: string, name: string): string {
  if (!isFolderName(name)) throw new RangeError(`"${name}" is not a single folder name`);
  const entry = path.join(parent, name);
  if (path.relative(parent, entry) !== name) throw new RangeError(`"${name}" is not a single folder name`);
  return entry;
}

/**
 * Whether `dir` is absent, a real folder `isOurs` recognizes, or something else (a link, a file, a
 * folder of someone else's). A link is never ours: this package writes no links, and deleting
 * through one could reach anywhere.
 */
export function ownership(dir: string, isOurs: (dir: string) => boolean): Ownership {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { kind: "absent" };
    return { kind: "not ours", reason: `it cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})` };
  }
  if (stat.isSymbolicLink()) return { kind: "not ours", reason: "it is a symbolic link, which this package never writes" };
  if (!stat.isDirectory()) return { kind: "not ours", reason: "it is not a folder" };
  return isOurs(dir) ? { kind: "ours" } : { kind: "not ours", reason: "it was not written by spark-ts-kernel" };
}

/**
 * Throws {@link NotOursError} unless `dir` is absent or ours: what install checks before it writes
 * anything, so that a refusal leaves everything as it was.
 */
export function assertReplaceable(dir: string, isOurs: (dir: string) => boolean): void {
  const found = ownership(dir, isOurs);
  if (found.kind === "not ours") throw new NotOursError(dir, found.reason);
}

/**
 * Deletes `dir` (and what is in it) if it is ours; returns whether there was one to delete. Throws
 * {@link NotOursError} for anything else there. Links inside an owned folder are removed, not
 * followed.
 */
export function removeIfOurs(dir: string, isOurs: (dir: string) => boolean): boolean {
  const found = ownership(dir, isOurs);
  if (found.kind === "absent") return false;
  if (found.kind === "not ours") throw new NotOursError(dir, found.reason);
  fs.rmSync(dir, { recursive: true, force: true });
  return true;
}

/** Whether `file` is a regular file (not a link) whose JSON `accept` takes. */
export function readsAsJson(file: string, accept: (value: unknown) => boolean): boolean {
  try {
    if (!fs.lstatSync(file).isFile()) return false;
    return accept(JSON.parse(fs.readFileSync(file, "utf8")) as unknown);
  } catch {
    return false;
  }
}
