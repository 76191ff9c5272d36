// libdeflate: the finisher's deflate of page contents and the streams cairo leaves
// uncompressed; whole buffers at about twice zlib's speed, a little smaller.
#include <libdeflate.h>
