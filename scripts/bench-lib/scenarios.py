"""The scenarios of scripts/bench (issue 7): each measures lore and its peers at two or more
sizes, in the same run, and adds rows to the table."""

import math
import os
import shutil
import time

from harness import BenchFailure, median, run_json, step, wall, warn
from report import MEMORY, RATE, TIME, Figure, Peer, Row

class Skip(Exception):
    """A size left out because it would not fit the time budget; the message says why."""


class Bench:
    """What every scenario needs: binaries, the work folder, sizes, peers, budgets."""

    def __init__(self, root, bindir, work, seed, mode, peers, budgeted):
        self.root, self.bindir, self.work, self.seed = root, bindir, work, seed
        self.mode, self.peers, self.budgeted = mode, peers, budgeted
        self.home = os.path.join(work, "home")
        self.rows, self.raw = [], []
        self.stores, self.folders, self.populated = {}, {}, {}
        self.env = {k: v for k, v in os.environ.items() if k not in ("LORE_STORE", "VISUAL", "EDITOR")}
        self.env.update({"LORE_HOME": self.home, "NO_COLOR": "1", "VISUAL": "true", "EDITOR": "true"})
        self.es_python = os.path.join(root, ".build", "bench-venv", "bin", "python")
        self.es_script = os.path.join(root, "scripts", "bench-lib", "es_peer.py")

    # --- tools -------------------------------------------------------------------------------

    def lore(self, *args) -> list:
        return [os.path.join(self.bindir, "lore"), *map(str, args)]

    def tool(self, name, *args) -> list:
        return [os.path.join(self.bindir, name), *map(str, args)]

    def bench_json(self, *args, memory=False) -> dict:
        result = run_json(self.tool("lore-bench", *args, "--home", self.home, "--seed", self.seed),
                          env=self.env, memory=memory)
        self.raw.append(result)
        return result

    def peer_json(self, name, args, memory=False) -> dict:
        """A peer's JSON result, or a dict with `error` (the row then says why)."""
        if self.peers.get(name):
            return {"error": self.peers[name]}
        try:
            result = run_json([str(a) for a in args], env=self.env, memory=memory, lore=False)
        except RuntimeError as error:
            warn(f"{name}: {error}")
            return {"error": f"failed: {str(error)[:60]}"}
        self.raw.append(result)
        return result

    def peer_wall(self, name, args, runs, **kwargs):
        """The median wall time of a peer's command, or the reason there is none."""
        if self.peers.get(name):
            return Figure(note=self.peers[name])
        try:
            return Figure(median(wall(args, runs, env=self.env, **kwargs)))
        except (RuntimeError, OSError) as error:
            warn(f"{name}: {error}")
            return Figure(note="failed")

    # --- data ------------------------------------------------------------------------------

    def store(self, records: int) -> str:
        """A folder holding a lore store of `records` generated decisions (made once per run).

        Raises Skip when making it is predicted to take longer than the budget."""
        if records not in self.stores:
            made = sorted((n, s) for n, s in self.populated.items())
            skip = self.fits(records, made, self.mode["store_budget"])
            if skip:
                self.stores[records] = Skip(f"{skip} to generate")
            else:
                folder = os.path.join(self.work, f"store-{records}")
                step(f"generating a store of {records:,} decisions")
                result = self.bench_json("populate", "--store", folder, "--records", records)
                step(f"  {result['events']:,} events in {result['seconds']:.1f} s")
                self.populated[records] = result["seconds"]
                self.stores[records] = folder
        if isinstance(self.stores[records], Skip):
            raise self.stores[records]
        return self.stores[records]

    def markdown(self, records: int) -> str:
        """A folder whose doc/adr holds the same decisions exported as adr-tools markdown."""
        if records not in self.folders:
            folder = os.path.join(self.work, f"markdown-{records}")
            adr_dir = os.path.join(folder, "doc", "adr")
            os.makedirs(folder, exist_ok=True)
            done = wall(self.lore("export", adr_dir, "--format", "adr-tools"), 1, cwd=self.store(records),
                        env=self.env)
            step(f"  exported {records:,} decisions as markdown in {done[0]:.1f} s")
            self.folders[records] = folder
        return self.folders[records]

    def skipped(self, scenarios: list, size: int, reason: Exception) -> None:
        warn(f"{', '.join(scenarios)} at {size:,}: {reason}")
        for scenario in scenarios:
            self.rows.append(Row(scenario, size, Figure(note=str(reason))))

    def fits(self, size: int, measured: list, budget: float) -> str:
        """Empty when `size` fits the time budget, else the reason to leave it out, predicted
        from the sizes measured so far, `measured` = [(size, seconds)] ascending: cost ∝ size^k
        with k from the last two (at least 1.2, a little worse than linear)."""
        if not self.budgeted or not measured:
            return ""
        k = 1.2
        if len(measured) >= 2:
            (n1, s1), (n2, s2) = measured[-2], measured[-1]
            if s1 > 0 and s2 > 0 and n2 > n1:
                k = max(k, math.log(s2 / s1) / math.log(n2 / n1))
        predicted = measured[-1][1] * (size / measured[-1][0]) ** k
        if predicted <= budget:
            return ""
        return f"skipped: ~{predicted / 60:.0f} min predicted > {budget / 60:.0f} min budget"


