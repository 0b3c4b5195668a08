import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "node:util";
import { Metadata, Server, ServerCredentials, type ServiceError, type UntypedServiceImplementation } from "@grpc/grpc-js";
import { parseConnectionString, type ConnectionOptions } from "../../../src/connect/connectionString";
import { callMetadata, channelCredentials, channelOptions } from "../../../src/connect/channelSettings";
import { CLIENT_NAME, clientTypeOf, clientVersion } from "../../../src/connect/clientIdentity";
import { sparkConnectService, sparkConnectStub } from "../../../src/connect/serviceStub";
import { ConfigRequest, ConfigResponse } from "../../../src/gen/spark/connect/base";

const TOKEN = "tok-1a2b3c4d5e6f";
const MIB = 1024 * 1024;

// A self-signed certificate for localhost and 127.0.0.1, valid 2000-2100, made for these tests
// only (openssl ca -selfsign); nothing outside this file trusts it.
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBlzCCAT6gAwIBAgIBATAKBggqhkjOPQQDAjAmMSQwIgYDVQQDDBtzcGFyay10
cy1rZXJuZWwgdGVzdCBzZXJ2ZXIwIBcNMDAwMTAxMDAwMDAwWhgPMjEwMDAxMDEw
MDAwMDBaMCYxJDAiBgNVBAMMG3NwYXJrLXRzLWtlcm5lbCB0ZXN0IHNlcnZlcjBZ
MBMGByqGSM49AgEGCCqGSM49AwEHA0IABCE4EOtkDv/y1C5kBchvWcg4Iqb+zg1D
NlAPaRspFLgadAb731WWl4u5+3y4FyOjVIwx3aLeLGSag95RfESmuhSjWzBZMBoG
A1UdEQQTMBGCCWxvY2FsaG9zdIcEfwAAATAPBgNVHRMBAf8EBTADAQH/MAsGA1Ud
DwQEAwIChDAdBgNVHQ4EFgQUMNwKI+ApPCzAYe1+280cHrLX8AkwCgYIKoZIzj0E
AwIDRwAwRAIgeTsNuemL6GrQZMeV9AWPcM+i//ceC2wSvhVtbENG/eECIDztqZAH
5AyoraK4KPbvAtWuVVFOtOsNwoQq1us8Llh2
-----END CERTIFICATE-----
`;
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg4qcJCBf1HW2hLuCe
qobBERuXcc4LjueON+CfNq8WGgehRANCAAQhOBDrZA7/8tQuZAXIb1nIOCKm/s4N
QzZQD2kbKRS4GnQG+99VlpeLuft8uBcjo1SMMd2i3ixkmoPeUXxEproU
-----END PRIVATE KEY-----
`;

describe("channel credentials", () => {
  it("are plain text without use_ssl or a token", () => {
    expect(channelCredentials(parseConnectionString("sc://example.com"))._isSecure()).to.equal(false);
  });

  it("are TLS with use_ssl=true", () => {
    expect(channelCredentials(parseConnectionString("sc://example.com/;use_ssl=true"))._isSecure()).to.equal(true);
  });

  it("are TLS with a token for a remote host", () => {
    expect(channelCredentials(parseConnectionString(`sc://example.com/;token=${TOKEN}`))._isSecure()).to.equal(true);
  });

  it("stay plain text with a token for a loopback host", () => {
    expect(channelCredentials(parseConnectionString(`sc://localhost/;token=${TOKEN}`))._isSecure()).to.equal(false);
  });

  it("are TLS with a header named like a credential for a remote host, and plain text for a loopback one", () => {
    expect(channelCredentials(parseConnectionString("sc://10.1.2.3:15002/;x-api-key=k3y-v4lue"))._isSecure()).to.equal(true);
    expect(channelCredentials(parseConnectionString("sc://10.1.2.3:15002/;authorization=Bearer%20k3y"))._isSecure()).to.equal(true);
    expect(channelCredentials(parseConnectionString("sc://127.0.0.1:15002/;x-api-key=k3y-v4lue"))._isSecure()).to.equal(false);
  });

  it("keep the token out of util.inspect", () => {
    const creds = channelCredentials(parseConnectionString(`sc://example.com/;token=${TOKEN}`));
    expect(inspect(creds, { depth: 10, showHidden: true })).not.to.include(TOKEN);
  });
});

