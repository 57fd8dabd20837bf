// satstore client — an image attachment field (return evidence, ticket screenshots and replies).
// "Add images" opens the browser's file chooser; each chosen file is uploaded at once
// (platform/file_picker.hpp) and listed with its size, a Remove link and, on failure, the reason.
#pragma once

#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "platform/file_picker.hpp"

namespace satstore::client::ui {

struct Attachments {
    struct File {
        int pick_id = 0;
        int index = 0;
        std::string name;
        double size = 0;
        platform::UploadEvent::State state = platform::UploadEvent::State::uploading;
        std::string upload_id;  // once uploaded
        std::string error;      // failure code (i18n: upload_error_text)
    };
    std::vector<int> picks;  // file chooser openings of this field, whose events it consumes
    std::vector<File> files;

    // Ids of the files that finished uploading, in the order shown (what a request attaches).
    std::vector<std::string> upload_ids() const;
    // True while a file is still uploading (forms wait before sending).
    bool uploading() const;
};

// Moves the events of `events` that belong to one of `fields` (by the pick that opened their file
// chooser) into that field, so uploads finish even while the field is not drawn. Events of no
// listed field stay queued (attachments_field still takes its own when drawn).
void dispatch_upload_events(std::vector<platform::UploadEvent>& events, const std::vector<Attachments*>& fields);

// Draws the field at the cursor: `label`, the files, an "Add images" button (off
// once `max_files` files are attached or uploading) with the accepted types, and `error` in red.
// Consumes from `events` (the app's queued upload events) those that belong to this field.
void attachments_field(Lang lang, const char* label, const char* id, Attachments& a,
                       std::vector<platform::UploadEvent>& events, const std::string& upload_url,
                       const std::string& bearer_token, int max_files, const std::string& error);

}  // namespace satstore::client::ui
