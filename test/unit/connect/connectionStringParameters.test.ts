import { expect } from "chai";
import fs from "node:fs";
import path from "node:path";
import { inspect } from "node:util";
import { describe, it } from "mocha";
import { CONNECTION_PARAMETERS, optionValue, setOption, type ConnectionParameter } from "../../../src/connect/connectionParameters";
import { ConnectionOptions, parseConnectionString, type ConnectionOptionsInit } from "../../../src/connect/connectionString";
import { InvalidConnectionStringError } from "../../../src/connect/errors";

const TEXT_SAMPLES: Readonly<Record<string, string>> = {
  token: "tok-5e6f7a8b9c",
  user_id: "ada lovelace",
  user_agent: "nightly-report/2.1",
  session_id: "00112233-4455-6677-8899-aabbccddeeff",
};

/** A valid value of the parameter other than its default, as written in a connection string. */
function sampleText(parameter: ConnectionParameter): string {
  switch (parameter.type) {
    case "text":
      return TEXT_SAMPLES[parameter.name] ?? expect.fail(`no sample for ${parameter.name}`);
    case "boolean":
      return String(!parameter.defaultValue);
    case "integer":
      return String(parameter.defaultValue === 1234 ? 4321 : 1234);
  }
}

function sampleValue(parameter: ConnectionParameter): string | boolean | number {
  const text = sampleText(parameter);
  return parameter.type === "boolean" ? text === "true" : parameter.type === "integer" ? Number(text) : text;
}

function problemOf(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidConnectionStringError);
    return (error as InvalidConnectionStringError).problem;
  }
  return expect.fail("expected an InvalidConnectionStringError");
}

/** parseConnectionString's TSDoc comment, as written in its source. */
function parseConnectionStringDoc(): string {
  const source = fs.readFileSync(path.resolve(__dirname, "../../../src/connect/connectionString.ts"), "utf8");
  const end = source.indexOf("export function parseConnectionString(");
  const start = source.lastIndexOf("/**", end);
  expect(start).to.be.greaterThan(0);
  return source.slice(start, end);
}

describe("connection string parameters: one table", () => {
  it("names each parameter once, in snake_case", () => {
    const names = CONNECTION_PARAMETERS.map((p) => p.name);
    expect(new Set(names).size).to.equal(names.length);
    for (const name of names) expect(name).to.match(/^[a-z]+(_[a-z]+)*$/);
    expect(names).to.include.members(["token", "use_ssl", "user_id", "user_agent", "session_id", "grpc_max_message_size"]);
  });

  it("is what parseConnectionString's documentation lists", () => {
    const doc = parseConnectionStringDoc();
    const missing = CONNECTION_PARAMETERS.filter((p) => !doc.includes(`\`${p.name}\``)).map((p) => p.name);
    expect(missing).to.deep.equal([]);
  });

  it("is what the README's table of connection string parameters lists", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "..", "README.md"), "utf8");
    const rows = new Set([...readme.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]));
    expect(CONNECTION_PARAMETERS.map((p) => p.name).filter((name) => !rows.has(name))).to.deep.equal([]);
  });

  it("gives every parameter a line for the docs", () => {
    for (const parameter of CONNECTION_PARAMETERS) expect(parameter.doc, parameter.name).to.match(/^\S.{10,}$/);
  });

  for (const parameter of CONNECTION_PARAMETERS as readonly ConnectionParameter[]) {
    describe(parameter.name, () => {
      const written = `${parameter.name}=${encodeURIComponent(sampleText(parameter))}`;

      it(`parses into the option ${parameter.option}, typed`, () => {
        const options = parseConnectionString(`sc://localhost/;${written}`);
        expect(optionValue(options, parameter)).to.equal(sampleValue(parameter));
        expect(options.headers).to.deep.equal({});
      });

      it(
        parameter.secret ? "renders as <redacted>, and nowhere else" : "renders back as written and parses again to the same options",
        () => {
          const options = parseConnectionString(`sc://localhost/;${written}`);
          if (parameter.secret) {
            const secret = sampleText(parameter);
            expect(String(options)).to.include(`${parameter.name}=<redacted>`);
            for (const shown of [String(options), inspect(options), JSON.stringify(options)]) expect(shown).not.to.include(secret);
            expect(options.secretNames).to.include(parameter.name);
          } else {
            expect(String(options)).to.include(written);
            expect(String(parseConnectionString(String(options)))).to.equal(String(options));
          }
        },
      );

      if (parameter.defaultValue !== undefined) {
        it(`is left out of the rendering at its default, ${String(parameter.defaultValue)}`, () => {
          const options = parseConnectionString(`sc://localhost/;${parameter.name}=${String(parameter.defaultValue)}`);
          expect(optionValue(options, parameter)).to.equal(parameter.defaultValue);
          expect(String(options)).to.equal("sc://localhost:15002");
        });
      }

      if (parameter.type === "integer") {
        const range = `${parameter.name} must be a whole number from ${parameter.min} to ${parameter.max}`;

        it(`refuses text that is not a whole number from ${parameter.min} to ${parameter.max}, naming it`, () => {
          for (const bad of [String(parameter.min - 1), String(parameter.max + 1), "1.5", "-1", "soon"]) {
            expect(
              problemOf(() => parseConnectionString(`sc://localhost/;${parameter.name}=${bad}`)),
              bad,
            ).to.equal(`${range}, not '${bad}'`);
          }
        });

        it("checks a value given in code by the same row", () => {
          for (const bad of [parameter.max + 1, 0.5]) {
            const init: Record<string, unknown> = { host: "localhost" };
            setOption(init, parameter, bad);
            expect(problemOf(() => ConnectionOptions.from(init as unknown as ConnectionOptionsInit))).to.equal(`${range}, not '${bad}'`);
          }
        });
      }

      if (parameter.type === "boolean") {
        it("refuses anything but true or false (in any case), naming it", () => {
          expect(optionValue(parseConnectionString(`sc://localhost/;${parameter.name}=TRUE`), parameter)).to.equal(true);
          expect(problemOf(() => parseConnectionString(`sc://localhost/;${parameter.name}=yes`))).to.equal(
            `${parameter.name} must be 'true' or 'false', not 'yes'`,
          );
        });
      }
    });
  }

  it("makes a secret parameter ask for TLS to a host other than this machine", () => {
    for (const parameter of CONNECTION_PARAMETERS.filter((p) => p.secret)) {
      expect(parseConnectionString(`sc://spark.example.com/;${parameter.name}=${sampleText(parameter)}`).useSsl, parameter.name).to.equal(
        true,
      );
    }
  });
});
