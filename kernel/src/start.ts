// Starts the kernel process: the tslab executor with the notebook globals preloaded and typed, the
// server on the connection file, interrupts by signal or by message, and a clean shutdown that
// releases the Spark session on the server.
import path from "node:path";
// First of all: the compiler tap must be in place before tslab's converter loads the compiler.
import { tslabCompilerView } from "./cell/compilerTap";
import { useCellPrograms } from "./cell/cellPrograms";
import { createConverter, type Converter } from "tslab/dist/converter";
import { createExecutor, type ConverterSet } from "tslab/dist/executor";
import * as tslabJupyter from "tslab/dist/jupyter";
import { DEFAULT_REMOTE, SparkSession } from "spark-ts";
import { CellRunner } from "./cell/cellRunner";
import { kernelConverter } from "./cell/kernelConverter";
import { SchemaTypes } from "./cell/schemaTypes";
import { SparkKernelHandler } from "./handler";
import { createDisplay, DEFAULT_TABLE_SETTINGS } from "./notebook/display";
import { notebookGlobals, sessionForCells } from "./notebook/globals";
import { SessionHolder } from "./notebook/sessionRenewal";
import { SparkKernelServer } from "./server";
import { makePackageImportable } from "./notebook/packageImport";
import { packageRoot } from "./install/runtimeCopy";
import { startupSources } from "./startup/snapshotManifest";
import { serveSourceFiles } from "./startup/sourceFileCache";
import { installCompilerView } from "./startup/compilerModule";
import { reportStartedFromSnapshot } from "./startup/launch";
import { limitHeapGrowth } from "./startup/heapGrowth";

/** How a kernel process is started (from kernel.json's argv and env). */
export interface KernelOptions {
  /** Jupyter's connection file (ports, key, transport, address). */
  readonly connectionFile: string;
  /** The Spark Connect server of the preloaded `spark`; else SPARK_REMOTE, else the default. */
  readonly remote?: string;
  /** The Spark UI's root (checked, without secrets) that progress displays link to. */
  readonly sparkUi?: string;
}

/** The converters tslab's executor uses, made when first needed (each takes a while). */
function converters(types: SchemaTypes): ConverterSet {
  let node: Converter | undefined;
  let browser: Converter | undefined;
  return {
    get node() {
      return (node ??= kernelConverter(createConverter({ isJS: false, isBrowser: false }), { types }));
    },
    get browser() {
      return (browser ??= createConverter({ isJS: false, isBrowser: true }));
    },
    close() {
      node?.close();
      browser?.close();
    },
  };
}

/**
 * Runs a kernel until Jupyter shuts it down.
 *
 * @example
 * ```ts
 * await startKernel({ connectionFile: "/run/user/1000/jupyter/kernel-1.json" });
 * ```
 */
export async function startKernel(options: KernelOptions): Promise<void> {
  const stderr = process.stderr.write.bind(process.stderr);
  const log = (line: string) => void stderr(line + "\n");
  const remote = options.remote || process.env.SPARK_REMOTE || DEFAULT_REMOTE;
  limitHeapGrowth();

  // The session object is made at once, but nothing connects until the first use, so the kernel
  // starts even when the server is down, and the first cell that uses Spark says so.
  const spark = await SparkSession.builder.remote(remote).getOrCreate();
  const fileOnDisk = makePackageImportable(packageRoot(), process.cwd());
  // Started from a startup snapshot (startupSnapshot.ts): its compiler parsed the declaration files
  // the first program reads already.
  const snapshot = startupSources();
  const served =
    snapshot && serveSourceFiles(installCompilerView(snapshot.ts, snapshot.compilerPath), snapshot.files, fileOnDisk, { versions: false });
  useCellPrograms(tslabCompilerView());
  const settings = { ...DEFAULT_TABLE_SETTINGS };
  const display = createDisplay(settings);
  // Read only once cells run, by when the runner below exists.
  const types = new SchemaTypes(() => runner.tslab.locals);
  const convs = converters(types);
  const session = new SessionHolder(spark, remote);
  const runner = CellRunner.create(
    (console) => createExecutor(process.cwd(), convs, console),
    sessionForCells(session, options.sparkUi),
    settings,
    (thrown) => session.recover(thrown),
  );
  session.onRenew((renewed) => {
    runner.tslab.locals.spark = renewed;
  });
  const globals = notebookGlobals(spark, display);
  // Type-checking the globals' declarations loads the TypeScript compiler and the package's
  // types, the slowest part of a start: it runs once the sockets are bound, while Jupyter
  // finishes connecting, and cells wait for it.
  let declared!: () => void;
  const ready = new Promise<void>((resolve) => (declared = resolve));
  const handler = new SparkKernelHandler(runner, ready, types);
  const server = new SparkKernelServer(handler, options.connectionFile, log, async () => {
    // A restart is a new process too: release the server-side session either way (bounded wait).
    await Promise.race([session.current.stop().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    // The server closes its sockets next; anything a cell left running must not keep us alive.
    setTimeout(() => process.exit(0), 200).unref();
  });
  // tslab.display() writes through tslab's last display writer: keep it pointed at the running cell.
  handler.onCellStart = (io) => {
    (tslabJupyter as { lastWriteDisplayData: unknown }).lastWriteDisplayData = (
      data: { data: Record<string, string>; transient?: { display_id?: string } },
      update: boolean,
    ) => io.display(data.data, { displayId: data.transient?.display_id, update });
  };
  process.on("SIGINT", () => handler.interrupt());
  process.on("uncaughtException", (err) => log(`spark-ts-kernel: uncaught exception: ${err.stack ?? String(err)}`));
  process.on("unhandledRejection", (reason) => {
    // Most often a promise a cell started and did not await: show it where the user looks.
    process.stderr.write(`Unhandled promise rejection: ${reason instanceof Error ? reason.message : String(reason)}\n`);
  });
  await server.init();
  reportStartedFromSnapshot();
  // Connecting and the server's new session take a round trip or two: begun now, they are done
  // while the globals are type-checked. A server that is down is news for the first cell that
  // uses it, not for the start.
  session.current.version.catch(() => undefined);
  const declareGlobals = async () => {
    try {
      // Declarations first: tslab runs a `declare const x` cell as `exports.x = void 0`.
      if (!(await runner.tslab.execute(globals.declarations))) {
        log("spark-ts-kernel: the notebook globals could not be declared; cells will not see their types");
      }
    } catch (err) {
      log(`spark-ts-kernel: declaring the notebook globals failed: ${String(err)}`);
    } finally {
      Object.assign(runner.tslab.locals, globals.values);
      declared();
    }
    if (served)
      log(`spark-ts-kernel: started from the startup snapshot (${served.served} declaration files from memory, ${served.parsed} parsed)`);
  };
  setImmediate(() => void declareGlobals());
  log(`spark-ts-kernel: kernel started (cwd ${path.basename(process.cwd())}), Spark Connect at ${session.current.connectionString}`);
}
