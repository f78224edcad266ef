import Foundation

/// A failure in a child's chain of lookups, tagged with the step it happened in (0 = project and channel, 1 =
/// lifecycle, 2 = release selection, 3 = preview).
struct ChildStepFailure: Error {
    let step: Int
    let error: any Error
}

/// Runs `body` as step `step` of a child's chain: its errors carry the step.
func childStep<T>(_ step: Int, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let failure as ChildStepFailure {
        throw failure
    } catch {
        throw ChildStepFailure(step: step, error: error)
    }
}

extension Array where Element: Sendable {
    /// Runs each element's chain of steps as soon as it can start (at most `limit` chains at once) instead of running
    /// every element through one step before any starts the next. Results are in order; on failure the error thrown is
    /// the one the step-by-step order would have reported: the earliest step, then the first element in order — so a
    /// promotion reports the same error as before, every run.
    func pipelined<T: Sendable>(limit: Int, _ chain: @escaping @Sendable (Element) async throws -> T) async throws -> [T] {
        let results = try await concurrentMap(limit: limit) { element -> Result<T, ChildStepFailure> in
            do {
                return .success(try await chain(element))
            } catch let failure as ChildStepFailure {
                return .failure(failure)
            } catch {
                return .failure(ChildStepFailure(step: Int.max, error: error))
            }
        }
        let failures = results.enumerated().compactMap { index, result -> (Int, Int, any Error)? in
            if case .failure(let failure) = result { (failure.step, index, failure.error) } else { nil }
        }
        if let first = failures.min(by: { ($0.0, $0.1) < ($1.0, $1.1) }) { throw first.2 }
        return results.compactMap { try? $0.get() }
    }
}
