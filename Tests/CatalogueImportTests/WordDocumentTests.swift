import Foundation
import Testing
@testable import CatalogueImport

@Suite struct WordDocumentTests {
    static let standardMarkdown = """
        ## 前言

        本文件按照GB/T 1.1—2020《标准化工作导则 第1部分：标准化文件的结构和起草规则》的规定起草。

        本文件由深圳市福田区卫生健康局提出并归口。

        本文件起草单位：深圳市福田区卫生健康局、深圳市福田区疾病预防控制中心。

        ## 1 范围

        本文件规定了福田区社区健康服务中心提供基本公共服务的基本要求、服务内容和服务评价。

        ## 2 规范性引用文件

        下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。

        WS/T 484 老年人健康管理技术规范

        ## 3 术语和定义

        ### 3.1 社区健康服务中心 community health service center

        在街道或社区设置，提供基本医疗和基本公共卫生服务的非营利性医疗卫生机构。

        ## 4 基本要求

        ### 4.1 设置

        每个社区宜设置1所社区健康服务中心，服务半径不宜超过1 000 m。

        ### 4.2 人员

        #### 4.2.1 人员配备

        社区健康服务中心应配备：

        a) 全科医生；
        b) 护士；
        c) 公共卫生医师。

        #### 4.2.2 培训

        培训内容包括：

        a) 基本医疗技能；
        b) 突发公共卫生事件应急处置。
        - 岗前培训不少于40学时；
        - 在岗培训每年不少于20学时。

        ## 5 服务内容

        ### 5.1 基本公共卫生服务

        表1给出了基本公共卫生服务项目。

        表1 基本公共卫生服务项目

        | 服务项目 | 服务对象 | 频次 |
        | --- | --- | --- |
        | 居民健康档案 | 辖区常住居民 | 动态更新 |
        | 慢性病管理 | 高血压\\|糖尿病患者 | 每年4次 |
        | 老年人健康管理 | 65岁及以上老年人 | 每年1次 |

        ### 5.2 家庭医生签约服务

        - 签约居民可享受
        - 预约转诊。

        ## 附录 A（资料性） 社区健康服务中心设施配置

        ### A.1 诊疗用房

        #### A.1.1 全科诊室

        全科诊室每间使用面积不宜小于12 m²。

        """

    @Test func aGBTStandardBecomesFrontMatterAndMarkdownWithWordsOwnClauseNumbers() throws {
        let converted = try WordDocument.convert(path: FixturePaths.path("standard-gbt.docx"))
        #expect(converted.code == "DB4403/T 999—2024")
        #expect(converted.title == "社区健康服务中心基本公共服务规范")
        #expect(converted.issued == "2024-06-01")
        #expect(converted.effective == "2024-07-01")
        #expect(converted.draftingBody == "深圳市市场监督管理局")
        #expect(converted.markdown == Self.standardMarkdown)
    }

