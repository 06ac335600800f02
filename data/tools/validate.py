#!/usr/bin/env python3
"""Check data/futian/ against docs/data-format.md (stdlib only). Exit 1 on any error.

    python3 data/tools/validate.py [CATALOGUE_DIR]
"""
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import geo  # noqa: E402

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(HERE), "futian")
errors = []


def err(msg):
    errors.append(msg)


BAD = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
BAD_LINE = re.compile("[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def walk_strings(obj, where):
    if isinstance(obj, str):
        if BAD_LINE.search(obj):
            err("%s: control/format character in %r" % (where, obj[:40]))
    elif isinstance(obj, list):
        for k, v in enumerate(obj):
            walk_strings(v, "%s[%d]" % (where, k))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            walk_strings(k, where)
            walk_strings(v, "%s.%s" % (where, k))


def load(name):
    path = os.path.join(DIR, name)
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(name + ": BOM")
    obj = json.loads(raw.decode("utf-8"))
    walk_strings(obj, name)
    return obj


cat = load("catalogue.json")
domains = load("domains.json")
items = load("items.json")
points = load("points.geojson")["features"]
subs = load("subdistricts.json")
landmarks = load("landmarks.json")
bnd = load("boundary.geojson")

if cat.get("coordinate_datum") != "WGS-84":
    err("catalogue coordinate_datum")
source_ids = [s["id"] for s in cat["sources"]]
for s in cat["sources"]:
    for k in ("id", "title", "origin", "licence", "datum", "snapshot", "reliability", "note"):
        if not s.get(k):
            err("source %s lacks %s" % (s.get("id"), k))
    if s["reliability"] not in ("low", "medium", "high"):
        err("source %s reliability" % s["id"])
    if s["datum"] not in ("none", "WGS-84", "GCJ-02", "BD-09"):
        err("source %s datum" % s["id"])
ptypes = {p["id"]: p for p in cat["point_types"]}


def uniq(name, ids):
    if len(ids) != len(set(ids)):
        err("%s: duplicate ids" % name)


uniq("sources", source_ids)
uniq("point_types", list(ptypes))
uniq("domains", [d["id"] for d in domains])
uniq("items", [i["id"] for i in items])
uniq("points", [p["id"] for p in points])
uniq("subdistricts", [s["code"] for s in subs])
uniq("landmarks", [l["id"] for l in landmarks])


def check_prov(rec, where):
    if rec.get("provenance") not in ("reference", "sample"):
        err(where + ": provenance")
    if rec.get("provenance") == "reference" and rec.get("source") not in source_ids:
        err(where + ": reference without known source (%r)" % rec.get("source"))


# boundary
geom = bnd["features"][0]["geometry"] if bnd["type"] == "FeatureCollection" else bnd["geometry"]
bpolys = geo.as_mp(geom) if hasattr(geo, "as_mp") else (
    [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"])


def outside(lng, lat):
    return geo.distance_outside_m(bpolys, lng, lat)


# domains
names = ["幼有善育", "学有优教", "劳有厚得", "病有良医", "老有颐养", "住有宜居", "弱有众扶", "优军服务保障", "文化体育保障"]
if [d["name"] for d in domains] != names or [d["id"] for d in domains] != ["D%d" % k for k in range(1, 10)]:
    err("domains names/order")
for d in domains:
    check_prov(d, d["id"])
dom_ids = {d["id"] for d in domains}
for p in ptypes.values():
    if p["domain"] not in dom_ids:
        err("point type %s domain" % p["id"])

# subdistricts
sub_by = {s["code"]: s for s in subs}
if len(subs) != 10 or "440304400" in sub_by:
    err("subdistricts: expected the 10 街道")
for s in subs:
    check_prov(s, s["code"])
    if s.get("centre") and outside(*s["centre"]) > 300:
        err("subdistrict %s centre outside" % s["code"])

# standards
std = {}
for fn in sorted(os.listdir(os.path.join(DIR, "standards"))):
    raw = open(os.path.join(DIR, "standards", fn), "rb").read()
    text = raw.decode("utf-8")
    if BAD.search(text):
        err(fn + ": control/format character")
    m = re.match(r"---\n(.*?)\n---\n(.*)\Z", text, re.S)
    if not m:
        err(fn + ": no front matter")
        continue
    fm = {}
    for line in m.group(1).split("\n"):
        k, _, v = line.partition(": ")
        fm[k] = v
    body = m.group(2)
    sid = fm.get("id")
    if fn != "%s.md" % sid:
        err(fn + ": id/file name")
    fm["items"] = [x.strip() for x in fm.get("items", "[]").strip("[]").split(",") if x.strip()]
    fm["body"] = body
    fm["size"] = len(raw)
    std[sid] = fm
    if fm.get("kind") not in ("standard", "guide"):
        err(fn + ": kind")
    if fm.get("level") not in ("national", "industry", "guangdong", "shenzhen", "district"):
        err(fn + ": level")
    check_prov(fm, fn)
    for k in ("issued", "effective"):
        if k in fm and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fm[k]):
            err(fn + ": " + k)
    if fm["provenance"] == "sample":
        if not fm["code"].startswith("样例"):
            err(fn + ": sample code must start with 样例")
        if not body.startswith("## 前言\n\n本文本是fuwu项目生成器"):
            err(fn + ": sample 前言 notice")
        if not (1500 <= len(raw) <= 4000):
            err(fn + ": size %d" % len(raw))
        for h in ("## 前言", "## 1 范围", "## 2 规范性引用文件", "## 3 术语和定义"):
            if "\n" + h + "\n" not in "\n" + body:
                err(fn + ": missing " + h)
    if fm["kind"] == "guide" and not re.search(r"^## \d+ 服务流程$", body, re.M):
        err(fn + ": guide without 服务流程")

# items
item_by = {i["id"]: i for i in items}
for i in items:
    check_prov(i, i["id"])
    if i["domain"] not in dom_ids or not i["id"].startswith(i["domain"] + "-"):
        err(i["id"] + ": domain")
    for k in ("category", "name", "recipients", "content", "standard", "funding", "lead"):
        if not i.get(k):
            err(i["id"] + ": empty " + k)
    if not i["point_types"] or any(t not in ptypes for t in i["point_types"]):
        err(i["id"] + ": point_types")
    if not i["standards"]:
        err(i["id"] + ": no standards")
    for s in i["standards"]:
        if s not in std:
            err(i["id"] + ": unknown standard " + s)
        elif i["id"] not in std[s]["items"]:
            err(i["id"] + ": standard %s does not list it" % s)
    if not any(std[s]["kind"] == "guide" and "\n## 5 服务流程\n" in std[s]["body"] for s in i["standards"] if s in std):
        err(i["id"] + ": no guide with ## 5 服务流程")
for sid, fm in std.items():
    for iid in fm["items"]:
        if iid not in item_by:
            err(sid + ": unknown item " + iid)
        elif sid not in item_by[iid]["standards"]:
            err(sid + ": item %s does not list it" % iid)
for t in ptypes:
    if not any(t in i["point_types"] for i in items):
        err("point type %s serves no item" % t)

# points
served = set()
for k, p in enumerate(points, 1):
    pid = p["id"]
    if pid != "P%04d" % k:
        err(pid + ": ids not sequential")
    pr = p["properties"]
    check_prov(pr, pid)
    if pr["type"] not in ptypes:
        err(pid + ": type")
    if not pr["items"]:
        err(pid + ": no items")
    for iid in pr["items"]:
        if iid not in item_by:
            err(pid + ": unknown item " + iid)
        elif pr["type"] not in item_by[iid]["point_types"]:
            err(pid + ": item %s not provided by type %s" % (iid, pr["type"]))
        served.add(iid)
    sd = pr.get("subdistrict")
    if sd is not None and sd not in sub_by:
        err(pid + ": subdistrict")
    if pr.get("community") and (sd is None or pr["community"] not in sub_by[sd]["communities"]):
        err(pid + ": community not in subdistrict")
    g = p["geometry"]
    if g is not None:
        lng, lat = g["coordinates"]
        d = outside(lng, lat)
        if d > 300:
            err("%s: %.0f m outside the boundary" % (pid, d))
        if pr.get("source_datum") not in ("WGS-84", "GCJ-02", "BD-09") or "source_coordinates" not in pr:
            err(pid + ": source_datum/source_coordinates")
        else:
            sx, sy = pr["source_coordinates"]
            if pr["source_datum"] == "GCJ-02":
                cx, cy = geo.wgs_to_gcj(lng, lat)
            elif pr["source_datum"] == "BD-09":
                gx, gy = geo.wgs_to_gcj(lng, lat)
                z = math.sqrt(gx * gx + gy * gy) + 0.00002 * math.sin(gy * math.pi * 3000 / 180)
                th = math.atan2(gy, gx) + 0.000003 * math.cos(gx * math.pi * 3000 / 180)
                cx, cy = z * math.cos(th) + 0.0065, z * math.sin(th) + 0.006
            else:
                cx, cy = lng, lat
            if abs(cx - sx) > 2e-6 or abs(cy - sy) > 2e-6:
                err(pid + ": conversion does not reproduce the source coordinates")
    if pr["provenance"] == "sample":
        if not pr["name"].startswith("福田区样例"):
            err(pid + ": sample name")
        if "phone" in pr:
            err(pid + ": sample with phone")
        if g is None or outside(*g["coordinates"]) > 0:
            err(pid + ": sample outside the boundary")
for i in items:
    if i["id"] not in served:
        err(i["id"] + ": no service point")

# landmarks
for l in landmarks:
    check_prov(l, l["id"])
    if outside(*l["location"]) > 300:
        err(l["id"] + ": outside")
if not any(l["name"] == "市民中心" for l in landmarks):
    err("landmarks: 市民中心 missing")

# counts
actual = {"domains": len(domains), "items": len(items), "futian_items": sum(1 for i in items if i["futian"]),
          "points": len(points), "standards": len(std)}
if actual != cat["counts"]:
    err("counts %r != declared %r" % (actual, cat["counts"]))
# After `fuwu import` the declared counts are the real ones and the published figures stand apart.
if cat.get("published_counts", cat["counts"]) != {"domains": 9, "items": 143, "futian_items": 41, "points": 2082, "standards": 881}:
    err("the published counts differ from 9/143/41/2082/881")

for e in errors:
    print("ERROR", e)
print("%d errors; %r" % (len(errors), actual))
sys.exit(1 if errors else 0)
