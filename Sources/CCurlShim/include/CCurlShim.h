#ifndef IMRF_CCURLSHIM_H
#define IMRF_CCURLSHIM_H
// libcurl, loaded when the first upload needs it, and typed wrappers for its
// variadic curl_easy_setopt/curl_easy_getinfo, which Swift cannot call (one
// wrapper per argument type libcurl accepts).
//
// imrf does not link libcurl: it is opened with dlopen by imrf_curl_load,
// so only `upload` and `compile --upload` load it and the thirty libraries
// it depends on (TLS, Kerberos, LDAP, IDN...), and every other command, above
// all `imrf status` from cron, starts without them (Benchmarks/status.sh).
// Every libcurl function imrf calls is here as imrf_<name>; call
// imrf_curl_load first, and none of them unless it succeeded.
#include <curl/curl.h>

/// Opens libcurl (libcurl.so.4) and finds its functions, once per process;
/// safe to call from any thread. NULL when it is loaded, else why not (the
/// dynamic loader's message), the same text at every call.
const char *imrf_curl_load(void);

CURLcode imrf_curl_global_init(long flags);
CURL *imrf_curl_easy_init(void);
void imrf_curl_easy_cleanup(CURL *handle);
CURLcode imrf_curl_easy_perform(CURL *handle);
const char *imrf_curl_easy_strerror(CURLcode code);
struct curl_slist *imrf_curl_slist_append(struct curl_slist *list, const char *text);
void imrf_curl_slist_free_all(struct curl_slist *list);
curl_mime *imrf_curl_mime_init(CURL *handle);
void imrf_curl_mime_free(curl_mime *mime);
curl_mimepart *imrf_curl_mime_addpart(curl_mime *mime);
CURLcode imrf_curl_mime_name(curl_mimepart *part, const char *name);
CURLcode imrf_curl_mime_filename(curl_mimepart *part, const char *filename);
CURLcode imrf_curl_mime_type(curl_mimepart *part, const char *type);
CURLcode imrf_curl_mime_data_cb(
    curl_mimepart *part, curl_off_t size, curl_read_callback read, curl_seek_callback seek,
    curl_free_callback free, void *context);

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
