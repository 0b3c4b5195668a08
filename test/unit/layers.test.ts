// The layer arrows of DESIGN.md, checked on every source file of both packages: inside the client
// (src/) imports go one way and the pure layers stay free of the wire; the client never reaches
// the kernel package (kernel/src/), and the kernel uses the client only through what it exports.
import { expect } from "chai";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "mocha";

const SRC = path.resolve(__dirname, "..", "..", "src");
const KERNEL_SRC = path.resolve(__dirname, "..", "..", "kernel", "src");

/** Which layers of ours each layer may import (itself always). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  sql: ["connect", "arrow", "render", "gen"],
  render: ["arrow"],
  arrow: [],
  connect: ["gen"],
  gen: [],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

function specifiersOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|require\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]!);
}

function importsOf(file: string): string[] {
  return specifiersOf(file).filter((specifier) => specifier.startsWith("."));
}

/** The layer folder a file or import target is in; "index" for src/index.ts. */
function layerOf(target: string): string {
  return path.relative(SRC, target).split(path.sep)[0]!.replace(/\.ts$/, "");
}

describe("layers", () => {
  const files = sourceFiles(SRC).filter((file) => layerOf(file) !== "gen");

  it("finds the source files it checks", () => {
    expect(files.length).to.be.greaterThan(10);
  });

  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    if (layer === "gen") continue;
    it(`${layer}/ imports only ${allowed.length ? allowed.join(", ") : "nothing of ours"}`, () => {
      const violations = files
        .filter((file) => layerOf(file) === layer)
        .flatMap((file) =>
          importsOf(file)
            .map((specifier) => layerOf(path.resolve(path.dirname(file), specifier)))
            .filter((target) => target !== layer && !allowed.includes(target))
            .map((target) => `${path.relative(SRC, file)} imports ${target}/`),
        );
      expect(violations).to.deep.equal([]);
    });
  }

  it("src/ has no kernel layer and never names the kernel package", () => {
    expect(fs.existsSync(path.join(SRC, "kernel"))).to.equal(false);
    const named = files.filter((file) => specifiersOf(file).some((s) => s === "spark-ts-kernel" || s.startsWith("spark-ts-kernel/")));
    expect(named.map((file) => path.relative(SRC, file))).to.deep.equal([]);
  });
});

describe("the kernel package", () => {
  const files = sourceFiles(KERNEL_SRC);

  it("finds the source files it checks", () => {
    expect(files.length).to.be.greaterThan(10);
  });

  it("imports the client only by its package name, never a file of it (no relative path leaves kernel/src)", () => {
    const violations = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => path.relative(KERNEL_SRC, path.resolve(path.dirname(file), specifier)).startsWith(".."))
        .map((specifier) => `${path.relative(KERNEL_SRC, file)} imports ${specifier}`),
    );
    expect(violations).to.deep.equal([]);
  });

  it("imports only what spark-ts exports at its root, not a path inside it", () => {
    const deep = files.flatMap((file) =>
      specifiersOf(file)
        .filter((s) => s.startsWith("spark-ts/") && s !== "spark-ts/functions")
        .map((s) => `${path.relative(KERNEL_SRC, file)} imports ${s}`),
    );
    expect(deep).to.deep.equal([]);
  });
});
