import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import type { AddArtifactsRequest, AddArtifactsRequest_ArtifactChunk } from "../gen/spark/connect/base";

/** A file for the server's artifact store of a session: its name there (`cache/<sha256>`, `jars/x.jar`) and its bytes. */
export interface Artifact {
  readonly name: string;
  readonly data: Uint8Array;
}

/** Artifacts travel in pieces of at most this many bytes, as PySpark sends them. */
export const ARTIFACT_CHUNK_BYTES = 32 * 1024;

/** The name of cached data in the artifact store: `cache/` and the SHA-256 of the bytes, in hex. */
export function cacheArtifact(data: Uint8Array): Artifact & { readonly hash: string } {
  const hash = createHash("sha256").update(data).digest("hex");
  return { name: `cache/${hash}`, data, hash };
}

function chunk(data: Uint8Array): AddArtifactsRequest_ArtifactChunk {
  return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), crc: BigInt(crc32(data)) };
}

/**
 * The payloads of an AddArtifacts stream: small artifacts together in batches of up to
 * {@link ARTIFACT_CHUNK_BYTES}, each larger one alone, cut into chunks of that size.
 */
export function* artifactPayloads(artifacts: Iterable<Artifact>): Generator<NonNullable<AddArtifactsRequest["payload"]>> {
  let batch: Artifact[] = [];
  let batchBytes = 0;
  const flush = function* () {
    if (batch.length === 0) return;
    yield { $case: "batch" as const, batch: { artifacts: batch.map((a) => ({ name: a.name, data: chunk(a.data) })) } };
    batch = [];
    batchBytes = 0;
  };
  for (const artifact of artifacts) {
    const size = artifact.data.byteLength;
    if (size > ARTIFACT_CHUNK_BYTES) {
      yield* flush();
      const numChunks = Math.ceil(size / ARTIFACT_CHUNK_BYTES);
      for (let i = 0; i < numChunks; i++) {
        const piece = chunk(artifact.data.subarray(i * ARTIFACT_CHUNK_BYTES, (i + 1) * ARTIFACT_CHUNK_BYTES));
        yield i === 0
          ? {
              $case: "beginChunk",
              beginChunk: { name: artifact.name, totalBytes: BigInt(size), numChunks: BigInt(numChunks), initialChunk: piece },
            }
          : { $case: "chunk", chunk: piece };
      }
    } else {
      if (batchBytes + size > ARTIFACT_CHUNK_BYTES) yield* flush();
      batch.push(artifact);
      batchBytes += size;
    }
  }
  yield* flush();
}
