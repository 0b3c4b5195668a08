import { expect } from "chai";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "mocha";
import spark_json from "../../proto/spark.json";

// The compose stack cannot run here (no Docker engine), so it is checked: Debian's docker-compose
// validates it against the Compose file format and renders it, and the rendered file is held to
// what the stack promises.

const root = path.resolve(__dirname, "..", "..");
const python = path.join(process.env.SPARK_TS_VENV ?? path.join(root, ".venv"), "bin", "python");

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: (string | { host_ip?: string; published?: number | string })[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
  volumes?: string[];
}

describe("docker-compose.yml", function () {
  this.timeout(60_000);
  let services: Record<string, Service>;

  before(() => {
    const env = { ...process.env, JUPYTER_TOKEN: "compose-test" };
    execFileSync("docker-compose", ["-f", "docker-compose.yml", "config", "-q"], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
    const rendered = execFileSync("docker-compose", ["-f", "docker-compose.yml", "config"], { cwd: root, env, encoding: "utf8" });
    const json = execFileSync(python, ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))"], {
      input: rendered,
      encoding: "utf8",
    });
    services = (JSON.parse(json) as { services: Record<string, Service> }).services;
  });

  it("is a valid Compose file (docker-compose config accepts it)", () => {
    expect(Object.keys(services).sort()).to.deep.equal(["jupyterlab", "spark-connect", "spark-master", "spark-worker-1", "spark-worker-2"]);
  });

  it("is what scripts/clusterSpec.mjs generates, the description npm run test:cluster runs too", () => {
    const generated = execFileSync(process.execPath, [path.join(root, "scripts", "cluster.mjs"), "compose"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(fs.readFileSync(path.join(root, "docker-compose.yml"), "utf8")).to.equal(generated);
  });

  it("runs Spark from the official apache/spark image of the pinned version", () => {
    for (const name of ["spark-master", "spark-worker-1", "spark-worker-2", "spark-connect"]) {
      expect(services[name].image, name).to.equal(`apache/spark:${spark_json.spark}`);
    }
  });

  it("submits the Connect server to the standalone cluster, after the master is healthy, reachable by its executors", () => {
    const connect = services["spark-connect"];
    expect(connect.command!.slice(0, 3)).to.deep.equal([
      "/opt/spark/bin/spark-submit",
      "--class",
      "org.apache.spark.sql.connect.service.SparkConnectServer",
    ]);
    expect(connect.command!.join(" ")).to.include("--master spark://spark-master:7077");
    expect(connect.command!.join(" ")).to.include("spark.driver.host=spark-connect");
    for (const worker of ["spark-worker-1", "spark-worker-2"]) {
      expect(services[worker].command!.join(" ")).to.include("org.apache.spark.deploy.worker.Worker spark://spark-master:7077 --cores 1");
    }
    expect(connect.depends_on!["spark-master"].condition).to.equal("service_healthy");
    expect(connect.healthcheck).to.not.equal(undefined);
  });

  it("builds JupyterLab from kernel/Dockerfile, pointed at the Connect server, with the examples mounted", () => {
    const lab = services.jupyterlab;
    expect(lab.build!.dockerfile).to.equal("kernel/Dockerfile");
    expect(lab.environment!.SPARK_REMOTE).to.equal("sc://spark-connect:15002");
    expect(lab.volumes!.some((v) => v.startsWith(path.join(root, "examples") + ":"))).to.equal(true);
    expect(lab.depends_on!["spark-connect"].condition).to.equal("service_healthy");
  });

  it("publishes every port on the host's loopback only", () => {
    const ports = Object.entries(services).flatMap(([name, s]) =>
      (s.ports ?? []).map((p) => [name, typeof p === "string" ? p : `${p.host_ip ?? ""}:${p.published}`]),
    );
    expect(ports.length).to.be.greaterThan(0);
    for (const [name, port] of ports) expect(port, name).to.match(/^127\.0\.0\.1:/);
  });

  it("asks for a JupyterLab token instead of running without one", () => {
    expect(() =>
      execFileSync("docker-compose", ["-f", "docker-compose.yml", "config", "-q"], {
        cwd: root,
        env: { ...process.env, JUPYTER_TOKEN: "" },
        stdio: ["ignore", "ignore", "pipe"],
      }),
    ).to.throw(/JUPYTER_TOKEN/);
  });
});

describe("kernel/Dockerfile", () => {
  const dockerfile = fs.readFileSync(path.join(root, "kernel", "Dockerfile"), "utf8");

  it("installs the kernel with the same script as the host path", () => {
    expect(dockerfile).to.match(/^RUN bash scripts\/install-kernel\.sh .*--sys-prefix/m);
    expect(fs.readFileSync(path.join(root, "scripts", "lab.mjs"), "utf8")).to.include('"install-kernel.sh"');
  });

  it("takes JupyterLab's pinned versions from the project's requirements", () => {
    expect(dockerfile).to.include("scripts/requirements.txt");
    expect(dockerfile).to.match(/pyspark==\$\(node -p "require\('\.\/proto\/spark\.json'\)\.spark"\)/);
  });
});
