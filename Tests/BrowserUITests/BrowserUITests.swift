import Testing
@testable import BrowserUI
