#!/usr/bin/env python3
"""The benchmark behind `make bench`: whole-process runs of the release binary (several each;
median and spread), peak memory and output size, against a plain C program that draws the
same text with cairo and Pango directly. Writes docs/benchmarks.md.

Cases: the default briefing; the sections repeated 10 and 50 times; the timeline alone with
2,000 and 10,000 generated events; the C baseline; `briefing diff` of two editions of a
2,000-event fact base; the default briefing with ten audiences (`--deliver`). Every generate records an edition, so the phases `changes` (diffing
with the last edition) and `edition` (recording one) show what editions cost. Loading a
template whose supply series is computed from a SIPRI TIV export, the test's 5-supplier
export against a generated 200-supplier, 75-year one (`briefing data show`, no rendering):
the difference is what a large export costs to read and compute. `briefing watch` (watch.py):
one sentence edited until the new PDF is published, and memory across 1,000 rebuilds. Typst
(PyPI `typst`) as a peer: the C baseline's draw lists as Typst documents (benchmarks/typst/),
compiled with PDF/UA-1 on, whole process and in-process. Where the time goes, in instructions:
callgrind over the default briefing and the 2,000-event timeline (instructions.py)."""
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

import instructions
import watch

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / ".build" / "release" / "briefing"
TEMPLATE = ROOT / "Templates" / "sino-pak"


def measure(command, runs, warmup=1):
    """Median, min and max wall time (ms) and peak RSS (MiB) of `runs` runs of `command`, and
    the median of each phase the program reports with BRIEFING_TIMINGS set."""
    times, peak, phases = [], 0, {}
    environment = dict(os.environ, BRIEFING_TIMINGS="1")
    for index in range(warmup + runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment)
        stderr = process.stderr.read().decode()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = (time.perf_counter() - start) * 1000
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {' '.join(map(str, command))}\n{stderr}")
        if index >= warmup:
            times.append(elapsed)
            peak = max(peak, usage.ru_maxrss / 1024)
            # A phase a run reports more than once (one per audience) counts as its sum.
            run_phases = {}
            for phase, milliseconds in re.findall(r"^timing: (\S+)\s+([\d.]+) ms$", stderr, re.M):
                run_phases[phase] = run_phases.get(phase, 0) + float(milliseconds)
            for phase, milliseconds in run_phases.items():
                phases.setdefault(phase, []).append(milliseconds)
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "rss": peak, "runs": runs,
            "phases": {phase: statistics.median(values) for phase, values in phases.items()}}


