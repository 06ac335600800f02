#!/usr/bin/env python3
"""Makes the readers' fixtures in Tests/CatalogueImportTests/Fixtures/ with the tools district
offices' files come from, so that the tests read real files, not hand-typed XML.

Made with Python 3.11.7, openpyxl 3.1.5 and python-docx 1.2.0
(`pip install openpyxl==3.1.5 python-docx==1.2.0`). Run from anywhere:
    python3 Tests/CatalogueImportTests/make-fixtures.py
The output is deterministic (fixed timestamps inside the zip files), so rerunning it leaves git
clean. Content: names and addresses of real Futian places (libraries and schools, copied from
data/reference), with made-up contact details and opening hours; the standard is an invented
sample in the layout of GB/T 1.1—2020.
"""
import csv
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Fixtures")


def write_csv(name, rows, encoding, delimiter=",", bom=b""):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(bom + buffer.getvalue().encode(encoding))


def make_csvs():
    # Exported from Excel on a Chinese Windows: GBK, no BOM, CRLF, a title row above the header,
    # GCJ-02 coordinates copied from Amap into one column, longitude first.
    write_csv("community-health-gbk.csv", [
        ["福田区社区健康服务中心一览表（2024年6月）", "", "", "", "", "", ""],
        ["序号", "服务点名称", "类型", "地址", "经纬度", "联系电话", "开放时间"],
        ["1", "福田区图书馆社康站", "社康中心", "福田区景田路70号", "114.045473,22.550808", "0755-83300001", "08:00-12:00，14:00-17:30"],
        ["2", "少儿馆旁社康中心", "社康中心", "福田区红荔路1011号\n（少儿图书馆东侧）", "114.099385,22.548595", "0755-83300002", "全天"],
        ["3", "福中社康中心", "社康中心", "福田区福中一路2001号", "114.057247,22.545982", "0755-83300003", "周一至周五 08:00-17:30"],
        ["4", "\"暂停服务\"的站点", "社康中心", "福田区福华路", "", "", ""],
    ], "gbk")
    # A list from Baidu Maps: UTF-8 with BOM, BD-09 in separate 经度/纬度 columns (real schools
    # and their BD-09 coordinates from the public school list in data/reference).
    write_csv("schools-bd09.csv", [
        ["名称", "类型", "地址", "经度", "纬度", "联系电话"],
        ["深圳艺术学校", "中等职业学校", "深圳市百花2路16号", "114.10048", "22.559374", "0755-83265494"],
        ["深圳市第一职业技术学校", "中等职业学校", "深圳市福田区皇岗路3009号", "114.07867", "22.54907", "0755-83501357"],
        ["深圳市福田区华强职业技术学校", "中等职业学校", "深圳市红荔西路景田南4街1号", "114.054532", "22.550719", "0755-83903387"],
        ["深圳市城建景东幼儿园", "幼儿园", "深圳市福田区景田东路2号", "114.054142", "22.547909", "0755-83902758"],
    ], "utf-8", bom=b"\xef\xbb\xbf")
    # Excel's "Unicode text": UTF-16 LE with BOM, tab-separated; WGS-84 library buildings.
    write_csv("libraries-utf16.csv", [
        ["名称", "地址", "经度", "纬度", "层级"],
        ["深圳图书馆", "福田区福中一路2001号", "114.05214", "22.54871", "市级"],
        ["深圳少年儿童图书馆", "福田区红荔路1011号", "114.094258", "22.551276", "市级"],
        ["福田区图书馆", "福田区景田路70号", "114.040385", "22.553561", "区级"],
    ], "utf-16-le", delimiter="\t", bom=b"\xff\xfe")


