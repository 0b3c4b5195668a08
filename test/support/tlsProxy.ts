import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";

/** A certificate authority made for one test run, and a server certificate it signed for localhost. */
export interface TestCertificates {
  readonly dir: string;
  readonly caPem: Buffer;
  readonly serverKey: Buffer;
  readonly serverCert: Buffer;
  remove(): void;
}

/** Makes a self-signed CA and a localhost server certificate with the `openssl` command, in a temp folder. */
export function makeTestCertificates(): TestCertificates {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-tls-"));
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "1",
    "-subj",
    "/CN=spark-ts-kernel test CA",
  );
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
  fs.writeFileSync(path.join(dir, "san.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
  openssl(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-out",
    "server.pem",
    "-days",
    "1",
    "-extfile",
    "san.cnf",
  );
  const read = (name: string) => fs.readFileSync(path.join(dir, name));
  return {
    dir,
    caPem: read("ca.pem"),
    serverKey: read("server.key"),
    serverCert: read("server.pem"),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A TLS front for a plaintext Spark Connect server, on loopback: it ends TLS (offering HTTP/2, as
 * gRPC needs) and passes the bytes on, as a load balancer in front of a cluster would.
 */
export class TlsProxy {
  private constructor(
    private readonly server: tls.Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number, certificates: TestCertificates): Promise<TlsProxy> {
    const server = tls.createServer({ key: certificates.serverKey, cert: certificates.serverCert, ALPNProtocols: ["h2"] }, (client) => {
      const upstream = net.connect({ host: "127.0.0.1", port: targetPort });
      client.pipe(upstream).pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on("error", end);
      upstream.on("error", end);
    });
    // Handshakes a client abandons (an untrusted certificate) are not the proxy's failures.
    server.on("tlsClientError", () => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new TlsProxy(server, (server.address() as net.AddressInfo).port);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
