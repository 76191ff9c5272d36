"""`briefing watch` measured from outside, as an author experiences it: the time from saving
one edited sentence to the new PDF being published (the rename over the old file), and the
memory of the watching process across many rebuilds. Imported by run.py."""
import os
import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path

SENTENCE = "Space is the most visible civilian success"


def _rss_mib(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def _published(pdf, previous):
    """The output's identity (inode, mtime), once it differs from `previous`."""
    try:
        stat = pdf.stat()
    except FileNotFoundError:
        return None
    identity = (stat.st_ino, stat.st_mtime_ns)
    return identity if identity != previous else None


class Watch:
    """A running `briefing watch` over a copy of `template`, with one section edited on demand."""

    def __init__(self, binary, template, workdir, name):
        self.folder = workdir / name
        shutil.copytree(template, self.folder)
        self.section = self.folder / "sections" / "space.md"
        self.text = self.section.read_text(encoding="utf-8")
        assert SENTENCE in self.text
        self.pdf = workdir / f"{name}.pdf"
        self.log = open(workdir / f"{name}.log", "w+")
        self.process = subprocess.Popen([str(binary), "watch", "--template", str(self.folder), "--date", "2026-11-30", "--output",
                                         str(self.pdf)], stdout=self.log, stderr=subprocess.STDOUT)
        self.identity = None
        self.edits = 0
        self._wait_for_publish(60)

    def _wait_for_publish(self, timeout):
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            identity = _published(self.pdf, self.identity)
            if identity:
                self.identity = identity
                return
            if self.process.poll() is not None:
                raise SystemExit(f"briefing watch exited: {Path(self.log.name).read_text()}")
            time.sleep(0.0005)
        raise SystemExit(f"no publish within {timeout} s: {Path(self.log.name).read_text()}")

    def edit(self):
        """Changes one sentence, as an editor saves (write a new file, rename it over the old);
        returns the milliseconds until the new PDF is published."""
        self.edits += 1
        text = self.text.replace(SENTENCE, f"{SENTENCE} (draft {self.edits})")
        temporary = self.section.with_name(".space.md.swp-new")
        temporary.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        os.rename(temporary, self.section)
        self._wait_for_publish(30)
        return (time.perf_counter() - start) * 1000

    def build_times(self):
        """The build durations the watch printed (ms), in order."""
        self.log.flush()
        return [float(ms) for ms in re.findall(r"built .*?, (\d+) ms$", Path(self.log.name).read_text(), re.M)]

    def stop(self):
        self.process.terminate()
        status = self.process.wait(20)
        self.log.close()
        if status != 0:
            raise SystemExit(f"briefing watch ended with {status}")


def rebuild(binary, template, workdir, runs):
    """Median edit-to-publish latency and build time over `runs` edits (after two warm-ups)."""
    watch = Watch(binary, template, workdir, "watch-rebuild")
    for _ in range(2):
        watch.edit()
    latencies = [watch.edit() for _ in range(runs)]
    builds = watch.build_times()[-runs:]
    watch.stop()
    return {"median": statistics.median(latencies), "min": min(latencies), "max": max(latencies), "runs": runs,
            "build": statistics.median(builds)}


def memory(binary, template, workdir, rebuilds):
    """Resident memory after 10 rebuilds and after `rebuilds`, with samples in between."""
    watch = Watch(binary, template, workdir, "watch-memory")
    samples = {}
    for count in range(1, rebuilds + 1):
        watch.edit()
        if count in (10, rebuilds // 4, rebuilds // 2, 3 * rebuilds // 4, rebuilds):
            samples[count] = _rss_mib(watch.process.pid)
    watch.stop()
    return samples
