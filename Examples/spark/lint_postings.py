#!/usr/bin/env python3
"""Lint a folder (or a JSON Lines dataset) of job postings with jdlint on Apache Spark.

Each partition is piped through one `jdlint --jsonl` process (records in, one result line per record out, in
order), so the work spreads over every executor core while jdlint stays a plain binary. The executors run the jdlint
that the wheel installed into their Python environment (`pip install jdlint-….whl`; see README.md), or --jdlint.
Writes:
  OUTPUT/rule_counts.json   findings per rule id
  OUTPUT/failing.jsonl      postings with error-level findings or unreadable records (id, errors, warnings, rules)
  OUTPUT/summary.json       totals
  OUTPUT/facts.jsonl        with --facts: what each posting states, as schema.org JobPosting ({"id", "jobPosting"})
Local run:   .venv/bin/python Examples/spark/lint_postings.py --local POSTINGS_DIR --output out/
Cluster run: see Examples/spark/README.md (the virtual environment with the wheel shipped with --archives).
"""
import argparse
import json
import os
import subprocess
import sys
import sysconfig
import threading
from operator import add

EXTENSIONS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".mdown": "md", ".mkd": "md",
              ".html": "html", ".htm": "html", ".xhtml": "html", ".json": "jsonld", ".jsonld": "jsonld"}


def list_postings(root):
    """Paths of every posting below root (sorted, hidden folders skipped), as jdlint's CLI walks them."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in ("node_modules",))
        for name in sorted(filenames):
            ext = os.path.splitext(name)[1].lower()
            if ext in EXTENSIONS:
                found.append(os.path.join(dirpath, name))
    return found


def read_record(path, root):
    """One JSON Lines record for jdlint --jsonl; unreadable or non-UTF-8 files become records with no text."""
    rel = os.path.relpath(path, root)
    try:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return json.dumps({"id": rel, "format": EXTENSIONS[os.path.splitext(path)[1].lower()], "unreadable": str(e)})
    return json.dumps({"id": rel, "format": EXTENSIONS[os.path.splitext(path)[1].lower()], "text": text})


def installed_jdlint():
    """The jdlint the wheel installed into the Python environment running this code (its scripts folder), or None."""
    path = os.path.join(sysconfig.get_path("scripts"), "jdlint")
    return path if os.access(path, os.X_OK) else None


def pipe_through_jdlint(program, facts=False):
    """A mapPartitions function: the partition's records through one `jdlint --jsonl` process, one result line each,
    in order (as RDD.pipe does, but the program is found on the executor: the wheel's jdlint in the executor's Python
    environment, whose path differs from the driver's on a cluster). A failing jdlint process (crash, bad
    configuration) fails the task instead of dropping records silently."""
    def run(records):
        exe = program or installed_jdlint() or "jdlint"
        command = [exe, "--jsonl", "--exit-zero", "--no-config"] + (["--facts"] if facts else [])
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

        def feed():
            try:
                for line in records:
                    proc.stdin.write(line.rstrip("\n").encode("utf-8") + b"\n")
            finally:
                proc.stdin.close()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for out in iter(proc.stdout.readline, b""):
            yield out.rstrip(b"\n").decode("utf-8")
        writer.join()
        if proc.wait() != 0:
            raise RuntimeError(f"{exe} --jsonl exited with status {proc.returncode}")
    return run


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", help="a folder of postings, or a .jsonl file of {id, text, format, profile} records")
    p.add_argument("--output", required=True, help="folder for rule_counts.json, failing.jsonl and summary.json")
    p.add_argument("--jdlint", default=None,
                   help="path of the jdlint binary on the executors (default: the one the wheel installed into the "
                        "executors' Python environment, else jdlint on PATH)")
    p.add_argument("--profile", default=None, help="profiles for every record, e.g. default,us-ny")
    p.add_argument("--partitions", type=int, default=None, help="number of partitions (default: Spark's)")
    p.add_argument("--local", action="store_true", help="run in local mode on this machine (all cores, loopback only)")
    p.add_argument("--facts", action="store_true",
                   help="also write facts.jsonl: each posting's schema.org JobPosting, as `jdlint facts` extracts it")
    args = p.parse_args(argv)

    from pyspark.sql import SparkSession  # imported late so --help works without Spark

    builder = SparkSession.builder.appName("jdlint")
    if args.local:
        # Local workers run this Python (with the wheel's jdlint), not whatever python3 is first on PATH.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (builder.master("local[*]")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.driver.host", "127.0.0.1")
                   .config("spark.ui.enabled", "false"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext

    if os.path.isdir(args.input):
        root = args.input
        paths = list_postings(root)
        rdd = sc.parallelize(paths, args.partitions or max(2, sc.defaultParallelism)).map(lambda path: read_record(path, root))
    else:
        rdd = sc.textFile(args.input, args.partitions)

    profile = args.profile

    def with_profile(line):
        if not profile:
            return line
        rec = json.loads(line)
        rec.setdefault("profile", profile)
        return json.dumps(rec)

    results = rdd.map(with_profile).mapPartitions(pipe_through_jdlint(args.jdlint, args.facts)).map(json.loads).cache()

    rule_counts = dict(results.flatMap(lambda r: [(d["rule"], 1) for d in r.get("diagnostics", [])]).reduceByKey(add).collect())

    def failing(r):
        if "error" in r:
            return True
        return r["summary"]["errors"] > 0

    failures = (results.filter(failing)
                .map(lambda r: {"id": r.get("id"), "error": r.get("error"),
                                "errors": r.get("summary", {}).get("errors", 0),
                                "warnings": r.get("summary", {}).get("warnings", 0),
                                "rules": sorted({d["rule"] for d in r.get("diagnostics", []) if d["severity"] == "error"})})
                .collect())
    totals = results.map(lambda r: (1, r.get("summary", {}).get("errors", 0), r.get("summary", {}).get("warnings", 0),
                                    r.get("summary", {}).get("infos", 0), 1 if "error" in r else 0)) \
        .reduce(lambda a, b: tuple(x + y for x, y in zip(a, b)))
    summary = {"records": totals[0], "errors": totals[1], "warnings": totals[2], "infos": totals[3], "bad_records": totals[4],
               "failing_postings": len(failures)}

    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "rule_counts.json"), "w") as f:
        json.dump(dict(sorted(rule_counts.items())), f, indent=2)
    with open(os.path.join(args.output, "failing.jsonl"), "w") as f:
        for item in sorted(failures, key=lambda x: str(x["id"])):
            f.write(json.dumps(item) + "\n")
    with open(os.path.join(args.output, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    if args.facts:
        # The structured data set: one JobPosting per posting (title, jobLocation, baseSalary, employmentType…).
        facts = results.filter(lambda r: "facts" in r).map(lambda r: {"id": r.get("id"), "jobPosting": r["facts"]["jobPosting"]}).collect()
        with open(os.path.join(args.output, "facts.jsonl"), "w") as f:
            for item in sorted(facts, key=lambda x: str(x["id"])):
                f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(json.dumps(summary))
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
