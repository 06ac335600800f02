#!/usr/bin/env python3
"""Write data/futian/subdistricts.geojson from the hand-drawn 街道 polygons in data/reference/.

    python3 data/tools/subdistrict_polygons.py     # rewrites only subdistricts.geojson

generate.py calls `write` as part of the full regeneration, so both give the same bytes.
Deterministic, Python standard library only. The output follows RFC 7946: positions are
[longitude, latitude] rounded to 7 decimals (about 1 cm), every ring is closed, exterior rings
run anticlockwise and holes clockwise (the source rings all run clockwise, so they are reversed),
and consecutive repeated positions that the rounding creates are dropped.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ID = "handdrawn-subdistricts"
FUBAO = "440304010"


def signed_area(ring):
    """Twice the signed planar area of a closed ring in degrees²; positive when anticlockwise."""
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1))


def clean_ring(ring, exterior):
    out = []
    for x, y in ring:
        p = [round(float(x), 7), round(float(y), 7)]
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(list(out[0]))
    if (signed_area(out) > 0) != exterior:
        out.reverse()
    return out


def geometry(polys):
    """polys: [[outer, hole, ...], ...] with rings of [lng, lat] → a Polygon or MultiPolygon."""
    cleaned = [[clean_ring(r, k == 0) for k, r in enumerate(poly)] for poly in polys]
    if len(cleaned) == 1:
        return {"type": "Polygon", "coordinates": cleaned[0]}
    return {"type": "MultiPolygon", "coordinates": cleaned}


def note(code, fname):
    if code == FUBAO:
        return ("Only the 福田保税区 part of 福保街道 is drawn (futianbaoshuiqu.json); the rest of 福保街道 has no "
                "polygon. Hand-drawn approximation traced from a map, low reliability.")
    return ("Hand-drawn approximation traced from a map (%s.json), low reliability; the polygons of the 街道 "
            "neither tile the district nor follow its boundary." % fname)


def feature_collection(subs):
    """subs: records of generate.load_subdistricts() (code, name, _polys, _file) in output order."""
    features = []
    for s in subs:
        features.append({
            "type": "Feature",
            "properties": {"code": s["code"], "name": s["name"], "provenance": "reference", "source": SOURCE_ID,
                           "note": note(s["code"], s["_file"])},
            "geometry": geometry(s["_polys"]),
        })
    return {"type": "FeatureCollection", "features": features}


def write(path, subs):
    fc = feature_collection(subs)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type": "FeatureCollection", "features": [\n')
        f.write(",\n".join(json.dumps(feat, ensure_ascii=False, separators=(",", ":")) for feat in fc["features"]))
        f.write("\n]}\n")


def main():
    sys.path.insert(0, HERE)
    import generate  # noqa: E402  (imported here: generate imports this module)
    path = os.path.join(generate.OUT, "subdistricts.geojson")
    write(path, generate.load_subdistricts())
    print("wrote %s" % path)


if __name__ == "__main__":
    main()
