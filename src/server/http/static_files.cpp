#include "server/http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <regex>

#include <sodium.h>

namespace satstore::server {
namespace fs = std::filesystem;
namespace {

struct Mime {
    const char* extension;
    const char* type;
    bool compressible;
};

constexpr Mime kMimeTypes[] = {
    {".html", "text/html; charset=utf-8", true},
    {".js", "text/javascript; charset=utf-8", true},
    {".mjs", "text/javascript; charset=utf-8", true},
    {".css", "text/css; charset=utf-8", true},
    {".json", "application/json; charset=utf-8", true},
    {".wasm", "application/wasm", true},
    {".svg", "image/svg+xml", true},
    {".ttf", "font/ttf", true},
    {".otf", "font/otf", true},
    {".woff2", "font/woff2", false},
    {".png", "image/png", false},
    {".jpg", "image/jpeg", false},
    {".jpeg", "image/jpeg", false},
    {".webp", "image/webp", false},
    {".ico", "image/x-icon", false},
    {".txt", "text/plain; charset=utf-8", true},
};

const Mime* mime_for(const fs::path& path) {
    const std::string ext = path.extension().string();
    for (const auto& m : kMimeTypes)
        if (ext == m.extension) return &m;
    return nullptr;
}

// A name like "app.3f9c2a1b.wasm": its content never changes under that name.
bool is_content_hashed(const std::string& filename) {
    static const std::regex hashed(R"(.*\.[0-9a-f]{8,}\.[a-z0-9]+$)");
    return std::regex_match(filename, hashed);
}

bool file_exists(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

// Joins a URL path (already decoded) below `root`, refusing "..", "." and empty segments so
// the result can never leave `root`.
std::optional<fs::path> safe_join(const fs::path& root, std::string_view url_path) {
    fs::path out = root;
    std::size_t start = 0;
    while (start < url_path.size()) {
        auto end = url_path.find('/', start);
        if (end == std::string_view::npos) end = url_path.size();
        const auto segment = url_path.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == ".." || segment.find('\\') != std::string_view::npos)
            return std::nullopt;
        out /= std::string(segment);
        start = end + 1;
    }
    return out;
}

bool accepts(const Request& request, std::string_view coding) {
    const auto accepted = request.header("accept-encoding");
    std::size_t pos = 0;
    while ((pos = accepted.find(coding, pos)) != std::string_view::npos) {
        const bool start_ok = pos == 0 || accepted[pos - 1] == ' ' || accepted[pos - 1] == ',';
        const auto after = pos + coding.size();
        const bool end_ok = after == accepted.size() || accepted[after] == ',' || accepted[after] == ';' ||
                            accepted[after] == ' ';
        if (start_ok && end_ok) return accepted.substr(after).rfind(";q=0", 0) != 0;
        pos = after;
    }
    return false;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// 'sha256-<base64>' of each inline <tag>…</tag> element of `html` (tags without a src attribute).
std::string inline_hashes(const std::string& html, const std::string& tag) {
    std::string out;
    const std::string open = "<" + tag, close = "</" + tag + ">";
    for (std::size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
        const auto body = html.find('>', at);
        const auto end = body == std::string::npos ? body : html.find(close, body);
        if (end == std::string::npos) break;
        if (html.substr(at, body - at).find(" src=") != std::string::npos) continue;
        const std::string content = html.substr(body + 1, end - body - 1);
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(content.data()), content.size());
        char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
        sodium_bin2base64(b64, sizeof b64, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
        out += " 'sha256-" + std::string(b64) + "'";
    }
    return out;
}

// index.html's policy, hashed again only when the file changes (its time or size).
std::string page_policy_of(const fs::path& file, const Config& config) {
    static std::mutex mutex;
    static fs::file_time_type seen_time;
    static std::uintmax_t seen_size = 0;
    static std::string policy;
    std::error_code ec;
    const fs::file_time_type time = fs::last_write_time(file, ec);
    const std::uintmax_t size = fs::file_size(file, ec);
    std::lock_guard lock(mutex);
    if (policy.empty() || time != seen_time || size != seen_size) {
        policy = page_security_policy(read_file(file), config.cors_origins);
        seen_time = time;
        seen_size = size;
    }
    return policy;
}

}  // namespace

std::string page_security_policy(const std::string& html, const std::vector<std::string>& embedding_origins) {
    std::string frame_ancestors = "'self'";
    for (const std::string& origin : embedding_origins) frame_ancestors += " " + origin;
    return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" + inline_hashes(html, "script") +
           "; style-src 'self'" + inline_hashes(html, "style") +
           "; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
           "form-action 'none'; frame-ancestors " + frame_ancestors;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            const int hi = nibble(text[i + 1]), lo = nibble(text[i + 2]);
            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return std::nullopt;
            out.push_back(static_cast<char>(hi << 4 | lo));
            i += 2;
        } else if (plus_is_space && text[i] == '+') {
            out.push_back(' ');
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

std::optional<Response> serve_static(const Request& request, const Config& config) {
    std::optional<fs::path> file;
    constexpr std::string_view kAssets = "/assets/";
    if (request.path == "/") {
        file = fs::path(config.web_root) / "index.html";
    } else if (request.path.rfind(kAssets, 0) == 0) {
        file = safe_join(config.assets_root, std::string_view(request.path).substr(kAssets.size()));
    } else {
        file = safe_join(config.web_root, std::string_view(request.path).substr(1));
    }
    if (!file || !file_exists(*file)) return std::nullopt;
    const Mime* mime = mime_for(*file);
    if (!mime) return std::nullopt;  // only known types are served (no .sql, .db, …)

    Response r;
    r.header("Content-Type", mime->type);
    const std::string name = file->filename().string();
    if (is_content_hashed(name)) r.header("Cache-Control", "public, max-age=31536000, immutable");
    else if (name == "index.html" || name == "config.json") r.header("Cache-Control", "no-cache");
    else r.header("Cache-Control", "public, max-age=3600");
    if (std::string_view(mime->extension) == ".svg")
        r.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    if (name == "index.html") {
        r.header("Content-Security-Policy", page_policy_of(*file, config));
        r.header("Referrer-Policy", "no-referrer");
    }

    fs::path chosen = *file;
    if (mime->compressible) {
        r.header("Vary", "Accept-Encoding");
        for (const char* coding : {"br", "gzip"}) {
            const fs::path candidate = file->string() + (std::string_view(coding) == "br" ? ".br" : ".gz");
            if (accepts(request, coding) && file_exists(candidate)) {
                chosen = candidate;
                r.header("Content-Encoding", coding);
                break;
            }
        }
    }
    r.file_path = chosen.string();
    return r;
}

}  // namespace satstore::server
