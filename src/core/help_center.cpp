#include "core/help_center.hpp"

#include <algorithm>
#include <stdexcept>

namespace satstore {
namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

FaqText text_of(const nlohmann::json& entry, const char* lang, const std::string& id) {
    const auto it = entry.find(lang);
    if (it == entry.end() || !it->is_object() || !it->contains("question") || !it->contains("answer") ||
        !(*it)["question"].is_string() || !(*it)["answer"].is_string() || (*it)["question"].get<std::string>().empty() ||
        (*it)["answer"].get<std::string>().empty())
        throw std::invalid_argument("faq entry '" + id + "': " + lang + " needs a question and an answer");
    return {(*it)["question"].get<std::string>(), (*it)["answer"].get<std::string>()};
}

}  // namespace

std::vector<FaqEntry> parse_faq(const nlohmann::json& document) {
    if (!document.is_object() || !document.contains("entries") || !document["entries"].is_array())
        throw std::invalid_argument("faq: expected {\"entries\": [...]}");
    std::vector<FaqEntry> out;
    for (const auto& e : document["entries"]) {
        if (!e.is_object() || !e.contains("id") || !e["id"].is_string() || e["id"].get<std::string>().empty())
            throw std::invalid_argument("faq: an entry without an id");
        FaqEntry entry;
        entry.id = e["id"].get<std::string>();
        if (!e.contains("topic") || !e["topic"].is_string())
            throw std::invalid_argument("faq entry '" + entry.id + "': topic missing");
        entry.topic = e["topic"].get<std::string>();
        entry.en = text_of(e, "en", entry.id);
        entry.zh = text_of(e, "zh-CN", entry.id);
        if (e.contains("keywords")) {
            if (!e["keywords"].is_array()) throw std::invalid_argument("faq entry '" + entry.id + "': keywords must be a list");
            for (const auto& k : e["keywords"])
                if (k.is_string()) entry.keywords.push_back(k.get<std::string>());
        }
        if (std::any_of(out.begin(), out.end(), [&](const FaqEntry& x) { return x.id == entry.id; }))
            throw std::invalid_argument("faq entry '" + entry.id + "' appears twice");
        out.push_back(std::move(entry));
    }
    return out;
}

std::vector<FaqEntry> search_faq(const std::vector<FaqEntry>& entries, std::string_view query) {
    std::vector<std::string> terms;
    const std::string q = lower_ascii(query);
    for (std::size_t i = 0; i < q.size();) {
        const auto start = q.find_first_not_of(" \t\r\n", i);
        if (start == std::string::npos) break;
        auto end = q.find_first_of(" \t\r\n", start);
        if (end == std::string::npos) end = q.size();
        terms.push_back(q.substr(start, end - start));
        i = end;
    }
    std::vector<FaqEntry> out;
    for (const auto& e : entries) {
        std::string haystack = e.en.question + "\n" + e.en.answer + "\n" + e.zh.question + "\n" + e.zh.answer;
        for (const auto& k : e.keywords) haystack += "\n" + k;
        haystack = lower_ascii(haystack);
        if (std::all_of(terms.begin(), terms.end(), [&](const std::string& t) { return haystack.find(t) != std::string::npos; }))
            out.push_back(e);
    }
    return out;
}

void to_json(nlohmann::json& j, const FaqEntry& e) {
    j = {{"id", e.id},
         {"topic", e.topic},
         {"en", {{"question", e.en.question}, {"answer", e.en.answer}}},
         {"zh-CN", {{"question", e.zh.question}, {"answer", e.zh.answer}}}};
}

void from_json(const nlohmann::json& j, FaqEntry& e) {
    const auto text = [](const nlohmann::json& o, const char* lang) {
        const nlohmann::json& t = o.at(lang);
        return FaqText{t.at("question").get<std::string>(), t.at("answer").get<std::string>()};
    };
    e = FaqEntry{};
    e.id = j.at("id").get<std::string>();
    e.topic = j.value("topic", std::string());
    e.en = text(j, "en");
    e.zh = text(j, "zh-CN");
}

}  // namespace satstore
