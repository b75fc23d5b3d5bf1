#!/usr/bin/env python3
"""Where PostgreSQL's CPU per graded submission goes (issue 14): by process, by statement, and in WAL.

    pg-profile.py stats DB > before.json          counters from the server's statistics views (needs psql on PATH and
                                                  PGHOST, PGPORT, PGUSER, PGPASSWORD set)
    pg-profile.py watch DATA_DIR OUT.json          samples every process of the server until SIGTERM, then writes them
    pg-profile.py report BEFORE AFTER PROCS N      a Markdown breakdown per submission (N submissions)

bench/throughput.sh runs these around its one-worker burst with PG_PROFILE=1 (bench/pg-profile.sh).

Processes: each child of the postmaster is read from /proc (utime + stime) every 0.2 s; a backend is named by its
client, found from the client port in its command line ("postgres: user db 127.0.0.1(port) state") and the process that
owns that port's socket (ss -tnp). A backend that ends between two samples keeps its last sample; what ended children
used beyond that (the postmaster's cutime grows by their whole lifetime) is "ended, not sampled" - mostly autovacuum
workers, which can start and finish inside 0.2 s.
"""
import json
import os
import re
import signal
import subprocess
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def psql_json(db, sql):
    out = subprocess.run(["psql", "-X", "-qAt", "-d", db, "-c", sql], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip() or "null")


def stats(db):
    snap = {
        "wal": psql_json(db, "select row_to_json(w) from (select wal_records, wal_fpi, wal_bytes::bigint, wal_buffers_full,"
                             " wal_write, wal_sync from pg_stat_wal) w"),
        "bgwriter": psql_json(db, "select row_to_json(b) from (select checkpoints_timed, checkpoints_req, buffers_checkpoint,"
                                  " buffers_clean, buffers_backend, buffers_backend_fsync, buffers_alloc from pg_stat_bgwriter) b"),
        "database": psql_json(db, "select row_to_json(d) from (select xact_commit, xact_rollback, blks_read, blks_hit,"
                                  " tup_inserted, tup_updated, tup_deleted, tup_returned, tup_fetched from pg_stat_database"
                                  " where datname = current_database()) d"),
        "tables": psql_json(db, "select json_object_agg(relname, json_build_array(n_tup_ins, n_tup_upd, n_tup_hot_upd,"
                                " n_tup_del, autovacuum_count, autoanalyze_count, n_dead_tup)) from pg_stat_user_tables"),
        "statements": None,
    }
    has_pss = psql_json(db, "select to_json(count(*)) from pg_extension where extname = 'pg_stat_statements'")
    if has_pss:
        snap["statements"] = psql_json(
            db, "select json_agg(json_build_array(queryid, toplevel, calls, total_exec_time, total_plan_time, plans,"
                " rows, wal_records, wal_fpi, left(regexp_replace(query, '\\s+', ' ', 'g'), 110)))"
                " from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())")
    return snap