# --- scenarios -------------------------------------------------------------------------------

def adr_new(b: Bench) -> None:
    """`lore adr new` from the shell vs adr-tools' `adr new` (and both with supersede)."""
    runs = b.mode["runs"]
    for records in b.mode["adr_new"]:
        try:
            store, folder = b.store(records), b.markdown(records)
        except Skip as skip:
            b.skipped(["adr new (shell, per command)", "adr new --supersedes (shell)"], records, skip)
            continue
        step(f"adr new at {records:,} records ({runs} runs each)")
        base = 10_000 * (records + 1)

        def lore_new(i):
            return b.lore("adr", "new", f"Use cache {base + i} for billing reads", "--component", "billing")

        def adr_tools_new(i):
            return ["adr", "new", f"Use cache {base + i} for billing reads"]

        def lore_supersede(i):
            return b.lore("adr", "new", f"Replace decision {i + 2}", "--supersedes", str(i + 2))

        def adr_tools_supersede(i):
            return ["adr", "new", "-s", str(i + 2), f"Replace decision {i + 2}"]

        cap = b.mode["cap"]
        lore = Figure(median(wall(None, runs, cwd=store, env=b.env, vary=lore_new, cap=cap)))
        peer = b.peer_wall("adr-tools", None, runs, cwd=folder, vary=adr_tools_new, cap=cap)
        b.rows.append(Row("adr new (shell, per command)", records, lore,
                          [Peer("adr-tools: adr new", peer, "≤ 0.5×", lambda r: r <= 0.5)]))
        lore = Figure(median(wall(None, runs, cwd=store, env=b.env, vary=lore_supersede, cap=cap)))
        peer = b.peer_wall("adr-tools", None, runs, cwd=folder, vary=adr_tools_supersede, cap=cap)
        b.rows.append(Row("adr new --supersedes (shell)", records, lore,
                          [Peer("adr-tools: adr new -s", peer, "≤ 0.5×", lambda r: r <= 0.5)]))


