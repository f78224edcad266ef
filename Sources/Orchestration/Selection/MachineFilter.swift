import Foundation

/// Which of the requested specific machines a child can deploy to (§5.18).
public enum MachineFilter {
    /// The preview machine ids that equal a requested id (trimmed, case-insensitive), de-duplicated, keeping the
    /// preview's spelling and the request order.
    /// - Parameters:
    ///   - requested: the resolved `Machines-N` ids of the specific-machine option.
    ///   - previewMachineIds: the union of `StepsToExecute[].Machines[].Id` of the child's deployment preview.
    /// - Returns: the matching ids, in request order.
    public static func matching(requested: [String], previewMachineIds: [String]) -> [String] {
        var result: [String] = []
        for wanted in requested.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            for id in previewMachineIds where id.trimmingCharacters(in: .whitespaces).lowercased() == wanted {
                if !result.contains(id) { result.append(id) }
            }
        }
        return result
    }
}
