// libqpdf's C API (Debian libqpdf-dev): completes the PDF cairo writes (catalog language,
// XMP metadata, figure alt text, link contents, tab order) for PDF/UA.
//
// The library is opened at run time, not linked: with its dependencies (GnuTLS, Nettle, GMP,
// p11-kit and more, ten libraries) it cost every process about 2 ms before `main`, and the
// finisher is the only user. A run opens it on another core while it reads the template
// (`QPDFLibrary.preload`). The header's own prototypes give each function's type: they are
// declared under a `briefing_extern_` name, never referenced, so nothing links libqpdf, and
// `briefing_<name>_f` is a pointer to a function of exactly that prototype.
#include <dlfcn.h>

#define qpdf_cleanup briefing_extern_qpdf_cleanup
#define qpdf_get_error briefing_extern_qpdf_get_error
#define qpdf_get_error_full_text briefing_extern_qpdf_get_error_full_text
#define qpdf_get_info_key briefing_extern_qpdf_get_info_key
#define qpdf_get_num_pages briefing_extern_qpdf_get_num_pages
#define qpdf_get_object_by_id briefing_extern_qpdf_get_object_by_id
#define qpdf_get_page_n briefing_extern_qpdf_get_page_n
#define qpdf_get_root briefing_extern_qpdf_get_root
#define qpdf_get_trailer briefing_extern_qpdf_get_trailer
#define qpdf_has_error briefing_extern_qpdf_has_error
#define qpdf_init briefing_extern_qpdf_init
#define qpdf_oh_get_array_item briefing_extern_qpdf_oh_get_array_item
#define qpdf_oh_get_array_n_items briefing_extern_qpdf_oh_get_array_n_items
#define qpdf_oh_get_generation briefing_extern_qpdf_oh_get_generation
#define qpdf_oh_get_int_value_as_int briefing_extern_qpdf_oh_get_int_value_as_int
#define qpdf_oh_get_key briefing_extern_qpdf_oh_get_key
#define qpdf_oh_get_name briefing_extern_qpdf_oh_get_name
#define qpdf_oh_get_object_id briefing_extern_qpdf_oh_get_object_id
#define qpdf_oh_get_page_content_data briefing_extern_qpdf_oh_get_page_content_data
#define qpdf_oh_has_key briefing_extern_qpdf_oh_has_key
#define qpdf_oh_is_array briefing_extern_qpdf_oh_is_array
#define qpdf_oh_is_integer briefing_extern_qpdf_oh_is_integer
#define qpdf_oh_is_name briefing_extern_qpdf_oh_is_name
#define qpdf_oh_is_stream briefing_extern_qpdf_oh_is_stream
#define qpdf_oh_new_name briefing_extern_qpdf_oh_new_name
#define qpdf_oh_new_string briefing_extern_qpdf_oh_new_string
#define qpdf_oh_new_unicode_string briefing_extern_qpdf_oh_new_unicode_string
#define qpdf_oh_parse briefing_extern_qpdf_oh_parse
#define qpdf_oh_release_all briefing_extern_qpdf_oh_release_all
#define qpdf_oh_remove_key briefing_extern_qpdf_oh_remove_key
#define qpdf_oh_replace_key briefing_extern_qpdf_oh_replace_key
#define qpdf_oh_unparse_resolved briefing_extern_qpdf_oh_unparse_resolved
#define qpdf_read_memory briefing_extern_qpdf_read_memory
#define qpdf_set_info_key briefing_extern_qpdf_set_info_key
#define qpdf_set_suppress_warnings briefing_extern_qpdf_set_suppress_warnings
#define qpdf_silence_errors briefing_extern_qpdf_silence_errors
#include <qpdf/qpdf-c.h>
#undef qpdf_cleanup
#undef qpdf_get_error
#undef qpdf_get_error_full_text
#undef qpdf_get_info_key
#undef qpdf_get_num_pages
#undef qpdf_get_object_by_id
#undef qpdf_get_page_n
#undef qpdf_get_root
#undef qpdf_get_trailer
#undef qpdf_has_error
#undef qpdf_init
#undef qpdf_oh_get_array_item
#undef qpdf_oh_get_array_n_items
#undef qpdf_oh_get_generation
#undef qpdf_oh_get_int_value_as_int
#undef qpdf_oh_get_key
#undef qpdf_oh_get_name
#undef qpdf_oh_get_object_id
#undef qpdf_oh_get_page_content_data
#undef qpdf_oh_has_key
#undef qpdf_oh_is_array
#undef qpdf_oh_is_integer
#undef qpdf_oh_is_name
#undef qpdf_oh_is_stream
#undef qpdf_oh_new_name
#undef qpdf_oh_new_string
#undef qpdf_oh_new_unicode_string
#undef qpdf_oh_parse
#undef qpdf_oh_release_all
#undef qpdf_oh_remove_key
#undef qpdf_oh_replace_key
#undef qpdf_oh_unparse_resolved
#undef qpdf_read_memory
#undef qpdf_set_info_key
#undef qpdf_set_suppress_warnings
#undef qpdf_silence_errors

