#include "CCurlShim.h"

CURLcode imrf_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode imrf_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode imrf_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode imrf_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode imrf_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode imrf_curl_easy_setopt_mime(CURL *handle, CURLoption option, curl_mime *value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode imrf_curl_easy_setopt_data_callback(CURL *handle, CURLoption option, imrf_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}
CURLcode imrf_curl_easy_setopt_seek_callback(CURL *handle, imrf_curl_seek_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_SEEKFUNCTION, callback);
}
CURLcode imrf_curl_easy_setopt_debug_callback(CURL *handle, imrf_curl_debug_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}
CURLcode imrf_curl_easy_setopt_xferinfo_callback(CURL *handle, imrf_curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}
CURLcode imrf_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
CURLcode imrf_curl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}
CURLcode imrf_curl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}
size_t imrf_curl_readfunc_abort(void) { return CURL_READFUNC_ABORT; }
int imrf_curl_seekfunc_ok(void) { return CURL_SEEKFUNC_OK; }
int imrf_curl_seekfunc_fail(void) { return CURL_SEEKFUNC_FAIL; }
