import ConductorShell
import Foundation

// Completion benchmarks (issue 9), on a release build: `make bench-completion`. A synthetic catalogue of 2,000
// projects, 20,000 releases, 100 environments and 500 tenants; prints p50/p99 of ranking per line, the disk
// catalogue's load time, and `conductor __complete …` including process start (CONDUCTOR_BIN).

func percentile(_ samples: [Double], _ p: Double) -> Double {
    let sorted = samples.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func milliseconds(_ body: () -> Void) -> Double {
    let start = ContinuousClock.now
    body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
}

/// This thread's CPU time in ms: on a shared machine the wall clock also counts the time other processes ran.
func cpuMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}

/// Wall and CPU milliseconds of each of `runs` calls of `body`.
func measure(_ runs: Int, _ body: () -> Void) -> (wall: [Double], cpu: [Double]) {
    var wall: [Double] = [], cpu: [Double] = []
    for _ in 0..<runs {
        let start = cpuMilliseconds()
        wall.append(milliseconds(body))
        cpu.append(cpuMilliseconds() - start)
    }
    return (wall, cpu)
}

func report(_ samples: (wall: [Double], cpu: [Double])) -> String {
    String(format: "wall p50 %7.3f p99 %7.3f ms, cpu p50 %7.3f p99 %7.3f ms",
        percentile(samples.wall, 0.5), percentile(samples.wall, 0.99), percentile(samples.cpu, 0.5), percentile(samples.cpu, 0.99))
}

var load = [Double](repeating: 0, count: 3)
_ = getloadavg(&load, 3)
print(String(format: "load average %.2f %.2f %.2f", load[0], load[1], load[2]))

let now = Date()
var snapshot = CompletionSnapshot(server: ShellConnection.sandboxIdentity, space: "Default")
snapshot.projects = (0..<2000).map { CompletionSnapshot.Project(name: "Project \($0) \(["Web", "API", "Worker", "Café"][$0 % 4])", group: "Group \($0 % 40)") }
snapshot.projectIDs = Dictionary(uniqueKeysWithValues: snapshot.projects.enumerated().map { ($0.element.name, "Projects-\($0.offset)") })
snapshot.environments = (0..<100).map { "Environment \($0)" }
snapshot.tenants = (0..<500).map { "Tenant \($0)" }
snapshot.projectGroups = (0..<40).map { "Group \($0)" }
// 20,000 releases: 10 for every project, and 2,000 more for the busiest one the lines name.
for (index, project) in snapshot.projects.enumerated() {
    let count = index == 0 ? 2000 : 9
    snapshot.releases[project.name] = (0..<count).map {
        CompletionSnapshot.Release(version: "2021.\($0 / 100).\($0 % 100).\(index)", channel: "Default", created: now.addingTimeInterval(Double(-$0) * 3600))
    }
    snapshot.fetched[CompletionSnapshot.projectKey(project.name)] = now
}
var context = CompletionContext()
context.applicationProjects = Array(snapshot.projects.prefix(4).map(\.name))
context.pattern = "2021.1.*"
let releaseCount = snapshot.releases.projects.reduce(0) { $0 + (snapshot.releases[$1]?.count ?? 0) }
print("catalogue: \(snapshot.projects.count) projects, \(releaseCount) releases, \(snapshot.environments.count) environments, \(snapshot.tenants.count) tenants")

let completer = Completer()
let lines = [
    "use projects Pro", "use projects cafe", "use projects wrk", "find to Env", "find tenant Ten", "find to Environment 9",
    "deploy \"\(snapshot.projects[0].name)\" 2021.1", "set mode ", "use parent zzz",
]
// Each line once first: the folded names are worked out on a list's first case-insensitive Tab, as in the shell.
for line in lines { _ = completer.complete(line, snapshot: snapshot, context: context) }
for line in lines {
    var count = 0
    let samples = measure(1000) { count = completer.complete(line, snapshot: snapshot, context: context).candidates.count }
    print(String(format: "rank %-32@ %@ (%d candidates)", "'\(line)'" as NSString, report(samples) as NSString, count))
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conductor-bench-\(UUID().uuidString)")
let cache = folder.appendingPathComponent("conductor")
let store = CatalogueStore(folder: cache)
try store.save(snapshot)
let size = (try? FileManager.default.attributesOfItem(atPath: store.file(server: snapshot.server, space: "Default").path)[.size] as? Int) ?? 0
print("disk catalogue: \(size / 1024) KB")
print("disk load, whole (the shell's):          " + report(measure(200) { _ = store.load(server: snapshot.server, space: "Default") }))
print("disk load, environments only (--to):     " + report(measure(200) { _ = store.load(server: snapshot.server, space: "Default", only: [.environments]) }))
print("disk load, projects only (--project):    " + report(measure(200) { _ = store.load(server: snapshot.server, space: "Default", only: [.projects]) }))
let busiest = snapshot.projects[0].name
print("disk load + first Tab on 2,000 releases: " + report(measure(200) {
    let loaded = store.load(server: snapshot.server, space: "Default", only: [.releases])
    _ = loaded?.releases[busiest]?.count
}))

if let binary = ProcessInfo.processInfo.environment["CONDUCTOR_BIN"] {
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CACHE_HOME"] = folder.path
    environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
    environment["HOME"] = folder.path
    for name in ["OCTOPUS_URL", "OCTOPUS_API_KEY", "OCTOPUS_SPACE"] { environment[name] = nil }
    for words in [["promote", "--to", "Env"], ["promote", "--project", "Pro"], ["-c", "find to Env"]] {
        var runs: [Double] = []
        for _ in 0..<100 {
            runs.append(milliseconds {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = ["__complete"] + words
                process.environment = environment
                process.standardOutput = FileHandle.nullDevice
                try? process.run()
                process.waitUntilExit()
            })
        }
        print(String(format: "conductor __complete %-28@ p50 %5.1f ms  p99 %5.1f ms", words.joined(separator: " ") as NSString, percentile(runs, 0.5), percentile(runs, 0.99)))
    }
} else {
    print("set CONDUCTOR_BIN to time 'conductor __complete'")
}
try? FileManager.default.removeItem(at: folder)
