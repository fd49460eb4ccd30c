// libxml2's streaming reader from Debian's libxml2-dev: WordImport reads the
// parts of a .docx with it (no DTD loading, no entity substitution).
//
// Debian builds libxml2 with ICU, so its encoding.h includes the system's
// <unicode/...> headers, whose enum UErrorCode differs from the one of
// Foundation's own ICU (_FoundationICU): a Swift file importing both
// modules then fails to compile, depending on which is loaded first. The
// ICU parts (fields of xmlCharEncodingHandler imrf never touches) are left
// out of this module's view.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
