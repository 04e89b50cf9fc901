#!/usr/bin/python3
"""scripts/dask_clean.py end to end on a two-worker LocalCluster: the same outputs and counts
as one `winnow clean IN -o OUT`. Usage: dask_clean_test.py WINNOW_BINARY. Exit 77 (skipped)
when /usr/bin/python3 lacks dask.distributed."""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER = os.path.join(HERE, "..", "scripts", "dask_clean.py")

PROSE = ("The city council met on Tuesday evening to discuss the budget for the coming year, "
         "and several members said that they would not support the plan unless the mayor "
         "agreed to restore funding for libraries and parks in district %d.")


def warc_record(n):
    html = "<html><body><nav>Home | News</nav><p>%s</p></body></html>" % (PROSE % n)
    http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    block = http.encode()
    head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%d>\r\n"
            "WARC-Target-URI: https://w.example/%d\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (n, n, len(block))).encode()
    return head + block + b"\r\n\r\n"


def make_corpus(root):
    for i in range(7):
        sub = os.path.join(root, "site%d" % (i % 3), "deep" if i % 2 else "")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "p%d.html" % i), "w") as f:
            f.write("<html><head><title>T%d</title></head><body><nav>Home</nav><p>%s</p>"
                    "<p>%s</p></body></html>" % (i, PROSE % i, PROSE % (i + 1)))
        with open(os.path.join(sub, "d%d.txt" % i), "w") as f:
            f.write("Menu\n%s\nShare this\n" % (PROSE % i))
    with open(os.path.join(root, "docs.jsonl"), "w") as f:
        for i in range(20):
            f.write(json.dumps({"id": "j%d" % i, "text": PROSE % i, "k": i}) + "\n")
        f.write("{not json\n")
    with open(os.path.join(root, "site1", "crawl.warc"), "wb") as f:
        for i in range(5):
            f.write(warc_record(i))


def tree(root):
    out = {}
    for dirpath, _, files in os.walk(root):
        for name in files:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                out[os.path.relpath(path, root)] = f.read()
    return out


def main():
    winnow = sys.argv[1]
    try:
        import dask.distributed  # noqa: F401
    except ImportError as e:
        print("SKIP: /usr/bin/python3 lacks dask.distributed (%s); "
              "install python3-dask python3-distributed (scripts/setup)" % e)
        return 77
    with tempfile.TemporaryDirectory(prefix="winnow_dask_") as tmp:
        corpus = os.path.join(tmp, "in")
        make_corpus(corpus)
        direct = subprocess.run([winnow, "clean", corpus, "-o", os.path.join(tmp, "direct"),
                                 "--progress", "never", "--stats", os.path.join(tmp, "d.json")],
                                capture_output=True, text=True)
        dask_run = subprocess.run(
            ["/usr/bin/python3", DRIVER, corpus, "-o", os.path.join(tmp, "dask"), "--workers",
             "2", "--files-per-shard", "3", "--winnow", winnow, "--stats",
             os.path.join(tmp, "m.json")], capture_output=True, text=True)
        failures = []
        if direct.returncode != 1 or dask_run.returncode != 1:  # the bad JSONL line
            failures.append("exit codes %d (direct) and %d (dask), want 1 and 1:\n%s" % (
                direct.returncode, dask_run.returncode, dask_run.stderr))
        want, got = tree(os.path.join(tmp, "direct")), tree(os.path.join(tmp, "dask"))
        if want != got:
            failures.append("outputs differ: %s vs %s" % (sorted(want), sorted(got)))
        if "docs.jsonl: line 21: invalid JSON" not in dask_run.stderr:
            failures.append("bad line not reported:\n" + dask_run.stderr)
        with open(os.path.join(tmp, "d.json")) as f:
            d = json.load(f)
        with open(os.path.join(tmp, "m.json")) as f:
            m = json.load(f)
        for key in ("files", "records", "bytes_in", "bytes_out", "counters", "winnow"):
            if d[key] != m[key]:
                failures.append("merged %s differs: %s vs %s" % (key, d[key], m[key]))
        if m.get("shards", 0) < 4:
            failures.append("expected several shards, got %s" % m.get("shards"))
    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print("ok: %d files, %d records through dask on 2 workers" % (
            m["files"]["ok"], m["records"]["ok"]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
