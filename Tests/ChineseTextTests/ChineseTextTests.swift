import Testing
@testable import ChineseText
