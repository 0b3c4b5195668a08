// The client's declarations as a TypeScript consumer of spark-ts reads them: compiled here from
// src/ (in memory, with the build's own tsconfig, so a stale dist/ proves nothing), then followed
// from the entry points package.json names. What they import from outside the package must come
// with every install of it: vega and vega-lite are optional peers, so a consumer without them
// must not meet them in a type ("Cannot find module 'vega-lite'", or `any` with skipLibCheck).
import { builtinModules } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { before, describe, it } from "mocha";
import ts from "typescript";

const root = path.resolve(__dirname, "..", "..");

/**
 * The packages outside spark-ts that its declarations may import from, besides Node's own
 * modules: dependencies every install brings, with their types. The one place to change.
 */
const ALLOWED_PACKAGES: readonly string[] = ["apache-arrow", "@bufbuild/protobuf"];

/** Optional peers: in no declaration, whatever ALLOWED_PACKAGES says. */
const OPTIONAL_PEERS: readonly string[] = ["vega", "vega-lite"];

/** A module named by a declaration file, and which file (relative to the output folder) names it. */
interface ModuleReference {
  readonly file: string;
  readonly module: string;
}

/** Every module a declaration file names: imports, re-exports, `import("…")` types, `declare module`, reference directives. */
function namedModules(
  fileName: string,
  text: string,
): { readonly specifiers: string[]; readonly typeReferences: string[]; readonly paths: string[] } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      specifiers.push(node.moduleReference.expression.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      specifiers.push(node.argument.literal.text);
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      specifiers.push(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return {
    specifiers,
    typeReferences: source.typeReferenceDirectives.map((d) => d.fileName),
    paths: source.referencedFiles.map((d) => d.fileName),
  };
}

/** The package a bare specifier is in: `@scope/name` or `name`, without a subpath. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(specifier);
}

/** A relative specifier from `fromFile` as the declaration file it means, if one was emitted. */
function resolveRelative(fromFile: string, specifier: string, emitted: ReadonlyMap<string, string>): string | undefined {
  const target = path.resolve(path.dirname(fromFile), specifier.replace(/\.(c|m)?js$/, ""));
  return [`${target}.d.ts`, path.join(target, "index.d.ts"), target].find((candidate) => emitted.has(candidate));
}

/**
 * The declaration files reachable from `entries` in `emitted` (file name → text), and the modules
 * outside the package they name. A relative import with no emitted file is named as it is written,
 * so it shows up as a fault too.
 */
function reachableDeclarations(
  entries: readonly string[],
  emitted: ReadonlyMap<string, string>,
  outDir: string,
): { readonly files: string[]; readonly external: ModuleReference[] } {
  const seen = new Set<string>();
  const external: ModuleReference[] = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = emitted.get(file);
    const shown = path.relative(outDir, file).split(path.sep).join("/");
    if (text === undefined) {
      external.push({ file: shown, module: "(not emitted)" });
      continue;
    }
    const named = namedModules(file, text);
    for (const specifier of [...named.specifiers, ...named.paths.map((p) => (p.startsWith(".") ? p : `./${p}`))]) {
      if (specifier.startsWith(".")) {
        const target = resolveRelative(file, specifier, emitted);
        if (target) queue.push(target);
        else external.push({ file: shown, module: specifier });
      } else {
        external.push({ file: shown, module: specifier });
      }
    }
    // `/// <reference types="node" />` is Node's own types; any other is a package.
    for (const types of named.typeReferences) external.push({ file: shown, module: types === "node" ? "node:" : types });
  }
  return { files: [...seen].map((f) => path.relative(outDir, f).split(path.sep).join("/")).sort(), external };
}

/** The `types` files package.json promises (top level and per export), relative to the package root. */
function declaredEntryPoints(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    types?: string;
    exports?: Record<string, string | { types?: string }>;
  };
  const fromExports = Object.values(manifest.exports ?? {}).flatMap((target) =>
    typeof target === "object" && target.types ? [target.types] : [],
  );
  return [...(manifest.types ? [manifest.types] : []), ...fromExports];
}

/** The build's compiler options (tsconfig.build.json), with declarations only and no source maps. */
function buildOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.build.json"),
    { noEmit: false, declaration: true, emitDeclarationOnly: true, declarationMap: false, sourceMap: false },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error("tsconfig.build.json did not parse");
  return parsed.options;
}

function formatted(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const where =
      d.file && d.start !== undefined
        ? `${path.relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: `
        : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });
}

