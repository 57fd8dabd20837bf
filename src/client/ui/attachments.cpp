// satstore client — the image attachment field (see attachments.hpp).
#include "ui/attachments.hpp"

#include <algorithm>
#include <cstdio>

#include "i18n/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::ui {
namespace {

using State = platform::UploadEvent::State;

std::string human_size(double bytes) {
    char buf[32];
    if (bytes >= 1024.0 * 1024.0) std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024.0));
    else std::snprintf(buf, sizeof buf, "%.0f KB", std::max(1.0, bytes / 1024.0));
    return buf;
}

void apply(Attachments& a, const platform::UploadEvent& e) {
    auto it = std::find_if(a.files.begin(), a.files.end(), [&](const Attachments::File& f) {
        return f.pick_id == e.pick_id && f.index == e.index;
    });
    if (it == a.files.end()) {
        a.files.push_back(Attachments::File{e.pick_id, e.index, e.name, e.size, e.state, {}, {}});
        it = a.files.end() - 1;
    }
    it->state = e.state;
    it->upload_id = e.upload_id;
    it->error = e.error;
}

}  // namespace

std::vector<std::string> Attachments::upload_ids() const {
    std::vector<std::string> ids;
    for (const File& f : files)
        if (f.state == State::done) ids.push_back(f.upload_id);
    return ids;
}

bool Attachments::uploading() const {
    return std::any_of(files.begin(), files.end(), [](const File& f) { return f.state == State::uploading; });
}

void dispatch_upload_events(std::vector<platform::UploadEvent>& events, const std::vector<Attachments*>& fields) {
    const auto owner = [&](const platform::UploadEvent& e) -> Attachments* {
        for (Attachments* a : fields)
            if (std::find(a->picks.begin(), a->picks.end(), e.pick_id) != a->picks.end()) return a;
        return nullptr;
    };
    for (const platform::UploadEvent& e : events)
        if (Attachments* a = owner(e)) apply(*a, e);
    events.erase(std::remove_if(events.begin(), events.end(), [&](const platform::UploadEvent& e) { return owner(e) != nullptr; }),
                 events.end());
}

void attachments_field(Lang lang, const char* label, const char* id, Attachments& a, int max_files,
                       const std::string& error) {
    text(label, FontSize::small14, color::text);
    int attached = 0;
    for (std::size_t i = 0; i < a.files.size();) {
        const Attachments::File& f = a.files[i];
        if (f.state != State::failed) ++attached;
        ImGui::PushID(id);
        ImGui::PushID(static_cast<int>(i));
        text(f.name + "  ·  " + human_size(f.size), FontSize::body16, color::text);
        ImGui::SameLine();
        if (f.state == State::uploading) {
            text(tr(lang, S::upload_uploading), FontSize::small14, color::muted);
            ImGui::SameLine();
        }
        const bool remove = link((std::string(tr(lang, S::upload_remove)) + "##rm").c_str(), FontSize::small14);
        if (f.state == State::failed)
            text(upload_error_text(lang, f.error), FontSize::small14, color::danger, 0, true);
        ImGui::PopID();
        ImGui::PopID();
        if (remove) a.files.erase(a.files.begin() + static_cast<std::ptrdiff_t>(i));
        else ++i;
    }
    const int room = max_files - attached;
    const std::string add = std::string(tr(lang, S::upload_add_images)) + "##add_" + id;
    if (button(add.c_str(), ButtonKind::secondary, ImVec2(0, 0), room <= 0))
        a.wanted_files = room;
    text(tr(lang, S::upload_hint), FontSize::small14, color::muted, 0, true);
    if (!error.empty()) text(error, FontSize::small14, color::danger, 0, true);
}

}  // namespace satstore::client::ui
