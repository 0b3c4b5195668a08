// Cells can `import { AnalysisException } from "spark-ts"` (or, as before the client became a
// package of its own, from "spark-ts-kernel", which re-exports it) in any folder, with no
// node_modules beside the notebook: the kernel maps both names to the installations it runs, for
// Node's resolver (running the cell) and for the TypeScript compiler tslab checks it with. tslab
// does the same for `import "tslab"`.
//
// For the compiler the mapping is a virtual `<notebook folder>/node_modules`: the package and the
// packages it depends on appear there, so types in a cell's declarations are named by package
// (`import("spark-ts-kernel").Row`, `import("apache-arrow").Table`), as tslab needs to carry a
// cell's variables to the next cell. Real packages in that folder come first.
import fs from "node:fs";
import Module from "node:module";
import path from "node:path";
import * as ts from "@tslab/typescript-for-tslab";

/** This package's name, as cells import it. */
export const PACKAGE_NAME = "spark-ts-kernel";

/** The client's package name, which cells import too. */
export const CLIENT_PACKAGE_NAME = "spark-ts";

type ResolveFilename = (request: string, ...rest: unknown[]) => string;

/**
 * The folders this package's dependencies can be installed in, as Node looks for them: the
 * node_modules of its own folder and of every folder above it (beside it under npx or a plain
 * install; the repository's root in a workspace checkout).
 */
function dependencyDirs(packageRoot: string): string[] {
  const dirs: string[] = [];
  for (let dir = packageRoot; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== "node_modules") dirs.push(path.join(dir, "node_modules"));
    // Only those that exist: the compiler asks about many files, each checked in every folder.
    if (path.dirname(dir) === dir) return dirs.filter((candidate) => fs.existsSync(candidate));
  }
}

/** Whether `request` names the client package or a file of it (`spark-ts`, `spark-ts/functions`). */
function isClientRequest(request: string): boolean {
  return request === CLIENT_PACKAGE_NAME || request.startsWith(`${CLIENT_PACKAGE_NAME}/`);
}

/**
 * Makes `PACKAGE_NAME` (and, for the type checker, its dependencies) resolve from `cwd` to this
 * package's installation at `packageRoot`. Call once, before the first cell. Returns the mapping:
 * the file on disk the compiler reads for a path it asks about.
 */
export function makePackageImportable(packageRoot: string, cwd: string): (file: string) => string {
  const moduleInternals = Module as unknown as { _resolveFilename: ResolveFilename };
  const resolve = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]): string {
    if (request === PACKAGE_NAME) return resolve.call(this, packageRoot, ...rest);
    // The client this kernel runs on, whatever folder the notebook is in: resolved as from this
    // package (through the original resolver, which require.resolve would re-enter this hook for).
    if (isClientRequest(request)) {
      const [parent, isMain, options] = rest as [unknown, unknown, Record<string, unknown> | undefined];
      return resolve.call(this, request, parent, isMain, { ...options, paths: [packageRoot] });
    }
    return resolve.call(this, request, ...rest);
  };

  const virtualModules = path.join(cwd, "node_modules");
  const dependencies = dependencyDirs(packageRoot);
  const forward = (file: string): string => {
    // The compiler also asks about relative paths (e.g. its own output dir): not ours to map.
    if (!path.isAbsolute(file)) return file;
    const relative = path.relative(virtualModules, file);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return file;
    if (fs.existsSync(file)) return file;
    const [name, ...inside] = relative.split(path.sep);
    if (name === PACKAGE_NAME) {
      // Its dependencies are found beside it, as top-level packages the compiler can name.
      if (inside[0] === "node_modules") return path.join(virtualModules, "\0hidden");
      return path.join(packageRoot, ...inside);
    }
    for (const dir of dependencies) {
      const candidate = path.join(dir, relative);
      if (fs.existsSync(candidate)) return candidate;
    }
    return file;
  };
  const sys = ts.sys;
  const fileExists = sys.fileExists.bind(sys);
  const readFile = sys.readFile.bind(sys);
  const directoryExists = sys.directoryExists.bind(sys);
  const getDirectories = sys.getDirectories.bind(sys);
  sys.fileExists = (file) => fileExists(forward(file));
  sys.readFile = (file, encoding) => readFile(forward(file), encoding);
  sys.directoryExists = (dir) => path.normalize(dir) === virtualModules || directoryExists(forward(dir));
  sys.getDirectories = (dir) => getDirectories(forward(dir));
  // Files keep their virtual paths: seen through, they would lose the package name they are typed by.
  const realpath = sys.realpath?.bind(sys);
  if (realpath) sys.realpath = (file) => (forward(file) !== file ? file : realpath(file));
  return forward;
}
