/// Something that happened on a connection that rules may react to.
enum RuleEvent {
    case line(String)
    case endOfData
    case clientBytes(Int)
    case serverBytes(Int)
    case connected
}
