// SQL backend: uploads and returns.
#include <map>

#include <nlohmann/json.hpp>

#include "core/enum_json.hpp"
#include "server/auth/secrets.hpp"
#include "server/store/sql/sql_store.hpp"

namespace satstore::server::sql {
namespace {

constexpr const char* kReturnColumns =
    "id, number, order_id, status, lines_json, reason, evidence_json, carrier, tracking_number, decision_note, "
    "created_at, updated_at";

ReturnRequest read_return(const Stmt& s) {
    ReturnRequest r;
    r.id = s.text(0);
    r.number = s.text(1);
    r.order_id = s.text(2);
    r.status = parse_enum<ReturnStatus>(s.text(3)).value_or(ReturnStatus::requested);
    for (const auto& l : nlohmann::json::parse(s.text(4)))
        r.lines.push_back({l.at("line_id").get<std::string>(), l.at("qty").get<std::int64_t>()});
    r.reason = s.text(5);
    r.evidence = nlohmann::json::parse(s.text(6)).get<std::vector<std::string>>();
    r.carrier = s.text(7);
    r.tracking_number = s.text(8);
    r.decision_note = s.text(9);
    r.created_at_unix_s = s.integer(10);
    r.updated_at_unix_s = s.integer(11);
    return r;
}

std::optional<ReturnRequest> load_return(Db& db, std::string_view id) {
    Stmt s(db, std::string("SELECT ") + kReturnColumns + " FROM returns WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_return(s);
}

}  // namespace

std::vector<ReturnRequest> load_returns(Db& db, std::string_view order_id) {
    Stmt s(db, std::string("SELECT ") + kReturnColumns + " FROM returns WHERE order_id = ? ORDER BY created_at, id");
    s.bind(1, order_id);
    std::vector<ReturnRequest> out;
    while (s.step()) out.push_back(read_return(s));
    return out;
}

void SqlStore::save_upload(const Upload& u) {
    auto lease = pool_.take();
    Stmt s(*lease, "INSERT INTO uploads(id, user_id, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, u.id).bind(2, u.user_id).bind(3, u.mime).bind(4, static_cast<std::int64_t>(u.data.size()))
        .bind_blob(5, u.data).bind(6, u.created_at_unix_s).step();
}

std::optional<Upload> SqlStore::upload(std::string_view id) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT id, user_id, mime, data, created_at FROM uploads WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return Upload{s.text(0), s.text(1), s.text(2), s.text(3), s.integer(4)};
}

std::vector<UploadUse> SqlStore::upload_uses(std::string_view upload_id) {
    auto lease = pool_.take();
    Db& db = *lease;
    std::vector<UploadUse> out;
    Stmt tickets(db, "SELECT DISTINCT t.user_id FROM ticket_attachments a JOIN tickets t ON t.id = a.ticket_id "
                     "WHERE a.upload_id = ?");
    tickets.bind(1, upload_id);
    while (tickets.step()) out.push_back({UploadUse::Kind::ticket, tickets.text(0)});
    // Evidence is a JSON array of ids in the return's row: matched as the quoted id, with LIKE's
    // wildcards in it escaped ("upl_…" holds an underscore).
    std::string pattern = "%\"";
    for (const char c : upload_id) {
        if (c == '_' || c == '%' || c == '\\') pattern += '\\';
        pattern += c;
    }
    pattern += "\"%";
    Stmt returns(db, "SELECT DISTINCT o.user_id FROM returns r JOIN orders o ON o.id = r.order_id "
                     "WHERE r.evidence_json LIKE ? ESCAPE '\\'");
    returns.bind(1, pattern);
    while (returns.step()) out.push_back({UploadUse::Kind::return_evidence, returns.text(0)});
    return out;
}

ReturnResult SqlStore::create_return(const ReturnRequest& ret) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    auto order = load_order(db, ret.order_id);
    if (!order) return {ReturnOutcome::not_found, std::nullopt};
    if (order->status != OrderStatus::delivered && order->status != OrderStatus::completed)
        return {ReturnOutcome::not_allowed, std::nullopt};
    std::map<std::string, std::int64_t> taken;
    for (const auto& earlier : order->returns)
        if (earlier.status != ReturnStatus::rejected)
            for (const auto& l : earlier.lines) taken[l.line_id] += l.qty;
    for (const auto& l : ret.lines) {
        std::int64_t ordered = 0;
        for (const auto& line : order->lines)
            if (line.id == l.line_id) ordered = line.qty;
        if (taken[l.line_id] + l.qty > ordered) return {ReturnOutcome::too_many_units, std::nullopt};
    }
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : ret.lines) lines.push_back({{"line_id", l.line_id}, {"qty", l.qty}});
    Stmt s(db, "INSERT INTO returns(id, order_id, status, lines_json, reason, evidence_json, created_at, updated_at) "
               "VALUES (?, ?, 'requested', ?, ?, ?, ?, ?)");
    s.bind(1, ret.id).bind(2, ret.order_id).bind(3, lines.dump()).bind(4, ret.reason)
        .bind(5, nlohmann::json(ret.evidence).dump()).bind(6, ret.created_at_unix_s).bind(7, ret.created_at_unix_s).step();
    add_order_event(db, ret.order_id, {ret.created_at_unix_s, enum_name(order->status), "buyer", "Return requested: " + ret.reason});
    auto stored = load_return(db, ret.id);
    tx.commit();
    return {ReturnOutcome::done, stored};
}

