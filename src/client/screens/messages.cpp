// satstore client — full-page messages: the API is unreachable (with Retry), unknown route.
#include "i18n/strings.hpp"
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {

void draw_api_error(AppState& s, float width) {
    if (ui::message_block(tr(s.lang, S::error_heading), tr(s.lang, S::error_body), tr(s.lang, S::retry), width)) {
        s.push(Intent::Kind::retry);
    }
}

void draw_not_found(AppState& s, float width) {
    if (ui::message_block(tr(s.lang, S::page_not_found), "", tr(s.lang, S::go_home), width)) {
        go(s, route_of(Route::catalog));
    }
}

}  // namespace satstore::client::screens