def interleaved(first, second, runs):
    """Medians of two commands run alternately (one warm-up each): a ratio that the machine's
    drift between batches (±25% here) does not bend, since both see the same moments."""
    times = ([], [])
    for index in range(runs + 1):
        for slot, command in enumerate((first, second)):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            if index > 0:
                times[slot].append((time.perf_counter() - start) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


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


def typst_version():
    try:
        from importlib.metadata import version
        return version("typst")
    except Exception:
        return "?"


def pdf_pages(path):
    if path.suffix != ".pdf":
        return 0
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
    subprocess.run([str(BINARY), "generate", "--date", "2026-11-30", "--quiet", "--output", str(workdir / "reference.pdf")], check=True)
    # A separate process: this one must stay small, because a child's peak RSS as the kernel
    # reports it starts from the parent's size at fork, and PyMuPDF alone is over 100 MiB.
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "baseline" / "draw-list.py"), str(workdir / "reference.pdf"),
                    str(workdir / "briefing.draw")], check=True)
    for count in (2000, 10000):
        data = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make-timeline-data.py"), str(count)], capture_output=True, check=True)
        (workdir / f"events-{count}.yaml").write_bytes(data.stdout)

    runs = (lambda n: max(2, n // 4)) if quick else (lambda n: n)
    common = ["--date", "2026-11-30", "--quiet"]
    cases = [
        ("C baseline: the default briefing's pages, cairo + Pango only", [str(baseline), str(ROOT / "Fonts"), str(workdir / "briefing.draw"), str(workdir / "c.pdf")],
         workdir / "c.pdf", runs(15)),
        ("default briefing", [str(BINARY), "generate", *common, "--output", str(workdir / "default.pdf")], workdir / "default.pdf", runs(15)),
        ("default briefing, HTML edition (--format html)", [str(BINARY), "generate", *common, "--format", "html", "--output",
                                                            str(workdir / "html.pdf")], workdir / "html.html", runs(15)),
        ("default briefing, PDF and HTML (--format pdf,html)", [str(BINARY), "generate", *common, "--format", "pdf,html", "--output",
                                                                str(workdir / "both.pdf")], workdir / "both.pdf", runs(15)),
    ]
    for factor, count in ((10, 7), (50, 5)):
        template = scaled_template(workdir, factor)
        cases.append((f"sections x{factor}", [str(BINARY), "generate", *common, "--template", str(template), "--output",
                                               str(workdir / f"x{factor}.pdf")], workdir / f"x{factor}.pdf", runs(count)))
    # The same floor at scale: the C program drawing the 354 pages of sections x50.
    subprocess.run([str(BINARY), "generate", *common, "--template", str(workdir / "sections-x50"), "--output", str(workdir / "x50-reference.pdf")],
                   check=True)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "baseline" / "draw-list.py"), str(workdir / "x50-reference.pdf"),
                    str(workdir / "x50.draw")], check=True)
    cases.append(("C baseline: the pages of sections x50", [str(baseline), str(ROOT / "Fonts"), str(workdir / "x50.draw"), str(workdir / "c50.pdf")],
                  workdir / "c50.pdf", runs(5)))
    for count, repeat in ((2000, 7), (10000, 5)):
        cases.append((f"timeline, {count:,} events", [str(BINARY), "chart", "timeline", "--data", str(workdir / f"events-{count}.yaml"), "--output",
                                                      str(workdir / f"timeline-{count}.pdf")], workdir / f"timeline-{count}.pdf", runs(repeat)))

    # Editions: two recorded editions of a 2,000-event fact base, compared without rendering.
    editions_pdf = workdir / "editions" / "briefing.pdf"
    editions_pdf.parent.mkdir()
    for date in ("2026-11-23", "2026-11-30"):
        subprocess.run([str(BINARY), "generate", "--date", date, "--quiet", "--data", str(workdir / "events-2000.yaml"), "--output",
                        str(editions_pdf)], check=True)
    cases.append(("diff of two 2,000-event editions", [str(BINARY), "diff", "--output", str(editions_pdf), "--from", "1", "--to", "2"],
                  None, runs(15)))

    # Delivery: the default briefing and ten audiences (the whole briefing for one, two
    # sections for each of nine desks) in one process, mailed through /bin/true so the
    # figure is the making, not a relay.
    sections = ["overview", "it", "ai", "ecommerce", "defence", "strategic", "space", "semiconductors", "energy", "outlook"]
    plan = ["from: briefings@example.org", "when: always", "sendmail: [/bin/true]", "audiences:", "  - id: leadership",
            "    to: dg@example.org"]
    for index in range(9):
        plan += [f"  - id: desk{index}", f"    sections: [{sections[index]}, {sections[index + 1]}]", f"    to: desk{index}@example.org"]
    (workdir / "deliver.yaml").write_text("\n".join(plan) + "\n")
    (workdir / "audiences").mkdir()
    cases.append(("ten audiences in one process (--deliver)", [str(BINARY), "generate", *common, "--output", str(workdir / "audiences" / "b.pdf"),
                                                               "--deliver", str(workdir / "deliver.yaml")], workdir / "audiences" / "b.pdf",
                  runs(9)))

    # Many briefings from one template: the starter with a `region` parameter, 100 rows in one
    # process (--each) against 100 separate processes and against one row alone.
    batch_template = workdir / "batch-template"
    subprocess.run([str(BINARY), "new", str(batch_template), "--quiet"], check=True)
    spec_text = (batch_template / "briefing.yaml").read_text(encoding="utf-8")
    spec_text = spec_text.replace("title: Example briefing\n", "title: \"Example briefing: {{param.region}}\"\n"
                                  "parameters:\n  - id: region\n    label: Region\n    default: Region 1\n", 1)
    (batch_template / "briefing.yaml").write_text(spec_text, encoding="utf-8")
    (workdir / "regions.csv").write_text("region\n" + "".join(f"Region {n}\n" for n in range(1, 101)), encoding="utf-8")
    for folder in ("batch-one", "batch-each", "batch-each-1", "batch-separate"):
        (workdir / folder).mkdir()
    batch_common = [str(BINARY), "generate", *common, "--template", str(batch_template)]
    cases.append(("batch: one row alone", batch_common + ["--param", "region=Region 1", "-o", str(workdir / "batch-one" / "{region}.pdf")],
                  workdir / "batch-one" / "Region 1.pdf", runs(9)))
    cases.append(("batch: 100 rows in one process (--each --jobs 2)", batch_common + ["--each", str(workdir / "regions.csv"), "--jobs", "2",
                                                                                      "-o", str(workdir / "batch-each" / "{region}.pdf")],
                  workdir / "batch-each" / "Region 100.pdf", runs(3)))
    cases.append(("batch: 100 rows in one process, one worker (--jobs 1)", batch_common + ["--each", str(workdir / "regions.csv"), "--jobs", "1",
                                                                                           "-o", str(workdir / "batch-each-1" / "{region}.pdf")],
                  workdir / "batch-each-1" / "Region 100.pdf", runs(3)))
    separate = " ".join(["for n in $(seq 1 100); do", *[f"'{word}'" for word in batch_common],
                         "--param \"region=Region $n\" -o", f"'{workdir / 'batch-separate'}/{{region}}.pdf'", "|| exit 1; done"])
    cases.append(("batch: 100 rows as 100 processes", ["sh", "-c", separate], workdir / "batch-separate" / "Region 100.pdf", runs(3)))

    # A supply series computed from a TIV export: the test fixture's small export, then the
    # same template with a generated 200-supplier, 75-year export in its place.
    tiv_cases = []
    for label, shape in (("TIV export, 5 suppliers x 14 years", None), ("TIV export, 200 suppliers x 75 years", (200, 75))):
        folder = workdir / ("tiv-large" if shape else "tiv-small")
        shutil.copytree(ROOT / "Tests" / "Fixtures" / "tiv", folder)
        if shape:
            export = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make-tiv-export.py"), *map(str, shape)], capture_output=True,
                                    check=True)
            (folder / "data" / "pakistan-tiv.csv").write_bytes(export.stdout)
        tiv_cases.append(label)
        cases.append((f"load: {label}", [str(BINARY), "data", "show", "tiv-shares", "--template", str(folder)], None, runs(21)))

    # Typst, given the same pages as the C baseline (draw list -> .typ), PDF/UA-1 on.
    subprocess.run([str(BINARY), "chart", "timeline", "--data", str(workdir / "events-2000.yaml"), "--output", str(workdir / "t2000-reference.pdf")],
                   check=True)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "baseline" / "draw-list.py"), str(workdir / "t2000-reference.pdf"),
                    str(workdir / "t2000.draw")], check=True)
    cases.append(("C baseline: the timeline of 2,000 events", [str(baseline), str(ROOT / "Fonts"), str(workdir / "t2000.draw"), str(workdir / "c2000.pdf")],
                  workdir / "c2000.pdf", runs(7)))
    typst_cases = {}
    for key, draw, label, count in (("reference", "briefing.draw", "the default briefing's pages", 15),
                                    ("x50", "x50.draw", "the pages of sections x50", 5),
                                    ("t2000", "t2000.draw", "the timeline of 2,000 events", 7)):
        source = workdir / f"{key}.typ"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "typst" / "draw-to-typst.py"), str(workdir / draw), str(source)],
                       check=True)
        name = f"Typst {typst_version()}: {label}"
        command = [sys.executable, str(ROOT / "benchmarks" / "typst" / "compile.py"), str(source), str(workdir / f"typst-{key}.pdf"), str(ROOT / "Fonts")]
        cases.append((name, command, workdir / f"typst-{key}.pdf", runs(count)))
        typst_cases[key] = (name, command, runs(count))

    results = []
    for name, command, output, count in cases:
        result = measure(command, count)
        result.update(name=name, pages=pdf_pages(output) if output else 0, size=output.stat().st_size / 1024 if output else 0)
        results.append(result)
        print(f"{name:48} median {result['median']:8.1f} ms  ({result['min']:.1f}-{result['max']:.1f}, {count} runs)  "
              f"{result['rss']:6.1f} MiB  {result['pages']:4} pages  {result['size']:8.1f} KiB", flush=True)

    # Watch: an edit until the publish, against the whole-process default briefing; then the
    # watching process's memory over many rebuilds.
    rebuild = watch.rebuild(BINARY, TEMPLATE, workdir, runs(15))
    print(f"{'watch: one sentence edited until published':48} median {rebuild['median']:8.1f} ms  (build {rebuild['build']:.1f} ms)", flush=True)
    rebuilds = 200 if quick else 1000
    memory = watch.memory(BINARY, TEMPLATE, workdir, rebuilds)
    print(f"{'watch: memory over ' + str(rebuilds) + ' rebuilds':48} " + ", ".join(f"{count}: {mib:.1f} MiB" for count, mib in memory.items()), flush=True)

    c, default = results[0], results[1]
    x50 = next(r for r in results if r["name"] == "sections x50")
    c50 = next(r for r in results if r["name"] == "C baseline: the pages of sections x50")
    # The ratios the targets are about, measured interleaved.
    command = {name: cmd for name, cmd, _, _ in cases}
    pair_c = interleaved(command[c["name"]], command[default["name"]], runs(15))
    pair_x50 = interleaved(command[c50["name"]], command[x50["name"]], runs(5))
    audiences_name = next(r["name"] for r in results if r["name"].startswith("ten audiences"))
    pair_audiences = interleaved(command[default["name"]], command[audiences_name], runs(9))
    html_name, both_name = (next(r["name"] for r in results if r["name"].startswith(p)) for p in ("default briefing, HTML", "default briefing, PDF and"))
    pair_html = interleaved(command[default["name"]], command[html_name], runs(15))
    pair_both = interleaved(command[default["name"]], command[both_name], runs(15))
    # Briefing against Typst on the same pages, alternately; and Typst's compile alone, in one process.
    timeline_name = next(r["name"] for r in results if r["name"] == "timeline, 2,000 events")
    peers = {}
    for key, ours in (("reference", default["name"]), ("x50", x50["name"]), ("t2000", timeline_name)):
        name, typst_command, count = typst_cases[key]
        pair = interleaved(typst_command, command[ours], count)
        in_process = float(subprocess.run(typst_command + ["--repeat", str(count)], capture_output=True, text=True, check=True).stdout)
        peers[key] = (pair, in_process, next(r for r in results if r["name"] == name))
    c2000 = next(r for r in results if r["name"] == "C baseline: the timeline of 2,000 events")
    pair_t2000 = interleaved(command[c2000["name"]], command[timeline_name], runs(7))
    print("interleaved against Typst: " + ", ".join(f"{key} {pair[1] / pair[0]:.2f}" for key, (pair, _, _) in peers.items()), flush=True)
    print(f"interleaved: default/C {pair_c[1] / pair_c[0]:.2f}, x50/C {pair_x50[1] / pair_x50[0]:.2f}, "
          f"audiences/default {pair_audiences[1] / pair_audiences[0]:.2f}", flush=True)
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
    phased = [result for result in results if result["phases"]]
    names = list(dict.fromkeys(phase for result in phased for phase in result["phases"] if phase != "total"))
    small, large = (next(r for r in results if r["name"] == f"load: {label}") for label in tiv_cases)
    audiences = next(r for r in results if r["name"].startswith("ten audiences"))
    lines += [
        "",
        f"**Ten audiences:** the default briefing plus ten audience PDFs in one process take {audiences['median']:.1f} ms, "
        f"{audiences['median'] / default['median']:.2f}× one briefing ({default['median']:.1f} ms; the limit is 4×); run "
        f"alternately with one briefing: {pair_audiences[1]:.1f} against {pair_audiences[0]:.1f} ms, "
        f"**{pair_audiences[1] / pair_audiences[0]:.2f}×**.",
    ]
    lines += [
        "",
        f"**The HTML edition:** run alternately with the PDF alone ({pair_html[0]:.1f} ms), `--format html` takes "
        f"{pair_html[1]:.1f} ms, **{pair_html[1] / pair_html[0]:.2f}×** (the target is under 0.5×), and `--format pdf,html` "
        f"{pair_both[1]:.1f} ms against {pair_both[0]:.1f}, **{pair_both[1] / pair_both[0]:.2f}×** (the target is under 1.3×).",
    ]
    described = {"reference": ("The default briefing", "0.7×"), "x50": ("Sections x50, PDF/UA on", "0.8×"),
                 "t2000": ("The timeline of 2,000 events", None)}
    lines += ["", "**Typst as a peer:** each case's pages as Typst source (the C baseline's draw list, benchmarks/typst/), "
              "compiled by PyPI `typst` with the bundled fonts and PDF/UA-1; run alternately with Briefing. Typst here sets "
              "finished lines at given places, with no data, templates, line breaking or pagination to do, so it is a floor "
              "for Typst as the C program is for Briefing.", ""]
    lines += ["| case | Briefing ms | Typst ms (process) | Briefing / Typst | Typst compile in-process ms | Typst peak RSS MiB | target |",
              "|---|---:|---:|---:|---:|---:|---|"]
    for key, (pair, in_process, typst_result) in peers.items():
        label, target = described[key]
        lines.append(f"| {label} | {pair[1]:.1f} | {pair[0]:.1f} | **{pair[1] / pair[0]:.2f}** | {in_process:.1f} | {typst_result['rss']:.1f} | "
                     f"{'at most ' + target if target else '-'} |")
    one_row, each_rows, each_one, separate_rows = (next(r for r in results if r["name"] == name) for name in (
        "batch: one row alone", "batch: 100 rows in one process (--each --jobs 2)", "batch: 100 rows in one process, one worker (--jobs 1)",
        "batch: 100 rows as 100 processes"))
    lines += ["", f"**Many briefings:** 100 rows of the starter template (a `region` parameter) in one process with two workers "
              f"(`--jobs 2`) take {each_rows['median'] / 1000:.2f} s, {each_rows['median'] / 100:.1f} ms a row, against "
              f"{separate_rows['median'] / 1000:.2f} s as 100 separate processes (one after another) and {one_row['median']:.1f} ms for one "
              f"row alone: **{separate_rows['median'] / each_rows['median']:.2f}×** the throughput of separate processes (the target is "
              f"1.6×). One worker (`--jobs 1`) takes {each_one['median'] / 1000:.2f} s, so the second worker adds "
              f"{each_one['median'] / each_rows['median']:.2f}× on this machine's two cores. Peak RSS: {each_rows['rss']:.1f} MiB with two "
              f"workers, {each_one['rss']:.1f} MiB with one, {one_row['rss']:.1f} MiB for one row alone."]
    lines += [
        "",
        f"**A large TIV export:** loading the template with a 200-supplier, 75-year export takes {large['median']:.1f} ms against "
        f"{small['median']:.1f} ms with the 5-supplier one: {large['median'] - small['median']:.1f} ms added (the limit is 20 ms).",
    ]
    lines += [
        "",
        f"**Overhead over the speed limit:** the default briefing takes {default['median'] / c['median']:.2f}× the C baseline "
        f"({default['median']:.1f} ms against {c['median']:.1f} ms; the target is 1.3×); run alternately, "
        f"{pair_c[1]:.1f} against {pair_c[0]:.1f} ms, **{pair_c[1] / pair_c[0]:.2f}×**. At 50× the sections: "
        f"{x50['median'] / c50['median']:.2f}× ({x50['median']:.1f} ms against {c50['median']:.1f} ms; issue 7 asked 1.1×); "
        f"alternately {pair_x50[1]:.1f} against {pair_x50[0]:.1f} ms, **{pair_x50[1] / pair_x50[0]:.2f}×**. The timeline of 2,000 "
        f"events against the C program drawing its page: alternately {pair_t2000[1]:.1f} against {pair_t2000[0]:.1f} ms, "
        f"**{pair_t2000[1] / pair_t2000[0]:.2f}×** (the target is 1.5×).",
        "",
        f"**Watch:** after one sentence of one section is edited, the new PDF is published {rebuild['median']:.1f} ms after the "
        f"save (median of {rebuild['runs']}, {rebuild['min']:.1f}–{rebuild['max']:.1f}; the build itself {rebuild['build']:.1f} ms, the "
        f"rest is the 2 ms pause before a save's build starts, the inotify wake-up and the file system), {rebuild['median'] / default['median']:.2f}× a whole `generate` "
        f"({default['median']:.1f} ms; the target is 0.25×); against the interleaved one-briefing median "
        f"({pair_audiences[0]:.1f} ms), {rebuild['median'] / pair_audiences[0]:.2f}×.",
        "",
        f"**Watch memory:** resident memory of the watching process after n rebuilds: "
        + ", ".join(f"{count}: {mib:.1f} MiB" for count, mib in memory.items())
        + f" (growth from 10 to {rebuilds}: {memory[rebuilds] - memory[10]:+.1f} MiB).",
        "",
        "The C baseline (`benchmarks/baseline/baseline.c`) draws the same pages: the benchmark reads every text span,",
        "path and link back out of Briefing's own default PDF with PyMuPDF, and the C program sets them with Pango and",
        "cairo through the same bundled fonts (private fontconfig configuration), one layout per span. It has no data,",
        "templates, Markdown, hyphenation, line breaking, pagination, structure tags or bookmarks, so the ratio is the",
        "cost of everything Briefing adds to drawing the pages.",
        "",
        "Phases of the process (median ms, from `BRIEFING_TIMINGS=1`): `start-up` is exec to `main` (from the kernel's start",
        "time, in 10 ms clock ticks), `arguments` is `main` to the pipeline, `exit` is the last phase to the exit handlers",
        "(with --deliver it includes handing the mails to sendmail),",
        "and `whole` their sum; what is left of the wall time is the kernel's exec and exit and the benchmark's own overhead.",
        "",
        "| case | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for result in phased:
        lines.append(f"| {result['name']} | " + " | ".join(f"{result['phases'].get(name, 0):.1f}" for name in names) + " |")
    (workdir / "profiled").mkdir()
    lines += instructions.markdown(instructions.profile(BINARY, workdir, ROOT, [
        ("generate", "The default briefing", ["generate", *common, "--output", str(workdir / "profiled" / "default.pdf")]),
        ("timeline", "The timeline of 2,000 events", ["chart", "timeline", "--data", str(workdir / "events-2000.yaml"), "--output",
                                                      str(workdir / "profiled" / "timeline.pdf")]),
    ]))
    notes = ROOT / "benchmarks" / "notes.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").rstrip()]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote docs/benchmarks.md ({workdir} kept for inspection)" if "--keep" in sys.argv else "wrote docs/benchmarks.md")
    if "--keep" not in sys.argv:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
