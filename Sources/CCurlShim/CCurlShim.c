#include "CCurlShim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// libcurl's functions, found in the library opened by imrf_curl_load; each
// pointer has the type of the function curl.h declares.
static struct {
    __typeof__(curl_global_init) *global_init;
    __typeof__(curl_easy_init) *easy_init;
    __typeof__(curl_easy_cleanup) *easy_cleanup;
    __typeof__(curl_easy_perform) *easy_perform;
    __typeof__(curl_easy_strerror) *easy_strerror;
    __typeof__(curl_easy_setopt) *easy_setopt;
    __typeof__(curl_easy_getinfo) *easy_getinfo;
    __typeof__(curl_slist_append) *slist_append;
    __typeof__(curl_slist_free_all) *slist_free_all;
    __typeof__(curl_mime_init) *mime_init;
    __typeof__(curl_mime_free) *mime_free;
    __typeof__(curl_mime_addpart) *mime_addpart;
    __typeof__(curl_mime_name) *mime_name;
    __typeof__(curl_mime_filename) *mime_filename;
    __typeof__(curl_mime_type) *mime_type;
    __typeof__(curl_mime_data_cb) *mime_data_cb;
} curl;

static pthread_once_t loading = PTHREAD_ONCE_INIT;
static const char *load_error;
static char load_error_text[512];

static void load(void) {
    // The soname of libcurl 7.16 and later, and of every libcurl 8; or the
    // file IMRF_LIBCURL names, where libcurl is installed elsewhere.
    const char *name = getenv("IMRF_LIBCURL");
    if (name == NULL || *name == '\0') name = "libcurl.so.4";
    void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_error_text, sizeof load_error_text, "%s", reason ? reason : "cannot open libcurl");
        load_error = load_error_text;
        return;
    }
#define FIND(field, symbol)                                                                         \
    if ((*(void **)&curl.field = dlsym(library, symbol)) == NULL) {                                  \
        snprintf(load_error_text, sizeof load_error_text, "%s has no function %s", name, symbol);    \
        load_error = load_error_text;                                                                \
        return;                                                                                      \
    }
    FIND(global_init, "curl_global_init")
    FIND(easy_init, "curl_easy_init")
    FIND(easy_cleanup, "curl_easy_cleanup")
    FIND(easy_perform, "curl_easy_perform")
    FIND(easy_strerror, "curl_easy_strerror")
    FIND(easy_setopt, "curl_easy_setopt")
    FIND(easy_getinfo, "curl_easy_getinfo")
    FIND(slist_append, "curl_slist_append")
    FIND(slist_free_all, "curl_slist_free_all")
    FIND(mime_init, "curl_mime_init")
    FIND(mime_free, "curl_mime_free")
    FIND(mime_addpart, "curl_mime_addpart")
    FIND(mime_name, "curl_mime_name")
    FIND(mime_filename, "curl_mime_filename")
    FIND(mime_type, "curl_mime_type")
    FIND(mime_data_cb, "curl_mime_data_cb")
#undef FIND
}

const char *imrf_curl_load(void) {
    pthread_once(&loading, load);
    return load_error;
}

CURLcode imrf_curl_global_init(long flags) { return curl.global_init(flags); }
CURL *imrf_curl_easy_init(void) { return curl.easy_init(); }
void imrf_curl_easy_cleanup(CURL *handle) { curl.easy_cleanup(handle); }
CURLcode imrf_curl_easy_perform(CURL *handle) { return curl.easy_perform(handle); }
const char *imrf_curl_easy_strerror(CURLcode code) { return curl.easy_strerror(code); }
struct curl_slist *imrf_curl_slist_append(struct curl_slist *list, const char *text) { return curl.slist_append(list, text); }
void imrf_curl_slist_free_all(struct curl_slist *list) { curl.slist_free_all(list); }
curl_mime *imrf_curl_mime_init(CURL *handle) { return curl.mime_init(handle); }
void imrf_curl_mime_free(curl_mime *mime) { curl.mime_free(mime); }
curl_mimepart *imrf_curl_mime_addpart(curl_mime *mime) { return curl.mime_addpart(mime); }
CURLcode imrf_curl_mime_name(curl_mimepart *part, const char *name) { return curl.mime_name(part, name); }
CURLcode imrf_curl_mime_filename(curl_mimepart *part, const char *filename) { return curl.mime_filename(part, filename); }
CURLcode imrf_curl_mime_type(curl_mimepart *part, const char *type) { return curl.mime_type(part, type); }
CURLcode imrf_curl_mime_data_cb(
    curl_mimepart *part, curl_off_t size, curl_read_callback read, curl_seek_callback seek,
    curl_free_callback free, void *context) {
    return curl.mime_data_cb(part, size, read, seek, free, context);
}

CURLcode imrf_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl.easy_setopt(handle, option, value);
}
CURLcode imrf_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl.easy_setopt(handle, option, value);
}
CURLcode imrf_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl.easy_setopt(handle, option, value);
}
CURLcode imrf_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl.easy_setopt(handle, option, value);
}
CURLcode imrf_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl.easy_setopt(handle, option, value);
}
CURLcode imrf_curl_easy_setopt_mime(CURL *handle, CURLoption option, curl_mime *value) {
    return curl.easy_setopt(handle, option, value);
}
CURLcode imrf_curl_easy_setopt_data_callback(CURL *handle, CURLoption option, imrf_curl_data_callback callback) {
    return curl.easy_setopt(handle, option, callback);
}
CURLcode imrf_curl_easy_setopt_seek_callback(CURL *handle, imrf_curl_seek_callback callback) {
    return curl.easy_setopt(handle, CURLOPT_SEEKFUNCTION, callback);
}
CURLcode imrf_curl_easy_setopt_debug_callback(CURL *handle, imrf_curl_debug_callback callback) {
    return curl.easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}
CURLcode imrf_curl_easy_setopt_xferinfo_callback(CURL *handle, imrf_curl_xferinfo_callback callback) {
    return curl.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}
CURLcode imrf_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl.easy_getinfo(handle, info, value);
}
CURLcode imrf_curl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl.easy_getinfo(handle, info, value);
}
CURLcode imrf_curl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl.easy_getinfo(handle, info, value);
}
size_t imrf_curl_readfunc_abort(void) { return CURL_READFUNC_ABORT; }
int imrf_curl_seekfunc_ok(void) { return CURL_SEEKFUNC_OK; }
int imrf_curl_seekfunc_fail(void) { return CURL_SEEKFUNC_FAIL; }
