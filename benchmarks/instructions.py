"""Where the time goes, by instruction counts: `make bench` runs the release binary under
valgrind's callgrind for the default briefing and the 2,000-event timeline and reports what
each stage costs, inclusive, as a share of the whole process. Instruction counts are the same
on every run, so these shares do not drift with the machine as wall times do (±25% here).

valgrind 3.19 cannot read the DWARF Swift 6 writes, so it runs a copy with the debug
information stripped. callgrind counts every thread: the fonts loading on the second core
are in the total and in `fonts (other core)`, not on the main thread's path."""
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

# Stages by a piece of their (mangled) symbol; the largest inclusive count among the
# matches is taken, so recursion and nested matches are not counted twice.
STAGES = {
    "generate": [
        ("read and check the template (load)", ["BriefingPipeline0B0C4loadyAA06LoadedA0VAA0A7RequestVKF"]),
        ("fonts, on the other core", ["BriefingPipeline8PrefetchCAA0A6Render17PangoTextMeasurerCRszlE8measurer"]),
        ("  of which registering the fonts with fontconfig", ["BriefingRender9FontSetupC8register"]),
        ("expand and parse the sections (document)", ["BriefingPipeline0B0C8documenty0A7Content8DocumentVAA06LoadedA0VKF"]),
        ("layout", ["BriefingPipeline0B0C6layout_6loaded"]),
        ("text shaping, on either core (HarfBuzz through Pango)", ["hb_shape_full"]),
        ("cairo writes the PDF (pdf)", ["BriefingRender11PDFExporterO6export"]),
        ("  of which the numbers cairo prints (snprintf)", ["__snprintf_chk"]),
        ("PDF/UA finisher (finish)", ["BriefingRender11PDFFinisherO6finish"]),
        ("  of which marking artifacts", ["ArtifactMarkerO4mark"]),
        ("  of which deflate (libdeflate, every stream cairo left uncompressed)", ["ArtifactMarkerO7deflate"]),
        ("edition store (SQLite)", ["sqlite3_step"]),
        ("Swift runtime: first protocol conformance lookups", ["swift::_conformsToProtocol(swift::OpaqueValue"]),
    ],
    "timeline": [
        ("read and check the events (load)", ["BriefingPipeline0B0C4loadyAA06LoadedA0VAA0A7RequestVKF"]),
        ("  of which composing the YAML (libyaml's events into nodes)", ["BriefingModel12YAMLComposerO7compose"]),
        ("  of which decoding the facts", ["BriefingModel15FactBaseDecoderV6decode"]),
        ("fonts, on the other core", ["BriefingPipeline8PrefetchCAA0A6Render17PangoTextMeasurerCRszlE8measurer"]),
        ("find the chart in the sections (document)", ["BriefingPipeline0B0C12placedFigure"]),
        ("  of which placeholders for every fact", ["PlaceholderContextO5build"]),
        ("lay out the chart", ["BriefingLayout15StandaloneChartO6layout"]),
        ("text shaping, on either core (HarfBuzz through Pango)", ["hb_shape_full"]),
        ("cairo writes the PDF (pdf)", ["BriefingRender11PDFExporterO6export"]),
        ("  of which cairo's page analysis (region unions)", ["pixman_region32_union"]),
        ("PDF/UA finisher (finish)", ["BriefingRender11PDFFinisherO6finish"]),
        ("  of which deflate (libdeflate)", ["ArtifactMarkerO7deflate"]),
    ],
}


def inclusive_counts(profile):
    """Function name -> inclusive instruction count, and the program's total."""
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(profile)], capture_output=True, text=True,
                         check=True).stdout
    total = int(re.search(r"^([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", out, re.M).group(1).replace(",", ""))
    counts = {}
    for count, name in re.findall(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+\S*?:(.*?) \[", out, re.M):
        value = int(count.replace(",", ""))
        counts[name] = max(value, counts.get(name, 0))
    return counts, total


def stage_rows(counts, total, stages):
    rows = []
    for label, needles in stages:
        value = max((count for name, count in counts.items() if any(needle in name for needle in needles)), default=0)
        rows.append((label, value, value / total * 100 if total else 0))
    return rows


def profile(binary, workdir, fonts_home, commands):
    """Runs each (key, title, arguments) under callgrind; returns (title, total, rows) each.
    Returns [] when valgrind is missing, so `make bench` still writes its tables."""
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        return []
    stripped = Path(workdir) / "briefing-stripped"
    subprocess.run(["strip", "--strip-debug", "-o", str(stripped), str(binary)], check=True)
    results = []
    for key, title, arguments in commands:
        output = Path(tempfile.mkstemp(prefix=f"callgrind-{key}-", dir=workdir)[1])
        environment = dict(os.environ, BRIEFING_HOME=str(fonts_home))
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={output}", str(stripped), *arguments],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment, check=True)
        counts, total = inclusive_counts(output)
        results.append((title, total, stage_rows(counts, total, STAGES[key])))
    return results


def markdown(results):
    if not results:
        return ["", "(valgrind is not installed: no instruction counts this run.)"]
    lines = ["", "**Where the time goes, in instructions** (callgrind, release build, every thread; the same on every run). "
             "A stage's count includes what it calls on its own thread (the finisher's page marking, spread over both cores, "
             "counts where it ran, so that row moves between runs); indented rows are parts of the row above.", ""]
    for title, total, rows in results:
        lines += [f"| {title}: {total / 1e6:,.0f} million instructions | million | share |", "|---|---:|---:|"]
        lines += [f"| {label.replace('  ', '&nbsp;&nbsp;')} | {value / 1e6:,.1f} | {share:.1f}% |" for label, value, share in rows]
        lines.append("")
    return lines
