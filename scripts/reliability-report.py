#!/usr/bin/env python3
"""Writes RELIABILITY.md from the Surefire reports of the reliability run (scripts/reliability.sh).

Each test class is one kind of attempt against Flows' promises; its Javadoc says what is tried,
its test methods are the cases, and the Surefire XML says how each went. The outage measurement
(scripts/outage.sh) is appended as it printed it.
"""
import datetime
import glob
import os
import platform
import re
import sys
import xml.etree.ElementTree as ElementTree

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (heading, what the section tries, test classes by simple name)
SECTIONS = [
    ("Attacks: a hostile or confused client",
     "Foreign, guessed and malformed task ids, another user in the same browser, skipping ahead, "
     "wrong methods, oversize and overlong input, forged cookies, session ids in URLs.",
     ["FlowWebTests", "FlowWebCookieBinderTests", "SessionBinderTaskOwnershipWebTests",
      "CookieBinderTaskOwnershipWebTests", "PrincipalBinderTaskOwnershipWebTests", "NoSessionIdInUrlTests",
      "ForeignTaskIdTest", "ForeignPaymentMethodTest", "ChangeOfUserTest", "ChangeOfUserWithCookieBinderTest",
      "ChangeOfUserWithPrincipalBinderTest", "ErrorPagesTest", "InputLimitsTest", "TaskBinderTest"]),
    ("Races: double clicks, old tabs, two nodes",
     "Identical submits at once, on one node and split over two nodes sharing a real PostgreSQL or "
     "a real Redis; a double click on the first step; claims left by a node that stopped; random "
     "operation sequences against the engine's invariants.",
     ["FlowsSharedStoreClaimTests", "DoubleSubmitWebTests", "DoubleSubmitTest", "FlowEngineRequestTest",
      "EnginePropertiesTest", "FlowsSharedStoreWebTests", "FlowsSharedStoreTests", "TwoTabsTest"]),
    ("Store faults: Redis and PostgreSQL going away",
     "A store that cannot be reached, a store that hangs, a store that comes back.",
     ["StoreOutageTests", "TaskStoreGuardTest", "FlowsStoreGuardAutoConfigurationTests", "RedisTaskStoreUnavailableTest",
      "JpaTaskStoreSetupTest"]),
    ("Redeploys and restarts",
     "Tasks written by an older build (renamed steps, changed Java types), an application restarted "
     "with tasks in flight, schema upgrades.",
     ["RedeployWebTests", "TaskPersistenceTest", "JpaTaskStoreSchemaUpgradeTest", "StepFormWebTests", "RewindStateTest"]),
]


def main():
    results = read_reports()
    out = []
    out.append("# Reliability")
    out.append("")
    out.append("What was tried against the promises in README.md (\"What users can rely on\"), and how it went. "
               "Every line below comes from one command, which reruns all of it and rewrites this file:")
    out.append("")
    out.append("```\nbash scripts/reliability.sh\n```")
    out.append("")
    out.append("It starts a real Redis, a real three-node Redis Cluster and a real PostgreSQL on loopback "
               "(as `scripts/test.sh` does), runs the tests named below, then the outage measurement "
               "(`scripts/outage.sh`: load with `wrk`, the store killed and restarted mid-run).")
    out.append("")
    out.append(f"Run: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {machine()}.")
    out.append("")
    total_passed = total_failed = 0
    rows = []
    body = []
    for heading, tries, classes in SECTIONS:
        passed = failed = 0
        section = [f"## {heading}", "", tries, ""]
        for simple in classes:
            cases = results.get(simple)
            if cases is None:
                continue
            section.append(f"**{simple}**: {class_summary(simple)}")
            section.append("")
            for name, ok, seconds in cases:
                mark = "passed" if ok else "**FAILED**"
                section.append(f"- {sentence(name)}: {mark}")
                passed += ok
                failed += not ok
            section.append("")
        if passed + failed == 0:
            continue
        rows.append(f"| {heading} | {passed + failed} | {passed} | {failed} |")
        total_passed += passed
        total_failed += failed
        body.extend(section)
    out.append("| what was tried | cases | passed | failed |")
    out.append("|---|---|---|---|")
    out.extend(rows)
    out.append(f"| **all** | {total_passed + total_failed} | {total_passed} | {total_failed} |")
    out.append("")
    out.extend(body)
    outage = os.path.join(ROOT, "target", "reliability", "outage.txt")
    out.append("## Store outages under load")
    out.append("")
    if os.path.exists(outage):
        out.append("As `scripts/outage.sh` printed it:")
        out.append("")
        out.append("```")
        out.append(open(outage, encoding="utf-8").read().rstrip())
        out.append("```")
        log = os.path.join(ROOT, "target", "reliability", "outage.log")
        if os.path.exists(log):
            last = open(log, encoding="utf-8").read().strip().splitlines()[-3:]
            out.append("")
            out.append("The last lines `scripts/outage.sh` logged (a store section without figures ended there):")
            out.append("")
            out.append("```")
            out.extend(last)
            out.append("```")
    else:
        out.append("(not run: `scripts/outage.sh` printed nothing)")
    out.append("")
    sys.stdout.write("\n".join(out))
    return 1 if total_failed else 0


def read_reports():
    """{test class simple name: [(method, passed, seconds)]} from every module's Surefire XML."""
    results = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "*", "target", "surefire-reports", "TEST-*.xml"))):
        suite = ElementTree.parse(path).getroot()
        for case in suite.iter("testcase"):
            simple = case.get("classname", "").split(".")[-1]
            ok = case.find("failure") is None and case.find("error") is None and case.find("skipped") is None
            results.setdefault(simple, []).append((case.get("name", ""), ok, float(case.get("time", "0") or 0)))
    return results


def class_summary(simple):
    """The first sentence or two of the test class's Javadoc, as plain text."""
    for path in glob.glob(os.path.join(ROOT, "*", "src", "test", "java", "**", simple + ".java"), recursive=True):
        text = open(path, encoding="utf-8").read()
        match = re.search(r"/\*\*(.*?)\*/\s*(?:@[^\n]*\n\s*)*(?:abstract |final )*class " + simple, text, re.S)
        if not match:
            continue
        doc = " ".join(line.strip().lstrip("*").strip() for line in match.group(1).splitlines())
        doc = re.sub(r"\{@(?:code|link|linkplain) ([^}]*)\}", r"`\1`", doc)
        doc = re.sub(r"<[^>]+>", "", doc).strip()
        return doc
    return ""


def sentence(method):
    """`aDoubleClickCreatesOneTask(String)[1]` -> `A double click creates one task (1)`."""
    name = re.sub(r"\[.*?\]$", "", re.sub(r"\(.*?\)", "", method))
    variant = re.search(r"\[(.*?)\]$", method)
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name).lower().strip()
    words = words[:1].upper() + words[1:]
    return words + (f" ({variant.group(1)})" if variant else "")


def machine():
    cores = os.cpu_count()
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            kb = int(meminfo.readline().split()[1])
            memory = f", {kb // 1024 // 1024} GiB"
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {cores} cores{memory}, Java {java_version()}"


def java_version():
    try:
        import subprocess
        out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
        return re.search(r'version "([^"]+)"', out).group(1)
    except Exception:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
