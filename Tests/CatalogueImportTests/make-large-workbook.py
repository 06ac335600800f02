#!/usr/bin/env python3
"""Makes a large workbook for measuring `fuwu import` on .xlsx (docs/performance.md, "Workbooks
over 10 MB"): one sheet with a title row, the header of the service-points.xlsx fixture's first
sheet and N rows (300 000: a 170 MB sheet part, 15 MB zipped, in about 20 s). Not a fixture.
    python3 Tests/CatalogueImportTests/make-large-workbook.py 300000 /tmp/big300k.xlsx
"""
import sys, random
from openpyxl import Workbook
n = int(sys.argv[1]); out = sys.argv[2]
wb = Workbook(write_only=True)
ws = wb.create_sheet("病有良医")
ws.append(["福田区基本公共服务设施清单——病有良医"])
ws.append(["序号", "服务点名称", "所属街道", "地址", "经度", "纬度", "联系电话", "床位数", "24小时"])
streets = ["园岭街道","莲花街道","福田街道","华富街道","香蜜湖街道"]
for i in range(n):
    ws.append(["%06d" % (i+1), "测试社康站%d" % i, streets[i % 5], "福田区测试路%d号" % i,
               114.02 + (i % 1000) * 0.0001, 22.52 + (i // 1000 % 300) * 0.0001, "0755-8330%04d" % (i % 10000), i % 50, i % 2 == 0])
wb.save(out)
