// Cells can `import { AnalysisException } from "spark-ts-kernel"` in any folder, with no
// node_modules beside the notebook: the kernel maps the package name to its own installation,
// for Node's resolver (running the cell) and for the TypeScript compiler tslab checks it with.
// tslab does the same for `import "tslab"`.
import Module from "node:module";
import path from "node:path";
import * as ts from "@tslab/typescript-for-tslab";

/** This package's name, as cells import it. */
export const PACKAGE_NAME = "spark-ts-kernel";

type ResolveFilename = (request: string, ...rest: unknown[]) => string;

/**
 * Makes `PACKAGE_NAME` resolve to `packageRoot` for code run and type-checked with `cwd` as its
 * folder. Call once, before the first cell.
 */
export function makePackageImportable(packageRoot: string, cwd: string): void {
  const moduleInternals = Module as unknown as { _resolveFilename: ResolveFilename };
  const resolve = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]): string {
    if (request === PACKAGE_NAME) return resolve.call(this, packageRoot, ...rest);
    return resolve.call(this, request, ...rest);
  };

  // Node10 resolution probes <cwd>/node_modules/spark-ts-kernel/... first: answer from the package.
  const virtualDir = path.join(cwd, "node_modules", PACKAGE_NAME);
  const forward = (file: string): string => {
    const relative = path.relative(virtualDir, file);
    return relative.startsWith("..") || path.isAbsolute(relative) ? file : path.join(packageRoot, relative);
  };
  const sys = ts.sys;
  const { fileExists, readFile, directoryExists, realpath } = sys;
  sys.fileExists = (file) => fileExists.call(sys, forward(file));
  sys.readFile = (file, encoding) => readFile.call(sys, forward(file), encoding);
  sys.directoryExists = (dir) => directoryExists.call(sys, forward(dir)) || path.join(cwd, "node_modules") === path.normalize(dir);
  if (realpath) sys.realpath = (file) => realpath.call(sys, forward(file));
}