def single_appends(b: Bench) -> None:
    """Durable single appends in-process: lore's recordADR, the raw C API, eventsourcing."""
    count = b.mode["single_count"]
    for records in b.mode["single"]:
        try:
            store = b.store(records)
        except Skip as skip:
            b.skipped(["durable single append (p50)"], records, skip)
            continue
        step(f"durable single appends on {records:,} records ({count} each)")
        database = os.path.join(store, ".lore", "lore.db")
        lore = b.bench_json("single", "--store", store, "--count", count)
        raw = b.peer_json("raw", b.tool("raw-sqlite-bench", "single", "--from", database, "--out",
                                        os.path.join(b.work, "raw-single.db"), "--count", count))
        es = b.peer_json("eventsourcing", [b.es_python, b.es_script, "single", "--from", database,
                                           "--db", os.path.join(b.work, "es-single.db"), "--count", count])
        for name in ("raw-single.db", "es-single.db"):
            remove_database(os.path.join(b.work, name))
        b.rows.append(Row(
            "durable single append (p50)", records, Figure(lore["p50_s"]),
            [Peer("raw C API, same rows, FULL", figure(raw, "p50_s")),
             Peer("eventsourcing, 1 command", figure(es, "p50_s"))],
            detail=f"lore p99 {Figure(lore['p99_s']).text()}; eventsourcing runs at "
                   f"{es.get('journal_mode', '?')}/{es.get('synchronous', '?')}"))


def bulk_and_rebuild(b: Bench) -> None:
    """Bulk append through the batch API (one transaction) vs the raw limit and eventsourcing
    batched, with peak memory; `lore rebuild` of the same store; the same log as a bundle
    joined at a new site; and 100 new events synced on top of that shared history."""
    sizes = b.mode["bulk"]
    spent = []
    for events in sizes:
        skip = b.fits(events, spent, b.mode["bulk_budget"])
        if skip:
            b.skipped(BULK_ROWS, events, Skip(skip))
            continue
        step(f"bulk append of {events:,} events")
        started = time.perf_counter()
        folder = os.path.join(b.work, f"bulk-{events}")
        database = os.path.join(folder, ".lore", "lore.db")
        lore = b.bench_json("bulk", "--store", folder, "--events", events, memory=True)
        step(f"  lore {lore['events_per_s']:,.0f} events/s; raw limit and eventsourcing on the same events")
        raw = b.peer_json("raw", b.tool("raw-sqlite-bench", "bulk", "--from", database, "--out",
                                        os.path.join(b.work, "raw-bulk.db")), memory=True)
        # Not one of issue 7's peers: the same C API writes with lore's search schema (its
        # three FTS5 indexes over search_docs) in place of the one FTS5 table, to show how much
        # of the gap to the raw limit the schema itself accounts for.
        raw_schema = b.peer_json("raw", b.tool("raw-sqlite-bench", "bulk", "--from", database, "--out",
                                               os.path.join(b.work, "raw-schema.db"), "--search", "lore"))
        es = b.peer_json("eventsourcing", [b.es_python, b.es_script, "batched", "--from", database,
                                           "--db", os.path.join(b.work, "es-bulk.db"), "--batch", "10000"],
                         memory=True)
        for name in ("raw-bulk.db", "raw-schema.db", "es-bulk.db"):
            remove_database(os.path.join(b.work, name))

        def against_peers():
            return [Peer("raw limit (C API, 1 txn)", figure(raw, "events_per_s", RATE), "≥ 0.5×",
                         lambda r: r >= 0.5),
                    Peer("eventsourcing, batches of 10k", figure(es, "events_per_s", RATE), "≥ 3×",
                         lambda r: r >= 3),
                    Peer("raw, lore's 3 search indexes", figure(raw_schema, "events_per_s", RATE))]

        b.rows.append(Row("bulk append (batch API)", events, Figure(lore["events_per_s"], RATE), against_peers()))
        b.rows.append(Row(
            "bulk append peak memory", events, megabytes(lore),
            [Peer("raw limit", megabytes(raw)), Peer("eventsourcing", megabytes(es))],
            detail=f"lore held {lore['rss_before_kb'] / 1024:.0f} MB before appending: the generated batch"))
        step(f"lore rebuild of {events:,} events")
        seconds = median(wall(b.lore("rebuild"), 1, cwd=folder, env=b.env))
        b.rows.append(Row("lore rebuild (shell)", events, Figure(lore["events"] / seconds, RATE), against_peers()))
        bundle_and_sync(b, folder, events, against_peers)
        shutil.rmtree(folder, ignore_errors=True)
        spent.append((events, time.perf_counter() - started))  # the budget covers all of one size's work


