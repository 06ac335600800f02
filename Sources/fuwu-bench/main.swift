// Benchmarks print their baseline beside their figures; see docs/performance.md.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "nearby": NearbyBenchmark.run(Array(arguments.dropFirst()))
case "search": SearchBenchmark.run(Array(arguments.dropFirst()))
case "frame": FrameBenchmark.run(Array(arguments.dropFirst()))
case "startup": StartupBenchmark.run(Array(arguments.dropFirst()))
case "load": LoadBenchmark.run(Array(arguments.dropFirst()))
case "coverage": CoverageBenchmark.run(Array(arguments.dropFirst()))
case "map": MapBenchmark.run(Array(arguments.dropFirst()))
case "import": ImportBenchmark.run(Array(arguments.dropFirst()))
case "import-read": ImportReadBenchmark.run(Array(arguments.dropFirst()))
default:
    print("usage: fuwu-bench nearby|search|frame|startup|load|coverage|map|import|import-read [options]   (build with -c release)")
}
