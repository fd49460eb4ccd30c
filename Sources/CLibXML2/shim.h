// libxml2's streaming reader from Debian's libxml2-dev: WordImport reads the
// parts of a .docx with it (no DTD loading, no entity substitution).
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
