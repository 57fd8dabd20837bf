// satstore client — page chrome: top bar, folded menu, footer, toasts, and shared screen helpers.
#include <algorithm>
#include <cstdio>

#include <imgui_internal.h>

#include "view_helpers.hpp"
#include "a11y/mirror.hpp"
#include "core/media.hpp"
#include "i18n/strings.hpp"
#include "routes.hpp"
#include "screens/buy_common.hpp"
#include "screens/screens.hpp"
#include "screens/support_common.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

const std::string& store_name(const AppState& s) {
    static const std::string fallback = "satstore";
    return s.store.name.empty() ? fallback : s.store.name;
}

const std::string& category_title(const AppState& s, const Category& c) {
    return (s.lang == Lang::zh_CN && !c.title_zh.empty()) ? c.title_zh : c.title_en;
}

void submit_search(AppState& s) {
    RouteState r;
    r.route = Route::catalog;
    r.query = s.search_text;
    r.category = s.route.route == Route::catalog ? s.route.category : std::string();
    go(s, r);
}

// Cart button with its count badge.
void cart_button(AppState& s) {
    const int count = cart_item_count(s);
    if (ui::button(tr(s.lang, S::cart), ButtonKind::secondary)) go(s, route_of(Route::cart));
    if (count <= 0) return;
    const ImVec2 mx = ImGui::GetItemRectMax(), mn = ImGui::GetItemRectMin();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d", std::min(count, 99));
    ImFont* f = render::font(FontSize::small14);
    const ImVec2 ts = f->CalcTextSizeA(12.0f, FLT_MAX, 0, buf);
    const float w = std::max(20.0f, ts.x + 10);
    const ImVec2 bmin(mx.x - w + 6, mn.y - 6), bmax(mx.x + 6, mn.y + 14);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(bmin, bmax, color::price, 10);
    dl->AddText(f, 12.0f, ImVec2((bmin.x + bmax.x - ts.x) * 0.5f, (bmin.y + bmax.y - ts.y) * 0.5f), color::surface, buf);
    a11y::add(a11y::Role::status, trf(s.lang, S::cart_count_d, count), ImRect(bmin, bmax));
}

void account_controls(AppState& s) {
    if (s.user) {
        // Account security (issue 7): the account page in place of the user's name.
        if (ui::button(tr(s.lang, S::account), ButtonKind::ghost)) go(s, route_of(Route::account));
        ImGui::SameLine(0, 8);
        if (ui::button(tr(s.lang, S::log_out), ButtonKind::ghost)) s.push(Intent::Kind::log_out);
    } else if (s.route.route != Route::login) {
        // Hidden on the login page itself, where the form's own "Log in" is the action.
        if (ui::button(tr(s.lang, S::log_in), ButtonKind::ghost)) go(s, route_of(Route::login));
    }
}

bool lang_button(AppState& s, float width = 0) {
    const bool clicked = ui::button(tr(s.lang, S::lang_switch), ButtonKind::ghost, ImVec2(width, 0));
    if (clicked) s.push(Intent::Kind::toggle_lang);
    return clicked;
}

