"""The results table of scripts/bench: rows, ratios, growth, targets; text and JSON."""

import math
from dataclasses import dataclass, field

TIME, RATE, MEMORY = "s", "ev/s", "MB"
LOWER_IS_BETTER = {TIME: True, RATE: False, MEMORY: True}


@dataclass
class Figure:
    """One measured value, or why there is none."""
    value: float = None
    unit: str = TIME
    note: str = ""

    def text(self) -> str:
        if self.value is None or (isinstance(self.value, float) and math.isnan(self.value)):
            return self.note or "—"
        v = self.value
        if self.unit == TIME:
            if v < 1e-3:
                return f"{v * 1e6:.0f} µs"
            return f"{v * 1e3:.1f} ms" if v < 1 else f"{v:.2f} s"
        if self.unit == RATE:
            if v >= 1e6:
                return f"{v / 1e6:.2f}M ev/s"
            return f"{v / 1e3:.1f}k ev/s" if v >= 1e3 else f"{v:.0f} ev/s"
        return f"{v:.0f} MB"

    def cost(self):
        """Cost, whatever the unit: time or memory, or time per event for a rate."""
        if self.value is None or self.value <= 0:
            return None
        return 1 / self.value if self.unit == RATE else self.value


@dataclass
class Peer:
    name: str
    figure: Figure
    target: str = ""
    # ratio (lore ÷ peer, in the figure's unit) -> met?
    check: object = None


@dataclass
class Row:
    scenario: str
    size: int
    lore: Figure
    peers: list = field(default_factory=list)
    target: str = ""
    # lore's value -> met? (None: no target at this size)
    check: object = None
    detail: str = ""


def ratio(lore: Figure, peer: Figure):
    if lore.value is None or peer.value is None or not peer.value:
        return None
    return lore.value / peer.value


def met(check, value) -> str:
    if check is None or value is None:
        return ""
    return "yes" if check(value) else "NO"


def growth(rows: list) -> dict:
    """(scenario, size, who) -> (cost ratio, exponent) against the previous size."""
    out = {}
    by_scenario = {}
    for row in rows:
        by_scenario.setdefault(row.scenario, []).append(row)
    for scenario, group in by_scenario.items():
        group.sort(key=lambda r: r.size)
        for previous, current in zip(group, group[1:]):
            pairs = [("lore", previous.lore, current.lore)]
            before = {p.name: p.figure for p in previous.peers}
            pairs += [(p.name, before.get(p.name), p.figure) for p in current.peers]
            for who, a, b in pairs:
                if a is None or a.cost() is None or b.cost() is None or current.size <= previous.size:
                    continue
                factor = b.cost() / a.cost()
                exponent = math.log(factor) / math.log(current.size / previous.size)
                out[(scenario, current.size, who)] = (factor, exponent)
    return out


HEADER = ("scenario", "size", "who", "figure", "growth", "lore÷peer", "target", "met")
WIDTHS = (34, 10, 30, 16, 14, 9, 24, 3)


def render(rows: list) -> str:
    grown = growth(rows)
    lines = [format_line(HEADER), format_line(tuple("-" * w for w in WIDTHS))]
    previous_scenario = None
    for row in rows:
        g = grown.get((row.scenario, row.size, "lore"))
        scenario = row.scenario if row.scenario != previous_scenario else ""
        previous_scenario = row.scenario
        lines.append(format_line((scenario, f"{row.size:,}", "lore", row.lore.text(), growth_text(g), "",
                                  row.target, met(row.check, row.lore.value))))
        for peer in row.peers:
            g = grown.get((row.scenario, row.size, peer.name))
            r = ratio(row.lore, peer.figure)
            lines.append(format_line(("", "", peer.name, peer.figure.text(), growth_text(g),
                                      f"{r:.2f}×" if r is not None else "—", peer.target, met(peer.check, r))))
        if row.detail:
            lines.append(format_line(("", "", "  " + row.detail, "", "", "", "", "")))
    return "\n".join(lines)


def growth_text(g) -> str:
    return f"×{g[0]:.2f} n^{g[1]:.2f}" if g else ""


def format_line(cells: tuple) -> str:
    parts = []
    for cell, width in zip(cells, WIDTHS):
        parts.append(str(cell).ljust(width))
    return "  ".join(parts).rstrip()


LEGEND = """\
figure: lore's (or the peer's) result: a time (lower is better), a rate in events per second
  (higher is better) or peak resident memory. lore÷peer: lore's figure divided by the peer's in
  the same unit (time: below 1 means lore is faster; rate: above 1 means lore is faster).
growth: the cost at this size divided by the cost at the previous size, and k in cost ∝ size^k
  (for a rate the cost is the time per event: k≈0 means flat, k≈1 means it grows with the size).
target: issue 7's targets, judged only at the size they name."""


def to_json(rows: list) -> list:
    grown = growth(rows)
    out = []
    for row in rows:
        g = grown.get((row.scenario, row.size, "lore"))
        entry = {"scenario": row.scenario, "size": row.size,
                 "lore": {"value": row.lore.value, "unit": row.lore.unit, "text": row.lore.text(),
                          "growth": g[0] if g else None, "exponent": g[1] if g else None},
                 "target": row.target, "met": met(row.check, row.lore.value) or None, "peers": []}
        for peer in row.peers:
            g = grown.get((row.scenario, row.size, peer.name))
            r = ratio(row.lore, peer.figure)
            entry["peers"].append({"name": peer.name, "value": peer.figure.value, "unit": peer.figure.unit,
                                   "text": peer.figure.text(), "ratio": r, "growth": g[0] if g else None,
                                   "target": peer.target, "met": met(peer.check, r) or None})
        if row.detail:
            entry["detail"] = row.detail
        out.append(entry)
    return out