std::optional<ReturnRequest> SqlStore::return_by_id(std::string_view id) {
    auto lease = pool_.take();
    return load_return(*lease, id);
}

std::vector<ReturnRequest> SqlStore::returns_with_status(std::optional<ReturnStatus> status, int limit) {
    auto lease = pool_.take();
    Stmt s(*lease, std::string("SELECT ") + kReturnColumns + " FROM returns WHERE (?1 = '' OR status = ?1) "
                   "ORDER BY created_at DESC, id LIMIT ?2");
    s.bind(1, status ? enum_name(*status) : std::string()).bind(2, std::int64_t{limit});
    std::vector<ReturnRequest> out;
    while (s.step()) out.push_back(read_return(s));
    return out;
}

ReturnResult SqlStore::advance_return(std::string_view id, ReturnEvent event, const std::string& note,
                                         const std::string& carrier, const std::string& tracking_number, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    auto ret = load_return(db, id);
    if (!ret) return {ReturnOutcome::not_found, std::nullopt};
    auto next = return_transition(ret->status, event);
    if (!next) return {ReturnOutcome::not_allowed, std::nullopt};
    const std::string actor = event == ReturnEvent::ship_back ? "buyer" : "staff";
    std::string timeline_note;
    switch (event) {
        case ReturnEvent::approve: {
            ret->number = next_number(db, "rma_number", "RMA-");
            timeline_note = "Return approved: " + ret->number;
            break;
        }
        case ReturnEvent::reject:
            ret->decision_note = note;
            timeline_note = "Return rejected: " + note;
            break;
        case ReturnEvent::ship_back:
            ret->carrier = carrier;
            ret->tracking_number = tracking_number;
            timeline_note = "Return shipped back: " + carrier + " " + tracking_number;
            break;
        case ReturnEvent::receive: {
            // Received goods are refunded at once: received → refunded in the same transaction.
            auto order = load_order(db, ret->order_id);
            if (order && order->payment) {
                Refund refund{secrets::new_id("rfd"), order->payment->payer, order->payment->currency, 0,
                              RefundStatus::pending, "Return " + ret->number, ret->lines, "staff", now, 0};
                for (const auto& l : ret->lines)
                    for (const auto& line : order->lines)
                        if (line.id == l.line_id) refund.amount += line_refund_amount(*order, order->payment->amount, line, l.qty);
                refund.amount = std::min(refund.amount, order->payment->amount - refunded_total(*order));
                if (refund.amount > 0) apply_refund(db, *order, refund, now);
            }
            next = return_transition(*next, ReturnEvent::refund);
            timeline_note = "Return " + ret->number + " received and refunded";
            break;
        }
        case ReturnEvent::refund: return {ReturnOutcome::not_allowed, std::nullopt};
    }
    Stmt s(db, "UPDATE returns SET status = ?, number = ?, decision_note = ?, carrier = ?, tracking_number = ?, updated_at = ? "
               "WHERE id = ?");
    s.bind(1, enum_name(*next)).bind(2, ret->number).bind(3, ret->decision_note).bind(4, ret->carrier)
        .bind(5, ret->tracking_number).bind(6, now).bind(7, id).step();
    auto order = load_order(db, ret->order_id);
    add_order_event(db, ret->order_id, {now, order ? enum_name(order->status) : "", actor, timeline_note});
    auto updated = load_return(db, id);
    tx.commit();
    return {ReturnOutcome::done, updated};
}

}  // namespace satstore::server::sql
