#ifndef IMRF_CCURLSHIM_H
#define IMRF_CCURLSHIM_H
// Typed wrappers for libcurl's variadic curl_easy_setopt/curl_easy_getinfo,
// which Swift cannot call. One wrapper per argument type libcurl accepts.
#include <curl/curl.h>

typedef size_t (*imrf_curl_data_callback)(char *buffer, size_t size, size_t nitems, void *context);
typedef int (*imrf_curl_seek_callback)(void *context, curl_off_t offset, int origin);
typedef int (*imrf_curl_xferinfo_callback)(void *context, curl_off_t download_total, curl_off_t download_now, curl_off_t upload_total, curl_off_t upload_now);
typedef int (*imrf_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *context);

CURLcode imrf_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode imrf_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode imrf_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode imrf_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode imrf_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode imrf_curl_easy_setopt_mime(CURL *handle, CURLoption option, curl_mime *value);
/// CURLOPT_READFUNCTION, CURLOPT_WRITEFUNCTION, CURLOPT_HEADERFUNCTION.
CURLcode imrf_curl_easy_setopt_data_callback(CURL *handle, CURLoption option, imrf_curl_data_callback callback);
CURLcode imrf_curl_easy_setopt_seek_callback(CURL *handle, imrf_curl_seek_callback callback);
CURLcode imrf_curl_easy_setopt_debug_callback(CURL *handle, imrf_curl_debug_callback callback);
/// CURLOPT_XFERINFOFUNCTION (progress).
CURLcode imrf_curl_easy_setopt_xferinfo_callback(CURL *handle, imrf_curl_xferinfo_callback callback);

CURLcode imrf_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode imrf_curl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);
CURLcode imrf_curl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);

/// libcurl's magic return values, which Swift does not import as constants.
size_t imrf_curl_readfunc_abort(void);
int imrf_curl_seekfunc_ok(void);
int imrf_curl_seekfunc_fail(void);
#endif
