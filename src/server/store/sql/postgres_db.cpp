// The PostgreSQL driver of the SQL backend (db.hpp), on libpq. Statements are prepared once per
// connection (named after their SQL) and their parameters sent as text with types left for the
// server to infer, so the SQL written for SQLite runs unchanged but for its `?` placeholders.
#include <libpq-fe.h>

#include <cstdlib>

#include "server/store/sql/db.hpp"
#include "server/store/store.hpp"

namespace satstore::server::sql {
namespace {

constexpr Oid kByteaOid = 17;
constexpr Oid kTextOid = 25;
// Every write transaction holds this advisory lock (Db::begin_write), WriteLock::rows ones
// shared; its key is "satstore" in ASCII.
constexpr const char* kBeginExclusive = "BEGIN; SELECT pg_advisory_xact_lock(8314054426326168165)";
constexpr const char* kBeginRows = "BEGIN; SELECT pg_advisory_xact_lock_shared(8314054426326168165)";

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// libpq's messages end in a newline.
std::string trimmed(std::string message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return message;
}

[[noreturn]] void fail(const char* what, const PGresult* result, PGconn* conn) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string message =
        trimmed(std::string(what) + ": " + (result ? PQresultErrorMessage(result) : PQerrorMessage(conn)));
    if (state && std::string_view(state) == "23505") throw DuplicateError(message);  // unique_violation
    if (state && std::string_view(state) == "23514") throw CheckViolation(message);  // check_violation
    throw StoreError(message);
}

// `?` and `?N` placeholders as `$N` (a bare `?` takes the number after the highest so far, as in
// SQLite), outside quoted strings and identifiers. `used` receives, per number up to the highest,
// whether the statement refers to it.
std::string renumber(std::string_view sql, std::vector<bool>& used) {
    std::string out;
    out.reserve(sql.size() + 16);
    int count = 0;
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote) {
            if (c == quote) quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            int n = 0;
            while (i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') n = n * 10 + (sql[++i] - '0');
            if (n == 0) n = count + 1;
            if (n > count) count = n;
            if (static_cast<int>(used.size()) < n) used.resize(n, false);
            used[n - 1] = true;
            out += '$' + std::to_string(n);
        } else {
            out += c;
        }
    }
    return out;
}

// A statement prepared on the server: its name there and how many parameters it takes.
struct Prepared {
    std::string name;
    int count = 0;
};

class PostgresDb;

class PostgresCursor final : public Cursor {
public:
    PostgresCursor(PostgresDb& db, const Prepared& prepared)
        : db_(db), prepared_(prepared), values_(prepared.count), null_(prepared.count, true), binary_(prepared.count, 0) {}

    void bind_text(int index, std::string_view text) override { set(index, std::string(text), false); }
    void bind_int(int index, std::int64_t value) override { set(index, std::to_string(value), false); }
    void bind_null(int index) override {
        slot(index);
        null_[index - 1] = true;
    }
    void bind_blob(int index, std::string_view bytes) override { set(index, std::string(bytes), true); }
    bool step() override;
    std::string text(int column) const override {
        const char* value = PQgetvalue(result_.get(), row_, column);
        if (PQftype(result_.get(), column) != kByteaOid) return std::string(value, PQgetlength(result_.get(), row_, column));
        std::size_t size = 0;
        unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(value), &size);
        if (!bytes) throw StoreError("bytea: out of memory");
        std::string out(reinterpret_cast<const char*>(bytes), size);
        PQfreemem(bytes);
        return out;
    }
    std::int64_t integer(int column) const override {
        const char* value = PQgetvalue(result_.get(), row_, column);
        if (value[0] == 't' || value[0] == 'f') return value[0] == 't';  // a boolean expression
        return std::strtoll(value, nullptr, 10);
    }
    bool is_null(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }

    // Sends the statement without waiting for its result (pipeline mode, Db::commit_after).
    void send(PGconn* conn) const;
    // Its result, received after send().
    void received(Result result) {
        result_ = std::move(result);
        row_ = 0;
    }

private:
    void slot(int index) {
        if (index < 1 || index > static_cast<int>(values_.size())) throw StoreError("bind: no parameter " + std::to_string(index));
    }
    void set(int index, std::string value, bool binary) {
        slot(index);
        values_[index - 1] = std::move(value);
        null_[index - 1] = false;
        binary_[index - 1] = binary;
    }

    PostgresDb& db_;
    const Prepared& prepared_;  // owned by db_
    std::vector<std::string> values_;
    std::vector<bool> null_;
    std::vector<int> binary_;
    Result result_;
    int row_ = -1;
};

