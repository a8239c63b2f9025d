#!/usr/bin/env python3
"""Rewrites the header row of a real-layout workbook to another wording its format's other
instances use (test/real-layouts/header-variants.test.ts), leaving everything else as it was.

Usage: header-variants.py JOBS.json

JOBS.json is a list of jobs:
  {"src": "...xlsx", "dst": "...xlsx", "tool": "zip" | "openpyxl",
   "edits": [{"sheet": "PDM", "row": 1, "replace": [["^COD META PRODUCTO$", "No. META PRODUCTO"], ...]}]}

Each header cell of `row` in `sheet` whose text matches a pattern (Python `re.search`) is rewritten
with `re.sub` (every pair in order). `tool`:
  - "zip": only the header cells change, in the package itself: each changed cell points to a new
    shared string (or holds its new inline string); cached formula values, styles and every other part stay byte for byte, so the
    variant must read exactly as the original sample does (same findings, same goals);
  - "openpyxl": the workbook is loaded and saved by openpyxl 3.1 (another tool's save: formulas
    lose their cached values), as a reviewer generating variants would.
The script prints, per job, the headers it changed ([old, new]) and the patterns that matched no
header ("unused"), as JSON, so that a test can check that every edit it asked for was applied.
"""
import html
import json
import re
import sys
import zipfile


def apply(text, pairs, used=None):
    out = text
    for pattern, repl in pairs:
        new = re.sub(pattern, repl, out)
        if new != out and used is not None:
            used.add(pattern)
        out = new
    return out


def unused(job, used):
    return [p for e in job["edits"] for p, _ in e["replace"] if p not in used]


def xml_text(fragment):
    return html.unescape("".join(re.findall(r"<t(?:\s[^>]*)?>(.*?)</t>", fragment, re.S)))


def sheet_paths(z):
    wb = z.read("xl/workbook.xml").decode("utf8")
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf8")
    targets = {}
    for m in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = m.group(0)
        rid = re.search(r'\bId="([^"]+)"', tag).group(1)
        target = re.search(r'\bTarget="([^"]+)"', tag).group(1)
        targets[rid] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    out = {}
    for m in re.finditer(r"<sheet\b[^>]*/?>", wb):
        tag = m.group(0)
        name = html.unescape(re.search(r'\bname="([^"]*)"', tag).group(1))
        rid = re.search(r'\br:id="([^"]+)"', tag).group(1)
        out[name] = targets[rid]
    return out


def zip_job(job):
    changed = []
    used = set()
    with zipfile.ZipFile(job["src"]) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
        infos = z.infolist()
        paths = sheet_paths(z)
    sst_name = "xl/sharedStrings.xml"
    sst = parts[sst_name].decode("utf8") if sst_name in parts else ""
    items = re.findall(r"<si>.*?</si>|<si/>", sst, re.S)
    strings = [xml_text(s) for s in items]
    added = []
    for edit in job["edits"]:
        name = paths[edit["sheet"]]
        xml = parts[name].decode("utf8")
        row = edit["row"]
        m = re.search(r'<row\b[^>]*\br="%d"[^>]*>(.*?)</row>' % row, xml, re.S)
        if not m:
            raise SystemExit("row %d not found in %s" % (row, edit["sheet"]))

        def cell(cm):
            attrs, body = cm.group(1), cm.group(2)
            if body is None:  # an empty cell, `<c r="A6" s="7"/>`
                return cm.group(0)
            if re.search(r'\bt="s"', attrs):
                v = re.search(r"<v>(\d+)</v>", body)
                old = strings[int(v.group(1))]
            elif re.search(r'\bt="inlineStr"', attrs):
                old = xml_text(body)
            elif re.search(r'\bt="str"', attrs):
                # a formula's cached text (DNP's group titles, `=CONCATENATE("Ejecución PIIP ", …)`): only the cached value changes
                v = re.search(r"<v>(.*?)</v>", body, re.S)
                if not v:
                    return cm.group(0)
                old = html.unescape(v.group(1))
                new = apply(old, edit["replace"], used)
                if new == old:
                    return cm.group(0)
                changed.append([old, new])
                return "<c%s>%s</c>" % (attrs, body[: v.start(1)] + html.escape(new, quote=False) + body[v.end(1):])
            else:
                return cm.group(0)
            new = apply(old, edit["replace"], used)
            if new == old:
                return cm.group(0)
            changed.append([old, new])
            text = '<t xml:space="preserve">%s</t>' % html.escape(new, quote=False)
            if re.search(r'\bt="inlineStr"', attrs):
                return "<c%s><is>%s</is></c>" % (attrs, text)
            index = len(strings) + len(added)
            added.append("<si>%s</si>" % text)
            return "<c%s><v>%d</v></c>" % (attrs, index)

        body = re.sub(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", cell, m.group(1), flags=re.S)
        xml = xml[: m.start(1)] + body + xml[m.end(1):]
        parts[name] = xml.encode("utf8")
    if added:
        total = len(strings) + len(added)
        sst = sst.replace("</sst>", "".join(added) + "</sst>")
        sst = re.sub(r'\buniqueCount="\d+"', 'uniqueCount="%d"' % total, sst, count=1)
        parts[sst_name] = sst.encode("utf8")
    with zipfile.ZipFile(job["dst"], "w", zipfile.ZIP_DEFLATED) as out:
        for info in infos:
            out.writestr(info, parts[info.filename])
    return {"changed": changed, "unused": unused(job, used)}


def openpyxl_job(job):
    import openpyxl

    changed = []
    used = set()
    wb = openpyxl.load_workbook(job["src"])
    for edit in job["edits"]:
        ws = wb[edit["sheet"]]
        for c in ws[edit["row"]]:
            if isinstance(c.value, str):
                new = apply(c.value, edit["replace"], used)
                if new != c.value:
                    changed.append([c.value, new])
                    c.value = new
    wb.save(job["dst"])
    return {"changed": changed, "unused": unused(job, used)}


def main():
    with open(sys.argv[1], encoding="utf8") as f:
        jobs = json.load(f)
    report = []
    for job in jobs:
        tool = job.get("tool", "zip")
        report.append(zip_job(job) if tool == "zip" else openpyxl_job(job))
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
