#!/usr/bin/env python3
"""The benchmark behind `make bench`: whole-process runs of the release binary (several each;
median and spread), peak memory and output size, against a plain C program that draws the
same text with cairo and Pango directly. Writes docs/benchmarks.md.

Cases: the default briefing; the sections repeated 10 and 50 times; the timeline alone with
2,000 and 10,000 generated events; the C baseline."""
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / ".build" / "release" / "briefing"
TEMPLATE = ROOT / "Templates" / "sino-pak"


def measure(command, runs, warmup=1):
    """Median, min and max wall time (ms) and peak RSS (MiB) of `runs` runs of `command`."""
    times, peak = [], 0
    for index in range(warmup + runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = (time.perf_counter() - start) * 1000
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {' '.join(map(str, command))}\n{process.stderr.read().decode()}")
        if index >= warmup:
            times.append(elapsed)
            peak = max(peak, usage.ru_maxrss / 1024)
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "rss": peak, "runs": runs}


def scaled_template(workdir, factor):
    """The default template with its sections repeated `factor` times."""
    target = workdir / f"sections-x{factor}"
    shutil.copytree(TEMPLATE, target)
    spec = yaml.safe_load((target / "briefing.yaml").read_text(encoding="utf-8"))
    sections = spec["sections"]
    spec["sections"] = [dict(section, id=section["id"] if copy == 0 else f"{section['id']}-{copy + 1}",
                             title=section["title"] if copy == 0 else f"{section['title']} ({copy + 1})")
                        for copy in range(factor) for section in sections]
    (target / "briefing.yaml").write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def baseline_text(path):
    """The briefing's words as plain blocks for the C program: key judgements and every
    section, placeholders replaced by numbers of similar length, Markdown marks removed."""
    spec = yaml.safe_load((TEMPLATE / "briefing.yaml").read_text(encoding="utf-8"))
    blocks = [spec["title"], spec["subtitle"]]
    files = [spec["key_judgements"]] + [section["file"] for section in spec["sections"]]
    titles = [None] + [section["title"] for section in spec["sections"]]
    for file, title in zip(files, titles):
        if title:
            blocks.append("# " + title)
        text = (TEMPLATE / file).read_text(encoding="utf-8")
        text = re.sub(r"```.*?```", "", text, flags=re.S)
        text = re.sub(r"\{\{[^}]*\}\}", "28,023", text)
        text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
        for block in re.split(r"\n\s*\n", text):
            for item in re.split(r"\n(?=- |\d+\. )", block.strip()):
                item = re.sub(r"[*_>]", "", item).strip()
                item = re.sub(r"^#+ ", "# ", item)
                item = re.sub(r"^\d+\. ", "- ", item)
                if item:
                    blocks.append(item.replace("\n", " "))
    path.write_text("\x1e".join(blocks), encoding="utf-8")


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def machine():
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    memory = next((line.split(":", 1)[1].strip() for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "?")
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    return f"{os.cpu_count()} cores, {model}, {memory} RAM, {platform.system()} {platform.release()}; {swift}"


def main():
    quick = "--quick" in sys.argv
    workdir = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    baseline = workdir / "baseline"
    cflags = subprocess.run(["pkg-config", "--cflags", "--libs", "pangocairo", "pangoft2", "fontconfig"], capture_output=True, text=True, check=True)
    subprocess.run(["gcc", "-O2", "-o", str(baseline), str(ROOT / "benchmarks" / "baseline" / "baseline.c")] + cflags.stdout.split(), check=True)
    baseline_text(workdir / "briefing.txt")
    for count in (2000, 10000):
        data = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make-timeline-data.py"), str(count)], capture_output=True, check=True)
        (workdir / f"events-{count}.yaml").write_bytes(data.stdout)

    runs = (lambda n: max(2, n // 4)) if quick else (lambda n: n)
    common = ["--date", "2026-11-30", "--quiet"]
    cases = [
        ("C baseline: default text, cairo + Pango only", [str(baseline), str(ROOT / "Fonts"), str(workdir / "briefing.txt"), str(workdir / "c.pdf")],
         workdir / "c.pdf", runs(15)),
        ("default briefing", [str(BINARY), "generate", *common, "--output", str(workdir / "default.pdf")], workdir / "default.pdf", runs(15)),
    ]
    for factor, count in ((10, 7), (50, 5)):
        template = scaled_template(workdir, factor)
        cases.append((f"sections x{factor}", [str(BINARY), "generate", *common, "--template", str(template), "--output",
                                               str(workdir / f"x{factor}.pdf")], workdir / f"x{factor}.pdf", runs(count)))
    for count, repeat in ((2000, 7), (10000, 5)):
        cases.append((f"timeline, {count:,} events", [str(BINARY), "chart", "timeline", "--data", str(workdir / f"events-{count}.yaml"), "--output",
                                                      str(workdir / f"timeline-{count}.pdf")], workdir / f"timeline-{count}.pdf", runs(repeat)))

    results = []
    for name, command, output, count in cases:
        result = measure(command, count)
        result.update(name=name, pages=pdf_pages(output), size=output.stat().st_size / 1024)
        results.append(result)
        print(f"{name:48} median {result['median']:8.1f} ms  ({result['min']:.1f}-{result['max']:.1f}, {count} runs)  "
              f"{result['rss']:6.1f} MiB  {result['pages']:4} pages  {result['size']:8.1f} KiB", flush=True)

    c, default = results[0], results[1]
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC: {machine()}.",
        "Release build; whole processes (start-up included), one warm-up run then the runs counted; wall time median",
        "with min–max; peak RSS is the largest of the runs. Rerun with `make bench` (`make bench-quick` for fewer runs).",
        "",
        "| case | median ms | min–max ms | runs | × default | peak RSS MiB | pages | output KiB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        ratio = result["median"] / default["median"]
        lines.append(f"| {result['name']} | {result['median']:.1f} | {result['min']:.1f}–{result['max']:.1f} | {result['runs']} | {ratio:.2f} | "
                     f"{result['rss']:.1f} | {result['pages']} | {result['size']:.0f} |")
    lines += [
        "",
        f"**Overhead over the speed limit:** the default briefing takes {default['median'] / c['median']:.2f}× the C baseline "
        f"({default['median']:.1f} ms against {c['median']:.1f} ms).",
        "",
        "The C baseline (`benchmarks/baseline/baseline.c`) sets up the same bundled fonts through a private fontconfig",
        "configuration and draws the briefing's words (key judgements and every section, placeholders replaced by numbers",
        "of similar length) as justified Pango paragraphs, headings and bullets on A4 pages. It has no model, templates,",
        "Markdown, charts, cover, contents, links, hyphenation or tags, so the ratio is the cost of everything Briefing adds.",
    ]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote docs/benchmarks.md ({workdir} kept for inspection)" if "--keep" in sys.argv else "wrote docs/benchmarks.md")
    if "--keep" not in sys.argv:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
