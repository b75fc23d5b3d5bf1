#!/usr/bin/env python3
"""Splits a perf profile of the worker into where its CPU goes (issue 14; bench/worker-perf.sh records it).

    perf script -i $GRADER_LOCAL/logs/throughput/worker-perf.data | bench/worker-perf-buckets.py [--other N] [--leaf RX]

As bench/perf-buckets.py does for the API: each sample goes to the first bucket one of its frames matches, from the leaf
up (so a memset under a MassTransit publish counts as GC/allocation, a JSON write under the grading engine as JSON).
--other N lists the N commonest stacks no bucket matched; --leaf RX lists the leaf frames of the samples whose stack
matches RX (what a bucket spends its time on).
"""
import collections
import importlib.util
import os
import re
import sys

BUCKETS = [
    ("thread pool spin (idle threads' sched_yield)", r"LowLevelLifoSemaphore|sched_yield"),
    ("GC and allocation", r"gc_heap|WKS::|SVR::|GCHeap|memset|JIT_New|Allocate"),
    ("JIT, tiering, type loading", r"libclrjit|TieredCompilation|ClassLoader|MethodDesc::|PreStub|ThePreStub"),
    ("JSON (System.Text.Json)", r"System.Text.Json|JsonSerializer|Utf8JsonWriter|Utf8JsonReader|JsonDocument"),
    ("grading engine", r"Grader\.Grading|Grader\.Engine"),
    ("logging", r"Serilog|Microsoft.Extensions.Logging"),
    ("Npgsql (claim, commit, reading)", r"Npgsql|Grader\.Data"),
    ("MassTransit, RabbitMQ (consume, batch, publish, confirm)", r"MassTransit|RabbitMQ"),
    ("OpenTelemetry, Activity, metrics", r"OpenTelemetry|System.Diagnostics.Activity|DiagnosticListener|System.Diagnostics.Metrics"),
    ("worker's own code", r"Grader\.Worker|Grader\.ServiceDefaults|Grader\.Contracts"),
    ("sockets, pipelines", r"Sockets|System.IO.Pipelines|System.Net"),
    ("thread pool dispatch, tasks", r"ThreadPoolWorkQueue|ExecutionContext|System.Threading.Tasks|AsyncTaskMethodBuilder"),
    ("kernel: blocking and waking (futex, schedule)", r"futex|__schedule|finish_task_switch"),
]


def owner(frame):
    """A managed frame's assembly, type and method without its return and argument types (which name JsonElement in
    most of the grading library's signatures); a native frame as it is."""
    colons = frame.find("::")
    if colons < 0:
        return frame
    end = frame.find("(", colons)
    start = frame.rfind("] ", 0, colons)
    assembly = frame.rfind("[", 0, start + 1)
    return frame[assembly if assembly >= 0 else 0:end if end >= 0 else len(frame)]


def load_samples():
    """The stack reader of bench/perf-buckets.py (one parser of perf script's output)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "perf-buckets.py")
    spec = importlib.util.spec_from_file_location("perf_buckets", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.samples


def main():
    samples = load_samples()
    other_count = int(sys.argv[sys.argv.index("--other") + 1]) if "--other" in sys.argv else 0
    leaf_rx = re.compile(sys.argv[sys.argv.index("--leaf") + 1]) if "--leaf" in sys.argv else None
    counts, others, leaves, total = collections.Counter(), collections.Counter(), collections.Counter(), 0
    compiled = [(name, re.compile(rx)) for name, rx in BUCKETS]
    for stack in samples(sys.stdin):
        total += 1
        spin_name, spin = compiled[0]
        stack = [owner(frame) for frame in stack]
        bucket = spin_name if any(spin.search(frame) for frame in stack) else next(
            (name for frame in stack for name, rx in compiled[1:] if rx.search(frame)), None)
        counts[bucket or "other"] += 1
        if bucket is None:
            others[" <- ".join(f for f in stack if not f.startswith("?"))[:200]] += 1
        if leaf_rx and any(leaf_rx.search(frame) for frame in stack):
            leaves[" <- ".join(stack[:4])[:240]] += 1
    print(f"{total} samples")
    for name, count in counts.most_common():
        print(f"{100 * count / max(total, 1):5.1f} %  {name}")
    for stack, count in others.most_common(other_count):
        print(count, stack)
    for stack, count in leaves.most_common(30):
        print(count, stack)


if __name__ == "__main__":
    main()
