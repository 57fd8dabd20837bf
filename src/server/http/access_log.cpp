#include "server/http/access_log.hpp"

#include <chrono>

#include <nlohmann/json.hpp>

namespace satstore::server {
namespace {

constexpr std::size_t kWriteAtBytes = 64 * 1024;
constexpr auto kFlushPeriod = std::chrono::milliseconds(100);

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    bool plain = true;
    for (const char c : text) plain = plain && c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    if (plain) {
        out += '"';
        out += text;
        out += '"';
        return;
    }
    // Rare (escapes, non-ASCII, bad UTF-8): nlohmann's escaping, which replaces invalid UTF-8.
    out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

AccessLog::AccessLog(std::FILE* out) : out_(out), flusher_([this] { run(); }) {}

AccessLog::~AccessLog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    flusher_.join();
    flush();
}

void AccessLog::record(std::int64_t ts_unix_s, std::string_view ip, std::string_view method, std::string_view path,
                       int status, double ms) {
    std::string line;
    line.reserve(96 + path.size());
    line += "{\"ts\":";
    line += std::to_string(ts_unix_s);
    line += ",\"ip\":";
    append_json_string(line, ip);
    line += ",\"method\":";
    append_json_string(line, method);
    line += ",\"path\":";
    append_json_string(line, path);
    // Milliseconds truncated to 1/100, printed from integers (%f formatting cost more than the rest
    // of the line).
    const auto hundredths = static_cast<long long>(ms * 100);
    char tail[64];
    const int n = std::snprintf(tail, sizeof tail, ",\"status\":%d,\"ms\":%lld.%02lld}\n", status, hundredths / 100,
                                hundredths % 100);
    line.append(tail, static_cast<std::size_t>(n));

    bool write_now = false;
    {
        std::lock_guard lock(mutex_);
        pending_ += line;
        write_now = pending_.size() >= kWriteAtBytes;
    }
    if (write_now) flush();
}

void AccessLog::flush() {
    std::lock_guard write_lock(write_mutex_);
    std::string batch;
    {
        std::lock_guard lock(mutex_);
        batch.swap(pending_);
    }
    if (batch.empty()) return;
    std::fwrite(batch.data(), 1, batch.size(), out_);
    std::fflush(out_);
}

void AccessLog::run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, kFlushPeriod, [this] { return stopping_; })) {
        lock.unlock();
        flush();
        lock.lock();
    }
}

}  // namespace satstore::server
