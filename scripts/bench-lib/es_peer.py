"""The Python eventsourcing peer for scripts/bench: the same events as a lore store, appended
to eventsourcing's SQLite event store one command at a time or in large batches.

Run with the benchmark's virtual environment's python (it needs the `eventsourcing` package):

    es_peer.py batched --from LORE.db --db OUT.db [--batch 10000]
    es_peer.py single  --from LORE.db --db OUT.db --count N

Each stream of the lore store (adr/<uuid>, component/<name>) becomes one aggregate; each lore
event becomes one aggregate event carrying the same kind and payload (decoded from lore's JSON,
so eventsourcing encodes it again, as an application would). `single` first loads the whole
source into the store untimed (so the history is the same size as lore's), then times
`app.save()` of one new aggregate per command. Prints one JSON line.
"""

import argparse
import json
import os
import sqlite3
import sys
import time
import uuid

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event


class Record(Aggregate):
    """One lore stream as an aggregate: every event carries lore's kind and payload."""

    @staticmethod
    def create_id(stream: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, stream)

    @event("Recorded")
    def __init__(self, stream: str, kind: str, payload: dict) -> None:
        self.kind = kind

    @event("Happened")
    def happen(self, kind: str, payload: dict) -> None:
        self.kind = kind


def load(path: str) -> list:
    """The source store's events in log order: (stream, kind, payload as a dict)."""
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT e.stream, e.kind, p.payload FROM events e JOIN payloads p ON p.pos = e.pos ORDER BY e.pos"
    ).fetchall()
    con.close()
    return [(stream, kind, json.loads(payload) if payload else {}) for stream, kind, payload in rows]


def open_app(db: str) -> Application:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    app = Application(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": db})
    return app


def synchronous(app: Application) -> dict:
    """The durability eventsourcing's connection runs at (journal mode, synchronous)."""
    with app.recorder.datastore.transaction(commit=False) as c:
        c.execute("PRAGMA journal_mode")
        mode = c.fetchone()[0]
        c.execute("PRAGMA synchronous")
        sync = c.fetchone()[0]
    return {"journal_mode": mode, "synchronous": {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(sync, sync)}


def append_batched(app: Application, events: list, batch: int) -> None:
    aggregates: dict = {}
    pending: dict = {}
    count = 0
    for stream, kind, payload in events:
        aggregate = aggregates.get(stream)
        if aggregate is None:
            aggregate = Record(stream=stream, kind=kind, payload=payload)
            aggregates[stream] = aggregate
        else:
            aggregate.happen(kind=kind, payload=payload)
        pending[stream] = aggregate
        count += 1
        if count >= batch:
            app.save(*pending.values())
            pending.clear()
            count = 0
    if pending:
        app.save(*pending.values())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["batched", "single"])
    parser.add_argument("--from", dest="source", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    events = load(args.source)
    app = open_app(args.db)
    durability = synchronous(app)
    if args.mode == "batched":
        start = time.perf_counter()
        append_batched(app, events, args.batch)
        seconds = time.perf_counter() - start
        result = {"scenario": "es-batched", "events": len(events), "batch": args.batch, "seconds": seconds,
                  "events_per_s": len(events) / seconds}
    else:
        append_batched(app, events, args.batch)
        times = []
        for index in range(args.count):
            stream, kind, payload = events[index % len(events)]
            start = time.perf_counter()
            app.save(Record(stream=f"bench/{index}/{stream}", kind=kind, payload=payload))
            times.append(time.perf_counter() - start)
        times.sort()
        result = {"scenario": "es-single", "count": args.count, "p50_s": times[len(times) // 2],
                  "p99_s": times[min(len(times) - 1, len(times) * 99 // 100)],
                  "per_s": len(times) / sum(times), "history": len(events)}
    result.update(durability)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
