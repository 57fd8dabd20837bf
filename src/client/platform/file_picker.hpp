// satstore client — choosing images in the browser and uploading them (return evidence, ticket
// screenshots). The bytes never pass through wasm: JS reads the chosen files and POSTs each one
// to the API's upload endpoint, and the app only sees names, sizes and upload ids.
#pragma once

#include <string>
#include <vector>

#include "platform/upload_event.hpp"

namespace satstore::client::platform {

// Opens the browser's file chooser for PNG, JPEG and WebP images. Must run while handling a user
// gesture (a button click). Each chosen file, up to `max_files`, is uploaded to `upload_url` with
// the bearer token: it first reports State::uploading, then State::done or State::failed; files
// beyond `max_files` report failed/"too_many_files" and are not sent. Returns the pick id.
int pick_and_upload_images(const std::string& upload_url, const std::string& bearer_token, int max_files);

// Events since the last call, oldest first (the app loop takes them like HTTP replies).
std::vector<UploadEvent> take_upload_events();

}  // namespace satstore::client::platform
