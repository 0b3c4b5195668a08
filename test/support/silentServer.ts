import net from "node:net";

/**
 * A TCP listener on 127.0.0.1 that accepts every connection and never writes a byte: what a client
 * meets behind a firewall or load balancer that holds connections, or at a port that is not a
 * Spark Connect server's. It reads (and drops) what it is sent, so the client's writes succeed.
 *
 * @example
 * ```ts
 * const silent = await SilentServer.start();
 * // … connect to silent.remote and expect "did not answer" …
 * await silent.close();
 * ```
 */
export class SilentServer {
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();
  /** Connections accepted so far. */
  connections = 0;

  private constructor(server: net.Server) {
    this.#server = server;
    server.on("connection", (socket) => {
      this.connections += 1;
      this.#sockets.add(socket);
      socket.on("data", () => undefined);
      socket.on("error", () => undefined);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  static async start(): Promise<SilentServer> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new SilentServer(server);
  }

  get port(): number {
    return (this.#server.address() as net.AddressInfo).port;
  }

  /** The listener as a Spark Connect connection string, with extra parameters if given (`;a=b`). */
  remote(parameters = ""): string {
    return `sc://127.0.0.1:${this.port}${parameters === "" ? "" : `/${parameters}`}`;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
