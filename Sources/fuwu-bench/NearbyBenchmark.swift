enum NearbyBenchmark {
    static func run(_ arguments: [String]) { print("nearby benchmark: not built yet") }
}
