#ifndef IMRF_CCURL_SHIM_H
#define IMRF_CCURL_SHIM_H
#include <curl/curl.h>
#endif
