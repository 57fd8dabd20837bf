// satstore client — the one API module: every request to the server starts here, is recorded
// in the one pending table (AppState::calls), and its reply is decoded here: JSON bodies, typed
// values, problem details (core/api/problem.hpp) and the expired-session policy.
//
// Only the loop's feature code (*_requests.cpp, app.cpp) calls it: screens and widgets draw and
// record intents, and cmake/layering.cmake refuses a screen or widget that includes this header.
#pragma once

#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app_state.hpp"
#include "core/api/problem.hpp"
#include "platform/web_platform.hpp"

namespace satstore::client::ui {
struct Attachments;
}

namespace satstore::client::api {

using satstore::api::ProblemCode;
using satstore::api::ProblemExtras;

constexpr Feature feature_of(RequestKind) { return Feature::app; }
constexpr Feature feature_of(BuyRequest) { return Feature::buying; }
constexpr Feature feature_of(AfterRequest) { return Feature::aftersales; }
constexpr Feature feature_of(AccountRequest) { return Feature::account; }
constexpr Feature feature_of(SupportRequest) { return Feature::support; }
constexpr Feature feature_of(StaffRequest) { return Feature::staff; }
constexpr Feature feature_of(CatalogRequest) { return Feature::catalog; }

struct Options {
    std::string key;              // Call::key
    std::string idempotency_key;  // the Idempotency-Key header
    bool with_session = true;     // attach the session token (when logged in)
    bool handles_401 = false;     // Call::handles_401
};

// "https://api.example/api/v1" + path.
std::string url(const std::string& path);

// Starts a request and records it; returns its id.
int send(AppState& s, Feature feature, int kind, const char* method, const std::string& path,
         const std::string& body, Options options);
template <typename Kind>
int send(AppState& s, Kind kind, const char* method, const std::string& path, const std::string& body = {},
         Options options = {}) {
    return send(s, feature_of(kind), static_cast<int>(kind), method, path, body, std::move(options));
}

// True while a request of this kind is in flight.
bool in_flight(const AppState& s, Feature feature, int kind);
template <typename Kind>
bool in_flight(const AppState& s, Kind kind) {
    return in_flight(s, feature_of(kind), static_cast<int>(kind));
}

// Loads an image (an /api/v1/uploads path or a catalog URL) as a texture; the reply arrives
// through app.cpp's image events under RequestKind::image with the URL as key.
void load_image(AppState& s, const std::string& image_url);

// Opens the file chooser of an attachment field that asked for it (Attachments::wanted_files)
// and uploads each chosen image to POST its upload_path (/uploads); events arrive through the field's picks.
void start_uploads(AppState& s, ui::Attachments& field);

// The call a reply answers, removed from the table; nullopt for an id no longer wanted.
std::optional<Call> take(AppState& s, int request_id);

// True when the reply is the expired-session case the policy handles: a 401 to a request sent
// with the session token, which the feature did not ask to read itself.
bool session_expired_reply(const Call& call, const platform::HttpReply& reply);
// The expired-session policy, in one place: forget the session and the user, say so, and send
// them to the login form, back to this page afterwards.
void session_expired(AppState& s);

// No answer (network error, CORS) or a server failure.
inline bool unreachable(const platform::HttpReply& r) { return r.status == 0 || r.status >= 500; }

// The body as JSON; nullopt (with a console note) when it is not JSON.
std::optional<nlohmann::json> json_body(const platform::HttpReply& r);
// The body of a 2xx reply as a JSON object (every API body is one); nullopt for any other status
// or another body.
std::optional<nlohmann::json> ok_json(const platform::HttpReply& r);

// A typed value from its API JSON (core codecs); nullopt, logged with `what`, when malformed.
template <typename T>
std::optional<T> decode(const nlohmann::json& j, const char* what) {
    try {
        return j.get<T>();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "satstore: malformed %s: %s\n", what, e.what());
    }
    return std::nullopt;
}
// The typed body of a 2xx reply; nullopt for any other status or a malformed body.
template <typename T>
std::optional<T> ok_value(const platform::HttpReply& r, const char* what) {
    const std::optional<nlohmann::json> j = ok_json(r);
    return j ? decode<T>(*j, what) : std::nullopt;
}

// The typed "items" of a 2xx list answer ({items, next_cursor}); nullopt for any other reply.
template <typename T>
std::optional<std::vector<T>> ok_items(const platform::HttpReply& r, const char* what) {
    const std::optional<nlohmann::json> j = ok_json(r);
    if (!j || !j->contains("items")) return std::nullopt;
    return decode<std::vector<T>>((*j)["items"], what);
}

// Problem details (RFC 9457) as the client switches on them.
struct Problem {
    int status = 0;                            // 0: no answer at all
    std::optional<ProblemCode> code;           // nullopt: no problem body, or a code newer than this build
    std::string detail;                        // the server's sentence, for the rare case without our own
    std::map<std::string, std::string> errors; // per-field messages of a 422
    ProblemExtras extra;                       // balance, shortfall, order_status, secret_kind, …

    bool is(ProblemCode c) const { return code == c; }
};
Problem problem(const platform::HttpReply& r);

}  // namespace satstore::client::api
