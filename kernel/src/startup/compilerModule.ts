// tslab's compiler exports its functions as read-only getters, and tslab builds its program with
// them, leaving no place to pass options of our own. To take part (note the compiler options,
// hand over parsed files), the module every `require` of the compiler gets is a view of it in
// which chosen functions are wrapped. Installed before anything loads the compiler.
import Module from "node:module";
import type * as TypeScript from "@tslab/typescript-for-tslab";

/** The compiler module's name, as tslab and this package require it. */
export const COMPILER_MODULE = "@tslab/typescript-for-tslab";

type Wrapper = (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown;

/** Wraps functions of the compiler module as every part of the process sees it. */
export interface CompilerView {
  /** The compiler itself. */
  readonly ts: typeof TypeScript;
  /** The view: the compiler, with the wrapped functions in place of its own. */
  readonly module: typeof TypeScript;
  /**
   * From now on, `name` is `wrapper(the function before)` for whoever calls it through the view;
   * returns what takes the wrapper off again.
   */
  wrap(name: keyof typeof TypeScript, wrapper: Wrapper): () => void;
}

/** A view of `ts` in which functions can be wrapped (installCompilerView makes it the module). */
export function compilerView(ts: typeof TypeScript): CompilerView {
  const wrapped = new Map<string | symbol, unknown>();
  const module = new Proxy(ts, {
    get: (target, key): unknown => (wrapped.has(key) ? wrapped.get(key) : Reflect.get(target, key)),
  });
  return {
    ts,
    module,
    wrap(name, wrapper) {
      const had = wrapped.has(name);
      const before = wrapped.get(name);
      wrapped.set(name, wrapper((had ? before : Reflect.get(ts, name)) as (...args: unknown[]) => unknown));
      return () => void (had ? wrapped.set(name, before) : wrapped.delete(name));
    },
  };
}

let installed: CompilerView | undefined;

/**
 * Makes `require(COMPILER_MODULE)` return a view of `ts` (loaded from `file`), so wrappers apply
 * to tslab's calls too. Call before anything requires the compiler; returns the view installed
 * before if there is one.
 */
export function installCompilerView(ts: typeof TypeScript, file: string): CompilerView {
  if (installed) return installed;
  const view = compilerView(ts);
  const entry = new Module(file);
  entry.filename = file;
  entry.exports = view.module;
  entry.loaded = true;
  (Module as unknown as { _cache: Record<string, unknown> })._cache[file] = entry;
  installed = view;
  return view;
}
