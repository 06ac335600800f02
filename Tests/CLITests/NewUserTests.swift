import Foundation
import Testing

/// What a new user trips on: errors in one style and language, English names with --lang en,
/// subdistrict codes as places, completions of catalogue values.
@Suite struct NewUserTests {
    let fuwu = FuwuProcess()
    let fixture = FuwuProcess.validFixture.path

    @Test func argumentErrorsReadLikeFuwusOwnInChinese() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["stats", "--bogus"])
        #expect(result == .init(status: 64, stdout: "", stderr: """
        fuwu: error: 未知选项 '--bogus'
        用法：fuwu stats [--catalogue <dir>] [--lang <lang>] [--format <format>]
        运行 'fuwu stats --help' 查看全部选项。

        """))
        let missing = try fuwu.run(["item"])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("fuwu: error: 缺少参数 '<id>'\n"))
        let value = try fuwu.run(["domains", "--format", "xml"])
        #expect(value.status == 64)
        #expect(value.stderr.hasPrefix("fuwu: error: '--format <format>' 不接受取值 'xml'；可用的值：'table'、'json'、'csv'\n"))
    }

    @Test func argumentErrorsReadLikeFuwusOwnInEnglish() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["stats", "--lang", "en", "--bogus"])
        #expect(result == .init(status: 64, stdout: "", stderr: """
        fuwu: error: unknown option '--bogus'
        usage: fuwu stats [--catalogue <dir>] [--lang <lang>] [--format <format>]
        see 'fuwu stats --help' for every option.

        """))
        let value = try fuwu.run(["domains", "--lang=en", "--format", "xml"])
        #expect(value.stderr.hasPrefix("fuwu: error: the value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'json' or 'csv'.\n"))
    }

    @Test func helpStillGoesToStandardOutputAndSucceeds() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["stats", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("OVERVIEW: Count records by domain"))
        #expect(result.stderr == "")
    }

    @Test func englishShowsEnglishDomainAndPointTypeNames() throws {
        defer { fuwu.cleanUp() }
        let domains = try fuwu.run(["domains", "--lang", "en", "--catalogue", fixture])
        #expect(domains.stdout == """
        id  domain              items  points  Chinese
        --  ------------------  -----  ------  ------------
        D4  Health care             1       1  病有良医
        D9  Culture and sports      1       2  文化体育保障

        """)
        let points = try fuwu.run(["points", "--type", "社康中心", "--lang", "en", "--format", "csv", "--catalogue", fixture])
        #expect(points.stdout.contains("\nP0001,福田区样例社康中心001,Community health centre,福田街道,"))
        let items = try fuwu.run(["items", "--domain", "D4", "--lang", "en", "--format", "csv", "--catalogue", fixture])
        #expect(items.stdout.contains("\nD4-01,Health care,基本医疗,家庭医生签约服务,"))
        let stats = try fuwu.run(["stats", "--lang", "en", "--format", "csv", "--catalogue", fixture])
        #expect(stats.stdout.contains("\nitems by domain,D4,Health care,0,0,1,1\nitems by domain,D9,Culture and sports,0,1,0,1\n"))
    }

    @Test func csvHeadersFollowTheLanguageInEveryCommand() throws {
        defer { fuwu.cleanUp() }
        for command in [["domains"], ["items"], ["points"], ["standards"], ["stats"], ["search", "社康"],
                        ["nearby", "--at", "440304004"]] {
            let chinese = try fuwu.run(command + ["--format", "csv", "--catalogue", fixture])
            let english = try fuwu.run(command + ["--format", "csv", "--catalogue", fixture, "--lang", "en"])
            let zhHeader = chinese.stdout.split(separator: "\n").first.map(String.init) ?? ""
            let enHeader = english.stdout.split(separator: "\n").first.map(String.init) ?? ""
            #expect(zhHeader.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(command): \(zhHeader)")
            let ascii = enHeader.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii, "\(command): \(enHeader)")
        }
    }

    @Test func aSubdistrictCodeWorksAsWhereIAm() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["nearby", "--at", "440304004", "--radius", "500", "--format", "json", "--catalogue", fixture])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"name\": \"福田街道\""))
    }

    @Test func catalogueValuesCompleteFromTheCatalogue() throws {
        defer { fuwu.cleanUp() }
        let domains = try fuwu.run(["---completion", "items", "--", "--domain", "5", "0", "fuwu", "items", "--catalogue", fixture, "--domain", ""])
        #expect(domains.stdout == "D4\n病有良医\nD9\n文化体育保障\n")
        let types = try fuwu.run(["---completion", "nearby", "--", "--type", "5", "2", "fuwu", "nearby", "--catalogue=\(fixture)", "--type", "社康"])
        #expect(types.stdout == "社康中心\n")
        let fromOther = try fuwu.run(["---completion", "points", "--", "--subdistrict", "5", "0",
                                      "fuwu", "points", "--catalogue", fixture, "--subdistrict", ""])
        #expect(fromOther.stdout == "440304004\n福田街道\nfutian\n")
        let bash = try fuwu.run(["--generate-completion-script", "bash"]).stdout
        #expect(bash.contains("'wgs84'$'\\n''gcj02'$'\\n''bd09'"))
        #expect(bash.contains("'table'$'\\n''json'$'\\n''csv'"))
        #expect(bash.contains("---completion nearby -- --domain"))
    }
}
