#include "core/order_state.hpp"

namespace satstore {

std::optional<OrderStatus> transition(OrderStatus from, OrderEvent event, Actor actor) {
    using S = OrderStatus;
    using E = OrderEvent;
    switch (event) {
        case E::pay:
            if (from == S::pending_payment && actor == Actor::buyer) return S::paid;
            break;
        case E::ship:
            if (from == S::paid && actor == Actor::staff) return S::shipped;
            break;
        case E::deliver:
            if (from == S::shipped && actor != Actor::buyer) return S::delivered;
            break;
        case E::confirm_receipt:
            if (from == S::delivered && actor == Actor::buyer) return S::completed;
            break;
        case E::confirm_receipt_before_delivery:
            if (from == S::shipped && actor == Actor::buyer) return S::completed;
            break;
        case E::auto_complete:
            if (from == S::delivered && actor == Actor::system) return S::completed;
            break;
        case E::cancel:
            if ((from == S::pending_payment || from == S::paid) && actor != Actor::system) return S::cancelled;
            break;
        case E::expire:
            if (from == S::pending_payment && actor == Actor::system) return S::cancelled;
            break;
        case E::reship:
            if (from == S::shipped && actor == Actor::staff) return S::shipped;
            break;
    }
    return std::nullopt;
}

std::string event_name(OrderEvent event) {
    switch (event) {
        case OrderEvent::pay: return "pay";
        case OrderEvent::ship: return "ship";
        case OrderEvent::deliver: return "deliver";
        case OrderEvent::confirm_receipt: return "confirm_receipt";
        case OrderEvent::confirm_receipt_before_delivery: return "confirm_receipt_before_delivery";
        case OrderEvent::auto_complete: return "auto_complete";
        case OrderEvent::cancel: return "cancel";
        case OrderEvent::expire: return "expire";
        case OrderEvent::reship: return "reship";
    }
    return "";
}

std::string actor_name(Actor actor) {
    switch (actor) {
        case Actor::buyer: return "buyer";
        case Actor::staff: return "staff";
        case Actor::system: return "system";
    }
    return "";
}

}  // namespace satstore
