// satstore core — the help center: answers to common problems in English and Simplified Chinese,
// and searching them. The entries are data (assets/support/faq.json), read by the server at start.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace satstore {

struct FaqText {
    std::string question;
    std::string answer;
};

struct FaqEntry {
    std::string id;     // stable slug, e.g. "payment-failed"
    std::string topic;  // payment, orders, shipping, returns, account, security
    FaqText en;
    FaqText zh;                         // Simplified Chinese
    std::vector<std::string> keywords;  // extra search terms, either language
};

// Parses {"entries": [{id, topic, en: {question, answer}, "zh-CN": {question, answer}, keywords?}]}.
// Throws std::invalid_argument naming the first bad entry (a broken data file must stop the
// server at start, not surface as empty answers).
std::vector<FaqEntry> parse_faq(const nlohmann::json& document);

// Entries matching every whitespace-separated term of `query` (case-insensitive for ASCII) in
// either language's question or answer, or a keyword; all entries for an empty query. Order is
// kept.
std::vector<FaqEntry> search_faq(const std::vector<FaqEntry>& entries, std::string_view query);

// {id, topic, en: {question, answer}, "zh-CN": {question, answer}}.
void to_json(nlohmann::json& j, const FaqEntry& entry);
void from_json(const nlohmann::json& j, FaqEntry& entry);  // an answer of GET /support/faq (no keywords)

}  // namespace satstore