class PostgresDb final : public Db {
public:
    explicit PostgresDb(const std::string& uri) {
        // connect_timeout first: a value in the URI overrides it. Without it an unreachable
        // server would hold a request for as long as the operating system retries.
        const char* keys[] = {"connect_timeout", "dbname", "application_name", nullptr};
        const char* values[] = {"5", uri.c_str(), "satstore", nullptr};
        conn_ = PQconnectdbParams(keys, values, 1);
        if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
            const std::string message = trimmed(conn_ ? PQerrorMessage(conn_) : "out of memory");
            PQfinish(conn_);
            conn_ = nullptr;
            throw StoreError("cannot connect to PostgreSQL: " + message);
        }
        PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // "relation already exists, skipping"
    }
    ~PostgresDb() override { PQfinish(conn_); }

    Dialect dialect() const override { return Dialect::postgres; }

    void exec(std::string_view sql) override {
        const std::string copy(sql);
        Result r(PQexec(conn_, copy.c_str()));
        const auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("sql", r.get(), conn_);
    }
    // Prepares `sql` on the server on its first use by this connection, renumbering its
    // placeholders. Parameters the SQL does not mention (a query built with optional filters)
    // are declared text, since the server cannot infer their type.
    std::unique_ptr<Cursor> prepare(std::string_view sql) override {
        auto it = prepared_.find(sql);
        if (it == prepared_.end()) {
            std::vector<bool> used;
            const std::string numbered = renumber(sql, used);
            Prepared p{"s" + std::to_string(prepared_.size()), static_cast<int>(used.size())};
            std::vector<Oid> types(p.count, 0);
            for (int i = 0; i < p.count; ++i)
                if (!used[i]) types[i] = kTextOid;
            Result r(PQprepare(conn_, p.name.c_str(), numbered.c_str(), p.count, types.data()));
            if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) fail("prepare", r.get(), conn_);
            it = prepared_.emplace(std::string(sql), std::move(p)).first;
        }
        return std::make_unique<PostgresCursor>(*this, it->second);
    }
    std::int64_t changes() const override { return changes_; }
    void begin_write(WriteLock lock) override { exec(lock == WriteLock::rows ? kBeginRows : kBeginExclusive); }
    void commit() override { exec("COMMIT"); }
    void rollback() override { exec("ROLLBACK"); }
    bool usable() const override { return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE; }

    // Runs a prepared statement with these parameters.
    Result run(const Prepared& prepared, const std::vector<std::string>& values, const std::vector<bool>& null,
               const std::vector<int>& binary) {
        const Params p(values, null);
        Result r(PQexecPrepared(conn_, prepared.name.c_str(), prepared.count, p.pointers.data(), p.lengths.data(),
                                binary.data(), 0));
        checked(r, "step");
        return r;
    }

    std::optional<std::size_t> commit_after(const std::vector<Cursor*>& last) override {
        if (PQenterPipelineMode(conn_) != 1) fail("pipeline", nullptr, conn_);
        for (Cursor* c : last) static_cast<PostgresCursor*>(c)->send(conn_);
        if (PQsendQueryParams(conn_, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) != 1 || PQpipelineSync(conn_) != 1)
            fail("pipeline", nullptr, conn_);
        // One result per statement and one for COMMIT, each followed by a null, then the sync.
        // After an error the server skips the rest (PGRES_PIPELINE_ABORTED) and the transaction
        // stays aborted, to be rolled back.
        std::optional<std::size_t> refused;
        Result error;
        bool unchanged = false;
        for (std::size_t i = 0; i <= last.size(); ++i) {
            Result r(PQgetResult(conn_));
            if (!r) fail("pipeline", nullptr, conn_);
            const auto status = PQresultStatus(r.get());
            const char* state = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
            if (status == PGRES_FATAL_ERROR) {
                if (i < last.size() && state && std::string_view(state) == "23514") refused = i;
                else error = std::move(r);
            } else if (status != PGRES_PIPELINE_ABORTED && i < last.size()) {
                unchanged = unchanged || std::string_view(PQcmdTuples(r.get())) != "1";
                static_cast<PostgresCursor*>(last[i])->received(std::move(r));
            }
            while (Result(PQgetResult(conn_))) {
                // up to the null that ends this statement's results
            }
        }
        Result sync(PQgetResult(conn_));
        if (!sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC || PQexitPipelineMode(conn_) != 1)
            fail("pipeline", sync.get(), conn_);
        if (error) fail("commit", error.get(), conn_);
        if (refused) return refused;
        if (unchanged) throw StoreError("a final update of a transaction changed no row");
        return std::nullopt;
    }

    // Statement parameters as libpq takes them (null: SQL NULL).
    struct Params {
        Params(const std::vector<std::string>& values, const std::vector<bool>& null)
            : pointers(values.size()), lengths(values.size()) {
            for (std::size_t i = 0; i < values.size(); ++i) {
                pointers[i] = null[i] ? nullptr : values[i].data();
                lengths[i] = static_cast<int>(values[i].size());
            }
        }
        std::vector<const char*> pointers;
        std::vector<int> lengths;
    };

private:
    // Throws unless `r` succeeded; records the rows it changed.
    void checked(const Result& r, const char* what) {
        const auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(what, r.get(), conn_);
        const char* tuples = PQcmdTuples(r.get());
        if (tuples[0] != '\0') changes_ = std::strtoll(tuples, nullptr, 10);
    }

    PGconn* conn_ = nullptr;
    std::int64_t changes_ = 0;
    SqlMap<Prepared> prepared_;  // SQL as written → its statement
};

void PostgresCursor::send(PGconn* conn) const {
    const PostgresDb::Params p(values_, null_);
    if (PQsendQueryPrepared(conn, prepared_.name.c_str(), prepared_.count, p.pointers.data(), p.lengths.data(),
                            binary_.data(), 0) != 1)
        fail("pipeline", nullptr, conn);
}

bool PostgresCursor::step() {
    if (!result_) {
        result_ = db_.run(prepared_, values_, null_, binary_);
        row_ = 0;
    } else {
        ++row_;
    }
    return row_ < PQntuples(result_.get());
}

}  // namespace

std::unique_ptr<Db> connect_postgres(const std::string& uri) { return std::make_unique<PostgresDb>(uri); }

}  // namespace satstore::server::sql
