// satstore client — the one API module (see client.hpp).
#include "api/client.hpp"

#include <algorithm>

#include "app_requests.hpp"
#include "core/json_text.hpp"
#include "core/media.hpp"
#include "i18n/strings.hpp"
#include "platform/file_picker.hpp"
#include "platform/web_extra.hpp"
#include "ui/attachments.hpp"

namespace satstore::client::api {

using nlohmann::json;

std::string url(const std::string& path) { return platform::api_origin() + "/api/v1" + path; }

int send(AppState& s, Feature feature, int kind, const char* method, const std::string& path,
         const std::string& body, Options o) {
    const bool with_session = o.with_session && !s.session_token.empty();
    const int id = platform::http_request(method, url(path), body, with_session ? s.session_token : std::string(),
                                          o.idempotency_key);
    s.calls[id] = Call{feature, kind, std::move(o.key), with_session, o.handles_401};
    return id;
}

bool in_flight(const AppState& s, Feature feature, int kind) {
    return std::any_of(s.calls.begin(), s.calls.end(),
                       [&](const auto& c) { return c.second.feature == feature && c.second.kind == kind; });
}

void load_image(AppState& s, const std::string& image_url) {
    s.images[image_url];  // reserve the slot: one load per URL
    const std::string abs = (!image_url.empty() && image_url[0] == '/') ? platform::api_origin() + image_url : image_url;
    // Vector images are rasterised at twice their size to stay sharp; a media rendition is
    // already the size it is drawn at (media::image_url_for), so it is taken as it is.
    const int id = platform::load_image(abs, media::is_media_ref(image_url) ? 1.0f : 2.0f);
    s.calls[id] = Call{Feature::app, static_cast<int>(RequestKind::image), image_url, false, false};
}

void start_uploads(AppState& s, ui::Attachments& field) {
    if (field.wanted_files <= 0) return;
    field.picks.push_back(platform::pick_and_upload_images(url(field.upload_path), s.session_token, field.wanted_files));
    field.wanted_files = 0;
}

std::optional<Call> take(AppState& s, int request_id) {
    auto it = s.calls.find(request_id);
    if (it == s.calls.end()) return std::nullopt;
    Call call = std::move(it->second);
    s.calls.erase(it);
    return call;
}

bool session_expired_reply(const Call& call, const platform::HttpReply& r) {
    return r.status == 401 && call.with_session && !call.handles_401;
}

void session_expired(AppState& s) {
    const bool was_logged_in = !s.session_token.empty();
    s.session_token.clear();
    s.user.reset();
    s.staff = StaffAccountsState{};  // an admin's lists must not outlive the session (issue 20)
    save_session(s);
    if (!was_logged_in) return;  // several requests of one page expire together: say it once
    const std::string here = platform::location_hash();
    if (here != "/login") s.buy.return_to = here;
    show_toast(s, tr(s.lang, S::session_expired), true);
    platform::set_location_hash("/login");
}

std::optional<json> json_body(const platform::HttpReply& r) {
    json j = json_text::parse(r.body).value;  // discarded when malformed or too deep
    if (j.is_discarded()) {
        std::fprintf(stderr, "satstore: reply %d (HTTP %d) is not JSON\n", r.request_id, r.status);
        return std::nullopt;
    }
    return j;
}

std::optional<json> ok_json(const platform::HttpReply& r) {
    if (r.status < 200 || r.status > 299) return std::nullopt;
    std::optional<json> j = json_body(r);
    if (!j || !j->is_object()) return std::nullopt;
    return j;
}

Problem problem(const platform::HttpReply& r) {
    Problem p;
    p.status = r.status;
    if (r.body.empty()) return p;
    const std::optional<json> j = json_body(r);
    if (!j || !j->is_object()) return p;
    if (auto it = j->find("code"); it != j->end() && it->is_string()) p.code = satstore::api::parse_problem_code(it->get<std::string>());
    if (auto it = j->find("detail"); it != j->end() && it->is_string()) p.detail = it->get<std::string>();
    if (auto it = j->find("errors"); it != j->end() && it->is_object()) {
        for (const auto& [field, msg] : it->items()) {
            if (msg.is_string()) p.errors[field] = msg.get<std::string>();
        }
    }
    p.extra = j->get<ProblemExtras>();
    return p;
}

}  // namespace satstore::client::api
