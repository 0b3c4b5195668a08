// The layer arrows of DESIGN.md, checked on every source file: imports go one way, nothing
// imports the kernel, and the pure layers stay free of the wire.
import { expect } from "chai";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "mocha";

const SRC = path.resolve(__dirname, "..", "..", "src");

/** Which layers of ours each layer may import (itself always). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  kernel: ["sql", "render", "connect", "arrow", "gen"],
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

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|require\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]!);
  return found.filter((specifier) => specifier.startsWith("."));
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
});
