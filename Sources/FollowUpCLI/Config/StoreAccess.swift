import FollowUp
import Foundation
import FollowUpStore

/// Opening the store named in the config, with errors the user can act on.
enum StoreAccess {
    /// Opens (creating if needed) the config's store.
    static func open(_ config: FollowUpConfig) throws(CLIFailure) -> SQLiteProspectStore {
        do {
            return try SQLiteProspectStore(path: config.storePath, fullSync: config.storeFullSync)
        } catch {
            throw CLIFailure(.failed, error.description)
        }
    }
}

extension StoreAccess {
    /// Opens the config's store if its file exists; nil otherwise (nothing is created).
    static func openIfPresent(_ config: FollowUpConfig) throws(CLIFailure) -> SQLiteProspectStore? {
        guard FileManager.default.fileExists(atPath: config.storePath) else { return nil }
        return try open(config)
    }

    /// The store's secret.
    static func secret(_ store: SQLiteProspectStore) throws(CLIFailure) -> String {
        do {
            return try store.secret()
        } catch {
            throw CLIFailure(.failed, error.description)
        }
    }
}
