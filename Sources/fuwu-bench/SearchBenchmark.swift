enum SearchBenchmark {
    static func run(_ arguments: [String]) { print("search benchmark: not built yet") }
}
