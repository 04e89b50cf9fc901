#!/usr/bin/python3
"""Runs `winnow clean` over a corpus on a dask.distributed cluster.

    scripts/dask_clean.py IN... -o OUT [--scheduler HOST:PORT | --workers N]
                          [--winnow PATH] [--files-per-shard K] [--stats FILE] [-- WINNOW_ARGS]

Each IN is a folder (walked recursively), a file, a JSONL or a WARC file. The files are cut
into shards (files of one folder, at most K per shard; JSONL and WARC files alone, they are
streams of pages already); each shard runs `winnow clean FILES -o OUT/<folder>` as a
subprocess on a worker, so OUT mirrors the input tree as a single `winnow clean IN -o OUT`
would. Workers must see IN, OUT and the binary at the same paths (a shared file system).
The per-shard --stats JSON are merged into one summary: printed, and written to --stats.
Arguments after `--` go to every `winnow clean` (e.g. -- --format jsonl --rules my.rules).

Without --scheduler a LocalCluster with --workers processes is started. Exit status: 0 all
shards clean, 1 some file or record failed, 2 usage errors.

python3-dask and python3-distributed are Debian packages that import only in /usr/bin/python3.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

# JSONL and WARC files are streams of pages: one shard each.
STREAM_SUFFIXES = (".jsonl", ".jsonl.gz", ".warc", ".warc.gz")


def parse_args(argv):
    extra = []
    if "--" in argv:
        at = argv.index("--")
        argv, extra = argv[:at], argv[at + 1:]
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", help="input folders or files")
    p.add_argument("-o", "--output", required=True, help="output folder (mirrors the inputs)")
    p.add_argument("--scheduler", help="dask scheduler address; default: a LocalCluster")
    p.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    p.add_argument("--winnow", default="winnow", help="path of the winnow binary on the workers")
    p.add_argument("--files-per-shard", type=int, default=64, help="page files per shard")
    p.add_argument("-j", "--jobs", type=int, default=1, help="winnow threads per shard")
    p.add_argument("--stats", help="write the merged summary as JSON to this file")
    args = p.parse_args(argv)
    args.winnow_args = extra
    return args


def inside(path, folder):
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def make_shards(inputs, files_per_shard):
    """[(out_subfolder, [file, ...])] in a deterministic order."""
    shards = []
    for arg in inputs:
        if os.path.isfile(arg):
            shards.append(("", [arg]))
            continue
        for root, dirs, files in os.walk(arg, followlinks=True):
            dirs.sort()
            rel = os.path.relpath(root, arg)
            rel = "" if rel == "." else rel
            pages = []
            for name in sorted(files):
                path = os.path.join(root, name)
                if name.lower().endswith(STREAM_SUFFIXES):
                    shards.append((rel, [path]))
                else:
                    pages.append(path)
            for i in range(0, len(pages), files_per_shard):
                shards.append((rel, pages[i:i + files_per_shard]))
    return shards


def run_shard(winnow, out_dir, files, jobs, winnow_args):
    """Runs on a worker: one `winnow clean`; returns (exit code, stderr, stats dict)."""
    with tempfile.TemporaryDirectory(prefix="winnow_shard_") as tmp:
        stats_path = os.path.join(tmp, "stats.json")
        command = [winnow, "clean", *files, "-o", out_dir, "-j", str(jobs),
                   "--progress", "never", "--stats", stats_path, *winnow_args]
        proc = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        stats = None
        if os.path.exists(stats_path):
            with open(stats_path, encoding="utf-8") as f:
                stats = json.load(f)
        return proc.returncode, proc.stderr, stats


def merge(total, part):
    """Adds the counts of one --stats JSON into total (same layout). Strings (the version and
    rules fingerprint under "winnow") are the same in every shard: the first is kept."""
    for key, value in part.items():
        if isinstance(value, dict):
            merge(total.setdefault(key, {}), value)
        elif isinstance(value, str):
            total.setdefault(key, value)
        elif key != "elapsed_seconds":
            total[key] = total.get(key, 0) + value
    return total


def count(n, noun):
    """'1 file', '2 files': as winnow's own summary."""
    return "%d %s%s" % (n, noun, "" if n == 1 else "s")


def summary_text(stats):
    files, records = stats.get("files", {}), stats.get("records", {})
    lines = ["%s cleaned, %d failed, %d up to date, %d skipped (not pages); "
             "%.1f MB in, %.1f MB out in %.1f s" % (
                 count(files.get("ok", 0), "file"), files.get("failed", 0),
                 files.get("up_to_date", 0),
                 files.get("unsupported", 0), stats.get("bytes_in", 0) / 1e6,
                 stats.get("bytes_out", 0) / 1e6, stats.get("elapsed_seconds", 0))]
    skipped = records.get("skipped", {})
    if records.get("ok", 0) or records.get("failed", 0) or skipped:
        kinds = ", ".join("%s %d" % kv for kv in sorted(skipped.items()))
        lines.append("%s cleaned, %d bad, %d skipped%s" % (
            count(records.get("ok", 0), "record"), records.get("failed", 0),
            sum(skipped.values()),
            " (%s)" % kinds if kinds else ""))
    counters = stats.get("counters", {})
    labels = [(n, v) for n, v in counters.get("labels", {}).items() if v]
    if labels:
        lines.append("labels: " + ", ".join("%s %d" % kv for kv in labels))
    rules = sorted(((v, n) for n, v in counters.get("rules", {}).items() if v),
                   key=lambda vn: -vn[0])[:10]
    if rules:
        lines.append("rules: " + ", ".join("%s %d" % (n, v) for v, n in rules))
    return "\n".join(lines) + "\n"


def main(argv):
    args = parse_args(argv)
    for arg in args.inputs:
        if not os.path.exists(arg):
            print("dask_clean: no such input: %s" % arg, file=sys.stderr)
            return 2
        if os.path.isdir(arg) and inside(args.output, arg):
            print("dask_clean: output folder %s is inside input %s" % (args.output, arg),
                  file=sys.stderr)
            return 2
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        print("dask_clean: needs python3-dask and python3-distributed (%s)" % e, file=sys.stderr)
        return 2

    start = time.monotonic()
    shards = make_shards(args.inputs, max(1, args.files_per_shard))
    output = os.path.abspath(args.output)
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(run_shard, args.winnow, os.path.join(output, rel),
                                 [os.path.abspath(f) for f in files], args.jobs,
                                 args.winnow_args, pure=False)
                   for rel, files in shards]
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    total, worst = {}, 0
    for code, err, stats in results:
        sys.stderr.write(err)
        worst = max(worst, code)
        if stats is not None:
            merge(total, stats)
    total["elapsed_seconds"] = round(time.monotonic() - start, 3)
    total["shards"] = len(shards)
    sys.stderr.write(summary_text(total))
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as f:
            json.dump(total, f, indent=1)
            f.write("\n")
    return min(worst, 2)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
