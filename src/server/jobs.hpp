// satstore server — background work: cancelling orders left unpaid past their pay-by time,
// completing delivered orders, noticing catalog changes made by other processes.
//
// Safe with several server processes on one database: each cancellation is a conditional
// transition in one transaction, so two sweepers racing for the same order cancel it once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>

#include "core/fulfilment.hpp"
#include "server/store/store.hpp"

namespace satstore::server {

// Cancels (event `expire`, actor system) up to `limit` overdue unpaid orders; returns how many.
int expire_overdue_orders(Store& store, std::int64_t now_unix_s, int limit = 100);

// Completes (event auto_complete) up to `limit` orders delivered more than 10 days ago.
int complete_delivered_orders(Store& store, std::int64_t now_unix_s, int limit = 100);

// The order, cancelled first if it is unpaid and overdue: a reader never sees a payable order
// past its time. nullopt when no order has this id. One read when nothing is overdue.
std::optional<Order> order_expiring_if_overdue(Store& store, std::string_view order_id, std::int64_t now_unix_s);

// Runs `work` every `period` on its own thread until destroyed (the destructor wakes and joins
// it). `work` handles its own errors.
class PeriodicJob {
public:
    PeriodicJob(std::chrono::milliseconds period, std::function<void()> work);
    ~PeriodicJob();
    PeriodicJob(const PeriodicJob&) = delete;
    PeriodicJob& operator=(const PeriodicJob&) = delete;

private:
    void run();

    std::chrono::milliseconds period_;
    std::function<void()> work_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

// Runs expire_overdue_orders and complete_delivered_orders every `period_s` seconds.
PeriodicJob sweeper(Store& store, int period_s);

// Watches Store::catalog_version every `period_ms` and drops this process's cached catalog pages
// (catalog_cache::catalog_changed) when another process changed the catalog, so that staff
// changes show at once on every process, not only after the cache's max age.
PeriodicJob catalog_watch(Store& store, int period_ms);

}  // namespace satstore::server
