import Testing
@testable import CatalogueStore