describe("call metadata", () => {
  it("carries the connection string's extra parameters as headers", () => {
    const metadata = callMetadata(parseConnectionString("sc://example.com/;x-workspace=42;x-team=data%20eng"));
    expect(metadata.getMap()).to.deep.equal({ "x-workspace": "42", "x-team": "data eng" });
  });

  it("carries the token as a bearer header on a plain-text loopback connection", () => {
    const metadata = callMetadata(parseConnectionString(`sc://127.0.0.1:15002/;token=${TOKEN}`));
    expect(metadata.get("authorization")).to.deep.equal([`Bearer ${TOKEN}`]);
  });

  it("leaves the token to the call credentials over TLS, so it is sent once", () => {
    const metadata = callMetadata(parseConnectionString(`sc://example.com/;token=${TOKEN}`));
    expect(metadata.get("authorization")).to.deep.equal([]);
  });

  it("carries a secret-looking header's real value, over TLS as in plain text", () => {
    for (const host of ["10.1.2.3", "127.0.0.1"]) {
      expect(callMetadata(parseConnectionString(`sc://${host}:15002/;x-api-key=k3y-v4lue`)).get("x-api-key"), host).to.deep.equal([
        "k3y-v4lue",
      ]);
    }
  });

  it("is empty when there is nothing to send", () => {
    expect(callMetadata(parseConnectionString("sc://localhost")).getMap()).to.deep.equal({});
  });

  it("is a new object each time, since grpc-js metadata can be changed", () => {
    const options = parseConnectionString("sc://localhost/;x-a=1");
    expect(callMetadata(options)).not.to.equal(callMetadata(options));
  });

  it("keeps the token and secret-looking headers out of util.inspect and JSON, clones included", () => {
    const metadata = callMetadata(parseConnectionString(`sc://localhost/;token=${TOKEN};x-api-key=k3y-v4lue;x-team=data`));
    for (const m of [metadata, metadata.clone()]) {
      for (const rendering of [inspect(m), inspect(m, { showHidden: true, depth: 10 }), JSON.stringify(m)]) {
        expect(rendering).not.to.include(TOKEN);
        expect(rendering).not.to.include("k3y-v4lue");
        expect(rendering).to.include("data");
      }
      expect(m.get("authorization")).to.deep.equal([`Bearer ${TOKEN}`]);
    }
  });
});

describe("channel options", () => {
  it("raise the message size limit to 128 MiB both ways (grpc-js defaults to 4 MiB)", () => {
    const options = channelOptions(parseConnectionString("sc://localhost"));
    expect(options["grpc.max_send_message_length"]).to.equal(128 * MIB);
    expect(options["grpc.max_receive_message_length"]).to.equal(128 * MIB);
  });

  it("take the limit from grpc_max_message_size", () => {
    const options = channelOptions(parseConnectionString("sc://localhost/;grpc_max_message_size=268435456"));
    expect(options["grpc.max_send_message_length"]).to.equal(256 * MIB);
    expect(options["grpc.max_receive_message_length"]).to.equal(256 * MIB);
  });

  it("name this client, after the user_agent parameter, as the primary user agent", () => {
    const version = clientVersion();
    expect(channelOptions(parseConnectionString("sc://localhost"))["grpc.primary_user_agent"]).to.equal(`spark-ts/${version}`);
    expect(channelOptions(parseConnectionString("sc://localhost/;user_agent=notebooks"))["grpc.primary_user_agent"]).to.equal(
      `notebooks spark-ts/${version}`,
    );
  });

  it("send keepalive PINGs as PySpark does: after 60 s idle, 20 s to answer, with or without calls", () => {
    const options = channelOptions(parseConnectionString("sc://localhost"));
    expect(options).to.include({
      "grpc.keepalive_time_ms": 60_000,
      "grpc.keepalive_timeout_ms": 20_000,
      "grpc.keepalive_permit_without_calls": 1,
    });
  });

  it("follow the keepalive parameters, and leave keepalive out when it is disabled", () => {
    const tuned = channelOptions(parseConnectionString("sc://localhost/;grpc_keepalive_time_ms=30000;grpc_keepalive_without_calls=false"));
    expect(tuned).to.include({ "grpc.keepalive_time_ms": 30_000, "grpc.keepalive_permit_without_calls": 0 });
    const off = channelOptions(parseConnectionString("sc://localhost/;grpc_keepalive_enabled=false"));
    expect(off).not.to.have.any.keys("grpc.keepalive_time_ms", "grpc.keepalive_timeout_ms", "grpc.keepalive_permit_without_calls");
  });
});