BULK_ROWS = ["bulk append (batch API)", "bulk append peak memory", "lore rebuild (shell)",
             "bundle import (join a new site)", "bundle import peak memory", "incremental sync: sender export",
             "incremental sync: receiver import"]


def bundle_and_sync(b: Bench, folder: str, events: int, against_peers) -> None:
    """The sender's whole log as one bundle, joined at a new site (timed, peak memory), then
    three rounds of 100 new events exported by the sender and imported by the receiver."""
    bundle = os.path.join(b.work, f"all-{events}.bundle")
    receiver = os.path.join(b.work, f"receiver-{events}")
    step(f"bundle of {events:,} events joined at a new site")
    exported = b.bench_json("bundle-export", "--store", folder, "--out", bundle)
    joined = b.bench_json("bundle-import", "--store", receiver, "--bundle", bundle, memory=True)
    os.remove(bundle)
    at_target = events >= 1_000_000
    b.rows.append(Row(
        "bundle import (join a new site)", events, Figure(joined["events_per_s"], RATE), against_peers(),
        detail=f"the sender wrote the {exported['bytes'] / 1e6:.1f} MB bundle in {Figure(exported['seconds']).text()}"))
    b.rows.append(Row("bundle import peak memory", events, megabytes(joined),
                      target="≤ 150 MB at 1,000,000", check=(lambda v: v <= 150) if at_target else None))
    step(f"incremental sync of 100 events on {events:,}")
    synced = b.bench_json("sync", "--store", folder, "--peer", receiver, "--events", 100,
                          "--rounds", b.mode["sync_rounds"])
    shutil.rmtree(receiver, ignore_errors=True)
    check = (lambda v: v <= 0.1) if at_target else None
    b.rows.append(Row("incremental sync: sender export", events, Figure(synced["export_s"]),
                      target="≤ 100 ms at 1,000,000", check=check))
    # The mean, not the median: the WAL is copied into the database each time it reaches 32 MiB,
    # in whichever import fills it, and that cost belongs to every import's share.
    b.rows.append(Row("incremental sync: receiver import", events, Figure(synced["import_mean_s"]),
                      target="≤ 100 ms at 1,000,000", check=check,
                      detail=f"mean of {b.mode['sync_rounds']} rounds; median "
                             f"{Figure(synced['import_s']).text()}, slowest {Figure(synced['import_max_s']).text()}"))


def search_in_process(b: Bench) -> None:
    """p50 and p99 of 1,000 varied queries through Store.search, in-process."""
    queries = b.mode["queries"]
    for records in b.mode["search"]:
        try:
            store = b.store(records)
        except Skip as skip:
            b.skipped(["search in-process p50", "search in-process p99"], records, skip)
            continue
        step(f"search in-process at {records:,} records ({queries} queries)")
        result = b.bench_json("search", "--store", store, "--queries", queries)
        at_target = records == 100_000
        slow = result.get("slowest", [""])[0]
        kinds = sorted(((key[4:-2], value) for key, value in result.items()
                        if key.startswith("p50_") and key != "p50_s"), key=lambda kv: -kv[1])
        b.rows.append(Row("search in-process p50", records, Figure(result["p50_s"]),
                          target="≤ 1 ms at 100,000", check=(lambda v: v <= 0.001) if at_target else None,
                          detail="slowest kinds, p50: " + ", ".join(f"{k} {Figure(v).text()}" for k, v in kinds[:3])))
        b.rows.append(Row("search in-process p99", records, Figure(result["p99_s"]),
                          target="≤ 5 ms at 100,000", check=(lambda v: v <= 0.005) if at_target else None,
                          detail=f"slowest: {slow}"))


