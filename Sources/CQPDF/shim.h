// libqpdf's C API (Debian libqpdf-dev): completes the PDF cairo writes (catalog language,
// XMP metadata, figure alt text, link contents, tab order) for PDF/UA.
#include <qpdf/qpdf-c.h>
