#include "server/jobs.hpp"

#include <cstdio>
#include <ctime>

#include "server/catalog_cache.hpp"

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

PeriodicJob::PeriodicJob(std::chrono::milliseconds period, std::function<void()> work)
    : period_(period), work_(std::move(work)), thread_([this] { run(); }) {}

PeriodicJob::~PeriodicJob() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void PeriodicJob::run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, period_, [this] { return stopping_; })) {
        lock.unlock();
        work_();
        lock.lock();
    }
}

PeriodicJob sweeper(Store& store, int period_s) {
    return PeriodicJob(std::chrono::seconds(period_s), [&store] {
        try {
            const auto now = static_cast<std::int64_t>(std::time(nullptr));
            if (const int n = expire_overdue_orders(store, now); n > 0)
                std::fprintf(stderr, "sweeper: cancelled %d unpaid orders\n", n);
            if (const int n = complete_delivered_orders(store, now); n > 0)
                std::fprintf(stderr, "sweeper: completed %d delivered orders\n", n);
        } catch (const StoreError& e) {
            std::fprintf(stderr, "sweeper: %s\n", e.what());  // the database is back next round
        }
    });
}

PeriodicJob catalog_watch(Store& store, int period_ms) {
    // Read now, before the server answers: a change made after any page was cached then moves it.
    std::optional<std::int64_t> first;
    try {
        first = store.catalog_version();
    } catch (const StoreError&) {
    }
    return PeriodicJob(std::chrono::milliseconds(period_ms), [&store, seen = first]() mutable {
        try {
            const std::int64_t version = store.catalog_version();
            if (seen && version != *seen) catalog_cache::catalog_changed();
            seen = version;
        } catch (const StoreError&) {
            // the database is back next round; the cache's max age bounds what is served meanwhile
        }
    });
}

}  // namespace satstore::server