def search_end_to_end(b: Bench) -> None:
    """`lore search WORD` from the shell vs grep -ril and rg -il over the same records as markdown."""
    runs = b.mode["e2e_runs"]
    words = b.bench_json("words", "--count", b.mode["e2e_words"])["words"]
    for records in b.mode["e2e"]:
        try:
            store, adr_dir = b.store(records), os.path.join(b.markdown(records), "doc", "adr")
        except Skip as skip:
            b.skipped(["search end to end (shell)"], records, skip)
            continue
        step(f"search end to end at {records:,} records ({len(words)} words, {runs} runs each)")
        lore, grep, rg = [], [], []
        for word in words:
            cap = b.mode["cap"]
            lore.append(median(wall(b.lore("search", word), runs, cwd=store, env=b.env, ok=(0, 1), cap=cap)))
            grep.append(b.peer_wall("grep", ["grep", "-ril", word, adr_dir], runs, ok=(0, 1), cap=cap))
            rg.append(b.peer_wall("ripgrep", ["rg", "-il", "--no-ignore", word, adr_dir], runs, ok=(0, 1), cap=cap))
        at_target = records == 100_000
        b.rows.append(Row(
            "search end to end (shell)", records, Figure(median(lore)),
            [Peer("grep -ril (markdown)", median_figure(grep), "< 1× at 100,000",
                  (lambda r: r < 1) if at_target else None),
             Peer("rg -il (markdown)", median_figure(rg))],
            detail="median over words: " + ", ".join(words)))


def export_index(b: Bench) -> None:
    """`lore export toc` and `graph` vs `adr generate toc` and `graph`."""
    runs = b.mode["runs"]
    for records in b.mode["export"]:
        with_adr_tools = records in b.mode["adr_tools_export"]
        try:
            store = b.store(records)
            folder = b.markdown(records) if with_adr_tools else None
        except Skip as skip:
            b.skipped(["lore export toc (shell)", "lore export graph (shell)"], records, skip)
            continue
        step(f"export toc and graph at {records:,} records")
        for what in ("toc", "graph"):
            lore = Figure(median(wall(b.lore("export", what), runs, cwd=store, env=b.env, cap=b.mode["cap"])))
            peers = []
            if with_adr_tools:
                peer = b.peer_wall("adr-tools", ["adr", "generate", what], b.mode["adr_tools_runs"], cwd=folder)
                peers.append(Peer(f"adr-tools: adr generate {what}", peer))
            target, check = "", None
            if what == "toc":
                target = "≤ 0.5 s at 10,000"
                check = (lambda v: v <= 0.5) if records == 10_000 else None
            b.rows.append(Row(f"lore export {what} (shell)", records, lore, peers, target=target, check=check))


# --- helpers ---------------------------------------------------------------------------------

def figure(result: dict, key: str, unit: str = TIME) -> Figure:
    if "error" in result or key not in result:
        return Figure(note=result.get("error", "no result"), unit=unit)
    return Figure(result[key], unit)


def megabytes(result: dict) -> Figure:
    if "max_rss_kb" not in result:
        return Figure(note=result.get("error", "no /usr/bin/time"), unit=MEMORY)
    return Figure(result["max_rss_kb"] / 1024, MEMORY)


def median_figure(figures: list) -> Figure:
    values = [f.value for f in figures if f.value is not None]
    if len(values) < len(figures):
        return Figure(note=next(f.note for f in figures if f.value is None))
    return Figure(median(values))


def remove_database(path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


SCENARIOS = [bulk_and_rebuild, export_index, search_in_process, search_end_to_end,
             single_appends, adr_new]


def run_all(b: Bench) -> None:
    for scenario in SCENARIOS:
        try:
            scenario(b)
        except BenchFailure:
            raise
        except Exception as error:  # a broken peer must not hide lore's other figures
            raise BenchFailure(f"{scenario.__name__}: {error}") from error
