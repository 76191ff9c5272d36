import CQPDF
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// libqpdf, opened when first needed rather than linked (see CQPDF's shim.h for why). Each
/// function below stands in for the C function of the same name, with the type the header
/// declares, so the finisher reads as if the library were linked.
enum QPDFLibrary {
    /// The library's handle, or nil when it cannot be opened (libqpdf29 not installed).
    /// Opened once, by whichever thread asks first; `dlopen` serialises the rest. Only by
    /// the soname the functions were declared for: the unversioned `libqpdf.so` is the -dev
    /// package's link, which may lead to another major version and another ABI.
    nonisolated(unsafe) static let handle: UnsafeMutableRawPointer? = dlopen(briefing_qpdf_soname, RTLD_NOW | RTLD_LOCAL)

    static var isAvailable: Bool { handle != nil && qpdfFunctionsFound }

    /// Opens the library on a thread of its own: a run that will finish a PDF calls this
    /// while it reads its template, so the finisher finds it open.
    static func preload() {
        Thread { _ = isAvailable }.start()
    }

    /// The function `name`, as `type`; nil if the library or the function is missing.
    static func function<Function>(_ name: String, _ type: Function.Type) -> Function? {
        guard let handle, let symbol = dlsym(handle, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    /// Every function the finisher calls is there (checked once, on first use).
    private static let qpdfFunctionsFound: Bool = {
        let names = [
            "qpdf_cleanup", "qpdf_get_error", "qpdf_get_error_full_text", "qpdf_get_info_key", "qpdf_get_num_pages",
            "qpdf_get_object_by_id", "qpdf_get_page_n", "qpdf_get_root", "qpdf_get_trailer", "qpdf_has_error", "qpdf_init",
            "qpdf_oh_get_array_item", "qpdf_oh_get_array_n_items", "qpdf_oh_get_generation", "qpdf_oh_get_int_value_as_int",
            "qpdf_oh_get_key", "qpdf_oh_get_name", "qpdf_oh_get_object_id", "qpdf_oh_get_page_content_data", "qpdf_oh_has_key",
            "qpdf_oh_is_array", "qpdf_oh_is_integer", "qpdf_oh_is_name", "qpdf_oh_is_stream", "qpdf_oh_new_name", "qpdf_oh_new_string",
            "qpdf_oh_new_unicode_string", "qpdf_oh_parse", "qpdf_oh_release_all", "qpdf_oh_remove_key", "qpdf_oh_replace_key",
            "qpdf_oh_unparse_resolved", "qpdf_read_memory", "qpdf_set_info_key", "qpdf_set_suppress_warnings", "qpdf_silence_errors",
        ]
        return names.allSatisfy { name in handle.map { dlsym($0, name) != nil } ?? false }
    }()

    /// The function `name`; only called after `isAvailable` said yes.
    fileprivate static func required<Function>(_ name: String, _ type: Function.Type) -> Function {
        guard let function = function(name, type) else { fatalError("libqpdf has no \(name)") }
        return function
    }
}

let qpdf_cleanup = QPDFLibrary.required("qpdf_cleanup", briefing_qpdf_cleanup_f.self)
let qpdf_get_error = QPDFLibrary.required("qpdf_get_error", briefing_qpdf_get_error_f.self)
let qpdf_get_error_full_text = QPDFLibrary.required("qpdf_get_error_full_text", briefing_qpdf_get_error_full_text_f.self)
let qpdf_get_info_key = QPDFLibrary.required("qpdf_get_info_key", briefing_qpdf_get_info_key_f.self)
let qpdf_get_num_pages = QPDFLibrary.required("qpdf_get_num_pages", briefing_qpdf_get_num_pages_f.self)
let qpdf_get_object_by_id = QPDFLibrary.required("qpdf_get_object_by_id", briefing_qpdf_get_object_by_id_f.self)
let qpdf_get_page_n = QPDFLibrary.required("qpdf_get_page_n", briefing_qpdf_get_page_n_f.self)
let qpdf_get_root = QPDFLibrary.required("qpdf_get_root", briefing_qpdf_get_root_f.self)
let qpdf_get_trailer = QPDFLibrary.required("qpdf_get_trailer", briefing_qpdf_get_trailer_f.self)
let qpdf_has_error = QPDFLibrary.required("qpdf_has_error", briefing_qpdf_has_error_f.self)
let qpdf_init = QPDFLibrary.required("qpdf_init", briefing_qpdf_init_f.self)
let qpdf_oh_get_array_item = QPDFLibrary.required("qpdf_oh_get_array_item", briefing_qpdf_oh_get_array_item_f.self)
let qpdf_oh_get_array_n_items = QPDFLibrary.required("qpdf_oh_get_array_n_items", briefing_qpdf_oh_get_array_n_items_f.self)
let qpdf_oh_get_generation = QPDFLibrary.required("qpdf_oh_get_generation", briefing_qpdf_oh_get_generation_f.self)
let qpdf_oh_get_int_value_as_int = QPDFLibrary.required("qpdf_oh_get_int_value_as_int", briefing_qpdf_oh_get_int_value_as_int_f.self)
let qpdf_oh_get_key = QPDFLibrary.required("qpdf_oh_get_key", briefing_qpdf_oh_get_key_f.self)
let qpdf_oh_get_name = QPDFLibrary.required("qpdf_oh_get_name", briefing_qpdf_oh_get_name_f.self)
let qpdf_oh_get_object_id = QPDFLibrary.required("qpdf_oh_get_object_id", briefing_qpdf_oh_get_object_id_f.self)
let qpdf_oh_get_page_content_data = QPDFLibrary.required("qpdf_oh_get_page_content_data", briefing_qpdf_oh_get_page_content_data_f.self)
let qpdf_oh_has_key = QPDFLibrary.required("qpdf_oh_has_key", briefing_qpdf_oh_has_key_f.self)
let qpdf_oh_is_array = QPDFLibrary.required("qpdf_oh_is_array", briefing_qpdf_oh_is_array_f.self)
let qpdf_oh_is_integer = QPDFLibrary.required("qpdf_oh_is_integer", briefing_qpdf_oh_is_integer_f.self)
let qpdf_oh_is_name = QPDFLibrary.required("qpdf_oh_is_name", briefing_qpdf_oh_is_name_f.self)
let qpdf_oh_is_stream = QPDFLibrary.required("qpdf_oh_is_stream", briefing_qpdf_oh_is_stream_f.self)
let qpdf_oh_new_name = QPDFLibrary.required("qpdf_oh_new_name", briefing_qpdf_oh_new_name_f.self)
let qpdf_oh_new_string = QPDFLibrary.required("qpdf_oh_new_string", briefing_qpdf_oh_new_string_f.self)
let qpdf_oh_new_unicode_string = QPDFLibrary.required("qpdf_oh_new_unicode_string", briefing_qpdf_oh_new_unicode_string_f.self)
let qpdf_oh_parse = QPDFLibrary.required("qpdf_oh_parse", briefing_qpdf_oh_parse_f.self)
let qpdf_oh_release_all = QPDFLibrary.required("qpdf_oh_release_all", briefing_qpdf_oh_release_all_f.self)
let qpdf_oh_remove_key = QPDFLibrary.required("qpdf_oh_remove_key", briefing_qpdf_oh_remove_key_f.self)
let qpdf_oh_replace_key = QPDFLibrary.required("qpdf_oh_replace_key", briefing_qpdf_oh_replace_key_f.self)
let qpdf_oh_unparse_resolved = QPDFLibrary.required("qpdf_oh_unparse_resolved", briefing_qpdf_oh_unparse_resolved_f.self)
let qpdf_read_memory = QPDFLibrary.required("qpdf_read_memory", briefing_qpdf_read_memory_f.self)
let qpdf_set_info_key = QPDFLibrary.required("qpdf_set_info_key", briefing_qpdf_set_info_key_f.self)
let qpdf_set_suppress_warnings = QPDFLibrary.required("qpdf_set_suppress_warnings", briefing_qpdf_set_suppress_warnings_f.self)
let qpdf_silence_errors = QPDFLibrary.required("qpdf_silence_errors", briefing_qpdf_silence_errors_f.self)
