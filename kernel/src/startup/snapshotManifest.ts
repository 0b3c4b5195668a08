// What goes into the kernel's startup snapshot, and what comes out of it. The manifest is found by
// doing what a starting kernel does (a tslab converter declaring the notebook globals, in an empty
// folder) and noting every declaration file the compiler reads on the way.
import type * as TypeScript from "@tslab/typescript-for-tslab";

/** The input of the snapshot build: written by collectSources.ts, read by snapshotEntry.ts. */
export interface SnapshotManifest {
  /** The compiler tslab uses: its single-file build. */
  readonly compiler: string;
  /** The compiler options tslab's converter gives its program (those that change parsing). */
  readonly compilerOptions: Readonly<Record<string, unknown>>;
  /** The declaration files the first program reads, by their paths on disk. */
  readonly files: readonly { readonly path: string }[];
  /** The module that makes the compiler in the heap the one `require` returns (compilerModule.ts). */
  readonly compilerView: string;
  /** The CLI module the deserialized process runs. */
  readonly cli: string;
}

/** A parsed and bound declaration file, with what its file on disk was when it was parsed. */
export interface SnapshotSource {
  readonly sourceFile: TypeScript.SourceFile;
  readonly size: number;
  readonly mtimeMs: number;
}

/** What a process started from the snapshot holds. */
export interface SnapshotSources {
  readonly compilerPath: string;
  readonly ts: typeof TypeScript;
  readonly files: Map<string, SnapshotSource>;
}

/** The global the snapshot's heap holds its sources under. */
export const SNAPSHOT_KEY = Symbol.for("spark-ts-kernel.startupSnapshot");

/** The sources of the snapshot this process started from, if it did. */
export function startupSources(): SnapshotSources | undefined {
  return (globalThis as Record<symbol, SnapshotSources | undefined>)[SNAPSHOT_KEY];
}
