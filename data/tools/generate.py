#!/usr/bin/env python3
"""Generate the embedded Futian catalogue (data/futian/) from data/reference/.

    python3 data/tools/generate.py

Deterministic: seeded RNG, fixed ordering, no timestamps. Python standard library only.
Reads only data/reference/ and the tables in data/tools/content.py; rewrites data/futian/.
"""
import csv
import json
import os
import random
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import geo  # noqa: E402
import content  # noqa: E402
import standards as stdgen  # noqa: E402
import subdistrict_polygons  # noqa: E402

DATA = os.path.dirname(HERE)
REF = os.path.join(DATA, "reference")
OUT = os.path.join(DATA, "futian")

SEED = 20230614
COUNTS = {"domains": 9, "items": 143, "futian_items": 41, "points": 2082, "standards": 881}
TOLERANCE_M = 300.0


def ref_path(*parts):
    return os.path.join(REF, *parts)


def read_csv(name):
    with open(ref_path(name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_json(name):
    with open(ref_path(name), encoding="utf-8") as f:
        return json.load(f)


def clean(text):
    """Single-line text: collapse whitespace/newlines, strip."""
    if text is None:
        return ""
    text = re.sub(r"\s*[\r\n]+\s*", "；", text)
    text = text.replace("\t", " ")
    return text.strip()


def close_ring(ring):
    ring = [[float(p[0]), float(p[1])] for p in ring]
    if ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return ring


def as_multipolygon(geom):
    if geom["type"] == "Polygon":
        return [[close_ring(r) for r in geom["coordinates"]]]
    if geom["type"] == "MultiPolygon":
        return [[close_ring(r) for r in poly] for poly in geom["coordinates"]]
    if geom["type"] == "GeometryCollection":
        out = []
        for g in geom["geometries"]:
            out.extend(as_multipolygon(g))
        return out
    raise ValueError(geom["type"])


def r7(x):
    return round(x, 7)


# ---------------------------------------------------------------- sources

SOURCES = [
    {"id": "sztqb-2023", "title": "公共服务标准化 “幸福福田”闪金光（深圳特区报）",
     "origin": "深圳特区报 / 深圳新闻网 news report, 2023-06-14 (reporters 易东 et al.)",
     "licence": "news text; only facts used (counts, domain names, three named Futian items), no sentences reproduced",
     "datum": "none", "snapshot": "2023-06-14", "reliability": "medium",
     "note": "Source of the published counts (9 domains, 143 items, 41 Futian items, 2082 points, 881 texts), the nine domain names and the items 儿童友好服务, 中小学生研学实践教育, 粤港澳青年创新创业扶持."},
    {"id": "bps-standards-facts", "title": "国家/广东省基本公共服务标准 facts (reference/basic_public_service_standards_facts.json)",
     "origin": "news and mirror pages named inside the file (新华社 via 湛江日报 2023-08-10; 央广网 2021-04-21; 粤发改社会〔2021〕494号 mirror; 2024 work programme reports)",
     "licence": "news/government text; facts only, no licence claimed",
     "datum": "none", "snapshot": "2021-2024", "reliability": "medium",
     "note": "Confirms nine national item names used as reference items; the per-item table (five columns) was not found, so every item's five columns are sample text."},
    {"id": "sz-local-standards", "title": "深圳市地方标准 identifiers and headings (reference/shenzhen_local_standards_refs.json)",
     "origin": "http://github5.com/view/11687 (third-party copy of DB4403/T 236—2022 cover and table of contents)",
     "licence": "standard text © 深圳市市场监督管理局; only identifier, title, dates and headings recorded",
     "datum": "none", "snapshot": "2022-04-28", "reliability": "medium",
     "note": "Used for S0001 only (DB4403/T 236—2022 儿童友好公共服务体系建设指南). The table of contents is incomplete in the source. The two draft market standards are not used (their numbers are placeholders)."},
    {"id": "modood-divisions", "title": "Administrative-divisions-of-China streets.csv (rows 440304*)",
     "origin": "GitHub modood/Administrative-divisions-of-China, dist/streets.csv, commit 57a0aa9",
     "licence": "WTFPL", "datum": "none", "snapshot": "2022-10-31", "reliability": "high",
     "note": "National Bureau of Statistics codes of the 10 街道; 福田保税区 (440304400) is not used as a subdistrict."},
    {"id": "datav-boundary", "title": "DataV.GeoAtlas Shenzhen districts (440300_full.json)",
     "origin": "GitHub anzhou99/GeoJsons, 440300_full.json, commit ae33047",
     "licence": "none stated; boundary data originate from Amap; reference use only",
     "datum": "GCJ-02", "snapshot": "unknown", "reliability": "medium",
     "note": "福田区 (adcode 440304) polygon converted vertex by vertex GCJ-02→WGS-84 into boundary.geojson. Simplified; fine for in-district tests only."},
    {"id": "handdrawn-subdistricts", "title": "Hand-drawn Futian 街道 polygons (aed-map 汇总/)",
     "origin": "GitHub pkuimyy/aed-map, folder 汇总/, commit d8aba6c",
     "licence": "none stated", "datum": "WGS-84", "snapshot": "2020-11-16", "reliability": "low",
     "note": "Traced by hand from a map; WGS-84 inferred. Used only for rough 街道 assignment and subdistrict centres. 福保街道 has no polygon; the futianbaoshuiqu (福田保税区) polygon, which lies within 福保, stands in for it."},
    {"id": "szlib-opac", "title": "深圳图书馆统一检索平台 service points, 福田 tab",
     "origin": "HTML snapshot of the Shenzhen Library OPAC search page stored in a public GitHub repository (name not resolvable)",
     "licence": "unknown", "datum": "none", "snapshot": "unknown", "reliability": "medium",
     "note": "135 service points without coordinates; 街道 and 社区 derived from the names (library naming, may differ from official community names)."},
    {"id": "aed-tencent", "title": "Tencent LBS place search: AED in adcode 440304",
     "origin": "GitHub pkuimyy/aed-map, data/aed-shenzhen/data440304.json, commit 35da8a5",
     "licence": "none stated; data come from Tencent Maps", "datum": "GCJ-02", "snapshot": "2020-11-20",
     "reliability": "medium",
     "note": "53 points in three concatenated API pages, incl. 福田区福利中心 (mapped to type yanglao). Where the source title is only 'AED', the displayed name adds the source address."},
    {"id": "sf-defence-schools", "title": "t_school.sql (Futian rows) of the SGM project",
     "origin": "GitHub way181992699/SGM, sql/sf_defence_sql_edit/t_school.sql, commit 1caaca6",
     "licence": "none stated", "datum": "BD-09", "snapshot": "2018-10-25", "reliability": "medium",
     "note": "239 schools and kindergartens, 94 with coordinates; BD-09 inferred. Principal names and e-mail addresses were removed upstream and are not used. Some coordinates are wrong (withheld when outside Futian)."},
    {"id": "sf-defence-hospitals", "title": "t_hospital.sql of the SGM project",
     "origin": "GitHub way181992699/SGM, sql/sf_defence_sql_edit/t_hospital.sql, commit 1caaca6",
     "licence": "none stated", "datum": "BD-09", "snapshot": "2018-10-25", "reliability": "low",
     "note": "15 rows with AREA 福田区 used. Datum weakly inferred as BD-09 (unverified). RECID 17 has a known latitude error and its coordinate is withheld."},
    {"id": "sf-defence-metro", "title": "t_metro_station.sql of the SGM project",
     "origin": "GitHub way181992699/SGM, sql/sf_defence_sql_edit/t_metro_station.sql, commit 1caaca6",
     "licence": "none stated", "datum": "GCJ-02", "snapshot": "2018", "reliability": "medium",
     "note": "Stations with derived_in_futian_datav_polygon = yes, merged per station name. Source spellings kept: 通岭新 (= 通新岭) and 福邻. 侨城东 and 深康 test inside the DataV polygon but are usually counted as Nanshan."},
    {"id": "haliun-metro", "title": "haliun0301/metro stations.ts (RAW_STATIONS)",
     "origin": "GitHub haliun0301/metro, data/metro-stations/stations.ts, commit c923c38",
     "licence": "none stated", "datum": "WGS-84", "snapshot": "unknown", "reliability": "low",
     "note": "Reliability medium-low: a student app whose coordinate origin is not stated; WGS-84 inferred. Used only for newer-line stations inside Futian that sf-defence-metro lacks."},
    {"id": "sz-metro-official-order", "title": "深圳地铁线路站序 (metro_official.json)",
     "origin": "GitHub troicc/Shenzhen_Transit_Explorer, data/metro_official.json, commit 461a437; cites https://jtys.sz.gov.cn/jtzx/wycx/dtcx/dtxl/content/post_12601089.html",
     "licence": "none found", "datum": "none", "snapshot": "2026-01-14", "reliability": "high",
     "note": "No coordinates. Used only to confirm the name and line of each station taken from haliun-metro."},
    {"id": "citywalk-venues", "title": "CityWalk Shenzhen notes: Futian parks, culture and sports venues",
     "origin": "GitHub sunshang-hl/CityWalk, packages/guangdong/city-shenzhen/docs/notes/**.md, commit ef74330 (pages cite 深圳政府在线 / cgj.sz.gov.cn)",
     "licence": "CC BY-NC 4.0 (non-commercial use only; attribution: sunshang-hl/CityWalk)",
     "datum": "none", "snapshot": "2025-01", "reliability": "medium",
     "note": "62 venues without coordinates. '待更新' values and the shared placeholder phone 0755-77776666 are omitted."},
]

SUBDISTRICT_PINYIN = {
    "440304001": ("nanyuan", "nanyuan"),
    "440304002": ("yuanling", "yuanling"),
    "440304004": ("futian", "futian"),
    "440304005": ("shatou", "shatou"),
    "440304006": ("xiangmihu", "xiangmihu"),
    "440304007": ("meilin", "meiling"),  # source file is named meiling.json
    "440304008": ("lianhua", "lianhua"),
    "440304009": ("huafu", "huafu"),
    "440304010": ("fubao", "futianbaoshuiqu"),
    "440304011": ("huaqiangbei", "huaqiangbei"),
}

STATION_PINYIN = {
    "侨城东": "qiaochengdong", "竹子林": "zhuzilin", "车公庙": "chegongmiao", "香蜜湖": "xiangmihu",
    "购物公园": "gouwugongyuan", "会展中心": "huizhanzhongxin", "岗厦": "gangxia", "华强路": "huaqianglu",
    "科学馆": "kexueguan", "深康": "shenkang", "安托山": "antuoshan", "侨香": "qiaoxiang", "香蜜": "xiangmi",
    "香梅北": "xiangmeibei", "景田": "jingtian", "莲花西": "lianhuaxi", "福田": "futian",
    "市民中心": "shiminzhongxin", "岗厦北": "gangxiabei", "华强北": "huaqiangbei", "燕南": "yannan",
    "益田": "yitian", "石厦": "shixia", "少年宫": "shaoniangong", "莲花村": "lianhuacun", "华新": "huaxin",
    "通岭新": "tonglingxin", "红岭": "hongling", "农林": "nonglin", "上沙": "shangsha", "沙尾": "shawei",
    "皇岗村": "huanggangcun", "福民": "fumin", "皇岗口岸": "huanggangkouan", "福邻": "fulin",
    "赤尾": "chiwei", "华强南": "huaqiangnan", "黄木岗": "huangmugang", "八卦岭": "bagualing",
    "红岭北": "honglingbei", "园岭": "yuanling", "银湖": "yinhu", "孖岭": "maling", "上梅林": "shangmeilin",
    "梅村": "meicun", "下梅林": "xiameilin", "梅景": "meijing", "香梅": "xiangmei", "下沙": "xiasha",
    "福田口岸": "futiankouan", "莲花北": "lianhuabei",
    # newer-line stations taken from the haliun table
    "福保": "fubao", "体育中心": "tiyuzhongxin", "翰岭": "hanling", "冬瓜岭": "dongualing", "福星": "fuxing",
}
STATION_NOTES = {
    "通岭新": "源数据拼写为“通岭新”，即通新岭站（haliun数据另列其为6号线换乘站）。",
    "福邻": "站名按源数据原样保留（福邻）。",
    "侨城东": "位于福田/南山交界，点位落在DataV福田多边形内，但一般归南山区。",
    "深康": "位于福田/南山交界，点位落在DataV福田多边形内，但一般归南山区。",
}


def dump_json(path, obj):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(obj, ensure_ascii=False, indent=2))
        f.write("\n")


# ---------------------------------------------------------------- geography

def load_boundary():
    d = read_json("shenzhen_districts_datav_gcj02.geojson")
    feat = [f for f in d["features"] if f["properties"].get("adcode") == 440304][0]
    src = as_multipolygon(feat["geometry"])
    wgs = [[[list(map(r7, geo.gcj_to_wgs(x, y))) for x, y in ring] for ring in poly] for poly in src]
    # keep rings closed exactly after rounding
    for poly in wgs:
        for ring in poly:
            ring[-1] = list(ring[0])
    return wgs


def load_subdistricts():
    rows = read_csv("cn_admin_divisions_futian_subdistricts_modood.csv")
    libs = read_csv("futian_library_service_points_szlib_opac.csv")
    communities = {}
    for r in libs:
        if r["derived_subdistrict"] and r["derived_community"]:
            communities.setdefault(r["derived_subdistrict"], [])
            if r["derived_community"] not in communities[r["derived_subdistrict"]]:
                communities[r["derived_subdistrict"]].append(r["derived_community"])
    subs = []
    for r in rows:
        if r["code"] not in SUBDISTRICT_PINYIN:
            continue
        pinyin, fname = SUBDISTRICT_PINYIN[r["code"]]
        with open(ref_path("futian_subdistricts_handdrawn_wgs84", fname + ".json"), encoding="utf-8") as f:
            polys = as_multipolygon(json.load(f))
        c = geo.multipolygon_centroid(polys)
        if r["code"] == "440304010":
            note = ("derived, low reliability: centroid of the hand-drawn WGS-84 polygon futianbaoshuiqu.json "
                    "(福田保税区), used as an approximation because no 福保街道 polygon exists; it covers only "
                    "part of 福保街道")
        else:
            note = "derived, low reliability: centroid of the hand-drawn WGS-84 polygon %s.json" % fname
        subs.append({
            "code": r["code"], "name": r["name"], "pinyin": pinyin,
            "communities": sorted(communities.get(r["name"], [])),
            "centre": [round(c[0], 6), round(c[1], 6)], "centre_note": note,
            "source": "modood-divisions", "provenance": "reference",
            "_polys": polys, "_file": fname,
        })
    return subs


def subdistrict_at(subs, lng, lat):
    for s in subs:
        if geo.multipolygon_contains(s["_polys"], lng, lat):
            return s["code"]
    return None


def subdistrict_from_text(subs, *texts):
    for t in texts:
        if not t:
            continue
        for s in subs:
            if s["name"] in t:
                return s["code"]
    return None


# ---------------------------------------------------------------- landmarks

def build_landmarks(boundary):
    rows = read_csv("shenzhen_metro_stations_sf_defence_gcj02.csv")
    by_name = {}
    order = []
    for r in rows:
        if r["derived_in_futian_datav_polygon"] != "yes":
            continue
        n = r["userName"]
        if n not in by_name:
            by_name[n] = {"lines": [], "coords": []}
            order.append(n)
        if r["line"] not in by_name[n]["lines"]:
            by_name[n]["lines"].append(r["line"])
        c = (float(r["lng"]), float(r["lat"]))
        if c not in by_name[n]["coords"]:
            by_name[n]["coords"].append(c)
    out = []
    for n in order:
        e = by_name[n]
        lng, lat = e["coords"][0]
        w = geo.gcj_to_wgs(lng, lat)
        lm = {"id": "M-" + STATION_PINYIN[n], "name": n, "kind": "metro",
              "lines": sorted(e["lines"], key=lambda s: (len(s), s)),
              "location": [r7(w[0]), r7(w[1])], "source_datum": "GCJ-02",
              "source_coordinates": [lng, lat], "source": "sf-defence-metro", "provenance": "reference"}
        notes = []
        if n in STATION_NOTES:
            notes.append(STATION_NOTES[n])
        if len(e["coords"]) > 1:
            notes.append("源数据中该站各线路坐标不一致，采用第一条记录的坐标。")
        if notes:
            lm["note"] = "".join(notes)
        out.append(lm)
    known = set(by_name) | {"通新岭"}  # haliun spells 通岭新 correctly as 通新岭: same station
    # newer lines from haliun (WGS-84), only station names sf-defence lacks
    official = read_json("shenzhen_metro_lines_official_order.json")
    official_lines = {}
    for route in official["routes"]:
        for st in route["stations"]:
            official_lines.setdefault(st, set()).add(route["short_name"])
    hal = read_json("shenzhen_metro_stations_haliun_wgs84.json")
    extra = {}
    extra_order = []
    for r in hal:
        n = r["nameCn"]
        if n in known:
            continue
        lng, lat = float(r["lng"]), float(r["lat"])
        if not geo.multipolygon_contains(boundary, lng, lat):
            continue
        line = r["line"].replace("Line ", "").replace(" Branch", "支线")
        if line not in official_lines.get(n, ()):
            continue  # keep only station/line pairs confirmed by the official line order
        if n not in extra:
            extra[n] = {"lines": [], "coords": (lng, lat), "en": r["name"]}
            extra_order.append(n)
        if line not in extra[n]["lines"]:
            extra[n]["lines"].append(line)
    for n in extra_order:
        e = extra[n]
        slug = STATION_PINYIN.get(n) or re.sub(r"[^a-z0-9]+", "", e["en"].lower())
        lm_id = "M-" + slug
        if any(x["id"] == lm_id for x in out):
            lm_id += "-h"
        out.append({"id": lm_id, "name": n, "kind": "metro",
                    "lines": sorted(e["lines"], key=lambda s: (len(s), s)),
                    "location": [r7(e["coords"][0]), r7(e["coords"][1])], "source_datum": "WGS-84",
                    "source_coordinates": [e["coords"][0], e["coords"][1]], "source": "haliun-metro",
                    "provenance": "reference",
                    "note": "较新线路车站，仅见于haliun数据（坐标来源未说明，可靠性中低）；站名和线路已与深圳官方线路站序核对。"})
    return out


# ---------------------------------------------------------------- points

def parse_concatenated_json(text):
    dec = json.JSONDecoder()
    i, objs = 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        o, i = dec.raw_decode(text, i)
        objs.append(o)
    return objs


def strip_prefix(addr):
    for p in ("广东省深圳市福田区", "广东省深圳市", "深圳市福田区"):
        if addr.startswith(p):
            return addr[len(p):].strip()
    return addr.strip()


class PointBuilder:
    def __init__(self, boundary, subs):
        self.boundary = boundary
        self.subs = subs
        self.points = []

    def add(self, name, ptype, source, datum=None, src_xy=None, address=None, phone=None, hours=None,
            community=None, subdistrict=None, note=None, withhold_reason=None, allow=None, deny=None):
        props = {"name": clean(name), "type": ptype, "items": []}
        geometry = None
        notes = [note] if note else []
        if src_xy is not None:
            x, y = src_xy
            if datum == "GCJ-02":
                w = geo.gcj_to_wgs(x, y)
            elif datum == "BD-09":
                w = geo.bd_to_wgs(x, y)
            else:
                w = (x, y)
            w = (r7(w[0]), r7(w[1]))
            dist = geo.distance_outside_m(self.boundary, w[0], w[1])
            if withhold_reason:
                notes.append(withhold_reason)
            elif dist > TOLERANCE_M:
                notes.append("来源坐标未采用：换算为WGS-84后位于福田区边界外约%d米（超过300米容差），"
                             "疑为源数据错误。Source coordinate withheld: about %d m outside the Futian boundary."
                             % (round(dist), round(dist)))
            else:
                geometry = {"type": "Point", "coordinates": [w[0], w[1]]}
                if subdistrict is None:
                    subdistrict = subdistrict_at(self.subs, w[0], w[1])
        props["subdistrict"] = subdistrict
        if community:
            props["community"] = community
        for k, v in (("address", address), ("phone", phone), ("hours", hours)):
            v = clean(v)
            if v:
                props[k] = v
        if src_xy is not None:
            props["source_datum"] = datum
            props["source_coordinates"] = [src_xy[0], src_xy[1]]
        props["provenance"] = "reference"
        props["source"] = source
        if notes:
            props["note"] = clean("".join(notes))
        self.points.append({"type": "Feature", "id": None, "geometry": geometry, "properties": props,
                            "_allow": allow, "_deny": deny})


# Item names a real facility may be linked to (by name keyword); keeps generated links plausible.
HOSPITAL_ALLOW = [
    ("急救中心", {"院前急救服务"}),
    ("妇幼保健", {"增补叶酸预防神经管缺陷服务", "孕前优生健康检查", "孕产妇健康服务", "基本避孕服务", "预防接种",
              "儿童健康管理", "新生儿疾病筛查", "适龄妇女两癌筛查", "健康教育与健康素养促进"}),
    ("慢性病防治", {"健康教育与健康素养促进", "传染病及突发公共卫生事件报告和处理", "肺结核患者健康管理",
               "严重精神障碍患者健康管理", "艾滋病病毒感染者随访管理", "社会心理健康服务"}),
    ("眼科", {"健康教育与健康素养促进"}),
    ("肛肠", {"健康教育与健康素养促进"}),
    ("儿童医院", {"预防接种", "儿童健康管理", "新生儿疾病筛查", "健康教育与健康素养促进", "院前急救服务"}),
    ("中医院", {"中医药健康管理", "健康教育与健康素养促进", "院前急救服务",
             "传染病及突发公共卫生事件报告和处理"}),
]
HIGH_SCHOOL_ITEMS = {"普通高中国家助学金", "普通高中免除学杂费"}
COMPULSORY_ITEMS = {"义务教育学位保障", "义务教育阶段免除学杂费", "义务教育免费提供教科书",
                    "农村义务教育学生营养膳食补助", "家庭经济困难学生生活补助", "随迁子女入学服务",
                    "课后延时服务"}
LIBRARY_BASIC = {"公共图书馆免费开放", "图书馆总分馆服务"}


def hospital_allow(name):
    for key, allow in HOSPITAL_ALLOW:
        if key in name:
            return allow
    return None


def ref_points(builder, subs):
    # 1. Tencent AED / welfare file
    with open(ref_path("futian_aed_points_tencent_gcj02.json"), encoding="utf-8") as f:
        pages = parse_concatenated_json(f.read())
    for page in pages:
        for r in page["data"]:
            if r["ad_info"].get("district") != "福田区":
                continue
            title = r["title"].strip()
            addr = r["address"].strip()
            ptype = "yanglao" if r["category"].startswith("生活服务:福利院") else "aed"
            note = None
            name = title
            if title == "AED":
                short = strip_prefix(addr)
                name = "AED（%s）" % (short if short else "福田区，具体位置不详")
                note = "源数据名称仅为“AED”，名称括号内为源数据地址。"
            loc = r["location"]
            builder.add(name, ptype, "aed-tencent", "GCJ-02", (loc["lng"], loc["lat"]), address=addr,
                        phone=r.get("tel"), note=note,
                        subdistrict=None)
    # 2. schools and kindergartens (BD-09)
    cls_type = {"幼儿园": "kindergarten", "小学": "primary", "普通初中": "middle", "普通高中": "middle",
                "中等职业学校": "vocational"}
    for r in read_csv("futian_schools_kindergartens_sf_defence_bd09.csv"):
        xy = (float(r["LNG"]), float(r["LAT"])) if r["LNG"].strip() and r["LAT"].strip() else None
        sd = None if xy else subdistrict_from_text(subs, r["SCHOOL_ADDRESS"])
        note = None
        if r["AREA"] and r["AREA"] != "福田区":
            note = "源数据AREA字段为%s，与学校所属区（福田区）不一致。" % r["AREA"]
        sub_type = r["SUBJECT_SCHOOL_TYPE_NAME"]
        deny = None
        if sub_type in ("初级中学", "九年一贯制学校"):
            deny = HIGH_SCHOOL_ITEMS
        elif sub_type == "高级中学":
            deny = COMPULSORY_ITEMS
        builder.add(r["NAME"], cls_type[r["NAME_OF_SCHOOL_CLASSIFICATION"]], "sf-defence-schools",
                    "BD-09" if xy else None, xy, address=r["SCHOOL_ADDRESS"], phone=r["OFFICE_PHONE"],
                    subdistrict=sd, note=note, deny=deny)
    # 3. hospitals with AREA 福田区 (BD-09)
    for r in read_csv("shenzhen_hospitals_sf_defence.csv"):
        if r["AREA"] != "福田区":
            continue
        xy = (float(r["LNG"]), float(r["LAT"])) if r["LNG"].strip() and r["LAT"].strip() else None
        withhold = None
        if r["RECID"] == "17":
            withhold = ("来源坐标未采用：源数据中该记录纬度与RECID 16（深圳市妇幼保健院保健部）相同，为已知错误。"
                        "Source coordinate withheld: known latitude error in the source.")
        sd = None if xy and not withhold else subdistrict_from_text(subs, r["ADDRESS"])
        builder.add(r["UNITNAME"], "hospital", "sf-defence-hospitals", "BD-09" if xy else None, xy,
                    address=r["ADDRESS"], phone=r["TELEPHONE"], subdistrict=sd, withhold_reason=withhold,
                    allow=hospital_allow(r["UNITNAME"]))
    # 4. library service points (no coordinates)
    code_by_name = {s["name"]: s["code"] for s in subs}
    for r in read_csv("futian_library_service_points_szlib_opac.csv"):
        sd = code_by_name.get(r["derived_subdistrict"]) if r["derived_subdistrict"] else None
        note = "图书馆服务点代码 %s；源数据无坐标。" % r["serviceaddr_code"]
        code = r["serviceaddr_code"]
        basic = code.startswith(("SSL", "FTLT")) or code in ("FTHZ05", "STSZZY")
        builder.add(r["service_point_name"], "library", "szlib-opac", community=r["derived_community"] or None,
                    subdistrict=sd, note=note, allow=LIBRARY_BASIC if basic else None)
    # 5. parks, culture and sports venues (no coordinates)
    for r in read_csv("futian_parks_culture_sports_venues_citywalk.csv"):
        sec = r["section"]
        if sec.startswith("文体场馆/体育"):
            t = "sports"
        elif sec.endswith("博物馆") or sec.endswith("美术馆"):
            t = "museum"
        elif sec.endswith("图书馆"):
            t = "library"
        elif sec.endswith("文化馆") or sec.endswith("演出场所"):
            t = "wenhua"
        elif sec.endswith("文保单位") or sec.startswith("A级景区"):
            t = "heritage"
        elif "公园" in sec:
            t = "park"
        else:
            raise ValueError("unmapped section " + sec)
        phone = r["咨询电话"]
        note = "类别：%s；源数据无坐标。" % sec
        if phone.strip() in ("待更新", "0755-77776666"):
            if phone.strip() == "0755-77776666":
                note += "源数据电话0755-77776666为多馆共用的占位号码，未采用。"
            phone = None
        hours = r["园区开放时间"]
        if hours.strip() == "待更新":
            hours = None
        addr = r["详细地址"]
        sd = subdistrict_from_text(subs, addr)
        deny = None
        if t == "heritage" and "烈士" not in r["title"]:
            deny = {"烈士褒扬与纪念"}
        builder.add(r["title"], t, "citywalk-venues", address=addr, phone=phone, hours=hours,
                    subdistrict=sd, note=note, deny=deny)


SAMPLE_PLAN = [  # type, count (fitness takes the remainder)
    ("shekang", 102), ("tuoyu", 150), ("elderly", 95), ("yanglao", 12), ("dangqun", 105),
    ("gongzuozhan", 87), ("jiuye", 95), ("shebao", 15), ("zhufang", 20), ("canji", 92), ("falv", 95),
    ("tuiyi", 95), ("aed", 250), ("park", 100), ("wenhua", 40), ("sports", 25), ("fitness", None),
]
SAMPLE_HOURS = {
    "shekang": "周一至周日 8:00-12:00，14:00-17:30", "tuoyu": "周一至周五 7:30-18:00",
    "elderly": "周一至周日 8:30-17:30", "yanglao": "全天", "dangqun": "周一至周日 9:00-21:00",
    "gongzuozhan": "周一至周五 9:00-12:00，14:00-18:00", "jiuye": "周一至周五 9:00-12:00，14:00-18:00",
    "shebao": "周一至周五 9:00-12:00，14:00-18:00", "zhufang": "周一至周五 9:00-12:00，14:00-18:00",
    "canji": "周一至周五 9:00-18:00", "falv": "周一至周五 9:00-18:00", "tuiyi": "周一至周五 9:00-18:00",
    "aed": "以所在场所开放时间为准", "park": "6:00-23:00", "wenhua": "周二至周日 9:00-21:00",
    "sports": "周一至周日 7:00-22:00", "fitness": "全天开放",
}


def sample_points(builder, subs, rng):
    n_ref = len(builder.points)
    plan = []
    used = sum(c for _, c in SAMPLE_PLAN if c)
    for t, c in SAMPLE_PLAN:
        plan.append((t, c if c is not None else COUNTS["points"] - n_ref - used))
    labels = {p[0]: p[4] for p in content.POINT_TYPES}
    minx, miny, maxx, maxy = geo.bbox(builder.boundary)
    sub_by_code = {s["code"]: s for s in subs}
    for t, c in plan:
        assert c > 0, (t, c)
        for k in range(1, c + 1):
            while True:
                x = round(rng.uniform(minx, maxx), 6)
                y = round(rng.uniform(miny, maxy), 6)
                if not geo.multipolygon_contains(builder.boundary, x, y):
                    continue
                sd = subdistrict_at(subs, x, y)
                if sd is None:
                    continue
                break
            s = sub_by_code[sd]
            props = {"name": "福田区样例%s%03d" % (labels[t], k), "type": t, "items": [],
                     "subdistrict": sd}
            if s["communities"]:
                props["community"] = rng.choice(s["communities"])
            props["address"] = "%s（样例，无地址）" % s["name"]
            props["hours"] = SAMPLE_HOURS[t]
            props["source_datum"] = "WGS-84"
            props["source_coordinates"] = [x, y]
            props["provenance"] = "sample"
            props["note"] = "样例服务点：名称和位置由生成器随机生成，不对应真实设施。"
            builder.points.append({"type": "Feature", "id": None,
                                   "geometry": {"type": "Point", "coordinates": [x, y]}, "properties": props,
                                   "_allow": None, "_deny": None})


def assign_items(points, items, rng):
    by_type = {}
    for it in items:
        for t in it["point_types"]:
            by_type.setdefault(t, []).append(it["id"])
    name_of = {it["id"]: it["name"] for it in items}

    def ok(p, iid):
        n = name_of[iid]
        return (p["_allow"] is None or n in p["_allow"]) and (p["_deny"] is None or n not in p["_deny"])

    for p in points:
        cands = [i for i in by_type[p["properties"]["type"]] if ok(p, i)]
        assert cands, p["properties"]["name"]
        if len(cands) <= 6:
            chosen = list(cands)
        else:
            chosen = rng.sample(cands, rng.randint(3, 6))
        p["properties"]["items"] = chosen
    # every item has at least one point
    covered = {i for p in points for i in p["properties"]["items"]}
    for it in items:
        if it["id"] in covered:
            continue
        pool = [p for p in points if p["properties"]["type"] in it["point_types"] and ok(p, it["id"])]
        for p in rng.sample(pool, min(3, len(pool))):
            p["properties"]["items"].append(it["id"])
    order = {it["id"]: k for k, it in enumerate(items)}
    for p in points:
        p["properties"]["items"] = sorted(set(p["properties"]["items"]), key=order.get)
        del p["_allow"], p["_deny"]


# ---------------------------------------------------------------- items

def build_domains_items():
    domains = []
    for did, name, name_en, summary in content.DOMAINS:
        domains.append({"id": did, "name": name, "name_en": name_en, "summary": summary,
                        "provenance": "reference", "source": "sztqb-2023"})
    items = []
    for did, *_ in content.DOMAINS:
        for k, row in enumerate(content.ITEMS[did], 1):
            name, cat, futian, ptypes, lead, recipients, what, ref = row
            std_t, fund_t = content.CATEGORY_TEXT[cat]
            it = {"id": "%s-%02d" % (did, k), "domain": did, "category": cat, "name": name,
                  "recipients": recipients, "content": what + "。", "standard": std_t.format(name=name),
                  "funding": fund_t, "lead": lead, "futian": futian, "point_types": list(ptypes),
                  "standards": [], "provenance": "reference" if ref else "sample"}
            if ref:
                it["source"] = ref
                it["note"] = ("事项名称见于参考来源；五列内容（服务对象、服务内容、服务标准、支出责任、牵头负责单位）"
                              "为fuwu生成的样例文本。")
            items.append(it)
    return domains, items


# ---------------------------------------------------------------- main

def fmt_feature(f):
    return json.dumps(f, ensure_ascii=False, separators=(", ", ": "))


def write_points(path, points):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type": "FeatureCollection", "features": [\n')
        f.write(",\n".join(fmt_feature(p) for p in points))
        f.write("\n]}\n")


def main():
    rng = random.Random(SEED)
    boundary = load_boundary()
    subs = load_subdistricts()
    landmarks = build_landmarks(boundary)
    domains, items = build_domains_items()
    item_by_id = {it["id"]: it for it in items}

    builder = PointBuilder(boundary, subs)
    ref_points(builder, subs)
    n_ref = len(builder.points)
    sample_points(builder, subs, random.Random(SEED + 1))
    points = builder.points
    for k, p in enumerate(points, 1):
        p["id"] = "P%04d" % k
    assign_items(points, items, random.Random(SEED + 2))

    # standards
    sub_names = {s["code"]: s["name"] for s in subs}
    ptype_names = {p[0]: p[1] for p in content.POINT_TYPES}
    dom_names = {d["id"]: d["name"] for d in domains}
    texts = stdgen.build(items, dom_names, ptype_names, read_json("shenzhen_local_standards_refs.json"),
                         random.Random(SEED + 3))
    for t in texts:
        for iid in t["items"]:
            item_by_id[iid]["standards"].append(t["id"])
    for it in items:
        it["standards"] = sorted(it["standards"])

    # ---- write
    if os.path.isdir(OUT):
        for name in os.listdir(OUT):
            p = os.path.join(OUT, name)
            if name == "standards":
                shutil.rmtree(p)
            elif name.endswith(".json") or name.endswith(".geojson") or name == "README.md":
                os.remove(p)
    os.makedirs(os.path.join(OUT, "standards"), exist_ok=True)

    futian_n = sum(1 for it in items if it["futian"])
    counts = {"domains": len(domains), "items": len(items), "futian_items": futian_n,
              "points": len(points), "standards": len(texts)}
    assert counts == COUNTS, counts

    stats = compute_stats(items, points, texts, landmarks, subs)
    catalogue = {
        "format": 1,
        "name": "福田区基本公共服务清单",
        "name_en": "Futian District basic public-service catalogue",
        "district": "福田区",
        "district_code": "440304",
        "version": "2023-06-14",
        "coordinate_datum": "WGS-84",
        "bbox": [113.95, 22.48, 114.14, 22.62],
        "notes": catalogue_notes(stats),
        "counts": COUNTS,
        "sources": SOURCES,
        "point_types": [{"id": p[0], "name": p[1], "name_en": p[2], "domain": p[3]} for p in content.POINT_TYPES],
    }
    dump_json(os.path.join(OUT, "catalogue.json"), catalogue)
    dump_json(os.path.join(OUT, "domains.json"), domains)
    dump_json(os.path.join(OUT, "items.json"), items)
    write_points(os.path.join(OUT, "points.geojson"), points)
    dump_json(os.path.join(OUT, "subdistricts.json"),
              [{k: v for k, v in s.items() if not k.startswith("_")} for s in subs])
    dump_json(os.path.join(OUT, "landmarks.json"), landmarks)
    subdistrict_polygons.write(os.path.join(OUT, "subdistricts.geojson"), subs)
    boundary_fc = {"type": "FeatureCollection", "features": [{
        "type": "Feature",
        "properties": {"name": "福田区", "adcode": "440304", "source": "datav-boundary",
                       "source_datum": "GCJ-02",
                       "note": "DataV 福田区 polygon converted vertex by vertex GCJ-02→WGS-84 (iterative inverse, 1e-9°)."},
        "geometry": {"type": "MultiPolygon", "coordinates": boundary}}]}
    with open(os.path.join(OUT, "boundary.geojson"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(boundary_fc, ensure_ascii=False, separators=(",", ":")))
        f.write("\n")
    for t in texts:
        with open(os.path.join(OUT, "standards", t["id"] + ".md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(stdgen.render(t))
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme(stats))
    print("wrote %s: %s; %d reference points" % (OUT, counts, n_ref))


def compute_stats(items, points, texts, landmarks, subs):
    s = {}
    s["items_ref"] = sum(1 for i in items if i["provenance"] == "reference")
    s["items_sample"] = len(items) - s["items_ref"]
    s["futian_ref"] = sum(1 for i in items if i["futian"] and i["provenance"] == "reference")
    s["futian"] = sum(1 for i in items if i["futian"])
    ref = [p for p in points if p["properties"]["provenance"] == "reference"]
    smp = [p for p in points if p["properties"]["provenance"] == "sample"]
    s["pts_ref"] = len(ref)
    s["pts_ref_loc"] = sum(1 for p in ref if p["geometry"])
    s["pts_ref_noloc"] = s["pts_ref"] - s["pts_ref_loc"]
    s["pts_ref_withheld"] = sum(1 for p in ref if not p["geometry"] and "source_coordinates" in p["properties"])
    s["pts_sample"] = len(smp)
    s["pts_ref_nosub"] = sum(1 for p in ref if p["properties"]["subdistrict"] is None)
    by_src = {}
    for p in ref:
        k = p["properties"]["source"]
        e = by_src.setdefault(k, [0, 0, 0])
        e[0] += 1
        e[1 if p["geometry"] else 2] += 1
    s["pts_by_source"] = by_src
    by_type = {}
    for p in points:
        e = by_type.setdefault(p["properties"]["type"], [0, 0])
        e[0 if p["properties"]["provenance"] == "reference" else 1] += 1
    s["pts_by_type"] = by_type
    s["std_ref"] = sum(1 for t in texts if t["provenance"] == "reference")
    s["std_sample"] = len(texts) - s["std_ref"]
    s["std_guides"] = sum(1 for t in texts if t["kind"] == "guide")
    s["lm_sf"] = sum(1 for l in landmarks if l["source"] == "sf-defence-metro")
    s["lm_hal"] = sum(1 for l in landmarks if l["source"] == "haliun-metro")
    s["subs"] = len(subs)
    s["communities"] = sum(len(x["communities"]) for x in subs)
    return s


def catalogue_notes(s):
    return (
        "Real (provenance reference): the nine domain names and the published counts (深圳特区报 2023-06-14); "
        "%d item names (9 national items confirmed by news sources, 3 Futian items named in the report) — their five "
        "columns are sample text; %d service points from public datasets (AED/welfare points, schools and "
        "kindergartens, hospitals, library service points, parks and culture/sports venues), %d of them with a "
        "location and %d without (%d of those had a source coordinate that was withheld as implausible; no "
        "location was ever guessed); the 10 街道 with codes, %d library-derived community names, the district "
        "boundary and %d metro stations; one real standard (DB4403/T 236—2022, headings only). "
        "Sample (provenance sample, generated by data/tools/generate.py): the remaining %d items, %d service "
        "points named 福田区样例… at random locations without phone or address, and %d standard texts whose codes "
        "start with 样例 (their dates are sample too). The item lists of all points, reference points included, are assigned by the generator from the point type. The real 143-item list, 2082 points and 881 texts were not available. Facility data are "
        "2018–2021 snapshots (the venue list 2025). All coordinates are WGS-84; each converted one keeps its source datum and values."
        % (s["items_ref"], s["pts_ref"], s["pts_ref_loc"], s["pts_ref_noloc"], s["pts_ref_withheld"],
           s["communities"], s["lm_sf"] + s["lm_hal"], s["items_sample"], s["pts_sample"], s["std_sample"]))


def readme(s):
    src_rows = "\n".join(
        "| `%s` | %s | %s | %s | %s | %s |" % (x["id"], x["title"], x["licence"], x["datum"], x["snapshot"],
                                            x["reliability"]) for x in SOURCES)
    pts_rows = "\n".join("| `%s` | %d | %d | %d |" % (k, v[0], v[1], v[2]) for k, v in sorted(s["pts_by_source"].items()))
    type_names = {p[0]: p[1] for p in content.POINT_TYPES}
    type_rows = "\n".join("| `%s` %s | %d | %d |" % (t, type_names[t], s["pts_by_type"].get(t, [0, 0])[0],
                                                    s["pts_by_type"].get(t, [0, 0])[1])
                          for t in type_names)
    return """# Futian catalogue data (`data/futian/`)

The embedded catalogue of **fuwu**, in the format of `docs/data-format.md`. It has the published size of
Futian District's basic public-service catalogue (9 domains, 143 items of which 41 are Futian's own,
2082 service points, 881 standard texts and service guides — 深圳特区报, 2023-06-14), but the real
list behind those numbers was not available. So the folder mixes **reference** records, taken from
public sources, with **sample** records that the generator produced to reach the published counts.
Every record says which it is (`provenance`), and sample records are built so they cannot be mistaken
for real ones.

**Generated — do not edit by hand.** Regenerate with

```
python3 data/tools/generate.py      # rewrites data/futian/ byte-identically
python3 data/tools/validate.py      # checks counts, ids, references, locations, text
```

Python 3 standard library only; input is `data/reference/` (copies of the public source files, unchanged,
described in `data/reference/SOURCES.md`) and the hand-written tables in `data/tools/content.py`
(domains, point types, items). `data/tools/standards.py` holds the text templates, `data/tools/geo.py` the
datum conversions.

## What is real and what is sample

| kind | reference | sample | total |
|---|---:|---:|---:|
| domains | 9 | 0 | 9 |
| items | {items_ref} | {items_sample} | 143 |
| — of which Futian's own (`futian: true`) | {futian_ref} | {futian_sample} | {futian} |
| service points | {pts_ref} | {pts_sample} | 2082 |
| — with a location | {pts_ref_loc} | {pts_sample} | {loc_total} |
| — without a location (`geometry: null`) | {pts_ref_noloc} | 0 | {pts_ref_noloc} |
| standard texts / guides | {std_ref} | {std_sample} | 881 |
| subdistricts (街道) | {subs} | 0 | {subs} |
| landmarks (metro stations) | {lm_total} | 0 | {lm_total} |

- **Domains**: names and order from the report; `name_en` and `summary` are our own wording.
- **Items**: the names of 12 items come from sources — 9 national items confirmed in
  `basic_public_service_standards_facts.json` and 3 Futian items named in the report (儿童友好服务,
  中小学生研学实践教育, 粤港澳青年创新创业扶持). The other items, the categories, and **all five columns
  of every item** (服务对象, 服务内容, 服务标准, 支出责任, 牵头负责单位) are sample text written for fuwu;
  reference items carry a `note` saying so. Which items are Futian's own is likewise sample, apart from the three named ones.
- **Service points**: reference points keep the source's name, address, phone and hours (principal names and
  e-mails are not used). Coordinates were converted to WGS-84 (BD-09→GCJ-02 by the published inverse
  formula, GCJ-02→WGS-84 by iterating the published forward transform to < 1e-9°); `source_datum` and
  `source_coordinates` keep the original values. {pts_ref_withheld} reference points had a source coordinate more than
  300 m outside the boundary (or a known error) — they keep `geometry: null` and a `note`. Library and venue
  sources have no coordinates, so those points have `geometry: null`. No location of a real place was guessed.
  The `items` list of every point, reference points included, is assigned by the generator from the point's
  type (a seeded choice among the items that type provides): for a real facility it is illustrative, not sourced.
  Sample points are named `福田区样例<类型><NNN>`, lie at uniform random positions inside both the district boundary and
  a hand-drawn 街道 polygon (which gives their `subdistrict`; `community` is a seeded choice among that 街道's
  communities), have no phone and no street address, and a generic opening time.
- **Subdistrict of a reference point**: by containment in the hand-drawn 街道 polygons when it has a location;
  otherwise from the library file's derived columns, or from an address that names a 街道; else `null`
  ({pts_ref_nosub} reference points). AED records whose source title is only "AED" are displayed as
  `AED（<source address>）`, with a `note`.
- **Standards**: `S0001` is the real DB4403/T 236—2022 儿童友好公共服务体系建设指南 (front matter and the
  headings readable in the source only; the text is © 深圳市市场监督管理局 and not reproduced). `S0002`–`S0881`
  are sample texts with codes starting `样例` (`样例 FT/NB …` district texts, one per item and kind; `样例 FT/TY …`
  category-wide texts that serve every item of a category), generated from templates; their 前言 says so and their
  dates are sample dates. Every item has at least one service guide with a chapter `5 服务流程`.
- **Subdistricts**: the 10 街道 and codes from the National Bureau of Statistics list (modood); 福田保税区 is
  not a subdistrict. Communities are the {communities} names derived from library service points. `centre` is the
  centroid of a hand-drawn polygon (low reliability); 福保街道 uses the 福田保税区 polygon.
- **Subdistrict polygons** (`subdistricts.geojson`): the 10 hand-drawn WGS-84 polygons of `data/reference/`
  (`handdrawn-subdistricts`, low reliability), one feature per 街道 with `code`, `name`, `provenance`, `source` and
  `note`; written by `data/tools/subdistrict_polygons.py` (positions rounded to 7 decimals, rings closed, exterior
  rings turned anticlockwise as RFC 7946 asks). They are hand-drawn approximations: they do not tile the district
  (about 7% of its area lies in none) and for 福保街道 only its 福田保税区 part is drawn.
- **Landmarks**: {lm_sf} metro stations of the sf-defence table inside the DataV Futian polygon (source
  spellings kept: 通岭新 = 通新岭, 福邻) plus {lm_hal} newer-line stations from the haliun table (medium-low reliability; only station/line pairs
  confirmed by the official line order, `sz-metro-official-order`, are taken).

### Reference points by source

| source | points | with location | without location |
|---|---:|---:|---:|
{pts_rows}

### Points by type

| type | reference | sample |
|---|---:|---:|
{type_rows}

## Sources

| id | title | licence | datum | snapshot | reliability |
|---|---|---|---|---|---|
{src_rows}

The parks/culture/sports venue data (`citywalk-venues`) are **CC BY-NC 4.0**: attribution to
sunshang-hl/CityWalk, non-commercial use only. Other sources state no licence; they are public
snapshots used for reference. The newspaper report is used for facts only; none of its sentences is reproduced.
""".format(loc_total=s["pts_ref_loc"] + s["pts_sample"], futian_sample=s["futian"] - s["futian_ref"],
           lm_total=s["lm_sf"] + s["lm_hal"], pts_rows=pts_rows, type_rows=type_rows, src_rows=src_rows, **s)


if __name__ == "__main__":
    main()
