import CCurl

/// libcurl's process-wide initialisation, done once before the first handle is created.
///
/// `curl_global_init` is not thread-safe, so it runs inside a `static let`, which Swift
/// initialises exactly once under a lock.
enum CurlGlobal {
    /// The result of the one call to `curl_global_init`.
    static let initialised: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// Makes sure libcurl is initialised; returns false if that failed.
    static func ensure() -> Bool {
        initialised == CURLE_OK
    }
}