def share_strings(entries, sheet):
    """Moves one sheet's inline strings into xl/sharedStrings.xml, as Excel does when it saves
    (openpyxl 3.1 writes every string inline), so that both kinds are in the fixture."""
    import re
    strings = []

    def share(match):
        strings.append(match.group(2))
        return '<c r="%s" t="s"><v>%d</v></c>' % (match.group(1).decode(), len(strings) - 1)

    entries[sheet] = re.sub(rb'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is>(.*?)</is></c>',
                            lambda m: share(m).encode(), entries[sheet])
    strings_xml = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
    strings_xml += b"".join(b"<si>" + s + b"</si>" for s in strings) + b"</sst>"
    entries["xl/sharedStrings.xml"] = strings_xml
    entries["xl/_rels/workbook.xml.rels"] = entries["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')


def repack(path, transform=None):
    """Rewrites a zip with fixed entry times, so that the fixture is the same on every run."""
    import zipfile
    with zipfile.ZipFile(path) as source:
        entries = {info.filename: source.read(info.filename) for info in source.infolist()}
    if transform:
        transform(entries)
    import re
    if "docProps/core.xml" in entries:
        entries["docProps/core.xml"] = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                                              rb"\g<1>2024-06-01T09:00:00Z", entries["docProps/core.xml"])
    entries = list(entries.items())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 6, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def make_workbook():
    import datetime
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    fixed = datetime.datetime(2024, 6, 1, 9, 0, 0)
    book = Workbook()
    book.properties.created = fixed
    book.properties.modified = fixed
    health = book.active
    health.title = "病有良医"
    # Two title rows above the header, the first merged across the table.
    health.append(["福田区基本公共服务设施清单——病有良医"])
    health.merge_cells("A1:G1")
    health.append(["填报单位：福田区卫生健康局", None, None, None, "更新日期", datetime.date(2024, 6, 1)])
    health["F2"].number_format = 'yyyy"年"m"月"d"日"'
    health.append(["序号", "服务点名称", "所属街道", "地址", "经度", "纬度", "联系电话", "床位数", "24小时"])
    health.append(["001", "福田区图书馆社康站", "园岭街道", "福田区景田路70号", 114.045473, 22.550808, "0755-83300001", 12, True])
    health.append(["002", CellRichText(TextBlock(InlineFont(b=True), "少儿馆旁"), "社康中心"), None, "福田区红荔路1011号", 114.099385, 22.548595, None, 8.0, False])
    health.merge_cells("C4:C5")
    health.append(["003", "福中社康中心", "莲花街道", "福田区福中一路2001号", None, None, "0755-83300003", 0, False])
    opened = health.cell(row=7, column=2, value="开业日期")
    health.cell(row=7, column=3, value=datetime.date(2019, 12, 30)).number_format = "yyyy-mm-dd"
    health.cell(row=7, column=5, value=0.75).number_format = "h:mm"
    schools = book.create_sheet("学有优教")
    schools.append(["福田区学校名单"])
    schools.merge_cells("A1:D1")
    schools.append(["名称", "类型", "地址", "学校代码"])
    schools.append(["深圳艺术学校", "中等职业学校", "深圳市百花2路16号", "440303001985"])
    schools.append(["深圳市城建景东幼儿园", "幼儿园", "深圳市福田区景田东路2号", 440303000293])
    path = os.path.join(OUT, "service-points.xlsx")
    book.save(path)
    repack(path, lambda entries: share_strings(entries, "xl/worksheets/sheet1.xml"))


NUMBERING = """
<w:abstractNum %(ns)s w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1.%%2"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1.%%2.%%3"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
""", """
<w:abstractNum %(ns)s w:abstractNumId="91">
  <w:multiLevelType w:val="hybridMultilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%1)"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%2)"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
""", """
<w:abstractNum %(ns)s w:abstractNumId="92">
  <w:multiLevelType w:val="singleLevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="——"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
"""


