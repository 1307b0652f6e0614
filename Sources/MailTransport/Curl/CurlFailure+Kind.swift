import CCurl

extension CurlFailure {
    /// The transport-level meaning of this libcurl code.
    var kind: MailTransportError.Kind {
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .invalidURL
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT:
            return .connectionFailed
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut
        case CURLE_PEER_FAILED_VERIFICATION:
            return .tlsVerificationFailed
        case CURLE_SSL_CACERT_BADFILE:
            return .caFileUnreadable
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND:
            return .tlsFailed
        case CURLE_USE_SSL_FAILED:
            return .startTLSUnavailable
        case CURLE_LOGIN_DENIED:
            return .authenticationFailed
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return .connectionLost
        case CURLE_OUT_OF_MEMORY, CURLE_FAILED_INIT, CURLE_BAD_FUNCTION_ARGUMENT, CURLE_UNKNOWN_OPTION:
            return .internalFailure
        default:
            return .protocolError
        }
    }
}