describe("the client's declarations, as a consumer of spark-ts reads them", function () {
  // Compiling src/ takes seconds on a loaded machine; this is a generous bound on a compile, not
  // a measure of anything.
  this.timeout(180_000);

  const options = buildOptions();
  const outDir = options.outDir!;
  const entries = [...new Set(declaredEntryPoints().map((types) => path.resolve(root, types)))];
  let emitted: Map<string, string>;
  let emitDiagnostics: readonly ts.Diagnostic[];
  let reachable: ReturnType<typeof reachableDeclarations>;

  before(() => {
    // Each promised declaration file comes from the source file of the same name under rootDir.
    const sources = entries.map((entry) => path.join(options.rootDir!, path.relative(outDir, entry).replace(/\.d\.ts$/, ".ts")));
    const program = ts.createProgram(sources, options);
    emitted = new Map();
    const result = program.emit(undefined, (fileName, text) => emitted.set(path.resolve(fileName), text), undefined, true);
    emitDiagnostics = result.diagnostics;
    reachable = reachableDeclarations(entries, emitted, outDir);
  });

  it("are emitted without errors, for both entry points package.json names (the root and ./functions)", () => {
    expect(formatted(emitDiagnostics)).to.deep.equal([]);
    expect(entries.map((e) => path.relative(outDir, e).split(path.sep).join("/"))).to.have.members([
      "index.d.ts",
      "sql/functions/index.d.ts",
    ]);
    expect(entries.every((e) => emitted.has(e))).to.equal(true);
  });

  it("reach the chart API (specs, bundles, access, Chart, the spec type) and see the packages they import", () => {
    expect(reachable.files).to.include.members([
      "render/chart/specs.d.ts",
      "render/chart/chartBundle.d.ts",
      "render/chart/chartAccess.d.ts",
      "render/chart/vegaLiteSpec.d.ts",
      "sql/plot/chart.d.ts",
      "sql/plot/dataFramePlot.d.ts",
    ]);
    // The walk sees a package when one is imported: apache-arrow is, for Arrow tables.
    expect(reachable.external.map((r) => packageOf(r.module))).to.include("apache-arrow");
  });

  it("name neither vega nor vega-lite (optional peers), in any import or import() type", () => {
    const peers = reachable.external.filter((r) => OPTIONAL_PEERS.includes(packageOf(r.module)));
    expect(peers.map((r) => `${r.file} names ${r.module}`)).to.deep.equal([]);
  });

  it(`name no module outside the package but Node's own and ${ALLOWED_PACKAGES.join(", ")}`, () => {
    const outside = reachable.external.filter(
      (r) => !isNodeBuiltin(r.module) && (!ALLOWED_PACKAGES.includes(packageOf(r.module)) || OPTIONAL_PEERS.includes(packageOf(r.module))),
    );
    expect([...new Set(outside.map((r) => `${r.file} names ${r.module}`))]).to.deep.equal([]);
  });

  it("would see vega and vega-lite where a declaration names them (the check can fail)", () => {
    const out = path.join(path.sep, "out");
    const fake = new Map([
      [path.join(out, "index.d.ts"), '/// <reference types="mocha" />\nexport * from "./chart";\n'],
      [
        path.join(out, "chart.d.ts"),
        'import type { TopLevelSpec } from "vega-lite";\nexport declare function svg(spec: TopLevelSpec, loader: import("vega").Loader): Promise<string>;\nexport { x } from "./missing";\n',
      ],
    ]);
    const { files, external } = reachableDeclarations([path.join(out, "index.d.ts")], fake, out);
    expect(files).to.deep.equal(["chart.d.ts", "index.d.ts"]);
    expect(external).to.deep.equal([
      { file: "index.d.ts", module: "mocha" },
      { file: "chart.d.ts", module: "vega-lite" },
      { file: "chart.d.ts", module: "vega" },
      { file: "chart.d.ts", module: "./missing" },
    ]);
  });
});

describe("VegaLiteSpec, the chart API's own spec type", function () {
  this.timeout(180_000); // a compile, as above

  it("converts to vega-lite's TopLevelSpec and back with `as`, takes any other Vega-Lite property, and still checks the ones it names", () => {
    const consumer = path.join(root, "test", "unit", "vegaLiteConsumer.ts");
    const text = `import type { TopLevelSpec } from "vega-lite";
import { chartSvg, type Chart, type VegaLiteSpec } from "../../src";
declare const chart: Chart;
declare const theirs: TopLevelSpec;
export async function typed(): Promise<TopLevelSpec> { return (await chart.spec()) as TopLevelSpec; }
export const drawn: Promise<string> = chartSvg(theirs as VegaLiteSpec);
export const open: VegaLiteSpec = { mark: { type: "bar", cornerRadius: 2 }, params: [{ name: "p", value: 1 }], hconcat: [] };
export const rows: unknown = open.data?.values;
// @ts-expect-error: $schema is a string
export const wrong: VegaLiteSpec = { $schema: 5 };
`;
    const { options } = ts.getParsedCommandLineOfConfigFile(
      path.join(root, "tsconfig.json"),
      { noEmit: true },
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => undefined,
      },
    )!;
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, language, ...rest) =>
      path.resolve(fileName) === consumer
        ? ts.createSourceFile(fileName, text, language, true)
        : getSourceFile(fileName, language, ...rest);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (fileName) => path.resolve(fileName) === consumer || fileExists(fileName);
    const program = ts.createProgram([consumer], options, host);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(program.getSourceFile(consumer)),
      ...program.getSemanticDiagnostics(program.getSourceFile(consumer)),
    ];
    expect(formatted(diagnostics)).to.deep.equal([]);
  });
});
