#!/usr/bin/env python3
"""Splits a perf profile of the API into where its CPU goes (issue 14).

    API_ENV="DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0" PERF=1 PERF_ROUND=3 bench/api-cpu.sh 5000 16 3
    perf script -i $GRADER_LOCAL/logs/apicpu/perf.data | bench/perf-buckets.py [--other N]

Each sample goes to the first bucket that one of its frames matches, from the leaf up (a sample under sched_yield to the
spin's, whatever its leaf) (so a memset inside a MassTransit
send counts as GC/allocation, not as the send). W^X off: with it on, JIT code runs from a memfd double mapping that perf
cannot name from /tmp/perf-<pid>.map. --other N lists the N commonest stacks no bucket matched.
"""
import collections
import re
import sys

BUCKETS = [
    ("thread pool spin (idle threads' sched_yield)", r"LowLevelLifoSemaphore|sched_yield"),
    # memset: the GC clearing each new allocation quantum, with the kernel's page faults for fresh memory under it.
    ("GC and allocation", r"gc_heap|WKS::|SVR::|GCHeap|memset"),
    ("JIT", r"libclrjit"),
    ("body reader (fields, LTI)", r"SubmissionRequestReader|LtiLineItemField"),
    ("answers normalisation", r"StoredAnswers|StoredNumber"),
    # OpenSSL's own symbols (EVP_MAC_fetch, OSSL_PARAM_…) name no library: HashData fetches and frees a MAC each call.
    ("HMAC signature", r"WebhookSignature|WebhookAuthenticator|libcrypto|EVP_|OSSL_|OPENSSL_|CRYPTO_|HMAC"),
    ("202 body (JSON)", r"HttpResponseJsonExtensions|Accepted`1|SubmissionView"),
    ("intake insert (Npgsql)", r"Npgsql|SubmissionBatchInsert|IntakeBatcher"),
    ("send to the queue (MassTransit, RabbitMQ)", r"MassTransit|RabbitMQ|GradingQueue"),
    ("logging (Serilog)", r"Serilog|Microsoft.Extensions.Logging"),
    ("OpenTelemetry, Activity", r"OpenTelemetry|System.Diagnostics.Activity|DiagnosticListener|HostingApplicationDiagnostics"),
    ("rate limiter", r"RateLimit"),
    ("authentication, authorization", r"Authentication|Authorization|ApiKey"),
    ("routing, endpoint", r"Routing|RequestDelegateFactory"),
    ("Kestrel, sockets", r"Kestrel|Sockets|System.IO.Pipelines"),
    ("thread pool dispatch", r"ThreadPoolWorkQueue|ExecutionContext"),
    ("kernel: blocking and waking (futex, schedule)", r"futex|__schedule|finish_task_switch"),
]
FRAME = re.compile(r"\s+[0-9a-f]+\s+(.*?)\s+\((.*)\)$")


def samples(lines):
    stack = []
    for line in lines:
        if line[:1] in ("\t", " "):
            match = FRAME.match(line.rstrip("\n"))
            if match:
                symbol = match.group(1)
                stack.append(symbol if not symbol.startswith("[unknown]") else "?" + match.group(2).rsplit("/", 1)[-1])
        elif stack:
            yield stack
            stack = []
    if stack:
        yield stack


def main():
    other_count = int(sys.argv[sys.argv.index("--other") + 1]) if "--other" in sys.argv else 0
    counts, others, total = collections.Counter(), collections.Counter(), 0
    compiled = [(name, re.compile(rx)) for name, rx in BUCKETS]
    for stack in samples(sys.stdin):
        total += 1
        spin_name, spin = compiled[0]  # a spinning thread's samples are kernel frames under sched_yield: the spin's
        bucket = spin_name if any(spin.search(frame) for frame in stack) else next(
            (name for frame in stack for name, rx in compiled[1:] if rx.search(frame)), None)
        counts[bucket or "other"] += 1
        if bucket is None:
            others[" <- ".join(f for f in stack if not f.startswith("?"))[:200]] += 1
    print(f"{total} samples")
    for name, count in counts.most_common():
        print(f"{100 * count / max(total, 1):5.1f} %  {name}")
    for stack, count in others.most_common(other_count):
        print(count, stack)


if __name__ == "__main__":
    main()
