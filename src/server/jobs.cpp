#include "server/jobs.hpp"

#include "server/catalog_cache.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace satstore::server {

int expire_overdue_orders(Store& store, std::int64_t now, int limit) {
    int cancelled = 0;
    for (const auto& id : store.overdue_unpaid_orders(now, limit))
        if (store.cancel_order(id, OrderEvent::expire, Actor::system, "Not paid in time", now)) ++cancelled;
    return cancelled;
}

int complete_delivered_orders(Store& store, std::int64_t now, int limit) {
    int completed = 0;
    for (const auto& id : store.orders_to_autocomplete(now - kAutoCompleteAfterS, limit))
        if (store.complete_order(id, OrderEvent::auto_complete, Actor::system, now)) ++completed;
    return completed;
}

std::optional<Order> order_expiring_if_overdue(Store& store, std::string_view order_id, std::int64_t now) {
    auto order = store.order(order_id);
    if (!order || order->status != OrderStatus::pending_payment || order->pay_by_unix_s > now) return order;
    if (auto cancelled = store.cancel_order(order_id, OrderEvent::expire, Actor::system, "Not paid in time", now))
        return cancelled;
    return store.order(order_id);  // another request or process changed it meanwhile
}

Sweeper::Sweeper(Store& store, int period_s) : store_(store), period_s_(period_s), thread_([this] { run(); }) {}

Sweeper::~Sweeper() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void Sweeper::run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::seconds(period_s_), [this] { return stopping_; })) {
        lock.unlock();
        try {
            const auto now = static_cast<std::int64_t>(std::time(nullptr));
            if (const int n = expire_overdue_orders(store_, now); n > 0)
                std::fprintf(stderr, "sweeper: cancelled %d unpaid orders\n", n);
            if (const int n = complete_delivered_orders(store_, now); n > 0)
                std::fprintf(stderr, "sweeper: completed %d delivered orders\n", n);
        } catch (const StoreError& e) {
            std::fprintf(stderr, "sweeper: %s\n", e.what());  // the database is back next round
        }
        lock.lock();
    }
}

CatalogWatch::CatalogWatch(Store& store, int period_ms)
    : store_(store), period_ms_(period_ms), thread_([this] { run(); }) {}

CatalogWatch::~CatalogWatch() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void CatalogWatch::run() {
    std::optional<std::int64_t> seen;
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(period_ms_), [this] { return stopping_; })) {
        lock.unlock();
        try {
            const std::int64_t version = store_.catalog_version();
            if (seen && version != *seen) catalog_cache::catalog_changed();
            seen = version;
        } catch (const StoreError&) {
            // the database is back next round; the cache's max age bounds what is served meanwhile
        }
        lock.lock();
    }
}

}  // namespace satstore::server
