import CCurl

/// A libcurl error code with the detail text libcurl wrote into its error buffer.
struct CurlFailure: Error, Sendable {
    /// libcurl's code (`CURLE_*`).
    let code: CURLcode
    /// libcurl's own words for what went wrong (never holds credentials).
    let detail: String

    /// libcurl's generic text for `code`.
    var summary: String {
        String(cString: curl_easy_strerror(code))
    }

    /// The detail when libcurl gave one, else the generic text.
    var bestDescription: String {
        detail.isEmpty ? summary : detail
    }
}
