"""Datum conversion and planar geometry helpers for the fuwu catalogue generator.

Python standard library only. All angles are degrees, points are (lng, lat).
"""
import math

# --- GCJ-02 (published forward transform, Krasovsky 1940 ellipsoid constants) ---
_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = math.pi * 3000.0 / 180.0


def _t_lat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _t_lng(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def wgs_to_gcj(lng, lat):
    """Published forward WGS-84 -> GCJ-02 transform."""
    d_lat = _t_lat(lng - 105.0, lat - 35.0)
    d_lng = _t_lng(lng - 105.0, lat - 35.0)
    rad = lat / 180.0 * math.pi
    magic = math.sin(rad)
    magic = 1 - _EE * magic * magic
    sq = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_A * (1 - _EE)) / (magic * sq) * math.pi)
    d_lng = (d_lng * 180.0) / (_A / sq * math.cos(rad) * math.pi)
    return lng + d_lng, lat + d_lat


def gcj_to_wgs(lng, lat, tol=1e-9, max_iter=100):
    """Exact inverse of wgs_to_gcj by fixed-point iteration (|residual| < tol degrees)."""
    w_lng, w_lat = lng, lat
    for _ in range(max_iter):
        g_lng, g_lat = wgs_to_gcj(w_lng, w_lat)
        e_lng, e_lat = g_lng - lng, g_lat - lat
        if abs(e_lng) < tol and abs(e_lat) < tol:
            return w_lng, w_lat
        w_lng -= e_lng
        w_lat -= e_lat
    raise ValueError("gcj_to_wgs did not converge for %r" % ((lng, lat),))


def bd_to_gcj(lng, lat):
    """Published BD-09 -> GCJ-02 formula."""
    x = lng - 0.0065
    y = lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * _X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * _X_PI)
    return z * math.cos(theta), z * math.sin(theta)


def bd_to_wgs(lng, lat):
    return gcj_to_wgs(*bd_to_gcj(lng, lat))


# --- planar helpers (rings are lists of [lng, lat]) ---

def ring_contains(ring, lng, lat):
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat):
            x_cross = (xj - xi) * (lat - yi) / (yj - yi) + xi
            if lng < x_cross:
                inside = not inside
        j = i
    return inside


def polygon_contains(polygon, lng, lat):
    """polygon = [outer, hole1, ...]"""
    if not ring_contains(polygon[0], lng, lat):
        return False
    for hole in polygon[1:]:
        if ring_contains(hole, lng, lat):
            return False
    return True


def multipolygon_contains(polys, lng, lat):
    return any(polygon_contains(p, lng, lat) for p in polys)


_R = 6371008.8


def _seg_dist_m(px, py, ax, ay, bx, by, lat0):
    k = math.cos(math.radians(lat0))
    # project to local metres
    ax, bx, px = ax * k, bx * k, px * k
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        t = 0.0
    else:
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    cx, cy = ax + t * dx, ay + t * dy
    return math.hypot(px - cx, py - cy) * math.pi / 180.0 * _R


def distance_outside_m(polys, lng, lat):
    """0 when inside, else the distance in metres to the nearest edge."""
    if multipolygon_contains(polys, lng, lat):
        return 0.0
    best = float("inf")
    for poly in polys:
        for ring in poly:
            for i in range(len(ring) - 1):
                a, b = ring[i], ring[i + 1]
                d = _seg_dist_m(lng, lat, a[0], a[1], b[0], b[1], lat)
                if d < best:
                    best = d
    return best


def ring_area_centroid(ring):
    a = cx = cy = 0.0
    for i in range(len(ring) - 1):
        x0, y0 = ring[i][0], ring[i][1]
        x1, y1 = ring[i + 1][0], ring[i + 1][1]
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    a *= 0.5
    if a == 0:
        return 0.0, ring[0][0], ring[0][1]
    return a, cx / (6 * a), cy / (6 * a)


def multipolygon_centroid(polys):
    ta = tx = ty = 0.0
    for poly in polys:
        for k, ring in enumerate(poly):
            a, x, y = ring_area_centroid(ring)
            a = abs(a) if k == 0 else -abs(a)
            ta += a
            tx += a * x
            ty += a * y
    return tx / ta, ty / ta


def bbox(polys):
    xs = [pt[0] for poly in polys for ring in poly for pt in ring]
    ys = [pt[1] for poly in polys for ring in poly for pt in ring]
    return min(xs), min(ys), max(xs), max(ys)
