// satstore server — the access log: one JSON line per request on stdout,
// {"ts","ip","method","path","status","ms"} — never the query string, headers or body (they
// may carry tokens, passwords or personal data).
//
// Why buffered: writing and flushing a line per request cost a system call and a contended
// lock per request (a tenth of a catalog request). Lines are appended to a buffer under a
// short lock and written by a background thread at least every 100 ms, or at once by the
// appending thread when 64 KiB are pending (so a stalled stdout slows requests instead of
// growing memory). The destructor writes what is left.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace satstore::server {

class AccessLog {
public:
    // Writes to `out` (stdout in the server). Starts the flushing thread.
    explicit AccessLog(std::FILE* out);
    // Writes every pending line, then stops the flushing thread.
    ~AccessLog();
    AccessLog(const AccessLog&) = delete;
    AccessLog& operator=(const AccessLog&) = delete;

    // Appends one line. Thread-safe.
    void record(std::int64_t ts_unix_s, std::string_view ip, std::string_view method, std::string_view path,
                int status, double ms);

private:
    // Writes and flushes every pending line.
    void flush();
    void run();

    std::FILE* out_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::string pending_;
    bool stopping_ = false;
    std::mutex write_mutex_;  // keeps batches in order when a request thread and the flusher both write
    std::thread flusher_;
};

// Appends `text` as a JSON string (quoted; invalid UTF-8 replaced by U+FFFD). Exposed for tests
// of the format.
void append_json_string(std::string& out, std::string_view text);

}  // namespace satstore::server
