import FollowUp
import FollowUpStore

/// Opening the store named in the config, with errors the user can act on.
enum StoreAccess {
    /// Opens (creating if needed) the config's store.
    static func open(_ config: FollowUpConfig) throws(CLIFailure) -> SQLiteProspectStore {
        do {
            return try SQLiteProspectStore(path: config.storePath)
        } catch {
            throw CLIFailure(.failed, error.description)
        }
    }
}
