#!/usr/bin/env node
// Runs the integration suite against a Spark 3.5 Connect server (npm run test:spark35): pyspark 3.5
// in a venv of its own, its Connect server jar from Maven Central, and the suite with
// SPARK_TS_EXPECTED_SPARK naming the version. Tests of what Spark 3.5 lacks skip themselves and
// say why (the README's compatibility section lists the same).
//
// Spark 3.5's Connect server cannot be told which address to listen on (it takes every interface),
// so it runs in a network namespace of its own that has nothing but a loopback interface, and is
// reached from here through a Unix socket bridged to a port on 127.0.0.1. Nothing listens on the
// network.
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const self = fileURLToPath(import.meta.url);
const version = JSON.parse(fs.readFileSync(path.join(root, "proto", "spark.json"), "utf8")).compat;
const stateDir = path.resolve(process.env.SPARK_TS_SPARK35_DIR ?? path.join(root, ".spark35"));
const venv = path.join(stateDir, "venv");
const jar = path.join(stateDir, `spark-connect_2.12-${version}.jar`);
const socket = path.join(stateDir, "connect.sock");
const INNER_PORT = 15002;
const say = (line) => console.log(`spark35: ${line}`);

/** Passes bytes both ways between a client socket and a new connection to `target`. */
function pipe(client, target) {
  const upstream = net.connect(target);
  client.pipe(upstream).pipe(client);
  const end = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on("error", end);
  upstream.on("error", end);
}

// Inside the namespace: the Unix socket leads to the server's port.
if (process.argv[2] === "bridge-in") {
  fs.rmSync(socket, { force: true });
  net.createServer((client) => pipe(client, { host: "127.0.0.1", port: INNER_PORT })).listen(socket);
} else {
  await main();
}

async function prepare() {
  fs.mkdirSync(stateDir, { recursive: true });
  if (!fs.existsSync(path.join(venv, "bin", "python"))) {
    say(`creating a venv with pyspark ${version}`);
    execFileSync("python3", ["-m", "venv", venv], { stdio: "inherit" });
    execFileSync(path.join(venv, "bin", "pip"), ["install", "--quiet", "--disable-pip-version-check", `pyspark==${version}`], { stdio: "inherit" });
  }
  if (!fs.existsSync(jar)) {
    const url = `https://repo1.maven.org/maven2/org/apache/spark/spark-connect_2.12/${version}/spark-connect_2.12-${version}.jar`;
    say(`fetching ${url}`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Maven Central answered ${response.status} for ${url}`);
    fs.writeFileSync(`${jar}.part`, Buffer.from(await response.arrayBuffer()));
    fs.renameSync(`${jar}.part`, jar);
  }
}

function startIsolatedServer() {
  const sparkHome = execFileSync(path.join(venv, "bin", "python"), ["-c", "import os, pyspark; print(os.path.dirname(pyspark.__file__))"], { encoding: "utf8" }).trim();
  const inner = [
    "set -e",
    // A new network namespace starts with its loopback interface down.
    "ip link set lo up",
    `"${process.execPath}" "${self}" bridge-in &`,
    `exec "${sparkHome}/bin/spark-submit" --jars "${jar}" --class org.apache.spark.sql.connect.service.SparkConnectServer` +
      ` --driver-memory 1g --conf spark.connect.grpc.binding.port=${INNER_PORT} --conf spark.ui.enabled=false` +
      ` --conf spark.sql.shuffle.partitions=4 --conf spark.sql.warehouse.dir="${path.join(stateDir, "warehouse")}"` +
      ` --conf spark.driver.extraJavaOptions=-Dderby.system.home="${stateDir}"`,
  ].join("\n");
  // As root a network namespace needs nothing more; otherwise a user namespace comes with it.
  const unshare = process.getuid?.() === 0 ? ["--net"] : ["--net", "--map-root-user"];
  const env = { ...process.env, SPARK_HOME: sparkHome, SPARK_LOCAL_IP: "127.0.0.1" };
  delete env.SPARK_REMOTE;
  delete env.SPARK_CONNECT_MODE;
  const log = fs.openSync(path.join(stateDir, "server.log"), "w");
  const child = spawn("unshare", [...unshare, "bash", "-c", inner], { cwd: stateDir, env, detached: true, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  return child;
}

async function waitForServer(child) {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (/Spark Connect server started/.test(fs.readFileSync(path.join(stateDir, "server.log"), "utf8")) && fs.existsSync(socket)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  const tail = fs.readFileSync(path.join(stateDir, "server.log"), "utf8").trimEnd().split("\n").slice(-30).join("\n");
  throw new Error(`the Spark ${version} server did not start. Log tail:\n${tail}`);
}

async function main() {
  await prepare();
  say(`starting Spark ${version}'s Connect server in a network namespace of its own`);
  const server = startIsolatedServer();
  const bridge = net.createServer((client) => pipe(client, { path: socket }));
  let code = 1;
  try {
    await waitForServer(server);
    await new Promise((resolve) => bridge.listen(0, "127.0.0.1", resolve));
    const remote = `sc://127.0.0.1:${bridge.address().port}`;
    say(`server ready, reached at ${remote}; running the integration suite`);
    const mocha = spawn(process.execPath, [path.join(root, "node_modules", "mocha", "bin", "mocha.js"), "--config", "test/integration/.mocharc.json"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, SPARK_REMOTE: remote, SPARK_TS_EXPECTED_SPARK: version },
    });
    code = await new Promise((resolve) => mocha.on("exit", (c) => resolve(c ?? 1)));
  } finally {
    bridge.close();
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
    fs.rmSync(socket, { force: true });
  }
  process.exit(code);
}
