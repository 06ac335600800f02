import Testing
@testable import ChineseText

@Suite struct SearchKeyTests {
    @Test func foldingTurnsFullWidthUpperCaseAndToneMarksIntoPlainLetters() {
        #expect(SearchQuery("ＳＨＥ Kāng１２").text == "shekang12")
        #expect(SearchQuery("lǜ nǚ LÜ").text == "lvnvlv")
        #expect(SearchQuery("社區，服務").text == "社区服务")
        #expect(SearchQuery(" 、。 ").isEmpty)
    }

    @Test func theSimplifiedTableAgreesWithICUForEveryIdeograph() {
        var checked = 0
        var differing: [String] = []
        for range: ClosedRange<UInt32> in [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2A6DF,
                                           0x2A700...0x2EBEF, 0x2F800...0x2FA1F, 0x30000...0x323AF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value), TextFolding.isHan(scalar) else { continue }
                checked += 1
                let table = TextFolding.simplified(scalar), icu = TextFolding.simplifiedByICU(scalar)
                if table != icu { differing.append("U+\(String(value, radix: 16)) table \(table) ICU \(icu)") }
            }
        }
        #expect(checked > 90_000)
        #expect(differing.isEmpty, "\(differing.prefix(20))")
    }

    @Test func keysReadPolyphoneWordsFromTheLexicon() {
        #expect(SearchKey("中国银行").serialised == "^中zhong 国guo ^银yin 行hang")
        #expect(SearchKey("长岭社区").serialised == "^长chang 岭ling ^社she 区qu")
        #expect(SearchKey("岗厦").serialised == "^岗gang 厦xia")
        #expect(SearchKey("车公庙").serialised == "^车che 公gong 庙miao")
        #expect(SearchKey("绿地").serialised == "^绿lv 地di")
    }

    @Test func keysFoldTraditionalCharactersAndMarkIgnoredOnes() {
        #expect(SearchKey("社區 A-1").serialised == "^社she 区qu - ^a - ^1")
        #expect(SearchKey("DB4403/T 236—2022").serialised
                == "^d b 4 4 0 3 - ^t - ^2 3 6 - ^2 0 2 2")
    }

    @Test func serialisedKeysReadBackUnchanged() {
        for text in ["福田区样例社康中心017", "社區 A-1", "DB4403/T 236—2022", "", "，"] {
            let key = SearchKey(text)
            #expect(SearchKey(serialised: key.serialised) == key)
        }
    }
}
