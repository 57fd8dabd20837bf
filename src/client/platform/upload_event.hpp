// satstore client — what the app learns about an image upload the browser performs (the bytes
// never pass through wasm): plain data, for the attachment fields that show it.
#pragma once

#include <string>

namespace satstore::client::platform {

// The server's limit (SPEC §5, POST /uploads); larger files are refused before uploading.
inline constexpr double max_upload_bytes = 5.0 * 1024 * 1024;

struct UploadEvent {
    enum class State { uploading, done, failed };
    int pick_id = 0;          // the id pick_and_upload_images() returned
    int index = 0;            // the file's position among the chosen files
    std::string name;         // file name as chosen (for display only)
    double size = 0;          // bytes
    State state = State::uploading;
    std::string upload_id;    // State::done: the id to attach (e.g. "upl_…")
    int status = 0;           // HTTP status of the upload; 0 when it never reached the server
    // State::failed: the server's problem `code` ("unsupported_media_type", "payload_too_large",
    // …), or "too_large" / "too_many_files" (refused here) or "network".
    std::string error;
};

}  // namespace satstore::client::platform
