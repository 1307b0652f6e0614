public import Foundation

/// What the engine needs from durable storage. The SQLite store implements it; another database
/// (for a team sharing one store) can implement it too.
public protocol ProspectStore: AnyObject {
    /// Adds or updates prospects from an import, all or nothing. Never revives a prospect that is
    /// closed, unsubscribed, bounced or suppressed; new suppressed addresses are recorded as
    /// `unsubscribed` and never enrolled.
    func importProspects(_ rows: [ProspectRow], at date: Date) throws(StoreError) -> ImportSummary

    /// Every prospect with its enrolment, in id order.
    func enrolledProspects() throws(StoreError) -> [(Prospect, Enrolment)]

    /// The suppression list as it is now.
    func suppressionList() throws(StoreError) -> SuppressionList

    /// A random secret made when the store was created: keys Message-IDs and jitter, so they are
    /// stable for this store and unguessable outside it.
    func secret() throws(StoreError) -> String
}
