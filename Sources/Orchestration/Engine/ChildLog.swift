/// The messages of one child, collected while it is resolved (the template's log lines, truthfully worded).
struct ChildLog: Sendable {
    private(set) var messages: [PlanMessage] = []

    mutating func info(_ text: String) { messages.append(PlanMessage(.info, text)) }
    mutating func highlight(_ text: String) { messages.append(PlanMessage(.highlight, text)) }
    mutating func warning(_ text: String) { messages.append(PlanMessage(.warning, text)) }
}