typedef __typeof__(briefing_extern_qpdf_cleanup) *briefing_qpdf_cleanup_f;
typedef __typeof__(briefing_extern_qpdf_get_error) *briefing_qpdf_get_error_f;
typedef __typeof__(briefing_extern_qpdf_get_error_full_text) *briefing_qpdf_get_error_full_text_f;
typedef __typeof__(briefing_extern_qpdf_get_info_key) *briefing_qpdf_get_info_key_f;
typedef __typeof__(briefing_extern_qpdf_get_num_pages) *briefing_qpdf_get_num_pages_f;
typedef __typeof__(briefing_extern_qpdf_get_object_by_id) *briefing_qpdf_get_object_by_id_f;
typedef __typeof__(briefing_extern_qpdf_get_page_n) *briefing_qpdf_get_page_n_f;
typedef __typeof__(briefing_extern_qpdf_get_root) *briefing_qpdf_get_root_f;
typedef __typeof__(briefing_extern_qpdf_get_trailer) *briefing_qpdf_get_trailer_f;
typedef __typeof__(briefing_extern_qpdf_has_error) *briefing_qpdf_has_error_f;
typedef __typeof__(briefing_extern_qpdf_init) *briefing_qpdf_init_f;
typedef __typeof__(briefing_extern_qpdf_oh_get_array_item) *briefing_qpdf_oh_get_array_item_f;
typedef __typeof__(briefing_extern_qpdf_oh_get_array_n_items) *briefing_qpdf_oh_get_array_n_items_f;
typedef __typeof__(briefing_extern_qpdf_oh_get_generation) *briefing_qpdf_oh_get_generation_f;
typedef __typeof__(briefing_extern_qpdf_oh_get_int_value_as_int) *briefing_qpdf_oh_get_int_value_as_int_f;
typedef __typeof__(briefing_extern_qpdf_oh_get_key) *briefing_qpdf_oh_get_key_f;
typedef __typeof__(briefing_extern_qpdf_oh_get_name) *briefing_qpdf_oh_get_name_f;
typedef __typeof__(briefing_extern_qpdf_oh_get_object_id) *briefing_qpdf_oh_get_object_id_f;
typedef __typeof__(briefing_extern_qpdf_oh_get_page_content_data) *briefing_qpdf_oh_get_page_content_data_f;
typedef __typeof__(briefing_extern_qpdf_oh_has_key) *briefing_qpdf_oh_has_key_f;
typedef __typeof__(briefing_extern_qpdf_oh_is_array) *briefing_qpdf_oh_is_array_f;
typedef __typeof__(briefing_extern_qpdf_oh_is_integer) *briefing_qpdf_oh_is_integer_f;
typedef __typeof__(briefing_extern_qpdf_oh_is_name) *briefing_qpdf_oh_is_name_f;
typedef __typeof__(briefing_extern_qpdf_oh_is_stream) *briefing_qpdf_oh_is_stream_f;
typedef __typeof__(briefing_extern_qpdf_oh_new_name) *briefing_qpdf_oh_new_name_f;
typedef __typeof__(briefing_extern_qpdf_oh_new_string) *briefing_qpdf_oh_new_string_f;
typedef __typeof__(briefing_extern_qpdf_oh_new_unicode_string) *briefing_qpdf_oh_new_unicode_string_f;
typedef __typeof__(briefing_extern_qpdf_oh_parse) *briefing_qpdf_oh_parse_f;
typedef __typeof__(briefing_extern_qpdf_oh_release_all) *briefing_qpdf_oh_release_all_f;
typedef __typeof__(briefing_extern_qpdf_oh_remove_key) *briefing_qpdf_oh_remove_key_f;
typedef __typeof__(briefing_extern_qpdf_oh_replace_key) *briefing_qpdf_oh_replace_key_f;
typedef __typeof__(briefing_extern_qpdf_oh_unparse_resolved) *briefing_qpdf_oh_unparse_resolved_f;
typedef __typeof__(briefing_extern_qpdf_read_memory) *briefing_qpdf_read_memory_f;
typedef __typeof__(briefing_extern_qpdf_set_info_key) *briefing_qpdf_set_info_key_f;
typedef __typeof__(briefing_extern_qpdf_set_suppress_warnings) *briefing_qpdf_set_suppress_warnings_f;
typedef __typeof__(briefing_extern_qpdf_silence_errors) *briefing_qpdf_silence_errors_f;

/// The soname the build was made against, for `dlopen`.
static const char *const briefing_qpdf_soname = "libqpdf.so.29";

