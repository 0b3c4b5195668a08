import net from "node:net";

/** How a cut ends the proxied connections: a TCP RST (a reset) or a FIN (an orderly close). */
export type CutMode = "reset" | "close";

/** Which way the counted bytes go: from the server to the client, or from the client to the server. */
export type Direction = "toClient" | "toServer";

/** Pairs of sockets the proxy joins: one accepted client connection and its own connection upstream. */
interface Pair {
  readonly client: net.Socket;
  readonly upstream: net.Socket;
  /** The ways this pair no longer forwards (a stall), though both sockets stay open. */
  stalled: Set<Direction>;
}

/**
 * A loopback TCP proxy in front of a real server that forwards bytes untouched (HTTP/2 and gRPC
 * pass through it as they are) and can cut every connection it carries: at once, or after a
 * chosen number of bytes has gone from the server to the client. It keeps listening after a cut,
 * so a client that reconnects reaches the server again through it.
 *
 * @example
 * ```ts
 * const proxy = await CuttingProxy.start(15002);
 * proxy.cutAfter(10_000); // the 10,000th byte from the server is the last one through
 * // … run a query against proxy.remote …
 * await proxy.close();
 * ```
 */
export class CuttingProxy {
  readonly #server: net.Server;
  readonly #targetPort: number;
  readonly #pairs = new Set<Pair>();
  #budget: number | undefined;
  #armed = { bytes: 0, times: 0 };
  #direction: Direction = "toClient";
  #mode: CutMode = "reset";
  /** Set between the last byte of a cut going out and the cut itself: nothing more passes. */
  #cutPending = false;
  /** An armed stall: after how many more bytes which way, and which ways then go silent. */
  #stall: { budget: number; counted: Direction; silenced: readonly Direction[] } | undefined;
  /** How many times connections were stalled. */
  stalls = 0;
  /** Bytes forwarded from the server to clients since the proxy started. */
  bytesFromServer = 0;
  /** Bytes forwarded from clients to the server since the proxy started. */
  bytesFromClient = 0;
  /** How many times connections were cut. */
  cuts = 0;
  /** How many client connections the proxy has accepted. */
  connections = 0;

  private constructor(server: net.Server, targetPort: number) {
    this.#server = server;
    this.#targetPort = targetPort;
    server.on("connection", (client) => this.#accept(client));
  }

  /** A proxy on 127.0.0.1 (a free port) forwarding to 127.0.0.1:`targetPort`. */
  static async start(targetPort: number): Promise<CuttingProxy> {
    const server = net.createServer();
    const proxy = new CuttingProxy(server, targetPort);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  get port(): number {
    return (this.#server.address() as net.AddressInfo).port;
  }

  /** The proxy's address as a Spark Connect connection string. */
  get remote(): string {
    return `sc://127.0.0.1:${this.port}`;
  }

  /**
   * Cuts every connection once `bytes` more bytes have gone the given way (by default from the
   * server to the client); `cutAfter(0, "reset", "toServer")` cuts before the next request arrives.
   * With `times` above 1 the proxy cuts again after each further `bytes`.
   */
  cutAfter(bytes: number, mode: CutMode = "reset", direction: Direction = "toClient", times = 1): void {
    this.#budget = bytes;
    this.#armed = { bytes, times: times - 1 };
    this.#mode = mode;
    this.#direction = direction;
  }

  /**
   * Stalls every open connection once `bytes` more bytes have gone the `counted` way: from then on
   * the `silenced` ways forward nothing, but no socket is closed, as when a NAT entry, a load
   * balancer or a half-dead peer drops traffic without a word. Connections made afterwards pass
   * normally, so a client that gives up on the stalled one and reconnects gets through.
   */
  stallAfter(bytes: number, counted: Direction, silenced: Direction | "both" = "both"): void {
    this.#stall = { budget: bytes, counted, silenced: silenced === "both" ? ["toClient", "toServer"] : [silenced] };
  }

  /** Stalls every open connection now, both ways (see {@link CuttingProxy.stallAfter}). */
  stallNow(silenced: Direction | "both" = "both"): void {
    this.#stall = undefined;
    this.stalls += 1;
    for (const pair of this.#pairs) {
      for (const way of silenced === "both" ? (["toClient", "toServer"] as const) : [silenced]) pair.stalled.add(way);
    }
  }

  /** Cuts every connection now. */
  cutNow(mode: CutMode = "reset"): void {
    this.#budget = undefined;
    if (this.#armed.times > 0) {
      this.#armed.times -= 1;
      this.#budget = this.#armed.bytes;
    }
    this.cuts += 1;
    for (const pair of [...this.#pairs]) this.#destroy(pair, mode);
  }

  /** Stops listening and cuts what is left. */
  async close(): Promise<void> {
    for (const pair of [...this.#pairs]) this.#destroy(pair, "close");
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(client: net.Socket): void {
    this.connections += 1;
    const upstream = net.connect(this.#targetPort, "127.0.0.1");
    const pair: Pair = { client, upstream, stalled: new Set() };
    this.#pairs.add(pair);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.on("data", (chunk: Buffer) => this.#forward(pair, chunk, "toServer"));
    upstream.on("drain", () => client.resume());
    client.on("drain", () => upstream.resume());
    upstream.on("data", (chunk: Buffer) => this.#forward(pair, chunk, "toClient"));
    const end = () => this.#destroy(pair, "close");
    for (const socket of [client, upstream]) {
      socket.on("error", end);
      socket.on("close", end);
    }
  }

  #forward(pair: Pair, chunk: Buffer, direction: Direction): void {
    if (!this.#pairs.has(pair) || this.#cutPending || pair.stalled.has(direction)) return;
    const stall = this.#stall;
    if (stall !== undefined && stall.counted === direction) {
      if (chunk.length >= stall.budget) {
        const [from, to] = direction === "toClient" ? [pair.upstream, pair.client] : [pair.client, pair.upstream];
        if (!to.write(chunk.subarray(0, stall.budget))) from.pause();
        this.stallNow(stall.silenced.length === 2 ? "both" : stall.silenced[0]);
        return;
      }
      stall.budget -= chunk.length;
    }
    const [from, to] = direction === "toClient" ? [pair.upstream, pair.client] : [pair.client, pair.upstream];
    let data = chunk;
    let cut = false;
    if (this.#budget !== undefined && this.#direction === direction) {
      if (data.length >= this.#budget) {
        data = data.subarray(0, this.#budget);
        cut = true;
      }
      this.#budget -= data.length;
    }
    if (direction === "toClient") this.bytesFromServer += data.length;
    else this.bytesFromClient += data.length;
    if (cut) {
      this.#cutPending = true;
      const mode = this.#mode;
      // The last bytes have to leave before the reset, or the cut would land earlier than asked.
      to.write(data, () => {
        this.#cutPending = false;
        this.cutNow(mode);
      });
      return;
    }
    if (!to.write(data)) from.pause();
  }

  #destroy(pair: Pair, mode: CutMode): void {
    if (!this.#pairs.delete(pair)) return;
    for (const socket of [pair.client, pair.upstream]) {
      if (mode === "reset" && !socket.destroyed) socket.resetAndDestroy();
      else socket.destroy();
    }
  }
}
