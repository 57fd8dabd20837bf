// satstore client — choosing images in the browser and uploading them (return evidence, ticket
// screenshots). The bytes never pass through wasm: JS reads the chosen files and POSTs each one
// to the API's upload endpoint, and the app only sees names, sizes and upload ids.
#pragma once

#include <string>
#include <vector>

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

// Opens the browser's file chooser for PNG, JPEG and WebP images. Must run while handling a user
// gesture (a button click). Each chosen file, up to `max_files`, is uploaded to `upload_url` with
// the bearer token: it first reports State::uploading, then State::done or State::failed; files
// beyond `max_files` report failed/"too_many_files" and are not sent. Returns the pick id.
int pick_and_upload_images(const std::string& upload_url, const std::string& bearer_token, int max_files);

// Events since the last call, oldest first (the app loop takes them like HTTP replies).
std::vector<UploadEvent> take_upload_events();

}  // namespace satstore::client::platform
