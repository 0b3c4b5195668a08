"""Take Spark Connect's .proto files out of the official release artifact pinned in spark.json.

The artifact is the `spark-connect_<scala>-<version>.jar` that the pinned `pyspark` wheel from PyPI
ships (the venv made by scripts/setup.sh). The jar carries the protocol sources exactly as Spark
built its server from them, plus the google/rpc protos the server's error details use.

Usage: python proto/extract.py OUT_DIR
"""

import hashlib
import json
import pathlib
import sys
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
GOOGLE_RPC = ["google/rpc/status.proto", "google/rpc/error_details.proto"]
# Files the client cannot work without; the check fails loudly if a release drops or renames one.
REQUIRED = [
    "spark/connect/base.proto",
    "spark/connect/commands.proto",
    "spark/connect/expressions.proto",
    "spark/connect/relations.proto",
    "spark/connect/types.proto",
    "spark/connect/catalog.proto",
    "spark/connect/common.proto",
]


def fail(message: str) -> None:
    print(f"proto: {message}", file=sys.stderr)
    sys.exit(1)


def main() -> None:
    if len(sys.argv) != 2:
        fail("usage: extract.py OUT_DIR")
    out = pathlib.Path(sys.argv[1])
    pin = json.loads((HERE / "spark.json").read_text())
    version, scala = pin["spark"], pin["scala"]

    try:
        import pyspark
    except ImportError:
        fail("pyspark is not installed in this Python; run `npm run setup` first")
    if pyspark.__version__ != version:
        fail(f"the venv has pyspark {pyspark.__version__}, spark.json pins {version}; run `npm run setup`")

    jar = pathlib.Path(pyspark.__file__).parent / "jars" / f"spark-connect_{scala}-{version}.jar"
    if not jar.is_file():
        fail(f"{jar.name} is missing from the pyspark wheel")

    with zipfile.ZipFile(jar) as z:
        manifest = z.read("META-INF/MANIFEST.MF").decode()
        if f"Implementation-Version: {version}" not in manifest:
            fail(f"{jar.name} does not declare Implementation-Version {version}")
        names = [n for n in z.namelist() if n.startswith("spark/connect/") and n.endswith(".proto")]
        missing = [n for n in REQUIRED + GOOGLE_RPC if n not in z.namelist()]
        if missing:
            fail(f"{jar.name} lacks {', '.join(missing)}")
        files = {}
        for name in sorted(names) + GOOGLE_RPC:
            data = z.read(name)
            if name.startswith("spark/") and b"package spark.connect;" not in data:
                fail(f"{name} is not in package spark.connect")
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            files[name] = hashlib.sha256(data).hexdigest()

    jar_sha = hashlib.sha256(jar.read_bytes()).hexdigest()
    record = {"spark": version, "scala": scala, "artifact": jar.name, "sha256": jar_sha, "files": files}
    (out / "SOURCE.json").write_text(json.dumps(record, indent=2) + "\n")
    print(f"proto: {len(files)} files from {jar.name} (Spark {version}) -> {out}")


if __name__ == "__main__":
    main()
