import { credentials, Metadata } from "@grpc/grpc-js";
import type { SparkSession } from "../../src";
import { sparkConnectStub } from "../../src/connect/serviceStub";
import { sparkRemote } from "./spark";

/**
 * Whether the server still holds an operation: a ReleaseExecute names the operation in its answer
 * only when it found it. Sent straight to the server, not through the proxy.
 */
export async function heldOnServer(spark: SparkSession, operationId: string): Promise<boolean> {
  const stub = sparkConnectStub(new URL(sparkRemote().replace(/^sc:/, "http:")).host, credentials.createInsecure(), {});
  try {
    const response = await new Promise<{ operationId?: string | undefined }>((resolve, reject) =>
      stub.releaseExecute(
        {
          sessionId: spark.client.sessionId,
          userContext: { userId: "", userName: "", extensions: [] },
          operationId,
          release: { $case: "releaseAll", releaseAll: {} },
        },
        new Metadata(),
        {},
        (error, answer) => (error ? reject(error) : resolve(answer)),
      ),
    );
    return response.operationId !== undefined;
  } finally {
    stub.close();
  }
}
