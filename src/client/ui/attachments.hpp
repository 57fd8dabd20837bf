// satstore client — an image attachment field (return evidence, ticket screenshots and replies).
// "Add images" records that the field wants files; the loop opens the browser's file chooser and
// uploads each chosen file at once (api::start_uploads); the field lists them with their size, a
// Remove link and, on failure, the reason. The widget itself starts no I/O.
#pragma once

#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "platform/upload_event.hpp"

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
    std::string upload_path = "/uploads";  // the API endpoint the chosen files are posted to
    int wanted_files = 0;    // set by "Add images": open the chooser for up to this many files
    std::vector<int> picks;  // file chooser openings of this field, whose events it consumes
    std::vector<File> files;

    // Ids of the files that finished uploading, in the order shown (what a request attaches).
    std::vector<std::string> upload_ids() const;
    // True while a file is still uploading (forms wait before sending).
    bool uploading() const;
};

// Moves the events of `events` that belong to one of `fields` (by the pick that opened their file
// chooser) into that field, so uploads finish even while the field is not drawn.
void dispatch_upload_events(std::vector<platform::UploadEvent>& events, const std::vector<Attachments*>& fields);

// Draws the field at the cursor: `label`, the files, an "Add images" button (off
// once `max_files` files are attached or uploading) with the accepted types, and `error` in red.
void attachments_field(Lang lang, const char* label, const char* id, Attachments& a, int max_files,
                       const std::string& error);

}  // namespace satstore::client::ui
