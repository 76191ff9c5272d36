// zlib: deflates the page content streams the PDF finisher rewrites (FlateDecode).
#include <zlib.h>
