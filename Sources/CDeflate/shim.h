// zlib (Debian's zlib1g-dev): raw deflate and CRC-32 for the .docx archive.
#include <zlib.h>