void categories_menu(AppState& s) {
    // Label plus room for a chevron drawn as a triangle (the font has no ▾).
    const std::string label = std::string(tr(s.lang, S::categories)) + "    ";
    if (ui::button(label.c_str(), ButtonKind::ghost)) ImGui::OpenPopup("##categories");
    a11y::rename_last(tr(s.lang, S::categories));
    {
        const ImVec2 mx = ImGui::GetItemRectMax(), mn = ImGui::GetItemRectMin();
        const float cx = mx.x - 18, cy = (mn.y + mx.y) * 0.5f;
        ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(cx - 4, cy - 2), ImVec2(cx + 4, cy - 2), ImVec2(cx, cy + 3), color::text);
    }
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 4));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 8));
    if (ImGui::BeginPopup("##categories")) {
        auto item = [&](const std::string& title, const std::string& slug) {
            if (ImGui::Selectable(title.c_str(), s.route.category == slug, 0, ImVec2(220, 32))) {
                RouteState r = route_of(Route::catalog);
                r.category = slug;
                go(s, r);
            }
            a11y::annotate_last(a11y::Role::menuitem);
        };
        item(tr(s.lang, S::all_products), {});
        for (const Category& c : s.store.categories) item(category_title(s, c), c.slug);
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

void store_logo(AppState& s) {
    ui::push_font(FontSize::h20);
    ImGui::PushStyleColor(ImGuiCol_Text, color::brand);
    const std::string& name = store_name(s);
    render::note_text(name);
    const ImVec2 size = ImGui::CalcTextSize(name.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##logo", size)) go(s, route_of(Route::catalog));
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::GetWindowDrawList()->AddText(pos, color::brand, name.c_str());
    a11y::add(a11y::Role::link, name, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    ImGui::PopStyleColor();
    ui::pop_font();
}

void menu_button(AppState& s) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##menu", ImVec2(40, 40))) s.menu_open = !s.menu_open;
    a11y::add(a11y::Role::button, tr(s.lang, S::menu), ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (ImGui::IsItemHovered()) dl->AddRectFilled(pos, ImVec2(pos.x + 40, pos.y + 40), IM_COL32(243, 244, 246, 255), 8);
    for (int i = 0; i < 3; ++i) {
        const float y = pos.y + 13 + static_cast<float>(i) * 7;
        dl->AddLine(ImVec2(pos.x + 11, y), ImVec2(pos.x + 29, y), color::text, 2.0f);
    }
}

}  // namespace

ui::Picture product_picture(AppState& s, const std::string& image, float box_w, float box_h) {
    const float dpr = std::max(1.0f, ImGui::GetIO().DisplayFramebufferScale.x);
    const std::string url = media::image_url_for(image, box_w * dpr);
    auto it = s.images.find(url);
    if (it == s.images.end()) {
        s.images[url];  // one load intent per URL
        s.push(Intent::Kind::load_image, url);
        return {};
    }
    const ImageSlot& slot = it->second;
    return ui::cover(slot.texture, slot.width, slot.height, box_w, box_h);
}

void go(AppState& s, const RouteState& route) { s.push(Intent::Kind::navigate, route_fragment(route)); }

int cart_item_count(const AppState& s) {
    std::int64_t n = 0;
    for (const CartLine& l : s.cart) n += l.qty;
    return static_cast<int>(std::min<std::int64_t>(n, 9999));
}

void draw_top_bar(AppState& s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 wpos = ImGui::GetWindowPos();
    const float width = ImGui::GetWindowWidth();
    dl->AddRectFilled(wpos, ImVec2(wpos.x + width, wpos.y + ui::kTopBarHeight), color::surface);
    dl->AddLine(ImVec2(wpos.x, wpos.y + ui::kTopBarHeight - 1), ImVec2(wpos.x + width, wpos.y + ui::kTopBarHeight - 1), color::border);

    const bool narrow = is_narrow(s);
    const float side = narrow ? 12.0f : std::max(24.0f, (width - ui::kContentMaxWidth) * 0.5f);
    const float y = (ui::kTopBarHeight - ui::kControlHeight) * 0.5f;

    // The links on the right, measured, so they end at the column's right edge. When they do not
    // fit beside the logo, a search box of useful width and the categories, they fold into the
    // menu (always on phones).
    auto label_w = [](const char* l) { return ImGui::CalcTextSize(l, nullptr, true).x + 24; };
    // The staff consoles have their own layout (issue 19): no cart, search or categories, and the
    // console's name beside the logo.
    const bool staff = is_staff_route(s.route.route);
    const float cart_w = staff ? 0.0f : label_w(tr(s.lang, S::cart));
    float links_w = 8 + label_w(tr(s.lang, S::lang_switch));
    links_w += 8 + support_links_width(s);  // Help, Tickets (support_common.cpp)
    if (!s.session_token.empty()) links_w += 8 + account_links_width(s);
    if (is_merchant(s)) links_w += 8 + label_w(tr(s.lang, S::as_staff_link));  // issue 5: staff console
    if (s.user) {
        links_w += 8 + label_w(tr(s.lang, S::account)) + 8 + label_w(tr(s.lang, S::log_out));
    } else if (s.route.route != Route::login) {
        links_w += 8 + label_w(tr(s.lang, S::log_in));
    }
    ui::push_font(FontSize::h20);
    const float logo_w = ImGui::CalcTextSize(store_name(s).c_str()).x;
    ui::pop_font();
    // On staff pages the console's title takes the categories' place and no search box is needed.
    const float categories_w = staff ? label_w(tr(s.lang, S::as_staff_console)) : label_w(tr(s.lang, S::categories)) + 16;
    constexpr float kMinSearch = 200;
    const auto search_room = [&](float right_w, float menu_w) {
        return width - 2 * side - menu_w - logo_w - 24 - 8 - categories_w - 24 - right_w;
    };
    const bool folded = narrow || search_room(cart_w + links_w, 0) < (staff ? 0.0f : kMinSearch);
    s.top_bar_folded = folded;
    const float right_w = folded ? cart_w : cart_w + links_w;

    ImGui::SetCursorPos(ImVec2(side, y));
    if (folded) {
        menu_button(s);
        ImGui::SameLine();
    }
    // +2: the font's box sits high (tall ascender for CJK), so centre the glyphs, not the box.
    ImGui::SetCursorPosY(y + (ui::kControlHeight - render::font_px(FontSize::h20) * 1.2f) * 0.5f + 2.0f);
    store_logo(s);
    ImGui::SameLine(0, 24);
    if (staff) {
        ImGui::SetCursorPosY(y + (ui::kControlHeight - render::font_px(FontSize::body16) * 1.2f) * 0.5f + 2.0f);
        ui::text(tr(s.lang, S::as_staff_console), FontSize::body16, color::muted);
    } else if (!narrow) {
        ImGui::SetCursorPosY(y);
        const float search_w = std::clamp(search_room(right_w, folded ? 48.0f : 0.0f), 120.0f, 360.0f);
        ImGui::SetNextItemWidth(search_w);
        if (ImGui::InputTextWithHint("##search", tr(s.lang, S::search_hint), s.search_text.data(),
                                     s.search_text.capacity() + 1,
                                     ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackResize,
                                     [](ImGuiInputTextCallbackData* d) {
                                         auto* str = static_cast<std::string*>(d->UserData);
                                         str->resize(static_cast<std::size_t>(d->BufTextLen));
                                         d->Buf = str->data();
                                         return 0;
                                     },
                                     &s.search_text)) {
            submit_search(s);
        }
        s.search_text.resize(std::char_traits<char>::length(s.search_text.c_str()));
        a11y::annotate_last(a11y::Role::textbox, s.search_text);
        a11y::rename_last(tr(s.lang, S::search_hint));
        ImGui::SameLine(0, 8);
        ImGui::SetCursorPosY(y);
        categories_menu(s);
    }

    ImGui::SameLine(width - side - right_w, 0);
    ImGui::SetCursorPosY(y);
    if (!folded) {
        lang_button(s);
        ImGui::SameLine(0, 8);
        support_links(s, y);  // Help, Tickets (support_common.cpp)
        if (!s.session_token.empty()) {
            ImGui::SameLine(0, 8);
            account_links(s, y);  // Orders, Wallet (buy_common.cpp)
        }
        if (is_merchant(s)) {  // issue 5: the staff order console
            ImGui::SameLine(0, 8);
            ImGui::SetCursorPosY(y);
            if (ui::button(tr(s.lang, S::as_staff_link), ButtonKind::ghost)) go(s, route_of(Route::staff_orders));
        }
        ImGui::SameLine(0, 8);
        ImGui::SetCursorPosY(y);
        account_controls(s);
        ImGui::SameLine(0, 8);
        ImGui::SetCursorPosY(y);
    }
    if (!staff) cart_button(s);
}

void draw_menu_panel(AppState& s) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + ui::kTopBarHeight));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 16));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::surface);
    ImGui::Begin("##menu_panel", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                              ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    const float w = vp->Size.x - 32;
    if (is_narrow(s) && !is_staff_route(s.route.route)) {  // wider bars keep the search box and the categories in the bar
        ui::text_field(tr(s.lang, S::search_hint), "menu_search", s.search_text, {}, w, false, nullptr, false);
        if (ImGui::IsItemDeactivatedAfterEdit() && ImGui::IsKeyPressed(ImGuiKey_Enter)) submit_search(s);
        if (ui::button(tr(s.lang, S::search_button), ButtonKind::primary, ImVec2(w, 0))) submit_search(s);
        ImGui::Dummy(ImVec2(1, 4));
        ui::text(tr(s.lang, S::categories), FontSize::small14, color::muted);
        auto item = [&](const std::string& title, const std::string& slug) {
            if (ImGui::Selectable(title.c_str(), s.route.route == Route::catalog && s.route.category == slug, 0, ImVec2(w, 36))) {
                RouteState r = route_of(Route::catalog);
                r.category = slug;
                go(s, r);
            }
            a11y::annotate_last(a11y::Role::menuitem);
        };
        item(tr(s.lang, S::all_products), {});
        for (const Category& c : s.store.categories) item(category_title(s, c), c.slug);
        ImGui::Separator();
    }
    lang_button(s, w);
    if (!s.session_token.empty()) account_menu_items(s, w);
    if (is_merchant(s) && ui::button(tr(s.lang, S::as_staff_link), ButtonKind::secondary, ImVec2(w, 0)))
        go(s, route_of(Route::staff_orders));  // issue 5
    support_menu_items(s, w);  // Help, Tickets (support_common.cpp)
    if (s.user) {
        if (ui::button(tr(s.lang, S::account), ButtonKind::secondary, ImVec2(w, 0))) go(s, route_of(Route::account));
        if (ui::button(tr(s.lang, S::log_out), ButtonKind::secondary, ImVec2(w, 0))) s.push(Intent::Kind::log_out);
    } else if (ui::button(tr(s.lang, S::log_in), ButtonKind::secondary, ImVec2(w, 0))) {
        go(s, route_of(Route::login));
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

void draw_footer(AppState& s, float column_width) {
    ImGui::Dummy(ImVec2(1, 48));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + column_width, p.y), color::border);
    ImGui::Dummy(ImVec2(1, 16));
    ui::text(store_name(s), FontSize::body16, color::text);
    ui::text(tr(s.lang, S::footer_note), FontSize::small14, color::muted, 0, true);
    const StoreInfo& st = s.store;
    if (!st.support_email.empty() || !st.support_phone.empty()) {
        ImGui::Dummy(ImVec2(1, 4));
        ui::text(tr(s.lang, S::footer_support), FontSize::small14, color::text);
        auto line = [&](S key, const std::string& v) {
            if (v.empty()) return;
            ui::text(std::string(tr(s.lang, key)) + ": " + v, FontSize::small14, color::muted, 0, true);
        };
        line(S::footer_email, st.support_email);
        line(S::footer_phone, st.support_phone);
        // The server is configured with the hours in both languages (--support-hours[-zh]).
        line(S::footer_hours, s.lang == Lang::zh_CN && !st.support_hours_zh.empty() ? st.support_hours_zh : st.support_hours);
    }
    ImGui::Dummy(ImVec2(1, 32));
}

void draw_toasts(AppState& s) {
    if (s.toasts.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float y = vp->Pos.y + vp->Size.y - 24;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    ImFont* f = render::font(FontSize::body16);
    for (auto it = s.toasts.rbegin(); it != s.toasts.rend(); ++it) {
        const ImVec2 ts = f->CalcTextSizeA(16.0f, FLT_MAX, 0, it->text.c_str());
        const float w = ts.x + 40, h = 48;
        const ImVec2 mn(vp->Pos.x + (vp->Size.x - w) * 0.5f, y - h);
        const ImVec2 mx(mn.x + w, y);
        dl->AddRectFilled(ImVec2(mn.x, mn.y + 3), ImVec2(mx.x, mx.y + 4), IM_COL32(0, 0, 0, 30), 10);
        dl->AddRectFilled(mn, mx, it->error ? color::danger : color::text, 10);
        dl->AddText(f, 16.0f, ImVec2(mn.x + 20, mn.y + (h - ts.y) * 0.5f), color::surface, it->text.c_str());
        a11y::add(it->error ? a11y::Role::alert : a11y::Role::status, it->text, ImRect(mn, mx));
        y -= h + 8;
    }
}

}  // namespace satstore::client::screens
