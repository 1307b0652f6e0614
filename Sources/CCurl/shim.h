// Typed entry points into libcurl for Swift.
//
// curl_easy_setopt and curl_easy_getinfo are C variadic functions, which Swift cannot call.
// Each wrapper below fixes the argument type for one family of options, so the Swift side picks
// the wrapper that matches the option's documented type. Nothing else belongs in this file.
#ifndef FOLLOWUP_CCURL_SHIM_H
#define FOLLOWUP_CCURL_SHIM_H

#include <curl/curl.h>

/// Callback types as Swift sees them (libcurl declares them, but not as named typedefs for all).
typedef size_t (*followup_curl_data_callback)(char *buffer, size_t size, size_t count, void *userdata);
typedef int (*followup_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);

// Options whose value is a `long` (flags, timeouts, enums such as CURLOPT_USE_SSL).
static inline CURLcode followup_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

// Options whose value is a `curl_off_t` (CURLOPT_INFILESIZE_LARGE).
static inline CURLcode followup_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

// Options whose value is a NUL-terminated string; libcurl copies it before returning.
static inline CURLcode followup_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

// Options whose value is an opaque pointer (READDATA, WRITEDATA, DEBUGDATA, ERRORBUFFER).
static inline CURLcode followup_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

// Options whose value is a string list (CURLOPT_MAIL_RCPT); libcurl does NOT copy the list.
static inline CURLcode followup_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

// CURLOPT_READFUNCTION and CURLOPT_WRITEFUNCTION.
static inline CURLcode followup_setopt_data_callback(CURL *handle, CURLoption option, followup_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

// CURLOPT_DEBUGFUNCTION.
static inline CURLcode followup_setopt_debug_callback(CURL *handle, followup_curl_debug_callback value) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, value);
}

// Informations whose value is a `long` (CURLINFO_RESPONSE_CODE, CURLINFO_NUM_CONNECTS).
static inline CURLcode followup_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

// CURLINFO_ACTIVESOCKET: the socket of a CONNECT_ONLY connection, to wait on with poll().
static inline CURLcode followup_getinfo_socket(CURL *handle, curl_socket_t *value) {
    return curl_easy_getinfo(handle, CURLINFO_ACTIVESOCKET, value);
}

#endif