def proc_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # after the ")": state is fields[0], so utime (14th) is fields[11]; cutime/cstime fields[13], [14]
        return int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])
    except (OSError, IndexError, ValueError):
        return None


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def children(master):
    try:
        with open(f"/proc/{master}/task/{master}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def client_owners():
    """local port of every established TCP socket → the name of the process holding it"""
    out = subprocess.run(["ss", "-Htnp", "state", "established"], capture_output=True, text=True).stdout
    owners = {}
    for line in out.splitlines():
        m = re.search(r"\S+:(\d+)\s+\S+:\d+\s+users:\(\(\"[^\"]*\",pid=(\d+)", line)
        if m:
            owners[int(m.group(1))] = int(m.group(2))
    return owners


def client_name(pid):
    cmd = cmdline(pid)
    for dll, name in (("Grader.Api.dll", "API"), ("Grader.Worker.dll", "worker"), ("Grader.Bench.dll", "generator"),
                      ("psql", "psql"), ("pgbench", "pgbench")):
        if dll in cmd:
            return f"{name} (pid {pid})" if name == "worker" else name
    return f"other client ({cmd.split(' ')[0] or pid})"


def role(pid, owners_cache):
    cmd = cmdline(pid)
    m = re.search(r"\((\d+)\)", cmd)
    if m and cmd.startswith("postgres: "):
        port = int(m.group(1))
        if port not in owners_cache["ports"]:
            owners_cache["ports"].update(client_owners())
        owner = owners_cache["ports"].get(port)
        return "backend: " + (client_name(owner) if owner else "unknown client")
    return cmd.strip() or "?"


def watch(data_dir, out):
    with open(os.path.join(data_dir, "postmaster.pid")) as f:
        master = int(f.readline())
    procs = {}  # pid → {role, first, last, at_start}
    cache = {"ports": {}}
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    start_master = proc_ticks(master)

    def sample(first):
        for pid in children(master):
            t = proc_ticks(pid)
            if t is None:
                continue
            p = procs.get(pid)
            if p is None:
                procs[pid] = {"role": role(pid, cache), "first": t[0] if first else 0, "last": t[0], "at_start": first}
            else:
                p["last"] = t[0]
                if not p["role"].startswith(("postgres: ", "backend: ")) and cmdline(pid).startswith("postgres: "):
                    p["role"] = role(pid, cache)   # forked before it set its title: a new backend

    sample(True)
    while not stop:
        time.sleep(0.2)
        sample(False)
    sample(False)
    end_master = proc_ticks(master)
    alive = set(children(master))
    for pid, p in procs.items():
        p["alive_at_end"] = pid in alive
    with open(out, "w") as f:
        json.dump({"master_own": end_master[0] - start_master[0], "master_children": end_master[1] - start_master[1],
                   "procs": procs}, f)


def report(before_file, after_file, procs_file, n):
    n = int(n)
    with open(before_file) as f:
        b = json.load(f)
    with open(after_file) as f:
        a = json.load(f)
    with open(procs_file) as f:
        p = json.load(f)
    ms = 1000 / HZ / n

    # processes
    by_role = {}
    for q in p["procs"].values():
        r = q["role"].removeprefix("postgres: ")
        r = "new backend, before its title" if r.startswith("/") else r
        r = re.sub(r"\(pid \d+\)", "", r).strip() if r.startswith("backend: worker") else r
        if r.startswith("autovacuum worker"):
            r = "autovacuum worker"
        by_role[r] = by_role.get(r, 0) + q["last"] - q["first"]
    # An ended child's whole life is in the postmaster's cutime: what it used after its last sample, and children never
    # sampled, are the rest.
    unsampled = p["master_children"] - sum(q["last"] for q in p["procs"].values() if not q["alive_at_end"])
    by_role["ended children, not sampled (autovacuum workers, short connections)"] = max(unsampled, 0)
    by_role["postmaster"] = p["master_own"]
    total = sum(by_role.values())
    print(f"PostgreSQL's CPU by process over {n} submissions (sampled every 0.2 s; ms per submission):\n")
    print("| process | CPU ms per submission | share |")
    print("|---|---|---|")
    for r, t in sorted(by_role.items(), key=lambda kv: -kv[1]):
        if t:
            print(f"| {r} | {t * ms:.3f} | {100 * t / total:.0f} % |")
    print(f"| **all** | **{total * ms:.3f}** | |")

    def delta(section, keys=None):
        x, y = b[section] or {}, a[section] or {}
        return {k: y[k] - x.get(k, 0) for k in (keys or y)}

    wal = delta("wal")
    db = delta("database")
    bg = delta("bgwriter")
    print(f"\nWAL and commits per submission: records {wal['wal_records'] / n:.1f}, full-page images {wal['wal_fpi'] / n:.2f},"
          f" bytes {wal['wal_bytes'] / n:.0f}, wal_write {wal['wal_write'] / n:.2f}, wal_sync {wal['wal_sync'] / n:.3f},"
          f" wal_buffers_full {wal['wal_buffers_full']}; commits {db['xact_commit'] / n:.2f}, rollbacks {db['xact_rollback'] / n:.3f};"
          f" blocks hit {db['blks_hit'] / n:.0f}, read {db['blks_read'] / n:.2f}; tuples inserted {db['tup_inserted'] / n:.1f},"
          f" updated {db['tup_updated'] / n:.1f}, deleted {db['tup_deleted'] / n:.1f}")
    print(f"checkpoints: timed {bg['checkpoints_timed']}, requested {bg['checkpoints_req']}; buffers written by checkpoint"
          f" {bg['buffers_checkpoint']}, bgwriter {bg['buffers_clean']}, backends {bg['buffers_backend']}")

    print("\nTables (deltas over the window; HOT = n_tup_hot_upd / n_tup_upd):\n")
    print("| table | inserts | updates | HOT | deletes | autovacuums | autoanalyzes | dead rows after |")
    print("|---|---|---|---|---|---|---|---|")
    bt, at = b["tables"] or {}, a["tables"] or {}
    for t in sorted(at, key=lambda t: -(at[t][1] - bt.get(t, [0] * 7)[1] + at[t][0] - bt.get(t, [0] * 7)[0])):
        d = [at[t][i] - bt.get(t, [0] * 7)[i] for i in range(6)]
        if any(d):
            hot = f"{100 * d[2] / d[1]:.0f} %" if d[1] else "—"
            print(f"| {t} | {d[0]} | {d[1]} | {hot} | {d[3]} | {d[4]} | {d[5]} | {at[t][6]} |")

    if a["statements"]:
        old = {(s[0], s[1]): s for s in (b["statements"] or [])}
        rows = []
        for s in a["statements"]:
            o = old.get((s[0], s[1]), [0] * 10)
            calls = s[2] - o[2]
            if calls <= 0:
                continue
            rows.append((s[1], calls, s[3] - o[3], s[4] - o[4], s[5] - o[5], s[7] - o[7], s[8] - o[8], s[9]))
        rows.sort(key=lambda r: -(r[2] + r[3]))
        top = sum(r[2] + r[3] for r in rows if r[0])
        print(f"\nStatements (pg_stat_statements, track = all: nested statements of triggers and functions are listed"
              f" beside the top-level statement that ran them and counted in it too); top-level exec + plan"
              f" {top / n:.3f} ms per submission:\n")
        print("| statement | level | calls per submission | exec + plan ms per submission | plan ms | plans | WAL records | FPI |")
        print("|---|---|---|---|---|---|---|---|")
        for r in rows[:30]:
            text = r[7].replace("|", "\\|")
            print(f"| `{text}` | {'top' if r[0] else 'nested'} | {r[1] / n:.3f} | {(r[2] + r[3]) / n:.4f} | {r[3] / n:.4f} |"
                  f" {r[4]} | {r[5] / n:.2f} | {r[6] / n:.3f} |")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "stats":
        json.dump(stats(sys.argv[2]), sys.stdout)
    elif cmd == "watch":
        watch(sys.argv[2], sys.argv[3])
    elif cmd == "report":
        report(*sys.argv[2:6])
    else:
        sys.exit(__doc__)