def make_standard():
    """A DB4403/T-style standard as python-docx writes it: a cover page in its own section, a
    table of contents, 前言, chapters whose numbers Word computes from numbering.xml (1, 4, 4.1,
    4.2.1 ...) beside numbers typed in the text (3.1, 5.1, A.1), GB/T lists (a) b), dashes and
    bullets), a table and 附录 A."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    import datetime

    document = Document()
    document.core_properties.created = datetime.datetime(2024, 6, 1, 9, 0, 0)
    document.core_properties.modified = datetime.datetime(2024, 6, 1, 9, 0, 0)
    numbering = document.part.numbering_part.element
    first_num = numbering.find(numbering[0].tag.replace("abstractNum", "num"))
    for definition in NUMBERING:
        element = parse_xml(definition % {"ns": nsdecls("w")})
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)
    for num_id, abstract_id, restart in [(90, 90, False), (91, 91, False), (92, 92, False), (93, 91, True)]:
        override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
        numbering.append(parse_xml('<w:num %s w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>'
                                   % (nsdecls("w"), num_id, abstract_id, override)))

    def numbered(paragraph, num_id, level):
        paragraph._p.get_or_add_pPr().append(parse_xml(
            '<w:numPr %s><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (nsdecls("w"), level, num_id)))
        return paragraph

    def heading(text, level, auto=False):
        paragraph = document.add_paragraph(text, style="Heading %d" % level)
        return numbered(paragraph, 90, level - 1) if auto else paragraph

    def body(text):
        return document.add_paragraph(text)

    # The cover page.
    for text in ["ICS 11.020", "CCS C 05", "DB4403", "深圳市地方标准", "DB4403/T 999—2024"]:
        body(text)
    body("社区健康服务中心基本公共服务规范")
    body("Specification for basic public services of community health service centers")
    body("2024-06-01发布")
    body("2024-07-01实施")
    body("深圳市市场监督管理局　　发布")
    document.add_section(WD_SECTION.NEW_PAGE)
    body("目　　次")
    body("前言…………II")
    body("1　范围…………1")
    heading("前　　言", 1)
    body("本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。")
    body("本文件由深圳市福田区卫生健康局提出并归口。")
    body("本文件起草单位：深圳市福田区卫生健康局、深圳市福田区疾病预防控制中心。")
    heading("范围", 1, auto=True)
    body("本文件规定了福田区社区健康服务中心提供基本公共服务的基本要求、服务内容和服务评价。")
    heading("规范性引用文件", 1, auto=True)
    body("下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。")
    body("WS/T 484　老年人健康管理技术规范")
    heading("术语和定义", 1, auto=True)
    heading("3.1　社区健康服务中心　community health service center", 2)
    body("在街道或社区设置，提供基本医疗和基本公共卫生服务的非营利性医疗卫生机构。")
    heading("基本要求", 1, auto=True)
    heading("设置", 2, auto=True)
    body("每个社区宜设置1所社区健康服务中心，服务半径不宜超过1 000 m。")
    heading("人员", 2, auto=True)
    heading("人员配备", 3, auto=True)
    body("社区健康服务中心应配备：")
    for text in ["全科医生；", "护士；", "公共卫生医师。"]:
        numbered(body(text), 91, 0)
    heading("培训", 3, auto=True)
    body("培训内容包括：")
    for text in ["基本医疗技能；", "突发公共卫生事件应急处置。"]:
        numbered(body(text), 93, 0)
    for text in ["岗前培训不少于40学时；", "在岗培训每年不少于20学时。"]:
        numbered(body(text), 92, 0)
    heading("服务内容", 1, auto=True)
    heading("5.1　基本公共卫生服务", 2)
    body("表1给出了基本公共卫生服务项目。")
    body("表1　基本公共卫生服务项目")
    rows = [["服务项目", "服务对象", "频次"],
            ["居民健康档案", "辖区常住居民", "动态更新"],
            ["慢性病管理", "高血压|糖尿病患者", "每年4次"],
            ["老年人健康管理", "65岁及以上老年人", "每年1次"]]
    table = document.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    heading("5.2　家庭医生签约服务", 2)
    document.add_paragraph("签约居民可享受", style="List Bullet")
    document.add_paragraph("预约转诊。", style="List Bullet")
    appendix = document.add_paragraph(style="Heading 1")
    appendix.add_run("附录A")
    appendix.add_run().add_break(WD_BREAK.LINE)
    appendix.add_run("（资料性）")
    appendix.add_run().add_break(WD_BREAK.LINE)
    appendix.add_run("社区健康服务中心设施配置")
    heading("A.1　诊疗用房", 2)
    heading("A.1.1　全科诊室", 3)
    body("全科诊室每间使用面积不宜小于12 m²。")
    path = os.path.join(OUT, "standard-gbt.docx")
    document.save(path)
    repack(path)


def main():
    os.makedirs(OUT, exist_ok=True)
    make_csvs()
    make_workbook()
    make_standard()


if __name__ == "__main__":
    main()
