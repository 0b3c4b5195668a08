// An HTTP CONNECT proxy on loopback, as companies put between their machines and managed services:
// it opens the tunnel a client asks for and passes bytes both ways, and records each request it
// saw (the target and the request's headers; the bytes in the tunnel are TLS, which it cannot read).
import http from "node:http";
import net from "node:net";

export interface ConnectRequest {
  readonly target: string;
  readonly headers: http.IncomingHttpHeaders;
}

export class HttpConnectProxy {
  readonly requests: ConnectRequest[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: http.Server,
    readonly port: number,
  ) {}

  static async start(): Promise<HttpConnectProxy> {
    const server = http.createServer((_req, res) => res.writeHead(405).end());
    const proxy = await new Promise<HttpConnectProxy>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve(new HttpConnectProxy(server, (server.address() as net.AddressInfo).port))),
    );
    server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => proxy.tunnel(req, client, head));
    return proxy;
  }

  private tunnel(req: http.IncomingMessage, client: net.Socket, head: Buffer): void {
    const target = req.url ?? "";
    this.requests.push({ target, headers: req.headers });
    const [host, port] = [target.slice(0, target.lastIndexOf(":")), Number(target.slice(target.lastIndexOf(":") + 1))];
    const upstream = net.connect({ host, port }, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
