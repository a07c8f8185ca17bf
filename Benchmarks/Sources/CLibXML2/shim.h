// libxml2's streaming reader, for the XMLParserComparison benchmark only (Debian: libxml2-dev).
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
