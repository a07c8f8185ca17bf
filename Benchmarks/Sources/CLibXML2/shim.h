// libxml2's streaming reader, for the XMLParserComparison benchmark only (Debian: libxml2-dev).
//
// Debian's libxml2 is built with ICU, and its encoding.h then includes the system's ICU headers, whose
// UErrorCode clashes with the ICU copy inside Foundation when one package builds both modules. The benchmark
// never touches an encoding handler's fields, so the ICU part of those headers is switched off here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