describe("the client type of each request", () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8")) as {
    version: string;
  };

  it("reads this package's version from package.json", () => {
    expect(clientVersion()).to.equal(manifest.version);
  });

  it("names this client, Node and the OS", () => {
    expect(clientTypeOf(parseConnectionString("sc://localhost"))).to.equal(
      `${CLIENT_NAME}/${manifest.version} node/${process.versions.node} os/${process.platform}`,
    );
  });

  it("starts with the user_agent parameter, as Spark's clients put it", () => {
    expect(clientTypeOf(parseConnectionString("sc://localhost/;user_agent=my_data_query_app"))).to.equal(
      `my_data_query_app ${CLIENT_NAME}/${manifest.version} node/${process.versions.node} os/${process.platform}`,
    );
  });
});

describe("a call made with these credentials", () => {
  let plain: { server: Server; port: number; seen: Metadata[] };
  let tls: { server: Server; port: number; seen: Metadata[] };

  async function startServer(credentials: ServerCredentials) {
    const seen: Metadata[] = [];
    const server = new Server();
    const implementation: Partial<UntypedServiceImplementation> = {
      config: (call: { metadata: Metadata; request: ConfigRequest }, callback: (e: null, r: ConfigResponse) => void) => {
        seen.push(call.metadata);
        callback(null, ConfigResponse.fromPartial({ sessionId: call.request.sessionId }));
      },
    };
    server.addService(sparkConnectService, implementation as UntypedServiceImplementation);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", credentials, (e, p) => (e ? reject(e) : resolve(p))),
    );
    return { server, port, seen };
  }

  before(async () => {
    plain = await startServer(ServerCredentials.createInsecure());
    tls = await startServer(
      ServerCredentials.createSsl(null, [{ private_key: Buffer.from(TEST_KEY), cert_chain: Buffer.from(TEST_CERT) }]),
    );
  });

  after(() => {
    plain.server.forceShutdown();
    tls.server.forceShutdown();
  });

  async function callConfig(options: ConnectionOptions): Promise<void> {
    const client = sparkConnectStub(
      options.address,
      channelCredentials(options, { rootCertificates: Buffer.from(TEST_CERT) }),
      channelOptions(options),
    );
    try {
      await new Promise<void>((resolve, reject) =>
        client.config(
          ConfigRequest.fromPartial({ sessionId: "00112233-4455-6677-8899-aabbccddeeff" }),
          callMetadata(options),
          {},
          (e: ServiceError | null) => (e ? reject(e) : resolve()),
        ),
      );
    } finally {
      client.close();
    }
  }

  it("reaches a plain-text loopback server with the token as a bearer header, and the extra headers", async () => {
    await callConfig(parseConnectionString(`sc://127.0.0.1:${plain.port}/;token=${TOKEN};x-team=data`));
    const metadata = plain.seen.at(-1)!;
    expect(metadata.get("authorization")).to.deep.equal([`Bearer ${TOKEN}`]);
    expect(metadata.get("x-team")).to.deep.equal(["data"]);
  });

  it("reaches a TLS server with the token sent once, by the call credentials", async () => {
    await callConfig(parseConnectionString(`sc://localhost:${tls.port}/;use_ssl=true;token=${TOKEN};x-team=data`));
    const metadata = tls.seen.at(-1)!;
    expect(metadata.get("authorization")).to.deep.equal([`Bearer ${TOKEN}`]);
    expect(metadata.get("x-team")).to.deep.equal(["data"]);
  });

  it("announces this client in the user-agent header", async () => {
    await callConfig(parseConnectionString(`sc://127.0.0.1:${plain.port}/;user_agent=notebooks`));
    const userAgent = String(plain.seen.at(-1)!.get("user-agent")[0]);
    expect(userAgent.startsWith(`notebooks spark-ts/${clientVersion()} grpc-node-js/`), userAgent).to.equal(true);
  });
});
