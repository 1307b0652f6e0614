import CCurl

extension CurlEasy {
    /// Applies a server's TLS, credential and timeout settings to this handle.
    func configure(for server: MailServer, implicitTLS: Bool) throws(CurlFailure) {
        let useSSL: Int
        if implicitTLS {
            useSSL = Int(CURLUSESSL_ALL.rawValue)
        } else {
            switch server.startTLS {
            case .required: useSSL = Int(CURLUSESSL_ALL.rawValue)
            case .opportunistic: useSSL = Int(CURLUSESSL_TRY.rawValue)
            case .never: useSSL = Int(CURLUSESSL_NONE.rawValue)
            }
        }
        try set(CURLOPT_USE_SSL, useSSL)
        try set(CURLOPT_SSL_VERIFYPEER, server.verifyTLS ? 1 : 0)
        try set(CURLOPT_SSL_VERIFYHOST, server.verifyTLS ? 2 : 0)
        if let caFile = server.caFile {
            try set(CURLOPT_CAINFO, caFile)
        }
        if let username = server.username {
            try set(CURLOPT_USERNAME, username)
            switch server.signIn {
            case .password:
                try set(CURLOPT_PASSWORD, server.password?.revealed ?? "")
            case .xoauth2, .oauthbearer:
                // libcurl sends the token as the mechanism asks; LOGIN_OPTIONS picks the mechanism.
                try set(CURLOPT_XOAUTH2_BEARER, server.password?.revealed ?? "")
                try set(CURLOPT_LOGIN_OPTIONS, server.signIn == .xoauth2 ? "AUTH=XOAUTH2" : "AUTH=OAUTHBEARER")
            }
        }
        try set(CURLOPT_CONNECTTIMEOUT_MS, max(1, server.connectTimeoutSeconds) * 1000)
        try set(CURLOPT_TIMEOUT_MS, max(1, server.operationTimeoutSeconds) * 1000)
        // A dead peer must not hang a cron job: abort when under 1 byte/s for the connect timeout.
        try set(CURLOPT_LOW_SPEED_LIMIT, 1)
        try set(CURLOPT_LOW_SPEED_TIME, max(1, server.connectTimeoutSeconds))
    }
}