    @Test func aWorkbookGivenAsAWordDocumentIsRefused() throws {
        let path = FixturePaths.path("service-points.xlsx")
        #expect(throws: ImportProblem(file: path, reason: "the archive's main part xl/workbook.xml is not a Word document (an .xlsx or .pptx?)")) {
            try WordDocument.convert(path: path)
        }
    }

    @Test func coverLinesGiveCodeTitleDatesAndIssuerInAnyCommonWriting() {
        let cover = CoverPage(lines: [
            ("ICS 03.080", ""), ("DB4403", ""), ("深圳市地方标准", ""), ("DB4403/T 236-2022", ""), ("代替 DB4403/T 1—2010", ""),
            ("儿童友好公共服务体系", ""), ("建设指南", ""), ("Guidelines for child-friendly public services", ""),
            ("（征求意见稿）", ""), ("2022年4月28日 发布", ""), ("2022.6.1实施", ""), ("深圳市市场监督管理局　发布", ""),
        ])
        #expect(cover == CoverPage(code: "DB4403/T 236—2022", title: "儿童友好公共服务体系建设指南", issued: "2022-04-28",
                                   effective: "2022-06-01", issuer: "深圳市市场监督管理局"))
        #expect(CoverPage.isoDate("2023-02-29") == nil)
        #expect(CoverPage.isoDate("2024-02-29") == "2024-02-29")
    }

    @Test func headingsTakeTheirLevelFromTheClauseNumberAndKnowPrefaceAndAppendix() {
        func line(_ text: String, level: Int? = 1, label: WordNumbering.Label? = nil) -> StandardLayout.Line {
            StandardLayout.Line(text: text, styleName: "", headingLevel: level, label: label, listLevel: 0, endsPage: false)
        }
        #expect(StandardLayout.heading(line("5.1.2\u{3000}服务流程")) == "#### 5.1.2 服务流程")
        #expect(StandardLayout.heading(line("服务流程", level: 2, label: .number("5.1."))) == "### 5.1 服务流程")
        #expect(StandardLayout.heading(line("引\u{3000}\u{3000}言", level: nil)) == "## 引言")
        #expect(StandardLayout.heading(line("附录B\n（规范性）\n评价指标", level: nil)) == "## 附录 B（规范性） 评价指标")
        #expect(StandardLayout.heading(line("附录B给出了评价指标。", level: nil)) == nil)
        #expect(StandardLayout.heading(line("B.2 评价方法", level: 2)) == "### B.2 评价方法")
        #expect(StandardLayout.heading(line("普通段落", level: nil)) == nil)
    }

    @Test func wordNumberFormatsShowAsWordShowsThem() {
        #expect(WordNumbering.format(3, as: "upperLetter") == "C")
        #expect(WordNumbering.format(28, as: "lowerLetter") == "bb")
        #expect(WordNumbering.format(14, as: "upperRoman") == "XIV")
        #expect(WordNumbering.format(21, as: "chineseCounting") == "二十一")
        #expect(WordNumbering.format(10, as: "chineseCountingThousand") == "十")
        #expect(WordNumbering.format(3, as: "ideographTraditional") == "丙")
        #expect(WordNumbering.format(2, as: "decimalEnclosedCircle") == "②")
        #expect(WordNumbering.format(7, as: "decimalZero") == "07")
    }
}

@Suite struct PlainTextTests {
    static func convert(_ text: String, name: String) throws -> ConvertedText {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return try PlainText.convert(path: url.path)
    }

    @Test func aMarkdownTextWithFuwuFrontMatterGivesItsFieldsAndBody() throws {
        let text = "---\r\nid: S0001\r\ncode: DB4403/T 236—2022\r\ntitle: 儿童友好公共服务体系建设指南\r\nissued: 2022-04-28\r\neffective: 2022-06-01\r\n---\r\n\r\n## 1 范围\r\n\r\n正文"
        #expect(try Self.convert(text, name: "s.md") == ConvertedText(
            code: "DB4403/T 236—2022", title: "儿童友好公共服务体系建设指南", issued: "2022-04-28", effective: "2022-06-01",
            markdown: "## 1 范围\n\n正文\n"))
    }

    @Test func aPlainTextIsTakenAsItIs() throws {
        #expect(try Self.convert("福田区社康中心服务指南\n\n一、服务对象", name: "g.txt") == ConvertedText(markdown: "福田区社康中心服务指南\n\n一、服务对象\n"))
    }

    @Test func anUnclosedFrontMatterNamesItsLine() throws {
        #expect(throws: ImportProblem.self) { try Self.convert("---\ntitle: x\n", name: "bad.md") }
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bad.md")
        try Data("---\ntitle x\n---\n".utf8).write(to: url)
        #expect(throws: ImportProblem(file: url.path, row: 2, reason: "header line \"title x\" is not of the form 'key: value'")) {
            try PlainText.convert(path: url.path)
        }
    }

    @Test func aHeaderValueTheCatalogueCannotStoreIsRefusedOnItsLine() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("dated.md")
        try Data("---\ncode: DB4403/T 1—2024\ntitle: 规范\nissued: 2024-13-01\n---\n正文\n".utf8).write(to: url)
        #expect(throws: ImportProblem(file: url.path, row: 4,
                                      reason: "line 4: issued date \"2024-13-01\" is not a date of the calendar; write it YYYY-MM-DD")) {
            try PlainText.convert(path: url.path)
        }
        try Data("---\ntitle: \(String(repeating: "长", count: 201))\n---\n正文\n".utf8).write(to: url)
        #expect(throws: ImportProblem(file: url.path, row: 2,
                                      reason: "line 2: \"title\" is longer than 200 characters, the limit for this field; shorten it")) {
            try PlainText.convert(path: url.path)
        }
    }

    @Test func aGBKTextIsDecoded() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("gbk.txt")
        try Data([0xB8, 0xA3, 0xCC, 0xEF, 0x0A]).write(to: url) // 福田
        #expect(try PlainText.convert(path: url.path) == ConvertedText(markdown: "福田\n"))
    }
}
