#ifndef IMRF_COPENSSL_SHIM_H
#define IMRF_COPENSSL_SHIM_H
#include <openssl/evp.h>
#endif
