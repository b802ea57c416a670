"""Peak resident memory (MB) of worker processes, sampled from /proc by a background thread.

``engine="local"``: every descendant of this process (pool workers are grandchildren when a
fork server forks them); ``engine="ray"``: Ray's ``ray::`` worker and actor processes.  The
process list is rescanned once a second and the known processes' VmRSS read every 0.2 s, so the
sampler itself costs well under 1 % of a core."""
from __future__ import annotations

import os
import threading
from pathlib import Path


class RssSampler(threading.Thread):
    def __init__(self, engine: str = "local", interval: float = 0.2, rescan_every: int = 5):
        super().__init__(daemon=True)
        self.engine, self.interval, self.rescan_every = engine, interval, rescan_every
        self.peak: dict[int, int] = {}
        self.names: dict[int, str] = {}
        self.stop = threading.Event()

    def _workers(self) -> list[int]:
        me = os.getpid()
        parents: dict[int, int] = {}
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                pid = int(entry.name)
                if self.engine == "ray":
                    cmd = (entry / "cmdline").read_bytes()
                    if cmd.startswith(b"ray::"):
                        found.append(pid)
                        self.names[pid] = cmd.split(b"\0")[0].decode(errors="replace")
                else:
                    parents[pid] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
        if self.engine == "ray":
            return found

        def descends(pid: int) -> bool:
            for _ in range(10):
                pid = parents.get(pid, 0)
                if pid == me:
                    return True
                if pid <= 1:
                    return False
            return False

        return [pid for pid in parents if descends(pid)] or [me]

    def run(self) -> None:
        pids: list[int] = []
        tick = 0
        while not self.stop.wait(self.interval):
            if tick % self.rescan_every == 0:
                pids = self._workers()
            tick += 1
            for pid in pids:
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                kb = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
                self.peak[pid] = max(self.peak.get(pid, 0), kb // 1024)

    def finish(self, top: int) -> list[int]:
        """Stop sampling; the ``top`` largest peaks (the busiest processes are the workers)."""
        self.stop.set()
        self.join()
        return sorted(self.peak.values(), reverse=True)[:top]
