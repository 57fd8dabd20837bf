// satstore core — finding wallet secrets in text people are about to send to support.
//
// Scammers posing as support ask for seed phrases and keys, so the ticket form refuses them
// (SPEC §1 Support). The client scans before sending and the server scans again; both use this
// code. Detected:
//   - BIP-39 mnemonics of 12/15/18/21/24 words, English or Simplified Chinese, only when the
//     checksum is valid (so ordinary text that happens to use word-list words passes);
//   - raw private keys: 64 hex digits (optionally "0x"), a valid secp256k1 secret key;
//   - WIF private keys: base58check, version 0x80 or 0xEF, 32 bytes (+ 0x01 when compressed);
//   - extended private keys (xprv, tprv, yprv, zprv, …): base58check, 78 bytes, key data 0x00‖k.
// Word lists are Debian's python3-mnemonic files, compiled in (cmake: bip39_wordlists).
// Pure computation; the result names the kind of secret, never the secret itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace satstore {

enum class SecretKind {
    mnemonic_en,           // BIP-39, English word list
    mnemonic_zh,           // BIP-39, Simplified Chinese word list
    hex_private_key,       // 32-byte secret key in hex
    wif_private_key,       // Wallet Import Format
    extended_private_key,  // BIP-32 xprv and relatives
};

// Stable snake_case name, used as `secret_kind` in API problems: "mnemonic_en", …
std::string secret_kind_name(SecretKind kind);

// The first wallet secret found in `utf8_text`, or nullopt.
//
// English words are runs of ASCII letters (any case) separated by anything else (spaces,
// punctuation, numbering such as "1." — so "1.abandon 2.ability …" is read as words). Chinese
// words are single characters, either separated like English words or written together: a run
// of consecutive word-list characters counts when the whole run is exactly 12, 15, 18, 21 or 24
// characters long and starts a line or follows a space or colon (not a comma or quote of
// running prose); Chinese phrases must also look uniformly drawn from the list, which ordinary prose, made
// of the most common characters, does not. Groups such as "的一是 在不了 …" are not recognised. Consecutive words form a run that ends at
// a non-word or at sentence punctuation (. : ! ? ; and their full-width forms); a run whose length
// is a mnemonic length is checked whole, a run of another length at every position. Hex, WIF
// and extended keys must stand alone (not be part of a longer run of letters and digits).
std::optional<SecretKind> find_secret(std::string_view utf8_text);

// True when `words` (already split, lower-case English or single Chinese characters) is a
// BIP-39 mnemonic with a valid checksum in either word list. For tests and the client's hint.
bool is_valid_mnemonic(const std::string* words, std::size_t count);

}  // namespace satstore
